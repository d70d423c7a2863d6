/**
 * Grammar for calendar dates: "Feb. 20, 2026", "20 February", "July 1997",
 * "Tuesday, Oct. 13", "1997", "nineteen ninety-six", "the 1990s", "the 20th
 * century", numeric dates ("2026-01-16", "1/16/2026").
 */
import {isPlaceName} from '../entities/gazetteer.ts'
import lex from './lexicon.json' with {type: 'json'}
import {FULL_MONTHS, is, isAmbiguousMonth, monthOf, skipDot, table, weekdayOf, yearOf} from './match.ts'
import {digitValue, hyphenAt, readOrdinal, readSpelledYear} from './numbers.ts'
import type {Cand, CalSem} from './sem.ts'
import type {Tok} from './tokenize.ts'

const DECADE_WORDS = table<number>(lex.decadeWords)
const VEHICLE_MAKES = new Set(lex.vehicleMakes)
/** Words after a make that name the company, not a car ("Ford Motor Co."). */
const MAKER_WORDS = new Set(['motor', 'motors', 'co', 'company', 'corp', 'corporation', 'inc', 'group', 'credit', 'foundation', 'holdings', 'ag'])
const NOT_AFTER_YEAR = new Set(['%', 'percent', 'per', 'shares', 'people', 'points', 'units', 'cars', 'dollars', 'tons', 'miles', 'feet', 'meters', 'barrels', 'acres', 'employees', 'workers', 'troops', 'cents'])
const NOT_BEFORE_YEAR = new Set(['$', '£', '€', '#', '¥', 'no', 'number', 'route', 'flight', 'room', 'model', 'boeing', 'about', 'some', 'nearly', 'over', 'section', 'gate', 'article', 'chapter', 'page', 'pages', 'rule', 'bus', 'highway', 'interstate', 'apartment', 'suite', 'box', 'code', 'type', 'vol', 'approximately', 'roughly', 'almost'])
/** capitalised words a year may follow and stay a year: seasons, a sentence's first word of time (“Spring 2024”, “Around 1990”) */
const NAME_BEFORE_YEAR_OK = new Set(['spring', 'summer', 'fall', 'autumn', 'winter', 'around', 'circa', 'ca', 'year', 'since', 'as', 'at', 'on', 'and', 'or', 'but', 'then', 'now', 'even', 'only', 'also', 'back', 'christmas', 'easter', 'thanksgiving', 'fy', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'class', 'season', 'vintage', 'est', 'founded', 'born', 'died', 'copyright', 'updated', 'published', 'posted'])
/** prepositions after which a year may be followed by a plural noun ("in 1990 sales fell") */
const YEAR_PREP = new Set(['in', 'since', 'by', 'until', 'till', 'of', 'from', 'to', 'during', 'before', 'after', 'through', 'for', 'between', 'early', 'late', 'mid', 'fiscal'])
/** words after which a bare ambiguous month name ("May", "March") is a month */
const MONTH_CONTEXT = new Set(['in', 'last', 'this', 'next', 'early', 'late', 'mid', 'since', 'until', 'till', 'by', 'of', 'during', 'before', 'after', 'from', 'through', 'to', 'between', 'and', 'or', 'on', 'for', 'each', 'every', 'end', 'the', 'around', 'that', '-'])

/** A year written as digits, words or with an apostrophe ("'98"). */
export function readYear(toks: Tok[], i: number): {y: number; j: number} | null {
  const y = yearOf(toks[i])
  if (y) {
    // "1990s" is a decade, "1990-91" stays a year; "1999's" is the year's
    // own ("1999's Matrix"), "1990's" a decade
    const possessive = toks[i + 1]?.l === "'" && toks[i + 2]?.l === 's' && y % 10 !== 0
    if (toks[i + 1] && !toks[i + 1]!.sp && !possessive && (toks[i + 1]!.l === 's' || (toks[i + 1]!.l === "'" && toks[i + 2]?.l === 's'))) return null
    return {y, j: i + 1}
  }
  if (toks[i]?.l === "'") {
    const t = toks[i + 1]
    if (t?.kind === 'n' && t.t.length === 2 && !t.sp && !(toks[i + 2]?.l === 's' && !toks[i + 2]!.sp)) {
      const n = Number(t.t)
      return {y: n < 30 ? 2000 + n : 1900 + n, j: i + 2}
    }
  }
  const sp = readSpelledYear(toks, i)
  return sp && sp.n >= 1000 ? {y: sp.n, j: sp.j} : null
}

