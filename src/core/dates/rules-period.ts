/**
 * Grammar for periods of a year: quarters and halves ("the third quarter",
 * "third-quarter", "the fiscal 1989 first quarter", "this year's second
 * half"), seasons ("the summer of 1994"), fiscal years and holidays.
 */
import {HOLIDAYS, is, seasonOf, table, yearOf} from './match.ts'
import {hyphenAt, readOrdinal} from './numbers.ts'
import {readYear} from './rules-calendar.ts'
import type {Cand, CalSem} from './sem.ts'
import type {Tok} from './tokenize.ts'

const REL_YEAR = table<number>({this: 0, last: -1, next: 1, current: 0, previous: -1})

/** Glue a hyphen ("third-quarter", "fiscal-1989", "year-ago"). */
function glue(toks: Tok[], k: number): number {
  return hyphenAt(toks, k) ? k + 1 : k
}

/** "year-ago", "year-earlier", "prior-year", "year-before" at `k`: index past it, else -1. */
export function yearAgoAt(toks: Tok[], k: number): number {
  if (is(toks, k, 'year') && hyphenAt(toks, k + 1) && is(toks, k + 2, 'ago', 'earlier', 'before')) return k + 3
  if (is(toks, k, 'prior', 'previous') && hyphenAt(toks, k + 1) && is(toks, k + 2, 'year')) return k + 3
  return -1
}

/** Year qualifiers before a quarter: "1988", "fiscal 1989", "this year's", "fiscal", "year-ago". */
function readQualifiers(toks: Tok[], i: number, sem: CalSem): number {
  let k = i
  for (let guard = 0; guard < 4; guard++) {
    const y = yearOf(toks[k]) ? readYear(toks, k) : null
    if (y) {
      sem.y = y.y
      k = y.j
      if (toks[k]?.l === "'" && is(toks, k + 1, 's')) k += 2
      continue
    }
    if (is(toks, k, 'fiscal')) {
      k = glue(toks, k + 1)
      continue
    }
    const ya = yearAgoAt(toks, k)
    if (ya > 0) {
      sem.ago = 1
      k = ya
      continue
    }
    const rel = REL_YEAR.get(toks[k]?.l ?? '')
    if (rel !== undefined && is(toks, k + 1, 'year') && toks[k + 2]?.l === "'" && is(toks, k + 3, 's')) {
      sem.yRel = rel
      k += 4
      continue
    }
    break
  }
  return k
}

/** Quarters and halves at `i`. */
function quarter(toks: Tok[], i: number): Cand | null {
  const sem: CalSem = {k: 'cal'}
  let k = readQualifiers(toks, i, sem)
  const o = readOrdinal(toks, k)
  let n = 0
  if (o) {
    n = o.n
    k = o.j
  } else if (is(toks, k, 'final') || (is(toks, k, 'last') && is(toks, k + 1, 'two') && is(toks, k + 2, 'quarters'))) {
    n = -1
    k++
  } else if (toks[k]?.l === 'q' && toks[k]!.cap && toks[k + 1]?.kind === 'n' && !toks[k + 1]!.sp && /^[1-4]$/.test(toks[k + 1]!.t)) {
    sem.q = Number(toks[k + 1]!.t)
    return finishQuarter(toks, i, k + 2, sem)
  }
  if (!n) return null
  // "the first two quarters of 1990" is the first half
  if ((n === 1 || n === -1) && is(toks, k, 'two') && is(toks, k + 1, 'quarters')) {
    sem.h = n === 1 ? 1 : 2
    return finishQuarter(toks, i, k + 2, sem)
  }
  k = glue(toks, k)
  if (is(toks, k, 'fiscal')) k = glue(toks, k + 1)
  if (is(toks, k, 'quarter') && n >= -1 && n <= 4) sem.q = n < 0 ? 4 : n
  else if (is(toks, k, 'half') && n >= 1 && n <= 2) sem.h = n
  else return null
  return finishQuarter(toks, i, k + 1, sem)
}

