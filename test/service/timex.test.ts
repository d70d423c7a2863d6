/**
 * `src/service/timex.ts` in plain Node: where TimeML values sit on the
 * calendar, weekdays, distances from the article date, durations in words.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {chronological, compareValues, distance, durationInWords, toCalendar, weekday} from '../../src/service/timex.ts'

test('toCalendar: each granularity', () => {
  const cases: Array<[string, string, string]> = [
    ['2026-02-20', '2026-02-20', 'day'],
    ['2026-02-20T10:30', '2026-02-20T10:30', 'time'],
    ['2026-W02', '2026-01-05', 'week'],
    ['2020-W01', '2019-12-30', 'week'],
    ['2026-02', '2026-02-01', 'month'],
    ['2026-Q3', '2026-07-01', 'quarter'],
    ['2026-SU', '2026-06-01', 'season'],
    ['1997', '1997-01-01', 'year'],
    ['199X', '1990-01-01', 'decade']
  ]
  for (const [value, start, granularity] of cases) {
    const point = toCalendar(value)
    assert.ok(point, value)
    assert.equal(point.start.toISOString().slice(0, start.length), start, value)
    assert.equal(point.granularity, granularity, value)
  }
  assert.equal(toCalendar('PRESENT_REF', '2026-01-16')?.start.toISOString().slice(0, 10), '2026-01-16')
  for (const value of ['PRESENT_REF', 'PAST_REF', 'XXXX-02-20', 'PT48H', 'XXXX-WXX-1', '2026-13-45', '']) {
    assert.equal(toCalendar(value), undefined, value)
  }
})

test('weekday: only for single days', () => {
  assert.equal(weekday('2026-02-20'), 'Friday')
  assert.equal(weekday('2026-01-16T09:00'), 'Friday')
  assert.equal(weekday('2026-02'), undefined)
  assert.equal(weekday('PT48H'), undefined)
})

test('distance: in the value’s own unit', () => {
  const reference = '2026-01-16'
  assert.equal(distance('2026-02-20', reference), '35 days after')
  assert.equal(distance('2026-01-15', reference), '1 day before')
  assert.equal(distance('2026-01-16', reference), 'same day as')
  assert.equal(distance('2026-W02', reference), '1 week before')
  assert.equal(distance('2026-W03', reference), 'same week as')
  assert.equal(distance('2026-02', reference), '1 month after')
  assert.equal(distance('2025-12', reference), '1 month before')
  assert.equal(distance('1997', reference), '29 years before')
  assert.equal(distance('2026-02-20', undefined), undefined)
  assert.equal(distance('PT48H', reference), undefined)
})

test('durationInWords', () => {
  assert.equal(durationInWords('PT48H'), '48 hours')
  assert.equal(durationInWords('P1D'), '1 day')
  assert.equal(durationInWords('P1Y6M'), '1 year 6 months')
  assert.equal(durationInWords('PXM'), 'some months')
  assert.equal(durationInWords('PXDE'), 'some decades')
  assert.equal(durationInWords('P2CE'), '2 centuries')
  assert.equal(durationInWords('2026-02'), undefined)
  assert.equal(durationInWords('P'), undefined)
})

test('compareValues: chronological, coarser first, unplaced last', () => {
  const values = ['2026-02-20', 'PAST_REF', '2026-02', '1997', 'PT48H', '2025-12', 'PRESENT_REF', '2026-W02']
  assert.deepEqual([...values].sort((a, b) => compareValues(a, b, '2026-01-16')), [
    '1997',
    '2025-12',
    '2026-W02',
    'PRESENT_REF',
    '2026-02',
    '2026-02-20',
    'PAST_REF',
    'PT48H'
  ])
})

test('chronological: the order of compareValues, then of the article', () => {
  const dates = [
    {value: '2026-02-20', start: 40},
    {value: 'PAST_REF', start: 10},
    {value: '2026-02-20', start: 5},
    {value: '1997', start: 90},
    {value: 'PT48H', start: 0},
    {value: 'PRESENT_REF', start: 60}
  ]
  // The same day twice: the earlier in the article first; unplaced ones last, in article order.
  assert.deepEqual(chronological(dates, '2026-01-16'), [3, 5, 2, 0, 4, 1])
})

test('toCalendar and weekday: the years 0–99 are those years, not the 1900s', () => {
  assert.equal(toCalendar('0050-06-10')?.start.toISOString().slice(0, 10), '0050-06-10')
  assert.equal(toCalendar('0050-06-10T10:30')?.start.toISOString().slice(0, 16), '0050-06-10T10:30')
  assert.equal(toCalendar('0050')?.start.toISOString().slice(0, 4), '0050')
  assert.equal(toCalendar('0007-W01')?.start.getUTCFullYear(), 7)
  assert.equal(weekday('0050-06-10'), 'Friday')
  assert.equal(distance('0050-06-17', '0050-06-10'), '7 days after')
})