const COMPASS = new Set(['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw', 'north', 'south', 'east', 'west'])
const STREET = new Set(['st', 'street', 'ave', 'avenue', 'blvd', 'boulevard', 'rd', 'road', 'dr', 'drive', 'ln', 'lane', 'way', 'pl', 'place', 'ct', 'court', 'pkwy', 'parkway', 'hwy', 'highway'])

/** Whether the words after a number make it a street address ("1842 W. Washington Blvd.", "1600 Pennsylvania Avenue"). */
function streetAfter(toks: Tok[], j: number): boolean {
  const next = toks[j]
  if (!next?.cap || next.kind !== 'w' || monthOf(next)) return false
  if (COMPASS.has(next.l) && (toks[j + 1]?.t === '.' || toks[j + 1]?.cap)) return true
  for (let k = j + 1; k < j + 4 && toks[k]; k++) {
    if (STREET.has(toks[k]!.l) && toks[k]!.cap) return true
    if (!toks[k]!.cap && toks[k]!.kind !== 'n') return false
  }
  return false
}

/**
 * Years that label a named thing and are not dates: a model-year or season
 * range or list before a name ("the 2019-2023 Santa Fe", "the 2003-04 Miami
 * Heat", "the 2022 and 2023 Santa Cruz"). Returns the index past the years.
 */
function yearLabel(toks: Tok[], i: number): number {
  let k = i + 1
  if (hyphenAt(toks, k) && toks[k + 1]?.kind === 'n' && (toks[k + 1]!.t.length === 2 || yearOf(toks[k + 1]))) k += 2
  else if (is(toks, k, 'and', 'to') && yearOf(toks[k + 1])) k += 2
  else return 0
  const next = toks[k]
  return next?.kind === 'w' && next.cap && !monthOf(next) && !weekdayOf(next) && next.sp ? k : 0
}

