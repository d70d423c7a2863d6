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
  /** Index in `NewsmarkResult.quotes` of the quote the claim belongs to. */
  quote?: number
}

/**
 * What a quote's source is: a named person, an organisation, a document
 * ("a report by …", "court filings") or an anonymous source ("a source",
 * "officials", "people familiar with the matter").
 */
export type SourceKind = 'named' | 'organisation' | 'document' | 'anonymous'

/** Who or what a quote is attributed to. */
export interface QuoteSource extends Span {
  /** Id of the entity the source resolves to (through titles, pronouns, "the spokeswoman"). */
  entity?: string
  /** The source as named: the entity's name, else the source text. */
  name: string
  kind: SourceKind
}

/**
 * A quotation or attribution: what was said (the content, quoted or
 * reported), the cue that reports it ("said", "according to",
 * "statement") and its source.
 */
export interface Quote {
  /** Start of the content (of its first part). */
  start: number
  /** End of the content (of its last part). */
  end: number
  /** The pieces of an interrupted quote (`“We will,” he said, “respond.”`). */
  parts?: Span[]
  /** `direct`: all in quotation marks; `mixed`: partly; `indirect`: reported speech. */
  kind: 'direct' | 'indirect' | 'mixed'
  cue?: Span
  source?: QuoteSource
}

/** The whole result for one document. */
export interface NewsmarkResult {
  /** The reference date used to resolve relative dates (YYYY-MM-DD). */
  referenceDate?: string
  entities: Entity[]
  /**
   * Nationalities, groups and modifiers made from names (“Polish”,
   * “Republicans”, “Ohio-based”): tagged MISC as CoNLL-2003 does, but kept
   * apart from the entities (absent when there are none).
   */
  nationalities?: Entity[]
  dates: DateTag[]
  claims: Claim[]
  /** Quotes and attributions (with claims: absent when claims are off). */
  quotes?: Quote[]
  /**
   * The claims most worth checking, best first (`claimsToCheck` of them at
   * most; absent when there are none): the sidebar lists them whatever the
   * preset, and `claim-to-check` reports them as findings when it is on.
   */
  toCheck?: ClaimToCheck[]
}

/** A claim worth checking, with its rank and why. */
export interface ClaimToCheck extends Span {
  /** 1 for the claim most worth checking. */
  rank: number
  /** Its kind and, when the text makes it clear, who stands behind it (“statistic with no source”). */
  reason: string
}

declare module 'vfile' {
  interface DataMap {
    /** Newsmark tags, set by `remarkNewsmark`. */
    newsmark: NewsmarkResult
  }
}
