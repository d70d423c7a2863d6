/**
 * Resolve the meaning of a time expression against the reference date into a
 * TimeML value: missing years from tense and distance, weekdays from tense,
 * shifts ("last week") from the reference, "the quarter" from discourse.
 */
import {addDays, addMonths, easter, fmtDay, fmtMonth, fmtWeek, nthWeekday, pad, weekday, type Ymd} from './calendar.ts'
import type {AnaSem, CalSem, Sem, ShiftSem, Unit} from './sem.ts'

/** Tense around an expression, as far as it can be told. */
export type Tense = 'past' | 'future' | undefined

/** What resolution needs: the reference date, the tense, the quarter under discussion. */
export interface Ctx {
  ref: Ymd | undefined
  tense: Tense
  quarter?: {y: number; q: number} | undefined
  /** the last date with an explicit year mentioned before ("the following month") */
  last?: {y: number; m?: number | undefined; d?: number | undefined} | undefined
  /** whether `last` was mentioned after `told` (a year told since the last day named) */
  lastAfterTold?: boolean | undefined
  /** years the document gives elsewhere for a yearless day ("Jan. 6, 2021"), by `M-D` */
  known?: ReadonlyMap<string, number> | undefined
  /** a generic statement (opening hours): a weekday or an hour of no particular day */
  generic?: boolean | undefined
  /** a heading of its own ("Sunday"): the nearest such day, before or after */
  nearest?: boolean | undefined
  /** the day that deictic words ("tonight", "yesterday") count from, when not the reference date */
  speech?: Ymd | undefined
  /** the day of the events told, for an hour with no day ("a call about 3:50 p.m.") */
  day?: Ymd | undefined
  /** the last day named, however far from the reference ("the following Tuesday" counts from it) */
  told?: Ymd | undefined
}

/** A resolved value. */
export interface Resolved {
  value: string
  relative: boolean
  unresolved?: boolean
}

const SEASON_MONTH: Record<string, number> = {SP: 4, SU: 7, FA: 10, WI: 1}
const X: Record<string, string> = {Y: 'Y', M: 'M', W: 'W', D: 'D', H: 'TH', MIN: 'TM', S: 'TS', DE: 'DE', CE: 'CE', Q: 'Q', FN: 'W', ML: 'ML', HY: 'M', SM: 'M', WE: 'D'}

const T = (u: string, n: number | string): string => (u.startsWith('T') ? `PT${n}${u.slice(1)}` : `P${n}${u}`)
const frac = (n: number): number => Math.round((n - Math.floor(n)) * 1000) / 1000

/** TimeML duration value for `n` units (`'X'` = unknown number): PT48H, P3D, P2Y6M, PXY. */
export function durationValue(n: number | 'X', u: Unit): string {
  if (n === 'X') return T(X[u]!, 'X')
  const f = frac(n), w = Math.floor(n)
  switch (u) {
    case 'DE': return `P${Math.round(n * 10)}Y`
    case 'CE': return `P${Math.round(n * 100)}Y`
    case 'ML': return `P${Math.round(n * 1000)}Y`
    case 'FN': return `P${Math.round(n * 2)}W`
    case 'WE': return `P${Math.round(n * 2)}D`
    case 'HY': return `P${Math.round(n * 6)}M`
    case 'SM': return `P${Math.round(n * 6)}M`
    case 'Y': return f ? (w ? `P${w}Y${Math.round(f * 12)}M` : `P${Math.round(f * 12)}M`) : `P${n}Y`
    case 'M': return f ? (w ? `P${w}M${Math.round(f * 30)}D` : `P${Math.round(f * 30)}D`) : `P${n}M`
    case 'W': return f ? `P${Math.round(n * 7)}D` : `P${n}W`
    case 'D': return f ? (w ? `P${w}DT${Math.round(f * 24)}H` : `PT${Math.round(f * 24)}H`) : `P${n}D`
    case 'H': return f ? (w ? `PT${w}H${Math.round(f * 60)}M` : `PT${Math.round(f * 60)}M`) : `PT${n}H`
    case 'MIN': return f ? (w ? `PT${w}M${Math.round(f * 60)}S` : `PT${Math.round(f * 60)}S`) : `PT${n}M`
    case 'S': return `PT${n}S`
    case 'Q': return `P${n}Q`
  }
}

