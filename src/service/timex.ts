/**
 * TimeML values for people: where a value sits on the calendar, its weekday,
 * its distance from the article's date, and durations in words.
 *
 * Pure (no `vscode`), so it is unit-tested in plain Node. Handles the values
 * the core emits: `2026-02-20`, `2026-02-20T10:00`, `2026-02`, `2026-W02`,
 * `2026-Q1`, `2026-SU`, `2026`, `197X`, `PRESENT_REF` and durations such as
 * `PT48H`; anything else (`XXXX-02-20`, `PAST_REF`, sets) has no place on
 * the calendar.
 */
import {partOfDay, utcDay, type PartOfDay} from '../core/dates/calendar.ts'

/** How precise a calendar value is. */
export type Granularity = 'time' | 'day' | 'week' | 'month' | 'quarter' | 'season' | 'year' | 'decade'

/** Where a TimeML value starts on the calendar. */
export interface CalendarPoint {
  /** Start of the period, UTC midnight (or the time for `time`). */
  readonly start: Date
  readonly granularity: Granularity
}

const day = 24 * 60 * 60 * 1000
const seasons: Record<string, number> = {WI: 0, SP: 2, SU: 5, FA: 8}

/**
 * Place a TimeML value on the calendar.
 * @param value
 *   TimeML value.
 * @param referenceDate
 *   The article's date (`YYYY-MM-DD`), for `PRESENT_REF`.
 * @returns
 *   The start and granularity, or `undefined` (durations, sets, unknown years).
 */
export function toCalendar(value: string, referenceDate?: string): CalendarPoint | undefined {
  if (value === 'PRESENT_REF') return referenceDate ? toCalendar(referenceDate) : undefined
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value)
  if (match) {
    const [, year, month, date, hour, minute] = match
    const start = new Date(utcDay(Number(year), Number(month) - 1, Number(date)) + (Number(hour ?? 0) * 60 + Number(minute ?? 0)) * 60_000)
    // Dates roll over (month 13, day 45): such values are not dates.
    if (start.getUTCMonth() !== Number(month) - 1 || start.getUTCDate() !== Number(date)) return undefined
    return valid(start, hour === undefined ? 'day' : 'time')
  }
  match = /^(\d{4})-W(\d{2})$/.exec(value)
  if (match) {
    // ISO week 1 holds January 4th; weeks start on Monday.
    const jan4 = utcDay(Number(match[1]), 0, 4)
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * day
    return valid(new Date(monday + (Number(match[2]) - 1) * 7 * day), 'week')
  }
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value)
  if (match) return valid(new Date(utcDay(Number(match[1]), Number(match[2]) - 1, 1)), 'month')
  match = /^(\d{4})-Q([1-4])$/.exec(value)
  if (match) return valid(new Date(utcDay(Number(match[1]), (Number(match[2]) - 1) * 3, 1)), 'quarter')
  match = /^(\d{4})-(WI|SP|SU|FA)$/.exec(value)
  if (match) return valid(new Date(utcDay(Number(match[1]), seasons[match[2]!]!, 1)), 'season')
  match = /^(\d{4})$/.exec(value)
  if (match) return valid(new Date(utcDay(Number(match[1]), 0, 1)), 'year')
  match = /^(\d{3})X$/.exec(value)
  if (match) return valid(new Date(utcDay(Number(match[1]) * 10, 0, 1)), 'decade')
  return undefined
}

/**
 * Day of the week of a value precise to the day.
 * @param value
 *   TimeML value.
 * @returns
 *   `Friday`, or `undefined` when the value is not a single day.
 */
export function weekday(value: string): string | undefined {
  const point = toCalendar(value)
  if (!point || (point.granularity !== 'day' && point.granularity !== 'time')) return undefined
  return point.start.toLocaleDateString('en-GB', {weekday: 'long', timeZone: 'UTC'})
}

/**
 * How far a value is from the article's date, in the value's own unit.
 * @param value
 *   TimeML value.
 * @param referenceDate
 *   The article's date (`YYYY-MM-DD`).
 * @returns
 *   `35 days after`, `2 months before`, `same day as`…; `undefined` when
 *   either side has no place on the calendar.
 */
