/**
 * Grammar for times of day: "10:35 a.m.", "5 p.m. EST Nov. 9", "noon
 * Thursday", "Friday at 10 a.m.", "yesterday afternoon", "Tuesday night",
 * "overnight", "4 in the morning".
 */
import lex from './lexicon.json' with {type: 'json'}
import {is, partOf, skipDot, table} from './match.ts'
import {pad} from './calendar.ts'
import {calendarRule} from './rules-calendar.ts'
import type {Cand, CalSem, Sem} from './sem.ts'
import type {Tok} from './tokenize.ts'

const CLOCK_WORDS = table<string>(lex.clockWords)
const TZ = new Set(lex.timezones)
const DEICTIC = table(lex.deictic as unknown as Record<string, [number, string]>)
const CLOCK_CUE = new Set(['at', 'around', 'by', 'until', 'till', 'before', 'after', 'from', 'since', 'about', 'approximately', 'to'])

/** "a.m." / "p.m." / "am" / "pm" at `k`: index past it and 'a' | 'p', else null. */
function meridiem(toks: Tok[], k: number): {j: number; ap: 'a' | 'p'} | null {
  const t = toks[k]
  if (!t) return null
  if (t.l === 'am' || t.l === 'pm') return {j: skipDot(toks, k + 1), ap: t.l[0] as 'a' | 'p'}
  if ((t.l === 'a' || t.l === 'p') && toks[k + 1]?.t === '.' && is(toks, k + 2, 'm') && !toks[k + 2]!.sp) {
    return {j: toks[k + 3]?.t === '.' && !toks[k + 3]!.sp ? k + 4 : k + 3, ap: t.l as 'a' | 'p'}
  }
  return null
}

/** A clock time at `i`: "10:35 a.m.", "5 p.m.", "noon", "4 in the morning", "10 o'clock". */
export function readClock(toks: Tok[], i: number): {time: string; j: number} | null {
  const t = toks[i]
  if (!t) return null
  const w = CLOCK_WORDS.get(t.l)
  if (w && t.kind === 'w') return {time: w, j: i + 1}
  if (t.kind !== 'n') return null
  let h: number, m = 0
  const colon = t.t.indexOf(':')
  if (colon > 0) {
    if (t.t.length - colon !== 3 || colon > 2) return null
    h = Number(t.t.slice(0, colon))
    m = Number(t.t.slice(colon + 1))
  } else {
    if (t.t.length > 2) return null
    h = Number(t.t)
  }
  if (!(h >= 0 && h <= 24 && m >= 0 && m < 60)) return null
  const ap = meridiem(toks, i + 1)
  let j = i + 1
  if (ap) {
    if (h > 12 || h === 0) return null
    if (ap.ap === 'p' && h < 12) h += 12
    if (ap.ap === 'a' && h === 12) h = 0
    j = ap.j
  } else if (is(toks, j, 'o') && toks[j + 1]?.l === "'" && is(toks, j + 2, 'clock')) {
    j += 3
  } else if (is(toks, j, 'in') && is(toks, j + 1, 'the') && partOf(toks[j + 2]) && h <= 12) {
    const p = partOf(toks[j + 2])
    if (p !== 'MO' && h < 12) h += 12
    j += 3
  } else if (colon < 0 || !CLOCK_CUE.has(toks[i - 1]?.l ?? '')) {
    return null
  }
  // a time zone: "EST", "local time", "GMT"
  if (toks[j] && TZ.has(toks[j]!.l)) j++
  else if (is(toks, j, 'local') && is(toks, j + 1, 'time')) j += 2
  return {time: `${pad(h)}:${pad(m)}`, j}
}

/** A day to attach a time to: a calendar date, a weekday or "today"/"yesterday"/"tomorrow". */
function readDay(toks: Tok[], i: number): {sem: Sem; j: number} | null {
  const dx = DEICTIC.get(toks[i]?.l ?? '')
  if (dx && dx[1] === 'D') return {sem: {k: 'shift', unit: 'D', n: dx[0], dx: true}, j: i + 1}
  const c = calendarRule(toks, i)
  if (c && c.sem.k === 'cal' && (c.sem.wd || c.sem.d) && !c.sem.time) return {sem: c.sem, j: c.j}
  return null
}

function withTime(sem: Sem, time: string | undefined, part: string | undefined): Sem {
  const s = {...sem} as CalSem
  if (time) s.time = time
  else if (part) s.part = part
  return s as Sem
}

/** Times of day with an optional day before or after them, at token `i`. */
export function timeRule(toks: Tok[], i: number): Cand | null {
  const clock = readClock(toks, i)
  if (clock) {
    let k = clock.j
    const comma = toks[k]?.t === ','
    if (comma) k++
    if (is(toks, k, 'on')) k++
    const day = readDay(toks, k)
    // "10 a.m.-8 p.m., Sunday 10 a.m.-6 p.m.": a list of hours, the day goes with the time after it
    const listed = day && comma && readClock(toks, toks[day.j]?.t === ',' ? day.j + 1 : day.j) !== null
    if (day && !listed) return {i, j: day.j, type: 'TIME', sem: withTime(day.sem, clock.time, undefined)}
    return {i, j: clock.j, type: 'TIME', sem: {k: 'cal', time: clock.time}}
  }
  const day = readDay(toks, i)
  if (day) {
    let k = day.j
    const part = partOf(toks[k])
    // "Friday night": the day with its part, as TimeML gives it
    // (2023-03-10TNI); TempEval-3 types it mostly as a DATE (19 of its 25)
    if (part && toks[k]!.kind === 'w') return {i, j: k + 1, type: day.sem.k === 'cal' ? 'DATE' : 'TIME', sem: withTime(day.sem, undefined, part)}
    if (toks[k]?.t === ',') k++
    if (is(toks, k, 'at')) k++
    const c2 = readClock(toks, k)
    if (c2) return {i, j: c2.j, type: 'TIME', sem: withTime(day.sem, c2.time, undefined)}
    return null
  }
  if (is(toks, i, 'overnight')) return {i, j: i + 1, type: 'TIME', sem: {k: 'cal', part: 'NI'}}
  return null
}