function finishQuarter(toks: Tok[], i: number, k: number, sem: CalSem): Cand {
  // "of 1990", "of fiscal 1990", "of this year", "1990", "last year"
  let j = k
  let m = is(toks, j, 'of') ? j + 1 : j
  if (is(toks, m, 'fiscal')) m++
  if (is(toks, m, 'year') && yearOf(toks[m + 1])) m++
  const y = yearOf(toks[m]) ? readYear(toks, m) : null
  if (y && sem.y === undefined) {
    sem.y = y.y
    j = y.j
  } else if (REL_YEAR.has(toks[m]?.l ?? '') && is(toks, m + 1, 'year') && toks[m + 2]?.l !== "'") {
    sem.yRel = REL_YEAR.get(toks[m]!.l)!
    j = m + 2
  } else if (m > k && is(toks, m, 'the') && is(toks, m + 1, 'year') && !is(toks, m + 2, 'before', 'after')) {
    sem.yRel = 0
    j = m + 2
  }
  return {i, j, type: 'DATE', sem}
}

/** Seasons: "summer", "the summer of 1994", "winter 1998", "fall '97". */
function season(toks: Tok[], i: number): Cand | null {
  const se = seasonOf(toks[i])
  if (!se) return null
  // "fall" is also a verb and a noun: only as a season with a cue around it
  const prev = toks[i - 1]?.l ?? ''
  let j = i + 1
  const of = is(toks, j, 'of') ? j + 1 : j
  const y = readYear(toks, of)
  if (y) return {i, j: y.j, type: 'DATE', sem: {k: 'cal', se, y: y.y}}
  // "the Summer Olympics", "the Fall of Rome": names, seasons are lower case in prose
  const prevTok = toks[i - 1]
  if (toks[i]!.cap && prevTok && !toks[i]!.par && !['.', '!', '?', '"', '``'].includes(prevTok.l)) return null
  if (se === 'FA' && !['the', 'this', 'last', 'next', 'in', 'early', 'late', 'mid', 'since', 'until', 'by', 'during', 'past'].includes(prev)) return null
  if (!['the', 'this', 'last', 'next', 'in', 'early', 'late', 'mid', 'since', 'until', 'by', 'during', 'past', 'coming', 'that', 'of', 'following'].includes(prev)) return null
  return {i, j, type: 'DATE', sem: {k: 'cal', se}}
}

/** Fiscal years: "fiscal 1989", "fiscal year 1990", "FY1990". */
function fiscal(toks: Tok[], i: number): Cand | null {
  if (!is(toks, i, 'fiscal')) return null
  let k = glue(toks, i + 1)
  if (is(toks, k, 'year')) k++
  const y = readYear(toks, k)
  if (!y) return null
  // "fiscal 1990-91": the year the fiscal year ends in is not known; keep the first
  return {i, j: y.j, type: 'DATE', sem: {k: 'cal', y: y.y}}
}

/** Holidays: "Thanksgiving", "Christmas Day 1997", "Election Day". */
function holiday(toks: Tok[], i: number): Cand | null {
  if (!toks[i]?.cap) return null
  const h = HOLIDAYS.match(toks, i)
  if (!h) return null
  // no holiday name ends in an abbreviation: a dot after it ends the sentence
  let j = h.j
  if (/^\d{4}-\d\d-\d\d$/.test(h.v)) return {i, j, type: 'DATE', sem: {k: 'cal', y: Number(h.v.slice(0, 4)), m: Number(h.v.slice(5, 7)), d: Number(h.v.slice(8))}}
  const y = readYear(toks, toks[j]?.t === ',' ? j + 1 : j)
  const sem: CalSem = {k: 'cal', hol: h.v}
  if (y) {
    sem.y = y.y
    j = y.j
  }
  return {i, j, type: 'DATE', sem}
}

/** Any period of a year at token `i`. */
export function periodRule(toks: Tok[], i: number): Cand | null {
  return quarter(toks, i) ?? fiscal(toks, i) ?? season(toks, i) ?? holiday(toks, i)
}
