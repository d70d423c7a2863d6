/**
 * Types of the Newsmark result: what `remarkNewsmark` writes to
 * `file.data.newsmark`.
 *
 * All offsets are UTF-16 code unit indices into the source Markdown
 * (`end` exclusive), so `source.slice(start, end) === text` holds for every
 * span, inside emphasis, links, list items and tables alike.
 */

/** Entity types, as in CoNLL-2003. */
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC'

/** TimeML TIMEX3 types. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET'

/** Kinds of check-worthy claims. */
export type ClaimKind =
  | 'statistic'
  | 'prediction'
  | 'causal'
  | 'quote'
  | 'reported'
  | 'factual'

/** A span of the source document. */
export interface Span {
  /** Start offset (UTF-16, inclusive). */
  start: number
  /** End offset (UTF-16, exclusive). */
  end: number
  /** The source text at `[start, end)`. */
  text: string
}

/** One mention of an entity. */
export interface Mention extends Span {
  /** Whether this mention is a pronoun resolved to the entity ("he"). */
  pronoun?: boolean
}

/** An entity: all mentions of one person, organisation, place or thing. */
export interface Entity {
  /** Stable id within one document (`e1`, `e2`, …). */
  id: string
  type: EntityType
  /** Canonical name: the longest full-name mention ("Cezary Tomczyk"). */
  name: string
  /** A job title or role seen with the name ("Deputy Defense Minister"). */
  role?: string
  mentions: Mention[]
}

/** A time expression, typed and normalised as TimeML does. */
export interface DateTag extends Span {
  type: TimexType
  /**
   * TimeML value (`2026-02-20`, `2026-02`, `2026-W02`, `PT48H`, `P1D`,
   * `PRESENT_REF`, `XXXX-02-20` when the year cannot be resolved).
   */
  value: string
  /** Whether the value depends on the reference date ("next month"). */
  relative: boolean
  /** Whether a relative value could not be resolved (no reference date). */
  unresolved?: boolean
}

/** Who made a claim. */
export interface Attribution {
  /** Id of the speaker entity, when the speaker is a known entity. */
  entity?: string
  /** The speaker as named ("Cezary Tomczyk", "Russian officials"). */
  name: string
}

/** A check-worthy factual statement. */
export interface Claim extends Span {
  kind: ClaimKind
  /** Check-worthiness, 0–1. */
  score: number
  speaker?: Attribution
  /** The reporting verb ("said", "claimed", "according to"). */
  verb?: string
  /** Where it was said ("Radio Zet"). */
  medium?: string
}

/** The whole result for one document. */
export interface NewsmarkResult {
  /** The reference date used to resolve relative dates (YYYY-MM-DD). */
  referenceDate?: string
  entities: Entity[]
  dates: DateTag[]
  claims: Claim[]
}

declare module 'vfile' {
  interface DataMap {
    /** Newsmark tags, set by `remarkNewsmark`. */
    newsmark: NewsmarkResult
  }
}