/** Choose the year of a yearless month/day (or quarter, season) from direction, tense and distance. */
export function resolveYear(ref: Ymd, m: number, d: number | undefined, dir: -1 | 0 | 1 | undefined, tense: Tense): number {
  if (dir === 0) return ref.y
  if (dir === -1) return m < ref.m || (m === ref.m && d !== undefined && d < ref.d) ? ref.y : ref.y - 1
  if (dir === 1) return m > ref.m || (m === ref.m && d !== undefined && d > ref.d) ? ref.y : ref.y + 1
  // the nearest occurrence, distances against the tense count three times (1.5 without a tense: news is about the past)
  const t = m * 31 + (d ?? 16), r = ref.m * 31 + ref.d
  let best = ref.y
  let bestScore = Infinity
  for (const y of [ref.y, ref.y - 1, ref.y + 1]) {
    const delta = (y - ref.y) * 372 + t - r
    const against = delta > 0 ? tense !== 'future' : tense === 'future'
    const score = Math.abs(delta) * (against ? (tense ? 3 : 1.5) : 1)
    if (score < bestScore || (score === bestScore && !against)) {
      best = y
      bestScore = score
    }
  }
  return best
}

/** The year of a yearless quarter or half: the one under way or just reported, unless the tense points ahead. */
export function resolvePeriodYear(ref: Ymd, first: number, last: number, tense: Tense): number {
  if (first <= ref.m) return tense === 'future' && last < ref.m - 3 ? ref.y + 1 : ref.y
  return tense === 'future' || first - ref.m <= 2 ? ref.y : ref.y - 1
}

/** The day of a weekday near the reference, by direction or tense (news is about the past); `nearest` for a weekday with no sentence around it. */
export function resolveWeekday(ref: Ymd, wd: number, dir: -1 | 0 | 1 | undefined, tense: Tense, nearest = false): Ymd {
  const cur = weekday(ref)
  if (nearest && dir === undefined && tense === undefined) {
    const ahead = (wd - cur + 7) % 7
    return addDays(ref, ahead <= 3 ? ahead : ahead - 7)
  }
  if (dir === 0) return addDays(ref, wd - cur)
  if (dir === -1) return addDays(ref, -(((cur - wd + 7) % 7) || 7))
  if (dir === 1) return addDays(ref, ((wd - cur + 7) % 7) || 7)
  if (tense === 'future') return addDays(ref, (wd - cur + 7) % 7)
  return addDays(ref, -((cur - wd + 7) % 7))
}

/** The date of a holiday code from the lexicon in a year. */
function holidayDate(code: string, y: number): Ymd {
  // days after another holiday: "11-TH4+1" is the day after Thanksgiving
  const after = /\+(\d+)$/.exec(code)
  if (after) return addDays(holidayDate(code.slice(0, after.index), y), Number(after[1]))
  if (code.startsWith('EASTER')) return addDays(easter(y), Number(code.slice(6) || 0))
  const m = Number(code.slice(0, 2)), rest = code.slice(3)
  if (/^\d\d$/.test(rest)) return {y, m, d: Number(rest)}
  if (rest === 'ELECT') return addDays(nthWeekday(y, m, 1, 1), 1)
  const wd = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].indexOf(rest.slice(0, 2)) + 1
  return nthWeekday(y, m, wd, rest[2] === 'L' ? -1 : Number(rest[2]))
}

function timeSuffix(s: {part?: string | undefined; time?: string | undefined}): string {
  return s.time ? `T${s.time}` : s.part ? `T${s.part}` : ''
}