/** Whether the token at `i` opens its sentence or paragraph. */
function opensSentence(toks: Tok[], i: number): boolean {
  const before = toks[i - 1]
  return !before || toks[i]!.par || /^[.!?:;“"(]$/.test(before.t)
}

/** Whether a bare four-digit number at `i` reads as a year in its context. */
export function yearContextOk(toks: Tok[], i: number, j: number): boolean {
  if (streetAfter(toks, j)) return false
  const prev = toks[i - 1]
  // A number in a name: “VHS 1256 b”, “Cyberpunk 2077” (a capitalised word
  // right before it, not the sentence's first, that is no month, day,
  // season, word of time or place: “Georgia 2020 election”).
  if (prev?.kind === 'w' && prev.cap && prev.l.length > 1 && !opensSentence(toks, i - 1) && !YEAR_PREP.has(prev.l) && !NAME_BEFORE_YEAR_OK.has(prev.l) && !monthOf(prev) && !weekdayOf(prev) && !isPlaceName(prev.t)) return false
  if (prev && (NOT_BEFORE_YEAR.has(prev.l) || (prev.kind === 'n' && !prev.sp) || (prev.t === '.' && !prev.sp) || prev.l === '-' && toks[i - 2]?.kind === 'n' && !prev.sp)) return false
  const next = toks[j]
  // "1500 passengers", "2000 pounds": a quantity, unless a preposition makes it a year
  if (next?.kind === 'w' && next.sp && !next.cap && next.l.length > 3 && next.l.endsWith('s') && !next.l.endsWith('ss') && !YEAR_PREP.has(prev?.l ?? '')) return false
  if (next && (NOT_AFTER_YEAR.has(next.l) || (next.t === ':' && !next.sp) || (next.t === '.' && !next.sp && toks[j + 1]?.kind === 'n' && !toks[j + 1]!.sp))) return false
  return true
}

/** A day of the month 1–31 at `i`, as digits or an ordinal; not a clock time or a quantity. */
export function readDay(toks: Tok[], i: number): {d: number; j: number} | null {
  const t = toks[i]
  if (!t) return null
  const o = readOrdinal(toks, i)
  if (o && o.n >= 1 && o.n <= 31) return {d: o.n, j: o.j}
  if (t.kind !== 'n' || t.t.length > 2) return null
  const d = digitValue(t.t)
  if (!(d >= 1 && d <= 31)) return null
  const next = toks[i + 1]
  if (next && !next.sp && (next.t === '%' || next.t === '/')) return null
  if (next && (next.l === 'percent' || next.l === 'a' || next.l === 'p' || next.l === 'am' || next.l === 'pm')) return null
  return {d, j: i + 1}
}

function optComma(toks: Tok[], i: number): number {
  return toks[i]?.t === ',' ? i + 1 : i
}

/** Month-first dates: "Feb. 20", "February 20, 2026", "July 1997", "May". */
function monthFirst(toks: Tok[], i: number): {sem: CalSem; j: number} | null {
  const m = monthOf(toks[i])
  if (!m || !toks[i]!.cap) return null
  const abbrev = !FULL_MONTHS.has(toks[i]!.l)
  let k = skipDot(toks, i + 1)
  const dotted = k > i + 1
  const day = readDay(toks, k)
  if (day && !(toks[k]!.kind === 'n' && yearOf(toks[k]))) {
    let j = day.j
    const yk = optComma(toks, j)
    const y = readYear(toks, yk)
    if (y) return {sem: {k: 'cal', y: y.y, m, d: day.d}, j: y.j}
    return withRelYear(toks, j, {k: 'cal', m, d: day.d})
  }
  k = optComma(toks, k)
  if (is(toks, k, 'of') && yearOf(toks[k + 1])) k++
  const y = readYear(toks, k)
  if (y) return {sem: {k: 'cal', y: y.y, m}, j: y.j}
  // a bare month name: abbreviations need their dot, ambiguous words need a cue before them
  if (abbrev && !dotted) return null
  const cue = toks[i - 1] !== undefined && MONTH_CONTEXT.has(toks[i - 1]!.l)
  if (isAmbiguousMonth(toks[i]!) && !cue) return null
  // "June Carter", "April Smith": a first name
  if (!cue && toks[i + 1]?.cap && toks[i + 1]!.kind === 'w' && !monthOf(toks[i + 1])) return null
  return withRelYear(toks, i + 1, {k: 'cal', m})
}

const REL_YEAR = table<number>({this: 0, last: -1, next: 1})

/** "July last year", "March 3 this year": the year relative to the reference. */
function withRelYear(toks: Tok[], j: number, sem: CalSem): {sem: CalSem; j: number} {
  const r = REL_YEAR.get(toks[j]?.l ?? '')
  if (r !== undefined && is(toks, j + 1, 'year') && !(toks[j + 2]?.l === "'")) return {sem: {...sem, yRel: r}, j: j + 2}
  return {sem, j}
}

/** Day-first dates: "20 February 2026", "the 20th of February". */
function dayFirst(toks: Tok[], i: number): {sem: CalSem; j: number} | null {
  let k = is(toks, i, 'the') ? i + 1 : i
  const day = readDay(toks, k)
  if (!day) return null
  k = is(toks, day.j, 'of') ? day.j + 1 : day.j
  const m = monthOf(toks[k])
  if (!m || !toks[k]!.cap) return null
  if (k === day.j && toks[i]!.kind !== 'n') return null
  k = skipDot(toks, k + 1)
  const yk = optComma(toks, k)
  const y = readYear(toks, yk)
  return y ? {sem: {k: 'cal', y: y.y, m, d: day.d}, j: y.j} : {sem: {k: 'cal', m, d: day.d}, j: k}
}

/** Numeric dates: ISO "2026-01-16", US "1/16/2026" or "1/16". */
function numeric(toks: Tok[], i: number): {sem: CalSem; j: number} | null {
  const a = toks[i], s1 = toks[i + 1], b = toks[i + 2], s2 = toks[i + 3], c = toks[i + 4]
  if (a?.kind !== 'n' || !s1 || s1.sp || !b || b.sp || b.kind !== 'n') return null
  const glued3 = s2 !== undefined && !s2.sp && s2.t === s1.t && c?.kind === 'n' && !c.sp
  if (s1.t === '-' && yearOf(a) && glued3) {
    const m = Number(b.t), d = Number(c!.t)
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31 && b.t.length === 2) return {sem: {k: 'cal', y: yearOf(a), m, d}, j: i + 5}
  }
  if (s1.t === '/') {
    const m = Number(a.t), d = Number(b.t)
    if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null
    if (glued3 && (c!.t.length === 4 || c!.t.length === 2)) {
      const y = c!.t.length === 4 ? Number(c!.t) : Number(c!.t) + (Number(c!.t) < 30 ? 2000 : 1900)
      return {sem: {k: 'cal', y, m, d}, j: i + 5}
    }
  }
  return null
}

