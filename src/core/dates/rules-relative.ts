/**
 * Grammar for expressions relative to the reference date: "today", "last
 * week", "next month", "this Friday", "last fall", "a year ago", "two weeks
 * earlier", "the weekend", "the year-ago quarter", "now", "recently".
 */
import lex from './lexicon.json' with {type: 'json'}
import {FULL_MONTHS, REFS, VAGUE, is, isPluralUnit, monthOf, partOf, seasonOf, skipDot, table, unitOf, weekdayOf, yearOf} from './match.ts'
import {durationValue} from './normalize.ts'
import {calendarRule} from './rules-calendar.ts'
import {hyphenAt, readNumber} from './numbers.ts'
import {yearAgoAt} from './rules-period.ts'
import type {Cand, Sem, Unit} from './sem.ts'
import type {Tok} from './tokenize.ts'

const DEICTIC = table(lex.deictic as unknown as Record<string, [number, string]>)
const REL = table<number>(lex.relWords)
const AGO = table<number>({ago: -1, earlier: -1, before: -1, back: -1, later: 1, hence: 1, after: 1})
const ANA_REL = table<number>({following: -1, previous: 1, preceding: 1, prior: 1})
const POINT_UNITS = new Set(['Y', 'M', 'W', 'D', 'Q', 'DE', 'CE', 'WE', 'HY'])

/** "today", "yesterday", "tomorrow", "tonight", "the day before yesterday". */
function deictic(toks: Tok[], i: number): Cand | null {
  let k = i
  let extra = 0
  if (is(toks, i, 'the') && is(toks, i + 1, 'day') && is(toks, i + 2, 'before', 'after') && is(toks, i + 3, 'yesterday', 'tomorrow')) {
    extra = toks[i + 2]!.l === 'before' ? -1 : 1
    k = i + 3
  }
  const dx = DEICTIC.get(toks[k]?.l ?? '')
  if (!dx) return null
  const part = dx[1] === 'D' ? undefined : dx[1]
  const sem: Sem = {k: 'shift', unit: 'D', n: dx[0] + extra, dx: true, ...(part ? {part} : {})}
  return {i, j: k + 1, type: part ? 'TIME' : 'DATE', sem}
}

