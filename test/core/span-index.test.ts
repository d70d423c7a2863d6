/**
 * `SpanIndex` and the rule context's indexes answer as a scan of every span
 * would, and the one binary search they share finds the first place a test
 * holds.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {viewText} from '../../src/core/document.ts'
import {createContext} from '../../src/core/rules/context.ts'
import {SpanIndex} from '../../src/core/rules/span-index.ts'
import {firstIndex} from '../../src/core/sorted.ts'
import type {Quote} from '../../src/core/types.ts'

const span = fc.tuple(fc.nat(200), fc.nat(120)).map(([start, length]) => ({start, end: start + length}))
const byPlace = (a: {start: number; end: number}, b: {start: number; end: number}) => a.start - b.start || a.end - b.end

test('firstIndex: the first index where the test holds, the length where it never does', () => {
  fc.assert(
    fc.property(fc.array(fc.nat(50)).map((values) => values.sort((a, b) => a - b)), fc.nat(60), (sorted, value) => {
      assert.equal(firstIndex(sorted.length, (index) => sorted[index]! >= value), sorted.filter((item) => item < value).length)
    })
  )
  assert.equal(firstIndex(0, () => true), 0)
})

test('SpanIndex: covers, covering, within, overlaps, overlapping and endsAt as a scan finds them', () => {
  fc.assert(
    fc.property(fc.array(span, {maxLength: 30}), span, (spans, range) => {
      const index = new SpanIndex(spans)
      const {start, end} = range
      const covering = spans.filter((item) => item.start <= start && end <= item.end)
      assert.equal(index.covers(start, end), covering.length > 0)
      // The covering span that starts first (the first of them in the input among equal starts).
      const first = covering.reduce<(typeof spans)[number] | undefined>((best, item) => (!best || item.start < best.start ? item : best), undefined)
      assert.equal(index.covering(start, end), first)
      assert.equal(index.within(start, end), spans.some((item) => start <= item.start && item.end <= end))
      const overlapping = spans.filter((item) => item.start < end && start < item.end)
      assert.equal(index.overlaps(start, end), overlapping.length > 0)
      assert.deepEqual([...index.overlapping(start, end)].sort(byPlace), [...overlapping].sort(byPlace))
      assert.ok(index.overlapping(start, end).every((item, at, all) => at === 0 || all[at - 1]!.start <= item.start), 'by start')
      assert.equal(index.endsAt(end), spans.some((item) => item.end === end))
    })
  )
})

test('quotesOverlapping: the quotes a scan of all of them finds, by start, long ones included', () => {
  fc.assert(
    fc.property(fc.array(span, {maxLength: 30}), span, (spans, range) => {
      const quotes = spans.map((item): Quote => ({...item, kind: 'direct'}))
      const context = createContext(new VFile(''), {entities: [], dates: [], claims: [], quotes}, [], () => viewText(''))
      const expected = quotes.filter((quote) => quote.end > range.start && quote.start < range.end)
      assert.deepEqual([...context.quotesOverlapping(range.start, range.end)].sort(byPlace), [...expected].sort(byPlace))
    })
  )
})