/** Decades and centuries: "the 1990s", "'80s", "the nineties", "the aughts", "the 20th century". */
function era(toks: Tok[], i: number): {sem: CalSem; j: number} | null {
  const t = toks[i]
  if (!t) return null
  if (t.kind === 'n' && t.t.length === 4 && t.t.endsWith('0') && yearOf(t)) {
    const s = toks[i + 1]
    if (s && !s.sp && s.l === 's') return {sem: {k: 'cal', dec: Math.floor(yearOf(t) / 10)}, j: i + 2}
    if (s && !s.sp && s.l === "'" && toks[i + 2]?.l === 's') return {sem: {k: 'cal', dec: Math.floor(yearOf(t) / 10)}, j: i + 3}
  }
  if (t.l === "'" && toks[i + 1]?.kind === 'n' && toks[i + 1]!.t.length === 2 && toks[i + 2]?.l === 's' && !toks[i + 2]!.sp) {
    const n = Number(toks[i + 1]!.t)
    if (n % 10 === 0) return {sem: {k: 'cal', dec: (n < 30 ? 200 : 190) + n / 10}, j: i + 3}
  }
  // “the aughts”, “the noughties”: the 2000s
  if ((t.l === 'aughts' || t.l === 'noughties') && is(toks, i - 1, 'the', 'late', 'early', 'mid', '-')) return {sem: {k: 'cal', dec: 200}, j: i + 1}
  const decade = DECADE_WORDS.get(t.l)
  if (decade !== undefined && is(toks, i - 1, 'the', 'late', 'early', 'mid', '-')) return {sem: {k: 'cal', dec: 190 + decade}, j: i + 1}
  const o = readOrdinal(toks, i)
  if (o && o.n >= 1 && o.n <= 21 && is(toks, o.j, 'century')) return {sem: {k: 'cal', cent: o.n - 1}, j: o.j + 1}
  return null
}

/** Calendar dates and years at token `i`, with an optional weekday before them. */
export function calendarRule(toks: Tok[], i: number): Cand | null {
  let k = i
  const wd = weekdayOf(toks[i])
  if (wd) {
    k = optComma(toks, skipDot(toks, i + 1))
    const rest = monthFirst(toks, k) ?? dayFirst(toks, k)
    if (rest && rest.sem.d !== undefined) return {i, j: rest.j, type: 'DATE', sem: {...rest.sem, wd}}
    return {i, j: i + 1, type: 'DATE', sem: {k: 'cal', wd}}
  }
  const hit = numeric(toks, i) ?? monthFirst(toks, i) ?? dayFirst(toks, i) ?? era(toks, i)
  if (hit) return {i, j: hit.j, type: 'DATE', sem: hit.sem}
  if (is(toks, i, 'the') && toks[i + 1]?.l === 'year') {
    const y = readYear(toks, i + 2)
    if (y) return {i, j: y.j, type: 'DATE', sem: {k: 'cal', y: y.y}}
  }
  const y = readYear(toks, i)
  // a model year ("a 2019 Honda Civic") is part of a vehicle's name
  // (not the maker: "the 2019 Ford Motor Co. annual report")
  if (y && toks[i]!.kind === 'n' && !YEAR_PREP.has(toks[i - 1]?.l ?? '') && toks[y.j]?.cap && VEHICLE_MAKES.has(toks[y.j]!.l) && !MAKER_WORDS.has(toks[y.j + 1]?.l ?? '')) return {i, j: y.j, type: 'DATE', sem: {k: 'cal', y: y.y}, drop: true}
  if (y && toks[i]!.kind === 'n') {
    const label = yearLabel(toks, i)
    if (label) return {i, j: label, type: 'DATE', sem: {k: 'cal', y: y.y}, drop: true}
  }
  if (y && (toks[i]!.kind !== 'n' || yearContextOk(toks, i, y.j))) {
    // spelled years need a cue that this is a year ("in nineteen ninety-six")
    if (toks[i]!.kind === 'w' && !['seventeen', 'eighteen', 'nineteen'].includes(toks[i]!.l) && !is(toks, i - 1, 'in', 'of', 'since', 'year', 'until', 'by', 'from', 'to', 'and', 'before', 'after', 'during', 'late', 'early', 'mid')) return null
    if (toks[i]!.l === "'" && !is(toks, i - 1, 'in', 'of', 'since', 'until', 'by', 'from', 'to', 'fiscal', 'class', 'season')) return null
    return {i, j: y.j, type: 'DATE', sem: {k: 'cal', y: y.y}}
  }
  return null
}
