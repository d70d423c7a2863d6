/**
 * The annotation model: what a reader adds to an article by hand (or what a
 * tool adds on their behalf), stored in a sidecar file or inline as
 * remark-directive text directives.
 *
 * Every offset here is a UTF-16 code unit index into the Markdown source,
 * like the rest of Newsmark. The sidecar stores Unicode code points (as the
 * W3C Web Annotation model says); `sidecar.ts` converts both ways.
 */

/** What a span can be tagged as by hand. */
export type TagType = 'PER' | 'ORG' | 'LOC' | 'MISC' | 'DATE' | 'CLAIM'

/** All tag types, in display order. */
export const tagTypes: ReadonlyArray<TagType> = ['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'CLAIM']

/** A claim verdict. */
export type Verdict = 'true' | 'mostly-true' | 'misleading' | 'false' | 'unverifiable' | 'needs-checking'

/** All verdicts, from best to worst, then the two that are not ratings. */
export const verdicts: ReadonlyArray<Verdict> = [
  'true',
  'mostly-true',
  'misleading',
  'false',
  'unverifiable',
  'needs-checking'
]

/** Where a rejection of an automatic tag applies. */
export type RejectScope = 'article' | 'workspace'

/** Who made an annotation: a person (`creator`) or software (`generator`). */
export interface Agent {
  type: 'Person' | 'Organization' | 'Software'
  /** Display name ("Ada Reader", "Newsmark"). */
  name: string
  /** IRI of the agent (`mailto:…`, a profile URL), when known. */
  id?: string
}

/**
 * The annotated text: a span of the source with the quote and its context,
 * as W3C TextQuoteSelector and TextPositionSelector describe it.
 */
export interface Target {
  /** Start offset (UTF-16, inclusive); `-1` when not known. */
  start: number
  /** End offset (UTF-16, exclusive); `-1` when not known. */
  end: number
  /** The quoted text, `source.slice(start, end)` when anchored. */
  exact: string
  /** Up to `contextLength` characters before the quote. */
  prefix: string
  /** Up to `contextLength` characters after the quote. */
  suffix: string
}

/** Fields that every annotation has. */
interface AnnotationFields {
  /** IRI of the annotation (`urn:uuid:…`). */
  id: string
  target: Target
  /** When it was made (ISO 8601). */
  created?: string
  /** When it was last changed (ISO 8601). */
  modified?: string
  /** The person who made it. */
  creator?: Agent
  /** The software that made it (for machine annotations). */
  generator?: Agent
  /** A free-text note. */
  note?: string
  /** Whether it comes from a directive in the Markdown, not the sidecar. */
  inline?: boolean
}

/** Tag a span by hand (`:person[…]`, “tag selection as …”). */
export interface TagAnnotation extends AnnotationFields {
  kind: 'tag'
  type: TagType
  /** Role of a person or organisation ("Deputy Defense Minister"). */
  role?: string
  /** TimeML value of a date (`2026-02-20`). */
  value?: string
}

/** Reject an automatic tag: the quoted text is not an entity (or not a date, claim). */
export interface RejectAnnotation extends AnnotationFields {
  kind: 'reject'
  /** Which tag is rejected; every tag with this text when missing. */
  type?: TagType
  scope: RejectScope
}

/** Merge the entity mentioned at `target` into the entity mentioned at `into`. */
export interface MergeAnnotation extends AnnotationFields {
  kind: 'merge'
  /** A mention of the entity that absorbs the other one. */
  into: Target
}

/** A claim verdict, with the evidence. */
export interface VerdictAnnotation extends AnnotationFields {
  kind: 'verdict'
  verdict: Verdict
  /** URL of the source that supports the verdict. */
  source?: string
}

/** A manual annotation. */
export type Annotation = TagAnnotation | RejectAnnotation | MergeAnnotation | VerdictAnnotation

/** Kinds of annotations. */
export type AnnotationKind = Annotation['kind']
