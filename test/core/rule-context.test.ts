/**
 * The rule context's indexes answer as a scan of every item would.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {viewText} from '../../src/core/document.ts'
import {createContext} from '../../src/core/rules/context.ts'
import type {Quote} from '../../src/core/types.ts'

test('quotesOverlapping: the quotes a scan of all of them finds, by start, long ones included', () => {
  const span = fc.tuple(fc.nat(200), fc.integer({min: 1, max: 120})).map(([start, length]) => ({start, end: start + length}))
  fc.assert(
    fc.property(fc.array(span, {maxLength: 30}), span, (spans, range) => {
      const quotes = spans.map((item): Quote => ({...item, kind: 'direct'}))
      const context = createContext(new VFile(''), {entities: [], dates: [], claims: [], quotes}, [], () => viewText(''))
      const expected = quotes.filter((quote) => quote.end > range.start && quote.start < range.end).sort((a, b) => a.start - b.start)
      const found = context.quotesOverlapping(range.start, range.end)
      assert.deepEqual(
        found.map((quote) => [quote.start, quote.end]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!),
        expected.map((quote) => [quote.start, quote.end]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)
      )
      assert.ok(found.every((quote, index) => index === 0 || found[index - 1]!.start <= quote.start), 'by start')
    })
  )
})