/** "last week", "this year", "next Friday", "last April", "this summer", "this morning", "the past year". */
function relUnit(toks: Tok[], i: number): Cand | null {
  let k = i
  const the = is(toks, k, 'the')
  if (the) k++
  let n = REL.get(toks[k]?.l ?? '')
  if (n === undefined) return null
  const relWord = toks[k]!.l
  k++
  // "this past spring", "this coming Sunday"
  if (relWord === 'this' && is(toks, k, 'past', 'coming')) {
    n = toks[k]!.l === 'past' ? -1 : 1
    k++
  }
  // "the" goes with past/coming/following/previous, not with this/next/last ("the next day" aside)
  if (the && (relWord === 'this' || (relWord === 'next' && !is(toks, k, 'day')))) return null
  const t = toks[k]
  if (!t) return null
  const wd = weekdayOf(t)
  // "the following Tuesday", "the previous Friday": from the day the story is at
  const told = the && ANA_REL.has(relWord) ? {told: true as const} : {}
  if (wd) return {i, j: k + 1, type: 'DATE', sem: {k: 'cal', wd, dir: n < 0 ? -1 : n > 0 ? 1 : 0, ...told}}
  const m = monthOf(t)
  if (m && t.cap) {
    const dir = n < 0 ? -1 : n > 0 ? 1 : 0
    // "last Oct. 23", "next March 3": the day, in the month's last or next occurrence
    const day = calendarRule(toks, k)
    if (day && day.sem.k === 'cal' && day.sem.m === m && day.sem.d !== undefined && !day.drop) {
      return {i, j: day.j, type: 'DATE', sem: day.sem.y === undefined ? {...day.sem, dir} : day.sem}
    }
    // "next May." ends the sentence: the full stop is no abbreviation's
    return {i, j: FULL_MONTHS.has(t.l) ? k + 1 : skipDot(toks, k + 1), type: 'DATE', sem: {k: 'cal', m, dir}}
  }
  const se = seasonOf(t)
  if (se) return {i, j: k + 1, type: 'DATE', sem: {k: 'cal', se, dir: n < 0 ? -1 : n > 0 ? 1 : 0}}
  const part = partOf(t)
  if (part && (relWord === 'this' || relWord === 'last')) {
    // "last night" is the night before; "this morning" is today
    return {i, j: k + 1, type: 'TIME', sem: {k: 'shift', unit: 'D', n: relWord === 'last' ? -1 : 0, part, dx: true}}
  }
  if (is(toks, k, 'fiscal') && is(toks, k + 1, 'year', 'quarter')) k++
  if (relWord === 'current' && !is(toks, k, 'quarter', 'year', 'month', 'week')) return null
  const u = unitOf(toks[k]) as Unit | undefined
  if (!u || !POINT_UNITS.has(u) || isPluralUnit(toks[k]!) || toks[k]!.cap) return null
  if (relWord === 'past' && !the && toks[k - 1]?.l !== 'past') return null
  // "over the past decade", "in the last century": the ten (hundred) years
  // up to now, not the 2010s; "the middle of the last century" stays the 1900s
  const span = is(toks, i - 1, 'over', 'during', 'throughout', 'for', 'in', 'within') || (relWord === 'past' && !is(toks, i - 1, 'of'))
  if (the && span && (relWord === 'past' || relWord === 'last') && (u === 'DE' || u === 'CE')) {
    return {i, j: k + 1, type: 'DURATION', sem: {k: 'lit', value: durationValue(u === 'DE' ? 10 : 100, 'Y')}}
  }
  // "the following year", "the previous day", "the next day": from the time under discussion
  const anaAgo = relWord === 'next' && u === 'D' ? -1 : ANA_REL.get(relWord)
  if ((the || relWord === 'next') && anaAgo !== undefined && (u === 'Y' || u === 'M' || u === 'D')) {
    return {i, j: k + 1, type: 'DATE', sem: {k: 'ana', unit: u, ago: anaAgo}}
  }
  // "this past week": the seven days before the reference, mostly this week when it is written at the weekend
  if (relWord === 'this' && n === -1 && u === 'W') return {i, j: k + 1, type: 'DATE', sem: {k: 'shift', unit: 'D', n: -4, week: true}}
  // "last year's", "next week's": the possessive stays outside the span
  return {i, j: k + 1, type: 'DATE', sem: {k: 'shift', unit: u, n}}
}

/** "a year ago", "two weeks earlier", "three days later", "several years ago". */
function ago(toks: Tok[], i: number): Cand | null {
  let k = i
  let n: number | 'X' = 1
  const num = readNumber(toks, k)
  const vague = VAGUE.match(toks, k)
  if (num) {
    n = num.n
    k = num.j
  } else if (vague) {
    n = typeof vague.v === 'number' ? vague.v : 'X'
    k = vague.j
  } else if (is(toks, k, 'a', 'an', 'one')) k++
  const u = unitOf(toks[k]) as Unit | undefined
  if (!u) return null
  k++
  if (is(toks, k, 'or') && is(toks, k + 1, 'so')) k += 2
  let dir = AGO.get(toks[k]?.l ?? '')
  let j = k + 1
  if (dir === undefined && is(toks, k, 'from') && is(toks, k + 1, 'now', 'today')) {
    dir = 1
    j = k + 2
  }
  if (dir === undefined) return null
  // "after" and "before" need to end the phrase ("a year after" the war is not relative to today)
  if ((toks[k]!.l === 'after' || toks[k]!.l === 'before') && toks[k + 1] && toks[k + 1]!.kind === 'w' && !is(toks, k + 1, 'that')) return null
  if (n === 'X' || (toks[k - 1] && isPluralUnit(toks[k - 1]!) && !num && !vague)) {
    return {i, j, type: 'DATE', sem: {k: 'lit', value: dir < 0 ? 'PAST_REF' : 'FUTURE_REF', rel: true, ...(is(toks, k, 'later', 'after') ? {later: true} : {})}}
  }
  const earlier = toks[k]!.l === 'earlier' || toks[k]!.l === 'before'
  // "two days later", "a week earlier": from the day the story is at, as HeidelTime's narrative mode reads them
  const told = is(toks, k, 'later', 'earlier', 'before', 'after') ? {told: true as const} : {}
  return {i, j, type: 'DATE', sem: {k: 'shift', unit: u, n: dir * n, ...told, ...(u === 'Y' && n === 1 && (earlier || dir < 0) ? {qAware: true} : {})}}
}

