/**
 * Inlay hints for relative dates: after “next month” the value it resolves
 * to, as readers write it (`→ Feb 2026`).
 *
 * Pure (no `vscode`), tested in plain Node; `inlay-hints.ts` registers it.
 * Only dates and times that depend on the article's date and were resolved
 * get one: not durations, sets, the article's present (“now”) nor vague
 * references (`PAST_REF`), and not a date whose text already says it.
 */
import type {DateTag} from '../core/types.ts'
import {readableValue} from './timex.ts'

/** One hint: where, what it says, and why. */
export interface DateHint {
  /** Offset it goes at: the end of the date's text. */
  readonly offset: number
  /** `→ Feb 2026`. */
  readonly label: string
  /** Plain-text explanation (`“next month” in an article of 2026-01-16: 2026-02`). */
  readonly tooltip: string
}

/**
 * The hints for the relative dates of an analysis, in a range.
 * @param dates
 *   Dates of the article, in order.
 * @param referenceDate
 *   The article's date they were resolved against (`YYYY-MM-DD`), if any.
 * @param range
 *   Offsets to give hints for (`[start, end]`, a hint at `end` included;
 *   default: all).
 * @returns
 *   Hints, in order.
 */
export function dateHints(dates: readonly DateTag[], referenceDate: string | undefined, range?: readonly [number, number]): DateHint[] {
  const hints: DateHint[] = []
  for (const date of dates) {
    if (range && (date.end < range[0] || date.end > range[1])) continue
    if (!date.relative || date.unresolved || (date.type !== 'DATE' && date.type !== 'TIME')) continue
    const readable = readableValue(date.value)
    if (!readable || saysItself(date.text, readable)) continue
    const against = referenceDate ? ` in an article of ${referenceDate}` : ''
    hints.push({offset: date.end, label: `→ ${readable}`, tooltip: `“${date.text}”${against}: ${date.value}`})
  }
  return hints
}

/**
 * Whether a date's text already says what the hint would (`in February
 * 2026`, `Feb 2026`): each word of the hint starts a word of the text,
 * ignoring case.
 * @param text
 *   The date as the article writes it.
 * @param readable
 *   The hint's value.
 * @returns
 *   Whether the hint would repeat it.
 */
function saysItself(text: string, readable: string): boolean {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u)
  return readable
    .toLowerCase()
    .split(/[\s,]+/)
    .every((part) => words.some((word) => word.startsWith(part)))
}