export function distance(value: string, referenceDate: string | undefined): string | undefined {
  if (!referenceDate || value === 'PRESENT_REF') return undefined
  const point = toCalendar(value)
  const reference = toCalendar(referenceDate)
  if (!point || !reference) return undefined
  const from = reference.start
  const to = point.start
  let amount: number
  let unit: string
  switch (point.granularity) {
    case 'time':
    case 'day': {
      amount = Math.round((utcDay(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate()) - from.getTime()) / day)
      unit = 'day'
      break
    }
    case 'week': {
      const monday = from.getTime() - ((from.getUTCDay() + 6) % 7) * day
      amount = Math.round((to.getTime() - monday) / (7 * day))
      unit = 'week'
      break
    }
    case 'month':
    case 'quarter':
    case 'season': {
      amount = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth()
      unit = 'month'
      if (point.granularity !== 'month' && amount <= 0 && amount > -3) amount = 0
      break
    }
    case 'year':
    case 'decade': {
      amount = to.getUTCFullYear() - from.getUTCFullYear()
      if (point.granularity === 'decade' && amount <= 0 && amount > -10) amount = 0
      unit = 'year'
      break
    }
  }
  if (amount === 0) return `same ${point.granularity === 'time' ? 'day' : point.granularity} as`
  const count = Math.abs(amount)
  return `${count} ${unit}${count === 1 ? '' : 's'} ${amount > 0 ? 'after' : 'before'}`
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const seasonNames: Record<number, string> = {0: 'winter', 2: 'spring', 5: 'summer', 8: 'autumn'}
const partNames: Record<PartOfDay, string> = {MO: 'morning', MI: 'midday', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime'}

/**
 * A value on the calendar as readers write it, as precise as the value.
 * @param value
 *   TimeML value.
 * @param referenceDate
 *   The article's date (`YYYY-MM-DD`), for `PRESENT_REF`.
 * @returns
 *   `20 Feb 2026, 10:00`, `20 Feb 2026`, `20 Feb 2026, morning`, `week of 5 Jan 2026`, `Feb 2026`,
 *   `Q1 2026`, `summer 2026`, `2026`, `1970s`; `undefined` when the value
 *   has no place on the calendar.
 */
export function readableValue(value: string, referenceDate?: string): string | undefined {
  const point = toCalendar(value, referenceDate)
  if (!point) return undefined
  const {start} = point
  const year = start.getUTCFullYear()
  const dayText = `${start.getUTCDate()} ${months[start.getUTCMonth()]} ${year}`
  switch (point.granularity) {
    case 'time':
      return `${dayText}, ${String(start.getUTCHours()).padStart(2, '0')}:${String(start.getUTCMinutes()).padStart(2, '0')}`
    case 'day': {
      // “Friday morning”: the day with its part (`2026-02-20TMO`).
      const part = partOfDay(value)?.part
      return part ? `${dayText}, ${partNames[part]}` : dayText
    }
    case 'week':
      return `week of ${dayText}`
    case 'month':
      return `${months[start.getUTCMonth()]} ${year}`
    case 'quarter':
      return `Q${start.getUTCMonth() / 3 + 1} ${year}`
    case 'season':
      return `${seasonNames[start.getUTCMonth()]} ${year}`
    case 'year':
      return String(year)
    case 'decade':
      return `${year}s`
  }
}

/**
 * Say a TimeML duration in words.
 * @param value
 *   A duration (`PT48H`, `P2W`, `P1Y6M`, `PXD`, `PXDE`).
 * @returns
 *   `48 hours`, `2 weeks`, `1 year 6 months`, `some days`; `undefined` when
 *   the value is not a duration.
 */
export function durationInWords(value: string): string | undefined {
  const match = /^P(?:([\dX.]+)CE)?(?:([\dX.]+)DE)?(?:([\dX.]+)Y)?(?:([\dX.]+)M)?(?:([\dX.]+)W)?(?:([\dX.]+)D)?(?:T(?:([\dX.]+)H)?(?:([\dX.]+)M)?(?:([\dX.]+)S)?)?$/.exec(value)
  if (!match || value === 'P' || value === 'PT') return undefined
  const units = ['century', 'decade', 'year', 'month', 'week', 'day', 'hour', 'minute', 'second']
  const parts: string[] = []
  units.forEach((unit, index) => {
    const amount = match[index + 1]
    if (amount === undefined) return
    const units = unit === 'century' ? 'centuries' : `${unit}s`
    if (amount.includes('X')) parts.push(`some ${units}`)
    else parts.push(`${amount} ${amount === '1' ? unit : units}`)
  })
  return parts.length > 0 ? parts.join(' ') : undefined
}

/**
 * Order values chronologically: by start, then coarser first; values with
 * no place on the calendar go last, in their original order.
 * @param a
 *   TimeML value.
 * @param b
 *   TimeML value.
 * @param referenceDate
 *   The article's date, for `PRESENT_REF`.
 * @returns
 *   Negative, zero or positive, as `Array#sort` wants.
 */
export function compareValues(a: string, b: string, referenceDate?: string): number {
  return compareCalendar(toCalendar(a, referenceDate), toCalendar(b, referenceDate))
}

/**
 * Dates in the order of the calendar (as `compareValues`, then by where
 * they are in the article), each value placed once, not at every
 * comparison.
 * @param dates
 *   Dates (TimeML value and start offset).
 * @param referenceDate
 *   The article's date, for `PRESENT_REF`.
 * @returns
 *   Their indices, in that order.
 */
export function chronological(dates: ReadonlyArray<{readonly value: string; readonly start: number}>, referenceDate?: string): number[] {
  const places = dates.map((date) => toCalendar(date.value, referenceDate))
  return dates.map((_, index) => index).sort((a, b) => compareCalendar(places[a], places[b]) || dates[a]!.start - dates[b]!.start)
}

/**
 * Order two places on the calendar as `compareValues` orders their values
 * (to sort many values, place each once).
 * @param left
 *   Place of the first value (`toCalendar`), if any.
 * @param right
 *   Place of the second.
 * @returns
 *   Negative when the first comes first.
 */
function compareCalendar(left: CalendarPoint | undefined, right: CalendarPoint | undefined): number {
  if (!left || !right) return left ? -1 : right ? 1 : 0
  return left.start.getTime() - right.start.getTime() || rank(right.granularity) - rank(left.granularity)
}

function rank(granularity: Granularity): number {
  return ['time', 'day', 'week', 'month', 'season', 'quarter', 'year', 'decade'].indexOf(granularity)
}

function valid(start: Date, granularity: Granularity): CalendarPoint | undefined {
  return Number.isNaN(start.getTime()) ? undefined : {start, granularity}
}
