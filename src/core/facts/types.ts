/**
 * Types of the reader’s fact base: facts as written in `.newsmark/facts.yaml`
 * (or passed in settings) and as the rules use them.
 *
 * Two kinds: a *value* fact states a property of a subject (“Ottawa
 * Convention / adopted / 1997”); a *claim* fact records a verdict given to a
 * claim (“output will rise by 25 times” is `false`), as a reader gives them
 * in any article of the workspace (`factsFromVerdicts`). Verdicts are the
 * annotations’ (`src/core/annotations/types.ts`).
 */
import type {Verdict} from '../annotations/types.ts'

export type {Verdict} from '../annotations/types.ts'

/** A value fact as written (YAML or JSON). */
export interface ValueFactInput {
  /** What the fact is about (“Ottawa Convention”). */
  subject: string
  /** Other names of the subject (“Mine Ban Treaty”). */
  aliases?: ReadonlyArray<string> | null | undefined
  /** The property (“adopted”), or its alternative wordings. */
  property: string | ReadonlyArray<string>
  /** The value (“1997”, 25, “25 times”). */
  value: string | number | boolean | Date
  /** Where the fact comes from (URL or citation). */
  source: string
  /** When the fact was established or holds (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  date?: string | number | Date | null | undefined
  /** Verdict when the fact records a checked statement (`false`: a claim of this value is false). */
  verdict?: Verdict | boolean | null | undefined
  /** Where it was defined (set by `parseFacts`). */
  origin?: string | null | undefined
}

/** A claim fact as written: a verdict given to a claim. */
export interface ClaimFactInput {
  /** The claim as worded (“output will rise by 25 times”). */
  claim: string
  /** The verdict. */
  verdict: Verdict | boolean
  /** The evidence (URL or citation), or the article the verdict was given in. */
  source: string
  /** When the verdict was given. */
  date?: string | number | Date | null | undefined
  /** Where it was defined (set by `parseFacts`, `factsFromVerdicts`). */
  origin?: string | null | undefined
}

/** A fact as written. */
export type FactInput = ValueFactInput | ClaimFactInput

/** A value fact, normalised. */
export interface ValueFact {
  kind: 'value'
  subject: string
  /** Other names of the subject (may be empty). */
  aliases: ReadonlyArray<string>
  /** Wordings of the property (at least one). */
  property: ReadonlyArray<string>
  /** The value as text (“1997”, “25 times”). */
  value: string
  source: string
  date?: string
  verdict?: Verdict
  /** Where it was defined (`.newsmark/facts.yaml:12:3`), for messages. */
  origin?: string
}

/** A claim fact, normalised. */
export interface ClaimFact {
  kind: 'claim'
  claim: string
  verdict: Verdict
  source: string
  date?: string
  origin?: string
}

/** A fact, normalised. */
export type Fact = ValueFact | ClaimFact
