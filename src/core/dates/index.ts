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
import {resolve, type Ctx, type Resolved, type Tense} from './normalize.ts'
import type {Sem} from './sem.ts'
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

/** A time expression found in a text, before its value is resolved. */
export interface TimexCandidate {
  /** Start offset (UTF-16, inclusive). */
  start: number
  /** End offset (UTF-16, exclusive). */
  end: number
  type: Timex['type']
  /** What it means, to resolve against the reference date. */
  sem: Sem
  /** The tense around it (cue words of its sentence). */
  tense: Tense
}

/**
 * Find the time expressions of a text, unresolved: a function of the text
 * alone, so a document's blocks can keep theirs from one analysis to the
 * next.
 *
 * @param text
 *   Text.
 * @returns
 *   Candidates in text order (never changed by `TimexResolver`).
 */
export function findTimexes(text: string): TimexCandidate[] {
  if (!text) return []
  const toks = tokenize(text)
  const ids = sentenceIds(toks)
  return findCandidates(toks).map((c) => ({
    start: toks[c.i]!.s,
    end: toks[c.j - 1]!.e,
    type: c.type,
    sem: c.sem,
    tense: tenseAt(toks, ids, c.i, c.j)
  }))
}

/**
 * Resolves the time expressions of a document, in order: each against the
 * reference date, and against the last quarter and the last date with a year
 * before it ("the following month").
 */
export class TimexResolver {
  readonly #ctx: Ctx

  /**
   * @param referenceDate
   *   Document creation date, `YYYY-MM-DD`, if known.
   */
  constructor(referenceDate?: string) {
    this.#ctx = {ref: parseYmd(referenceDate), tense: undefined}
  }

  /**
   * Resolve the next time expression of the document.
   *
   * @param candidate
   *   Candidate, from `findTimexes`.
   * @returns
   *   Value.
   */
  resolve(candidate: TimexCandidate): Resolved {
    const ctx = this.#ctx
    ctx.tense = candidate.tense
    const r = resolve(candidate.sem, ctx)
    const s = candidate.sem
    if (s.k === 'cal' && s.q && candidate.type === 'DATE') {
      const q = /^(\d{4})-Q([1-4])$/.exec(r.value)
      if (q) ctx.quarter = {y: Number(q[1]), q: Number(q[2])}
    }
    if (s.k === 'cal' && s.y !== undefined && !s.q && !s.h && !s.se) ctx.last = {y: s.y, m: s.m, d: s.d}
    return r
  }
}

/** Find and normalise the time expressions of `text`. */
export function tagTimex(text: string, options: TimexOptions = {}): Timex[] {
  const resolver = new TimexResolver(options.referenceDate)
  return findTimexes(text).map((c) => {
    const r = resolver.resolve(c)
    const tx: Timex = {start: c.start, end: c.end, text: text.slice(c.start, c.end), type: c.type, value: r.value, relative: r.relative}
    if (r.unresolved) tx.unresolved = true
    return tx
  })
}