function cal(s: CalSem, c: Ctx): Resolved {
  if (s.dec !== undefined) return {value: String(s.dec), relative: false}
  if (s.cent !== undefined) return {value: pad(s.cent, 2), relative: false}
  const ref = c.ref
  const tail = timeSuffix(s)
  if (c.generic && s.y === undefined && s.m === undefined && s.d === undefined) return {value: (s.wd ? `XXXX-WXX-${s.wd}` : 'XXXX-XX-XX') + tail, relative: false}
  if (s.se === 'WE') {
    if (!ref) return {value: 'XXXX-WXX-WE', relative: true, unresolved: true}
    const sat = resolveWeekday(ref, 6, s.dir, c.tense)
    return {value: `${fmtWeek(sat)}-WE`, relative: true}
  }
  const pos = s.m ?? (s.q ? s.q * 3 - 2 : s.h ? s.h * 6 - 5 : s.se ? SEASON_MONTH[s.se] : s.hol ? Number(s.hol.slice(0, 2)) || 4 : undefined)
  let y = s.y
  let relative = false
  if (y === undefined && s.yRel !== undefined && ref) {
    y = ref.y + s.yRel
    relative = true
  }
  // a day the document dates elsewhere ("Jan. 6, 2021"), or a known event's day
  if (y === undefined && s.m !== undefined && s.d !== undefined && !s.wd && s.dir === undefined && ref) {
    y = s.ev !== undefined && s.ev <= ref.y ? s.ev : c.known?.get(`${s.m}-${s.d}`)
  }
  if (y === undefined && s.same && c.last) {
    y = c.last.y
    relative = true
  }
  if (y === undefined && pos !== undefined) {
    relative = true
    if (!ref) return {value: `XXXX${rest(s)}${tail}`, relative, unresolved: true}
    if (s.wd && s.d) {
      // "Friday, Oct. 13": the year whose Oct. 13 is a Friday, nearest first
      y = [ref.y, ref.y - 1, ref.y + 1].find((yy) => weekday({y: yy, m: pos, d: s.d!}) === s.wd) ?? resolveYear(ref, pos, s.d, s.dir, c.tense)
    } else if ((s.q || s.h) && s.dir === undefined) {
      y = resolvePeriodYear(ref, pos, pos + (s.q ? 2 : 5), c.tense)
    } else y = resolveYear(ref, pos, s.d, s.dir, c.tense)
  }
  if (y !== undefined) {
    y -= s.ago ?? 0
    if (s.hol) return {value: fmtDay(holidayDate(s.hol, y)) + tail, relative}
    return {value: pad(y, 4) + rest(s) + tail, relative}
  }
  // a weekday, or a bare part of day ("tonight")
  if (!ref) return {value: s.wd ? `XXXX-WXX-${s.wd}${tail}` : `XXXX-XX-XX${tail}`, relative: true, unresolved: true}
  const day = s.wd ? resolveWeekday(s.told ? (c.told ?? ref) : ref, s.wd, s.dir, c.tense, c.nearest) : s.time ? (c.day ?? ref) : ref
  return {value: fmtDay(day) + tail, relative: true}
}

function rest(s: CalSem): string {
  if (s.q) return `-Q${s.q}`
  if (s.h) return `-H${s.h}`
  if (s.se) return `-${s.se}`
  if (s.m === undefined) return ''
  return s.d === undefined ? `-${pad(s.m)}` : `-${pad(s.m)}-${pad(s.d)}`
}

const UNRESOLVED: Record<string, string> = {Y: 'XXXX', M: 'XXXX-XX', W: 'XXXX-WXX', D: 'XXXX-XX-XX', Q: 'XXXX-QX', HY: 'XXXX-HX', DE: 'XXX', CE: 'XX', WE: 'XXXX-WXX-WE'}

