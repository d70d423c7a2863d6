/**
 * Inlay hints for relative dates (`src/extension/date-hints.ts`) and the
 * readable values they show (`readableValue` in `src/extension/timex.ts`),
 * in plain Node.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import {analyzeSync} from '../../src/core/index.ts'
import type {DateTag, NewsmarkResult} from '../../src/core/types.ts'
import {dateHints} from '../../src/service/date-hints.ts'
import {readableValue} from '../../src/service/timex.ts'

test('date hints: values as readers write them, as precise as the value', () => {
  assert.equal(readableValue('2026-02'), 'Feb 2026')
  assert.equal(readableValue('2026-02-20'), '20 Feb 2026')
  assert.equal(readableValue('2026-02-20T09:05'), '20 Feb 2026, 09:05')
  assert.equal(readableValue('2026-02-20TMO'), '20 Feb 2026, morning')
  assert.equal(readableValue('2026-02-20TNI'), '20 Feb 2026, night')
  assert.equal(readableValue('2026-W02'), 'week of 5 Jan 2026')
  assert.equal(readableValue('2026-Q3'), 'Q3 2026')
  assert.equal(readableValue('2026-SU'), 'summer 2026')
  assert.equal(readableValue('2025-WI'), 'winter 2025')
  assert.equal(readableValue('2026'), '2026')
  assert.equal(readableValue('197X'), '1970s')
  assert.equal(readableValue('2026-09'), 'Sep 2026', 'not the locale’s “Sept”')
  assert.equal(readableValue('PRESENT_REF', '2026-01-16'), '16 Jan 2026')
  for (const value of ['PT48H', 'PAST_REF', 'XXXX-02-20', '2026-13', 'P1W', '']) assert.equal(readableValue(value), undefined, value)
})

test('date hints: the sample article', () => {
  const source = fs.readFileSync('examples/poland-ottawa.md', 'utf8')
  const result = analyzeSync(source).data.newsmark as NewsmarkResult
  const hints = dateHints(result.dates, result.referenceDate)
  // The text just before each hint, and the hint.
  assert.deepEqual(
    hints.map((hint) => `${source.slice(hint.offset - 13, hint.offset)} ${hint.label}`),
    ['on next month → Feb 2026', 'n February 20 → 20 Feb 2026', 'ect last week → week of 5 Jan 2026', 'late December → Dec 2025']
  )
  assert.equal(hints[0]!.tooltip, '“next month” in an article of 2026-01-16: 2026-02')
})

test('date hints: which dates get one, and where', () => {
  const date = (text: string, value: string, more: Partial<DateTag> = {}): DateTag => ({start: 0, end: text.length, text, type: 'DATE', value, relative: true, ...more})
  const dates = [
    date('next month', '2026-02'),
    date('now', 'PRESENT_REF'),
    date('recently', 'PAST_REF'),
    date('48 hours', 'PT48H', {type: 'DURATION'}),
    date('every week', 'XXXX-WXX', {type: 'SET'}),
    date('1997', '1997', {relative: false}),
    date('next year', 'XXXX', {unresolved: true}),
    date('in February 2026', '2026-02'),
    date('that Feb  2026', '2026-02'),
    date('2026 in the summer', '2026-SU'),
    {...date('tomorrow at 9', '2026-01-17T09:00', {type: 'TIME'}), start: 100, end: 113}
  ]
  const hints = dateHints(dates, undefined)
  assert.deepEqual(hints.map((hint) => hint.label), ['→ Feb 2026', '→ 17 Jan 2026, 09:00'])
  assert.equal(hints[0]!.tooltip, '“next month”: 2026-02', 'no article date to name')
  assert.deepEqual(dateHints(dates, undefined, [50, 113]).map((hint) => hint.offset), [113], 'only in the range, its end included')
})
