/**
 * Calendar dates as the front matter and options give them.
 */
import {utcDay} from './calendar.ts'

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/
// Hours 00–23, minutes and seconds 00–59, offsets up to ±23:59.
const isoDateTime =
  /^\d{4}-\d{2}-\d{2}(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/

/**
 * Read a calendar date: `YYYY-MM-DD`, an ISO date-time, or a `Date`.
 *
 * @param value
 *   Value.
 * @returns
 *   `YYYY-MM-DD` when valid.
 */
export function parseIsoDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    // `toISOString` writes years past 9999 or before 0 with six digits and a sign.
    const year = value.getUTCFullYear()
    return Number.isNaN(value.getTime()) || year < 0 || year > 9999 ? undefined : value.toISOString().slice(0, 10)
  }

  if (typeof value !== 'string') return undefined
  const text = value.trim()
  // A date, or a date-time whose calendar date is taken (`2026-01-16T09:30Z`).
  if (!isoDateTime.test(text)) return undefined
  const match = isoDate.exec(text.slice(0, 10))
  if (!match) return undefined
  const [, year, month, day] = match
  // Not `Date.UTC`, which reads the years 0–99 as 1900–1999.
  const date = new Date(utcDay(Number(year), Number(month) - 1, Number(day)))
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day)
    ? `${year}-${month}-${day}`
    : undefined
}
