/**
 * `Newsmark.forget`: an instance keeps the last tree of a few documents so that
 * the next analysis after an edit parses only around it; the editor drops a
 * document's tree when it closes. Observed through the parser: every
 * processor parses through `Processor.prototype.parse`.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test, {mock} from 'node:test'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {createNewsmark} from '../../src/core/index.ts'
import type {Options} from '../../src/core/index.ts'
import {Lru} from '../../src/core/incremental/memory.ts'

const sample = fs.readFileSync('examples/poland-ottawa.md', 'utf8')
// A one-word edit in the middle of the article.
const at = sample.indexOf(' the ', sample.length / 2) + 1
const edited = sample.slice(0, at) + 'a' + sample.slice(at + 3)

// The instance of the test that runs.
let newsmark = createNewsmark()

const parse = mock.method(Object.getPrototypeOf(unified()) as {parse(value: unknown): unknown}, 'parse')

/**
 * Analyse a document and say what was parsed.
 *
 * @param path
 *   Its path.
 * @param value
 *   Its text.
 * @param options
 *   Options.
 * @returns
 *   The text of each parse, in order.
 */
function parsedBy(path: string, value: string, options?: Options): string[] {
  parse.mock.resetCalls()
  newsmark.analyzeSync(new VFile({path, value}), options)
  return parse.mock.calls.map((call) => String(call.arguments[0]))
}

test('forget: the next analysis of a forgotten document parses it whole', () => {
  newsmark = createNewsmark()
  const path = 'articles/forget.md'
  assert.ok(at > 0 && edited !== sample)
  assert.deepEqual(parsedBy(path, sample), [sample], 'the first analysis parses it whole')
  // Kept: an edit is parsed around itself, the same text not at all.
  const spliced = parsedBy(path, edited)
  assert.ok(spliced.length > 0 && spliced.every((text) => text.length < edited.length), 'the edit is parsed around itself')
  assert.deepEqual(parsedBy(path, edited), [], 'the same text again is not parsed')

  newsmark.forget(path)
  assert.deepEqual(parsedBy(path, edited), [edited], 'parsed whole: its tree is gone')
  assert.deepEqual(parsedBy(path, edited), [], 'and kept again')
})

test('forget: drops the trees of that path under every parser, and no other path', () => {
  newsmark = createNewsmark()
  const path = 'articles/forget-all.md'
  const other = path + '.orig'
  // A table needs the full GFM parser: another parser, so another tree.
  const table = sample + '\n| a | b |\n| - | - |\n| 1 | 2 |\n'
  parsedBy(path, sample)
  parsedBy(path, table)
  parsedBy(path, sample, {dates: false})
  parsedBy(other, sample)
  assert.deepEqual(parsedBy(path, sample), [], 'kept before')

  newsmark.forget(path)
  assert.deepEqual(parsedBy(path, sample), [sample])
  assert.deepEqual(parsedBy(path, table), [table], 'the full GFM parser’s tree too')
  assert.deepEqual(parsedBy(path, sample, {dates: false}), [sample], 'other options’ too')
  assert.deepEqual(parsedBy(other, sample), [], 'another path is kept, even one that starts the same')
  newsmark.forget('articles/never-analysed.md')
})

test('Lru: deleteWhere forgets the matching keys; the others keep their order of use', () => {
  const lru = new Lru<string, number>(3)
  for (const key of ['a1', 'b', 'a2']) lru.set(key, key.length)
  lru.deleteWhere((key) => key.startsWith('a'))
  assert.equal(lru.size, 1)
  assert.equal(lru.peek('a1'), undefined)
  lru.set('c', 1)
  lru.set('d', 1)
  lru.set('e', 1)
  // `b`, the least recently used, was pushed out first.
  assert.equal(lru.peek('b'), undefined)
  assert.equal(lru.size, 3)
})

test('Lru: an entry goes when the last document that kept or read it is forgotten', () => {
  const lru = new Lru<string, number>(8)
  lru.owner = 'a.md'
  lru.get('mine', () => 1)
  lru.set('shared', 2)
  lru.owner = 'b.md'
  assert.equal(lru.get('shared', () => 0), 2, 'read by a second document')
  lru.set('theirs', 3)
  lru.owner = undefined
  lru.set('nobody', 4)
  assert.equal(lru.size, 4)

  lru.disown('a.md')
  assert.equal(lru.peek('mine'), undefined, 'kept by a.md alone: gone')
  assert.equal(lru.peek('shared'), 2, 'b.md still reads it')
  lru.disown('b.md')
  assert.equal(lru.peek('shared'), undefined)
  assert.equal(lru.peek('theirs'), undefined)
  assert.equal(lru.peek('nobody'), 4, 'kept without a document: goes only when the cache is full')
})

test('forget: the caches keep nothing of a closed document’s text, and what an open one reads stays', () => {
  newsmark = createNewsmark()
  const open = 'articles/open.md'
  const closed = 'articles/closed.md'
  // The closed document shares the article's text and adds a paragraph of its own.
  const own = sample + '\n\nA paragraph of its own says 40 ministers met in Gdańsk on Monday.\n'
  newsmark.analyzeSync(new VFile({path: closed, value: own}))
  const alone = newsmark.entries
  assert.ok(alone > 20, `the caches keep what the analysis read (${alone} entries)`)
  newsmark.forget(closed)
  assert.equal(newsmark.entries, 0, 'nothing of it is left')

  newsmark.analyzeSync(new VFile({path: open, value: sample}))
  const openOnly = newsmark.entries
  newsmark.analyzeSync(new VFile({path: closed, value: own}))
  assert.ok(newsmark.entries > openOnly)
  newsmark.forget(closed)
  assert.equal(newsmark.entries, openOnly, 'what the open document reads stays, the rest goes')
  assert.deepEqual(parsedBy(open, sample), [], 'the open document’s tree is kept')
  newsmark.forget(open)
  assert.equal(newsmark.entries, 0)

  // The other order: the open document reads what the closed one kept
  // (a score it takes from a sentence's memo makes it no owner of the
  // score's entry). Its findings stay those of a cold analysis.
  const findings = (file: VFile) => file.messages.map((message) => JSON.stringify([message.ruleId, message.place, message.reason]))
  const messages = (path: string) => findings(newsmark.analyzeSync(new VFile({path, value: sample})))
  const cold = messages('articles/cold.md')
  newsmark.forget('articles/cold.md')
  newsmark.analyzeSync(new VFile({path: closed, value: own}))
  assert.deepEqual(messages(open), cold)
  newsmark.forget(closed)
  assert.ok(newsmark.entries > 0, 'what the open document read stays')
  assert.deepEqual(messages(open), cold)
  const edited = sample.replace('February 20', 'February 21')
  assert.notEqual(edited, sample)
  newsmark = createNewsmark()
  const coldEdit = findings(newsmark.analyzeSync(new VFile({path: 'articles/cold.md', value: edited})))
  newsmark.forget('articles/cold.md')
  newsmark.analyzeSync(new VFile({path: open, value: sample}))
  newsmark.analyzeSync(new VFile({path: closed, value: own}))
  newsmark.forget(closed)
  assert.deepEqual(findings(newsmark.analyzeSync(new VFile({path: open, value: edited}))), coldEdit, 'and after an edit')
  newsmark.forget(open)
})