/** "the year-ago quarter", "year-earlier", "the latest quarter", "the same period last year". */
function anaphoric(toks: Tok[], i: number): Cand | null {
  let k = is(toks, i, 'the', 'its', 'that') ? i + 1 : i
  // "that year", "the same day", "that month"
  if (k > i && toks[k] && (toks[i]!.l === 'that' || is(toks, k, 'same')) && is(toks, toks[k]!.l === 'same' ? k + 1 : k, 'year', 'month', 'day')) {
    const kk = toks[k]!.l === 'same' ? k + 1 : k
    return {i, j: kk + 1, type: 'DATE', sem: {k: 'ana', unit: unitOf(toks[kk]) as 'Y' | 'M' | 'D', ago: 0}}
  }
  if (is(toks, k, 'comparable', 'corresponding', 'same')) k++
  // "the 1988 period", "last year's quarter"
  let y: number | undefined
  let yago = 0
  if (k > i && yearOf(toks[k]) && is(toks, k + 1, 'quarter', 'period')) {
    y = yearOf(toks[k])
    k++
  } else if (k === i && is(toks, k, 'last') && is(toks, k + 1, 'year') && toks[k + 2]?.l === "'" && is(toks, k + 3, 's') && is(toks, k + 4, 'quarter', 'period')) {
    yago = 1
    k += 4
  }
  if (y !== undefined || yago) return {i, j: k + 1, type: 'DATE', sem: {k: 'ana', unit: 'Q', ago: yago, ...(y ? {y} : {})}}
  const ya = yearAgoAt(toks, k)
  if (ya > 0) {
    if (is(toks, ya, 'quarter', 'period')) return {i, j: ya + 1, type: 'DATE', sem: {k: 'ana', unit: 'Q', ago: 1}}
    if (k === i) return {i, j: ya, type: 'DATE', sem: {k: 'ana', unit: 'Q', ago: 1}}
    return null
  }
  if (k === i) return null
  if (is(toks, k, 'latest', 'recent', 'most')) k += toks[k]!.l === 'most' && is(toks, k + 1, 'recent') ? 2 : 1
  if (!is(toks, k, 'quarter', 'period')) return null
  // a word it begins is no quarter: "its quarter-century low", "the quarter-to-quarter change"
  if (hyphenAt(toks, k + 1)) return null
  // "the quarter ended Sept. 30": the calendar quarter of that day
  if (is(toks, k + 1, 'ended', 'ending', 'through')) {
    const end = calendarRule(toks, k + 2)
    if (end && end.sem.k === 'cal' && end.sem.m && end.sem.d) {
      const {y, m} = end.sem
      return {i, j: k + 1, type: 'DATE', sem: {k: 'cal', q: Math.ceil(m / 3), ...(y ? {y} : {})}}
    }
  }
  if (is(toks, k + 1, 'last', 'a') && is(toks, k + 2, 'year')) return {i, j: k + 3, type: 'DATE', sem: {k: 'ana', unit: 'Q', ago: 1}}
  if (is(toks, k + 1, 'a') && is(toks, k + 2, 'year') && is(toks, k + 3, 'ago', 'earlier')) return {i, j: k + 4, type: 'DATE', sem: {k: 'ana', unit: 'Q', ago: 1}}
  const vague = toks[k]!.l === 'period' && k === i + 1
  return {i, j: k + 1, type: 'DATE', sem: {k: 'ana', unit: 'Q', ago: 0, ...(vague ? {vague: true} : {})}}
}

