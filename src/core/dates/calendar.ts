/**
 * Calendar arithmetic on plain year-month-day triples (proleptic Gregorian,
 * UTC), and TimeML formatting of dates, weeks and partial dates.
 */

/** A calendar day. */
export interface Ymd {
  y: number
  m: number
  d: number
}

const DAY = 86400000

/**
 * Milliseconds since 1970 of a UTC day. Not `Date.UTC`, which reads the
 * years 0–99 as 1900–1999.
 *
 * @param y
 *   Year (proleptic Gregorian).
 * @param m0
 *   Month, 0-based (may overflow into the next years, as in `Date.UTC`).
 * @param d
 *   Day of the month (may overflow, or be 0 for the last of the month before).
 * @returns
 *   Milliseconds.
 */
export function utcDay(y: number, m0: number, d: number): number {
  const date = new Date(0)
  date.setUTCFullYear(y, m0, d)
  return date.getTime()
}

/** Days since 1970-01-01 for a day. */
export function toDays(a: Ymd): number {
  return Math.floor(utcDay(a.y, a.m - 1, a.d) / DAY)
}

/** The day `n` days since 1970-01-01. */
export function fromDays(n: number): Ymd {
  const dt = new Date(n * DAY)
  return {y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate()}
}

/** Add `n` days. */
export function addDays(a: Ymd, n: number): Ymd {
  return fromDays(toDays(a) + n)
}

/** Add `n` months, clamping the day to the length of the target month. */
export function addMonths(a: Ymd, n: number): Ymd {
  const idx = a.y * 12 + (a.m - 1) + n
  const y = Math.floor(idx / 12)
  const m = idx - y * 12 + 1
  return {y, m, d: Math.min(a.d, daysInMonth(y, m))}
}

/** Number of days in a month. */
export function daysInMonth(y: number, m: number): number {
  return new Date(utcDay(y, m, 0)).getUTCDate()
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function weekday(a: Ymd): number {
  return ((toDays(a) + 3) % 7 + 7) % 7 + 1
}

/** ISO week-numbering year and week. */
export function isoWeek(a: Ymd): {y: number; w: number} {
  const thursday = addDays(a, 4 - weekday(a))
  const jan1 = toDays({y: thursday.y, m: 1, d: 1})
  return {y: thursday.y, w: Math.floor((toDays(thursday) - jan1) / 7) + 1}
}

/** The `n`-th (1-based; -1 = last) given weekday of a month. */
export function nthWeekday(y: number, m: number, wd: number, n: number): Ymd {
  if (n < 0) {
    const last = {y, m, d: daysInMonth(y, m)}
    return addDays(last, -((weekday(last) - wd + 7) % 7))
  }
  const first = {y, m, d: 1}
  return addDays(first, ((wd - weekday(first) + 7) % 7) + 7 * (n - 1))
}

/** Easter Sunday (Anonymous Gregorian algorithm). */
export function easter(y: number): Ymd {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  return {y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1}
}

/** Zero-pad a number to `w` digits. */
export function pad(n: number, w = 2): string {
  const s = String(Math.abs(n))
  return (n < 0 ? '-' : '') + (s.length >= w ? s : '0'.repeat(w - s.length) + s)
}

/** `YYYY-MM-DD`. */
export function fmtDay(a: Ymd): string {
  return `${pad(a.y, 4)}-${pad(a.m)}-${pad(a.d)}`
}

/** `YYYY-MM`. */
export function fmtMonth(a: {y: number; m: number}): string {
  return `${pad(a.y, 4)}-${pad(a.m)}`
}

/** `YYYY-Www` (ISO week). */
export function fmtWeek(a: Ymd): string {
  const w = isoWeek(a)
  return `${pad(w.y, 4)}-W${pad(w.w)}`
}

/** Parse a reference date `YYYY-MM-DD` (a time part after it is ignored). */
export function parseYmd(s: string | undefined): Ymd | undefined {
  if (!s || s.length < 10) return undefined
  const y = Number(s.slice(0, 4)), m = Number(s.slice(5, 7)), d = Number(s.slice(8, 10))
  if (!(y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return undefined
  return {y, m, d}
}

/** TimeML's parts of the day, as a day's value ends with them (`2023-03-24TMO`). */
export type PartOfDay = 'MO' | 'MI' | 'AF' | 'EV' | 'NI' | 'DT'

const dayWithPart = /^(\d{4}-\d{2}-\d{2})T(MO|MI|AF|EV|NI|DT)$/

/**
 * A day's value and its part of day, when it has one.
 *
 * @param value
 *   TimeML value.
 * @returns
 *   The day (`2023-03-24`) and the part (`MO`), or `undefined` for a value
 *   with no part of day.
 */
export function partOfDay(value: string): {day: string; part: PartOfDay} | undefined {
  const match = dayWithPart.exec(value)
  return match ? {day: match[1]!, part: match[2] as PartOfDay} : undefined
}
