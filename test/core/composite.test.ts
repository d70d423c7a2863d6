/**
 * `CompositeEntries`: a look-up by parts gives the entry of the whole
 * feature string, `|` in a part or not.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import fc from 'fast-check'
import {CompositeEntries} from '../../src/core/entities/composite.ts'

// Short parts from a small alphabet, `|` included, so that features collide
// and parts hold the separator.
/**
 * Entry of a feature of three parts, by the kept levels (as the tagger
 * looks shapes up).
 *
 * @param index
 *   Index.
 * @param a
 *   First part (in look-up order).
 * @param b
 *   Second part.
 * @param c
 *   Third part.
 * @returns
 *   Entry (`-1`: none).
 */
function three(index: CompositeEntries, a: string, b: string, c: string): number {
  return index.level<ReadonlyMap<string, ReadonlyMap<string, number>>>(a)?.get(b)?.get(c) ?? -1
}

const part = fc.stringMatching(/^[ab|]{0,3}$/)

test('composite: get1, get2 and level give the entry of the whole feature', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom('x=', 'y|'), fc.array(part, {minLength: 1, maxLength: 3})), {maxLength: 40}),
      fc.array(part, {minLength: 3, maxLength: 3}),
      (features, [a, b, c]) => {
        const entries = new Map<string, number>()
        for (const [prefix, parts] of features) entries.set(prefix + parts.join('|'), entries.size)
        for (const prefix of ['x=', 'y|']) {
          const whole = (value: string) => entries.get(prefix + value) ?? -1
          assert.equal(new CompositeEntries(prefix, 1, entries).get1(a), whole(a))
          assert.equal(new CompositeEntries(prefix, 2, entries).get2(a, b), whole(a + '|' + b))
          assert.equal(three(new CompositeEntries(prefix, 3, entries), a, b, c), whole(a + '|' + b + '|' + c))
          // Looked up in another order, and by a kept level.
          assert.equal(three(new CompositeEntries(prefix, 3, entries, [1, 0, 2]), b, a, c), whole(a + '|' + b + '|' + c))
          const pairs = new CompositeEntries(prefix, 2, entries)
          assert.equal(pairs.level(a)?.get(b) ?? -1, whole(a + '|' + b))
        }
      }
    ),
    {numRuns: 2000}
  )
})

test('composite: the shipped features of a sentence are found by their parts', () => {
  const entries = new Map([
    ['w-1w=the|minister', 7],
    ['w-1w=a|b|c', 8],
    ['s-1s+1=Xx|x|-END-', 9]
  ])
  assert.equal(new CompositeEntries('w-1w=', 2, entries).get2('the', 'minister'), 7)
  assert.equal(new CompositeEntries('w-1w=', 2, entries).get2('the', 'ministers'), -1)
  assert.equal(new CompositeEntries('w-1w=', 2, entries).get2('a|b', 'c'), 8)
  assert.equal(new CompositeEntries('w-1w=', 2, entries).get2('a', 'b|c'), 8)
  assert.equal(three(new CompositeEntries('s-1s+1=', 3, entries), 'Xx', 'x', '-END-'), 9)
})
