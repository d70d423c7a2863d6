/**
 * Time-expression tagger (TimeML TIMEX3): finds dates, times, durations and
 * sets in plain text and normalises them against a reference date.
 *
 * ```ts
 * tagTimex('Poland will exit the treaty on February 20.', {referenceDate: '2026-01-16'})
 * // [{start: 33, end: 44, text: 'February 20', type: 'DATE', value: '2026-02-20', relative: true}]
 * ```
 */
import {parseYmd, toDays, type Ymd} from './calendar.ts'
import {readContext, type Reading} from './context.ts'
import {findCandidates} from './find.ts'
import {resolve, type Ctx, type Resolved, type Tense} from './normalize.ts'
import {isToday, type Sem} from './sem.ts'
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

/** A time expression found in a text, before its value is resolved, with how its context says to read it. */
export interface TimexCandidate extends Reading {
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
  const cands = findCandidates(toks)
  const readings = readContext(toks, ids, cands)
  const out: TimexCandidate[] = []
  for (const [n, c] of cands.entries()) {
    const {drop, ...reading} = readings[n]!
    if (drop) continue
    // The second day of "April 24 and 25" is read as the first is.
    const first = c.follows ? out.at(-1) : undefined
    if (first) out.push({...first, start: toks[c.i]!.s, end: toks[c.j - 1]!.e, type: c.type, sem: c.sem})
    else out.push({start: toks[c.i]!.s, end: toks[c.j - 1]!.e, type: c.type, sem: c.sem, tense: tenseAt(toks, ids, c.i, c.j), ...reading})
  }
  return out
}

/** Days from the reference to a day; how far a day of the events told may lie from it. */
const STORY_DAYS = 7

/**
 * Resolves the time expressions of a document, in order: each against the
 * reference date, and against the last quarter and the last date with a year
 * before it ("the following month"). As HeidelTime's narrative mode does,
 * the day of the events told (the last weekday or day of the month named,
 * within a week of the reference) is the day an hour with no day belongs
 * to, and the day that "tonight" or "yesterday" in a quotation count from;
 * "It's Thursday" makes Thursday the day of speaking, and a quoted post's
 * own date counts for the words of the post.
 */

export class TimexResolver {
  readonly #ctx: Ctx
  readonly #known = new Map<string, number>()
  #story: Ymd | undefined
  #told: Ymd | undefined
  #now: Ymd | undefined
  /** The last year of the last decade or century named (“the 1990s”: 1999), until a year or a day is named after it. */
  #era: number | undefined

  /**
   * @param referenceDate
   *   Document creation date, `YYYY-MM-DD`, if known.
   */
  constructor(referenceDate?: string) {
    this.#ctx = {ref: parseYmd(referenceDate), tense: undefined}
  }

  /**
   * Learn the years the document gives its days ("Jan. 6, 2021"), so that
   * the same day without a year, before or after, gets that year; a day
   * given with two different years is left alone.
   *
   * @param candidates
   *   Every candidate of the document.
   */
  learn(candidates: Iterable<TimexCandidate>): void {
    const ambiguous = new Set<string>()
    for (const {sem: s} of candidates) {
      if (s.k !== 'cal' || s.m === undefined || s.d === undefined || s.y === undefined) continue
      const key = `${s.m}-${s.d}`
      if (this.#known.has(key) && this.#known.get(key) !== s.y) ambiguous.add(key)
      this.#known.set(key, s.y)
    }
    for (const key of ambiguous) this.#known.delete(key)
  }

  /**
   * Resolve the next time expression of the document.
   *
   * @param candidate
   *   Candidate, from `findTimexes`.
   * @returns
   *   Value, or `null` when it is no time expression after all.
   */
  resolve(candidate: TimexCandidate): Resolved | null {
    const ctx = this.#ctx
    ctx.tense = candidate.tense
    ctx.known = this.#known
    ctx.generic = candidate.generic
    ctx.nearest = candidate.alone
    const s = candidate.sem
    // "today" in a quotation is as often "nowadays" ("today's youth"): it keeps the reference date
    const today = isToday(s)
    ctx.speech = candidate.posted ?? this.#now ?? (candidate.quoted && !today ? this.#story : undefined)
    ctx.day = this.#story
    ctx.told = this.#told
    // "Today, she describes herself as …" after a story of years long gone
    // (five or more), no day named since: nowadays
    // (or of a decade or a century: “in the 1990s”)
    const longAgo = (year: number | undefined) => year !== undefined && ctx.ref !== undefined && year <= ctx.ref.y - NOWADAYS_YEARS
    const past = (longAgo(ctx.last?.y) && ctx.lastAfterTold === true) || longAgo(this.#era)
    const r = candidate.nowAfterPast && past ? {value: 'PRESENT_REF', relative: true} : resolve(candidate.sem, ctx)
    if (!r) return null
    const day = /^\d{4}-\d\d-\d\d/.test(r.value) ? parseYmd(r.value) : undefined
    if (candidate.now && day) this.#now = day
    // a known event named by its day ("the Jan. 6 defendants") is no day the story is at
    const told = day !== undefined && !candidate.generic && !candidate.caption
    if (s.k === 'cal' && told && s.ev === undefined && (s.d !== undefined || s.wd !== undefined)) this.#told = day
    // a day counted from another ("yesterday", "two days later", "the next day") is where the story is now
    if (((s.k === 'shift' && s.unit === 'D' && !s.week) || (s.k === 'ana' && s.unit === 'D')) && told && !r.unresolved) this.#told = day
    if (this.#told === day && day !== undefined) {
      ctx.lastAfterTold = false
      this.#era = undefined
    }
    if (s.k === 'cal' && told && (s.d !== undefined || s.wd !== undefined) && ctx.ref) {
      const from = toDays(day) - toDays(ctx.ref)
      if (from >= -STORY_DAYS && from <= 1) this.#story = day
    }
    if (s.k === 'cal' && s.m !== undefined && s.d !== undefined && (s.y !== undefined || s.ev !== undefined) && day) this.#known.set(`${s.m}-${s.d}`, day.y)
    if (s.k === 'cal' && s.q && candidate.type === 'DATE') {
      const q = /^(\d{4})-Q([1-4])$/.exec(r.value)
      if (q) ctx.quarter = {y: Number(q[1]), q: Number(q[2])}
    }
    if (s.k === 'cal' && s.y !== undefined && !s.q && !s.h && !s.se) {
      ctx.last = {y: s.y, m: s.m, d: s.d}
      ctx.lastAfterTold = true
      this.#era = undefined
    }
    if (s.k === 'cal' && s.y === undefined && (s.dec !== undefined || s.cent !== undefined)) {
      this.#era = s.dec !== undefined ? s.dec * 10 + 9 : s.cent! * 100 + 99
    }
    return r
  }
}

/** How many years before the reference a story must have told of for a present “Today, she …” to mean nowadays. */
const NOWADAYS_YEARS = 5

/** Find and normalise the time expressions of `text`. */
export function tagTimex(text: string, options: TimexOptions = {}): Timex[] {
  const resolver = new TimexResolver(options.referenceDate)
  const candidates = findTimexes(text)
  resolver.learn(candidates)
  const out: Timex[] = []
  for (const c of candidates) {
    const r = resolver.resolve(c)
    if (!r) continue
    const tx: Timex = {start: c.start, end: c.end, text: text.slice(c.start, c.end), type: c.type, value: r.value, relative: r.relative}
    if (r.unresolved) tx.unresolved = true
    out.push(tx)
  }
  return out
}
