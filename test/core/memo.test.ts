/**
 * The per-process analysis cache: bounded, and invisible in the results
 * (an edited document analysed with what the cache kept from the original
 * gives exactly what a cold analysis gives).
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import fc from 'fast-check'
import type {Root} from 'mdast'
import {analyzeSync, clearAnalysisCache, createProcessor, setAnalysisCache} from '../../src/core/analyze.ts'
import {viewDocument} from '../../src/core/document.ts'
import {cachesEnabled, Lru, ObjectCache, SentenceSlot} from '../../src/core/memo.ts'

const example = fs.readFileSync('examples/poland-ottawa.md', 'utf8')
const parser = createProcessor()

function snapshot(text: string) {
  const file = analyzeSync(text)
  return {
    data: file.data.newsmark,
    messages: file.messages.map((message) => ({
      reason: message.reason,
      ruleId: message.ruleId,
      place: message.place,
      fatal: message.fatal,
      expected: message.expected,
      actual: message.actual,
      cause: message.cause instanceof Error ? (message.cause as {place?: unknown}).place : undefined
    }))
  }
}

test('memo: an LRU keeps the most recently used entries', () => {
  const lru = new Lru<string, number>(2)
  let computed = 0
  const get = (key: string) => lru.get(key, (k) => (computed++, k.length))
  get('a')
  get('bb')
  get('a')
  get('ccc')
  assert.equal(lru.size, 2)
  assert.equal(computed, 3)
  get('a')
  assert.equal(computed, 3, '`a` was used last: kept')
  get('bb')
  assert.equal(computed, 4, '`bb` was the oldest: dropped')
})

test('memo: an object cache keeps by identity, and the cache switch and clear reach it', () => {
  const cache = new ObjectCache<object, number>()
  const key = {}
  try {
    setAnalysisCache(true)
    cache.set(key, 1)
    assert.equal(cache.get(key), 1)
    assert.equal(cache.get({}), undefined, 'by identity')
    clearAnalysisCache()
    assert.equal(cache.get(key), undefined, 'emptied with the other caches')
    cache.set(key, 2)
    setAnalysisCache(false)
    assert.equal(cachesEnabled(), false)
    assert.equal(cache.get(key), undefined, 'nothing found while off')
    cache.set(key, 3)
    setAnalysisCache(true)
    assert.equal(cache.get(key), undefined, 'nothing kept while off; turning off empties it')
  } finally {
    setAnalysisCache(true)
  }
})

test('memo: an edit analysed with the cache gives the cold result', () => {
  const edits = [
    (text: string) => text.replace('25 times', '26 times'),
    (text: string) => text.replace('he said the decision', 'he claimed the decision'),
    (text: string) => text.replace(/\n\n/, '\n\nA new paragraph: output rose 40 percent last week.\n\n'),
    (text: string) => text.replace('Poland', 'Finland')
  ]
  try {
    for (const edit of edits) {
      setAnalysisCache(true)
      clearAnalysisCache()
      snapshot(example)
      const edited = edit(example)
      assert.notEqual(edited, example)
      const warm = snapshot(edited)
      setAnalysisCache(false)
      assert.deepEqual(warm, snapshot(edited))
    }
  } finally {
    setAnalysisCache(true)
  }
})

test('memo: random edits analysed with the cache and the previous tree give the cold result', () => {
  const words = ['Poland', 'Tomczyk', 'Cezary Tomczyk', ' he said', '\n\n', '# ', '- ', '> ', '*', '“', '40 percent', 'last week', ' on March 3', '[a](http://x)', 'x', '']
  try {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({at: fc.double({min: 0, max: 1, noNaN: true, maxExcluded: true}), remove: fc.integer({min: 0, max: 40}), insert: fc.constantFrom(...words)}),
          {minLength: 1, maxLength: 4}
        ),
        (edits) => {
          setAnalysisCache(true)
          clearAnalysisCache()
          // As the editor does: each version analysed after the last, so
          // each analysis starts from what the one before kept.
          let text = example
          snapshot(text)
          const versions: Array<{text: string; warm: ReturnType<typeof snapshot>}> = []
          for (const {at, remove, insert} of edits) {
            const index = Math.floor(at * text.length)
            text = text.slice(0, index) + insert + text.slice(index + remove)
            versions.push({text, warm: snapshot(text)})
          }

          setAnalysisCache(false)
          for (const {text, warm} of versions) assert.deepEqual(warm, snapshot(text))
        }
      ),
      {numRuns: 40}
    )
  } finally {
    setAnalysisCache(true)
  }
})

test('memo: markup added inside a sentence moves its findings', () => {
  // The same prose, its first word where it was, the rest moved by the
  // emphasis marks: what was kept of the sentence must not be reused as is.
  const before = '# Talks\n\nOfficials said the talks went on.\n\nOfficials claimed that the plan failed.\n\nNothing else happened.\n'
  const after = before.replace('Officials claimed', 'Officials *claimed*')
  try {
    setAnalysisCache(true)
    clearAnalysisCache()
    snapshot(before)
    const warm = snapshot(after)
    setAnalysisCache(false)
    const cold = snapshot(after)
    assert.ok(cold.messages.some((message) => message.ruleId === 'loaded-verb'), 'the loaded verb is found')
    assert.deepEqual(warm, cold)
  } finally {
    setAnalysisCache(true)
  }
})

test('memo: sentences an edit moves, even a text repeated many times, give the cold result', () => {
  // Over sixteen copies of a paragraph: the moved sentences are found where
  // the last one moved from, not by trying every place their text was.
  const paragraph = 'Officials claimed that 40 people died last week, Cezary Tomczyk said. He added that “the border is closed”.\n\n'
  const base = Array.from({length: 24}, (_, index) => `## Part ${index}\n\n${paragraph}`).join('')
  const edits = [
    (text: string) => 'x' + text,
    (text: string) => text.slice(2),
    (text: string) => text.replace('Part 3\n\n', 'Part 3\n\nA new paragraph. '),
    (text: string) => text.replace(/Part 1\n/, 'Part 1 and more\n'),
    (text: string) => text.replace(/Officials claimed/, 'Some officials claimed')
  ]
  try {
    setAnalysisCache(true)
    clearAnalysisCache()
    let text = base
    snapshot(text)
    const versions: Array<{text: string; warm: ReturnType<typeof snapshot>}> = []
    for (const edit of edits) {
      text = edit(text)
      versions.push({text, warm: snapshot(text)})
    }

    setAnalysisCache(false)
    for (const {text, warm} of versions) assert.deepEqual(warm, snapshot(text))
    assert.ok(versions[0].warm.messages.some((message) => message.ruleId === 'loaded-verb'))
  } finally {
    setAnalysisCache(true)
  }
})

test('memo: a pronoun speaker follows an edit of the person before it', () => {
  const before = 'Deputy Defense Minister Cezary Tomczyk visited the border on Monday.\n\n“Traffic at the crossing rose by 40 percent last year,” he said.\n'
  // “He” can no longer be the woman named before: the kept attribution of
  // the unchanged quote must not stand.
  const after = before.replace('Deputy Defense Minister Cezary Tomczyk', 'Foreign Ministry spokeswoman Maria Zakharova')
  const speaker = (snap: ReturnType<typeof snapshot>) => snap.data?.claims.find((claim) => claim.text.startsWith('“Traffic'))?.speaker
  try {
    setAnalysisCache(true)
    clearAnalysisCache()
    assert.equal(speaker(snapshot(before))?.name, 'Cezary Tomczyk')
    const warm = snapshot(after)
    assert.deepEqual(speaker(warm), {name: 'he'})
    // And back: the pronoun names him again.
    const back = snapshot(before)
    setAnalysisCache(false)
    assert.deepEqual(warm, snapshot(after))
    assert.deepEqual(back, snapshot(before))
  } finally {
    setAnalysisCache(true)
  }
})

test('memo: a sentence carries the memo of its text while the caches keep it', () => {
  const text = 'Poland left the treaty. Officials said so.\n\nNothing else.\n'
  const memos = () => viewDocument(parser.parse(text) as Root, text).sentences.map((sentence) => sentence.memo)
  const slot = new SentenceSlot<number>()
  try {
    setAnalysisCache(true)
    clearAnalysisCache()
    const first = memos()
    slot.set(first[0], 1)
    const again = memos()
    assert.equal(again[0], first[0], 'the same text: the same memo')
    assert.equal(slot.get(again[0]), 1)
    assert.notEqual(again[1], again[0], 'one memo a sentence')
    clearAnalysisCache()
    assert.equal(slot.get(memos()[0]), undefined, 'emptied with the caches')
    setAnalysisCache(false)
    const off = memos()
    slot.set(off[0], 2)
    assert.equal(slot.get(memos()[0]), undefined, 'nothing kept while off')
  } finally {
    setAnalysisCache(true)
  }
})