const OF_CUE = new Set(['of', 'in', 'for', 'during', 'through', 'throughout', 'until', 'by'])

/** "the year ended March 31" (a duration), "for the year", "the end of the month", "year-end". */
function theUnit(toks: Tok[], i: number): Cand | null {
  if (is(toks, i, 'year') && hyphenAt(toks, i + 1) && is(toks, i + 2, 'end')) return {i, j: i + 3, type: 'DATE', sem: {k: 'shift', unit: 'Y', n: 0}}
  if (is(toks, i, 'year') && is(toks, i + 1, 'end') && !is(toks, i - 1, 'the', 'a')) return {i, j: i + 2, type: 'DATE', sem: {k: 'shift', unit: 'Y', n: 0}}
  if (is(toks, i, 'year') && toks[i + 1]?.l === "'" && is(toks, i + 2, 's') && is(toks, i + 3, 'end')) return {i, j: i + 4, type: 'DATE', sem: {k: 'shift', unit: 'Y', n: 0}}
  if (!is(toks, i, 'the')) return null
  let k = i + 1
  const full = is(toks, k, 'full', 'whole', 'entire')
  if (full || is(toks, k, 'fiscal')) k++
  if (!is(toks, k, 'year', 'month', 'week', 'day')) return null
  const u = unitOf(toks[k]) as Unit
  if (is(toks, k + 1, 'ended', 'ending', 'through', 'to')) return {i, j: k + 1, type: 'DURATION', sem: {k: 'lit', value: durationValue(1, u)}}
  if (!OF_CUE.has(toks[i - 1]?.l ?? '') || is(toks, k + 1, 'before', 'after')) return null
  // "during the day", "in the day": the daytime, no date ("by the day": each day)
  if (u === 'D' && is(toks, i - 1, 'during', 'in', 'through', 'throughout', 'by')) return null
  if (toks[k + 1]?.l === "'" || is(toks, k + 1, 'of') || hyphenAt(toks, k + 1)) return null
  return {i, j: k + 1, type: 'DATE', sem: {k: 'shift', unit: u, n: 0}}
}

/** "the weekend", "this weekend", "last weekend". */
function weekend(toks: Tok[], i: number): Cand | null {
  if (!is(toks, i, 'the') || !is(toks, i + 1, 'weekend')) return null
  return {i, j: i + 2, type: 'DATE', sem: {k: 'cal', se: 'WE'}}
}

/** "now", "currently", "recently", "the future", "the past". */
function refs(toks: Tok[], i: number): Cand | null {
  const r = REFS.match(toks, i)
  if (!r) return null
  // "One day, I was led …": a past narrative's day, not a future one
  const later = is(toks, i, 'one') && is(toks, i + 1, 'day') ? {later: true as const} : {}
  return {i, j: r.j, type: 'DATE', sem: {k: 'lit', value: r.v, rel: true, ...later}}
}

/** Any expression relative to the reference date at token `i`. */
export function relativeRule(toks: Tok[], i: number): Cand | null {
  let best: Cand | null = null
  // A fixed phrase first, at equal length (“the present day” is the present, not today).
  for (const c of [refs(toks, i), deictic(toks, i), relUnit(toks, i), ago(toks, i), anaphoric(toks, i), weekend(toks, i), theUnit(toks, i)]) {
    if (c && (!best || c.j > best.j)) best = c
  }
  return best
}
