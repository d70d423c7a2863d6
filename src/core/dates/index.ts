/**
 * Time-expression tagger (TimeML TIMEX3): finds dates, times, durations and
 * sets in plain text and normalises them against a reference date.
 *
 * ```ts
 * tagTimex('Poland will exit the treaty on February 20.', {referenceDate: '2026-01-16'})
 * // [{start: 33, end: 44, text: 'February 20', type: 'DATE', value: '2026-02-20', relative: true}]
 * ```
 */
import {parseYmd} from './calendar.ts'
import {findCandidates} from './find.ts'
import {resolve, type Ctx} from './normalize.ts'
import {sentenceIds, tenseAt} from './tense.ts'
import {tokenize} from './tokenize.ts'

/** One time expression found in the text. */
export interface Timex {
  /** Start offset (UTF-16, inclusive). */
  start: number
  /** End offset (UTF-16, exclusive). */
  end: number
  /** `text.slice(start, end)`. */
  text: string
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET'
  /** TimeML value: `2026-02-20`, `2026-W02`, `PT48H`, `PRESENT_REF`, `XXXX-02-20`. */
  value: string
  /** Whether the value depended on the reference date ("next month", "Tuesday", "now"). */
  relative: boolean
  /** Set when a relative value could not be resolved for lack of a reference date. */
  unresolved?: boolean
}

/** Options of `tagTimex`. */
export interface TimexOptions {
  /** The document creation date, `YYYY-MM-DD` (a time after it is ignored). */
  referenceDate?: string
}

/** Find and normalise the time expressions of `text`. */
export function tagTimex(text: string, options: TimexOptions = {}): Timex[] {
  if (!text) return []
  const toks = tokenize(text)
  const ids = sentenceIds(toks)
  const ctx: Ctx = {ref: parseYmd(options.referenceDate), tense: undefined}
  const out: Timex[] = []
  for (const c of findCandidates(toks)) {
    ctx.tense = tenseAt(toks, ids, c.i, c.j)
    const r = resolve(c.sem, ctx)
    const s = c.sem
    if (s.k === 'cal' && s.q && c.type === 'DATE') {
      const q = /^(\d{4})-Q([1-4])$/.exec(r.value)
      if (q) ctx.quarter = {y: Number(q[1]), q: Number(q[2])}
    }
    if (s.k === 'cal' && s.y !== undefined && !s.q && !s.h && !s.se) ctx.last = {y: s.y, m: s.m, d: s.d}
    const start = toks[c.i]!.s, end = toks[c.j - 1]!.e
    const tx: Timex = {start, end, text: text.slice(start, end), type: c.type, value: r.value, relative: r.relative}
    if (r.unresolved) tx.unresolved = true
    out.push(tx)
  }
  return out
}
