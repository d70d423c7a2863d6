/**
 * What a Newsmark instance remembers: bounded, its own, and invisible in the
 * results (an edited document analysed with what the instance kept from the
 * original gives exactly what a cold, stateless analysis gives).
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import fc from 'fast-check'
import type {Root} from 'mdast'
import {analyzeSync, createNewsmark, createProcessor, type Newsmark} from '../../src/core/analyze.ts'
import {viewDocument} from '../../src/core/document.ts'
import {Cache, currentMemory, Lru, Memory, ObjectCache, SentenceSlot} from '../../src/core/incremental/memory.ts'

const example = fs.readFileSync('examples/poland-ottawa.md', 'utf8')
const parser = createProcessor()

/**
 * What an analysis gives, as data.
 *
 * @param text
 *   Markdown.
 * @param newsmark
 *   The instance that analyses it (default: a stateless, cold analysis).
 * @returns
 *   Tags and messages.
 */
function snapshot(text: string, newsmark?: Newsmark) {
  const file = newsmark ? newsmark.analyzeSync(text) : analyzeSync(text)
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

test('memo: caches keep entries only in the memory of a running analysis, each memory its own', () => {
  const objects = new ObjectCache<object, number>()
  const texts = new Cache<string, number>(4)
  const key = {}
  let computed = 0
  const length = (text: string) => (computed++, text.length)
  // Outside an analysis: nothing kept, nothing found.
  objects.set(key, 1)
  assert.equal(objects.get(key), undefined)
  assert.equal(texts.get('abc', length), 3)
  assert.equal(texts.get('abc', length), 3)
  assert.equal(computed, 2, 'computed each time')
  assert.equal(currentMemory(), undefined)

  const one = new Memory()
  const two = new Memory()
  one.run('a.md', () => {
    assert.equal(currentMemory(), one)
    objects.set(key, 1)
    texts.get('abc', length)
  })
  assert.equal(currentMemory(), undefined, 'the memory is the running analysis’s only')
  one.run('b.md', () => {
    assert.equal(objects.get(key), 1, 'by identity, kept')
    assert.equal(objects.get({}), undefined)
    assert.equal(texts.get('abc', length), 3)
  })
  assert.equal(computed, 3, 'kept in the memory')
  two.run('a.md', () => {
    assert.equal(objects.get(key), undefined, 'another memory shares nothing')
    assert.equal(texts.peek('abc'), undefined)
  })
  assert.equal(one.entries, 1)
  one.forget('a.md')
  assert.equal(one.entries, 1, 'b.md read it too')
  one.forget('b.md')
  assert.equal(one.entries, 0)
  one.run(undefined, () => objects.set(key, 2))
  one.clear()
  one.run(undefined, () => assert.equal(objects.get(key), undefined, 'cleared with the rest'))
  // A throw leaves no memory behind.
  assert.throws(() => one.run('c.md', () => {
    throw new Error('boom')
  }), /boom/)
  assert.equal(currentMemory(), undefined)
})

test('memo: two instances share nothing, and a disposed one starts cold', () => {
  const one = createNewsmark()
  const two = createNewsmark()
  one.analyzeSync(example)
  assert.ok(one.entries > 20, `the instance keeps what its analysis read (${one.entries})`)
  assert.equal(two.entries, 0)
  analyzeSync(example)
  assert.equal(two.entries, 0, 'a stateless analysis keeps nothing anywhere')
  one.dispose()
  assert.equal(one.entries, 0)
  assert.deepEqual(snapshot(example, one), snapshot(example))
})

test('memo: an instance without caches (a batch of articles) keeps no document, and gives the cold result', () => {
  const batch = createNewsmark({caches: false})
  assert.deepEqual(snapshot(example, batch), snapshot(example))
  assert.equal(batch.entries, 0, 'nothing of the article is kept')
  const edited = example.replace('Poland', 'Finland')
  assert.deepEqual(snapshot(edited, batch), snapshot(edited))
})

test('memo: an edit analysed with the cache gives the cold result', () => {
  const edits = [
    (text: string) => text.replace('25 times', '26 times'),
    (text: string) => text.replace('he said the decision', 'he claimed the decision'),
    (text: string) => text.replace(/\n\n/, '\n\nA new paragraph: output rose 40 percent last week.\n\n'),
    (text: string) => text.replace('Poland', 'Finland')
  ]
  for (const edit of edits) {
    const newsmark = createNewsmark()
    snapshot(example, newsmark)
    const edited = edit(example)
    assert.notEqual(edited, example)
    const warm = snapshot(edited, newsmark)
    assert.deepEqual(warm, snapshot(edited))
  }
})

test('memo: random edits analysed with the cache and the previous tree give the cold result', () => {
  const words = ['Poland', 'Tomczyk', 'Cezary Tomczyk', ' he said', '\n\n', '# ', '- ', '> ', '*', '“', '40 percent', 'last week', ' on March 3', '[a](http://x)', 'x', '']
  fc.assert(
    fc.property(
      fc.array(
        fc.record({at: fc.double({min: 0, max: 1, noNaN: true, maxExcluded: true}), remove: fc.integer({min: 0, max: 40}), insert: fc.constantFrom(...words)}),
        {minLength: 1, maxLength: 4}
      ),
      (edits) => {
        const newsmark = createNewsmark()
        // As the editor does: each version analysed after the last, so
        // each analysis starts from what the one before kept.
        let text = example
        snapshot(text, newsmark)
        const versions: Array<{text: string; warm: ReturnType<typeof snapshot>}> = []
        for (const {at, remove, insert} of edits) {
          const index = Math.floor(at * text.length)
          text = text.slice(0, index) + insert + text.slice(index + remove)
          versions.push({text, warm: snapshot(text, newsmark)})
        }

        for (const {text, warm} of versions) assert.deepEqual(warm, snapshot(text))
      }
    ),
    {numRuns: 40}
  )
})

test('memo: markup added inside a sentence moves its findings', () => {
  // The same prose, its first word where it was, the rest moved by the
  // emphasis marks: what was kept of the sentence must not be reused as is.
  const before = '# Talks\n\nOfficials said the talks went on.\n\nOfficials claimed that the plan failed.\n\nNothing else happened.\n'
  const after = before.replace('Officials claimed', 'Officials *claimed*')
  const newsmark = createNewsmark()
  snapshot(before, newsmark)
  const warm = snapshot(after, newsmark)
  const cold = snapshot(after)
  assert.ok(cold.messages.some((message) => message.ruleId === 'loaded-verb'), 'the loaded verb is found')
  assert.deepEqual(warm, cold)
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
  const newsmark = createNewsmark()
  let text = base
  snapshot(text, newsmark)
  const versions: Array<{text: string; warm: ReturnType<typeof snapshot>}> = []
  for (const edit of edits) {
    text = edit(text)
    versions.push({text, warm: snapshot(text, newsmark)})
  }

  for (const {text, warm} of versions) assert.deepEqual(warm, snapshot(text))
  assert.ok(versions[0].warm.messages.some((message) => message.ruleId === 'loaded-verb'))
})

test('memo: a pronoun speaker follows an edit of the person before it', () => {
  const before = 'Deputy Defense Minister Cezary Tomczyk visited the border on Monday.\n\n“Traffic at the crossing rose by 40 percent last year,” he said.\n'
  // “He” can no longer be the woman named before: the kept attribution of
  // the unchanged quote must not stand.
  const after = before.replace('Deputy Defense Minister Cezary Tomczyk', 'Foreign Ministry spokeswoman Maria Zakharova')
  const speaker = (snap: ReturnType<typeof snapshot>) => snap.data?.claims.find((claim) => claim.text.startsWith('“Traffic'))?.speaker
  const newsmark = createNewsmark()
  assert.equal(speaker(snapshot(before, newsmark))?.name, 'Cezary Tomczyk')
  const warm = snapshot(after, newsmark)
  assert.deepEqual(speaker(warm), {name: 'he'})
  // And back: the pronoun names him again.
  const back = snapshot(before, newsmark)
  assert.deepEqual(warm, snapshot(after))
  assert.deepEqual(back, snapshot(before))
})

test('memo: a sentence carries the memo of its text while the caches keep it', () => {
  const text = 'Poland left the treaty. Officials said so.\n\nNothing else.\n'
  const memos = () => viewDocument(parser.parse(text) as Root, text).sentences.map((sentence) => sentence.memo)
  const slot = new SentenceSlot<number>()
  const memory = new Memory()
  const first = memory.run('a.md', memos)
  slot.set(first[0], 1)
  const again = memory.run('a.md', memos)
  assert.equal(again[0], first[0], 'the same text: the same memo')
  assert.equal(slot.get(again[0]), 1)
  assert.notEqual(again[1], again[0], 'one memo a sentence')
  memory.clear()
  assert.equal(slot.get(memory.run('a.md', memos)[0]), undefined, 'emptied with the memory')
  const off = memos()
  slot.set(off[0], 2)
  assert.equal(slot.get(memos()[0]), undefined, 'nothing kept outside an analysis')
})
