/**
 * Types of the reader’s fact base: facts as written in `.newsmark/facts.yaml`
 * (or passed in settings) and as the rules use them.
 */

/** Verdict of a fact-check. */
export type Verdict = 'true' | 'false' | 'mixed' | 'unproven'

/** A fact as written (YAML or JSON). */
export interface FactInput {
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
  /** Verdict when the fact records a checked claim (`false`: the claim is false). */
  verdict?: Verdict | boolean | null | undefined
}

/** A fact, normalised. */
export interface Fact {
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