function shift(s: ShiftSem, c: Ctx): Resolved {
  const ref = s.dx && c.speech ? c.speech : s.told && c.told ? c.told : c.ref
  if (s.qAware && c.quarter && s.unit === 'Y' && s.n === -1) return {value: `${c.quarter.y - 1}-Q${c.quarter.q}`, relative: true}
  // "two years later" after a year told ("in 2019"): counted from that year
  // (past the article's year, outside a sentence about the future: as far
  // as the present, “Looking back 40 years later”)
  // (or after the last day named: "through February 2020 … four years earlier")
  if (s.told && (!c.told || c.lastAfterTold) && !s.qAware && s.unit === 'Y' && c.last) {
    const year = c.last.y + s.n
    return {value: c.ref && year > c.ref.y && c.tense !== 'future' ? 'PRESENT_REF' : pad(year, 4), relative: true}
  }
  // "three days later" with no day told before it: later than what is not known, and the reference is a guess
  if (!ref || (s.told && !c.told && !s.qAware)) return {value: (UNRESOLVED[s.unit] ?? 'XXXX-XX-XX') + timeSuffix(s), relative: true, unresolved: true}
  const n = s.n
  switch (s.unit) {
    case 'Y': return {value: pad(ref.y + n, 4), relative: true}
    case 'M': return {value: fmtMonth(addMonths({...ref, d: 1}, n)), relative: true}
    case 'W': case 'FN': return {value: fmtWeek(addDays(ref, 7 * n * (s.unit === 'FN' ? 2 : 1))), relative: true}
    case 'WE': {
      // "this weekend" in a sentence about the past, written on a weekday:
      // the weekend just gone ("The film earned $10 million this weekend")
      if (n === 0 && c.tense === 'past' && weekday(ref) < 6) return {value: `${fmtWeek(resolveWeekday(ref, 6, -1, c.tense))}-WE`, relative: true}
      return {value: `${fmtWeek(addDays(ref, 7 * n))}-WE`, relative: true}
    }
    case 'Q': case 'HY': {
      const len = s.unit === 'Q' ? 3 : 6
      const idx = ref.y * (12 / len) + Math.floor((ref.m - 1) / len) + n
      const y = Math.floor(idx / (12 / len))
      return {value: `${pad(y, 4)}-${s.unit === 'Q' ? 'Q' : 'H'}${idx - y * (12 / len) + 1}`, relative: true}
    }
    case 'DE': return {value: inRange(Math.floor(ref.y / 10) + n, 3), relative: true}
    case 'CE': return {value: inRange(Math.floor(ref.y / 100) + n, 2), relative: true}
    case 'D': return {value: s.week ? fmtWeek(addDays(ref, n)) : fmtDay(addDays(ref, n)) + timeSuffix(s), relative: true}
    default: return {value: fmtDay(ref), relative: true}
  }
}

function ana(s: AnaSem, c: Ctx): Resolved | null {
  if (s.unit === 'Q') {
    if (s.vague && !c.quarter) return null
    if (c.quarter) return {value: `${s.y ?? c.quarter.y - s.ago}-Q${c.quarter.q}`, relative: s.y === undefined}
    if (s.y !== undefined) return {value: pad(s.y, 4), relative: false}
    if (!c.ref) return {value: s.ago ? 'XXXX' : 'XXXX-QX', relative: true, unresolved: true}
    if (s.ago) return {value: pad(c.ref.y - s.ago, 4), relative: true}
    return shift({k: 'shift', unit: 'Q', n: -1}, c)
  }
  // "the following year", "that day": from the last date mentioned, else from the reference
  const a = c.last
  if (a && s.unit === 'Y') return {value: pad(a.y - s.ago, 4), relative: true}
  if (a?.m !== undefined && s.unit === 'M') return {value: fmtMonth(addMonths({y: a.y, m: a.m, d: 1}, -s.ago)), relative: true}
  // "the next day", "that same day": from the last day told, with or without its year
  if (s.unit === 'D' && c.told) return {value: fmtDay(addDays(c.told, -s.ago)), relative: true}
  if (a?.d !== undefined && s.unit === 'D') return {value: fmtDay(addDays({y: a.y, m: a.m!, d: a.d}, -s.ago)), relative: true}
  return shift({k: 'shift', unit: s.unit, n: -s.ago}, c)
}

/**
 * A decade or century number as TimeML writes it, `X`s when out of range
 * (a reference date near year 0 or 9999).
 *
 * @param n
 *   Number.
 * @param digits
 *   Digits (3: decade, 2: century).
 * @returns
 *   Value.
 */
function inRange(n: number, digits: number): string {
  return n >= 0 && n < 10 ** digits ? pad(n, digits) : 'X'.repeat(digits)
}

/**
 * Resolve a meaning into a TimeML value; `null` when it is no time after all
 * ("that period" with no quarter under discussion).
 *
 * TimeML years have four digits: a date resolved past 9999 or before year 0
 * (from a reference date near either end) keeps its year unknown
 * (`XXXX-01`, not `10000-01`).
 */
export function resolve(s: Sem, c: Ctx): Resolved | null {
  const resolved = resolveAny(s, c)
  if (!resolved) return null
  return /^(?:\d{5}|-\d)/.test(resolved.value) ? {...resolved, value: resolved.value.replace(/^-?\d+/, 'XXXX')} : resolved
}

function resolveAny(s: Sem, c: Ctx): Resolved | null {
  switch (s.k) {
    // "Years later, he returned": still the past
    case 'lit': return {value: s.later && c.tense === 'past' ? 'PAST_REF' : s.value, relative: s.rel ?? false}
    case 'cal': return cal(s, c)
    case 'shift': return shift(s, c)
    case 'ana': return ana(s, c)
  }
}
