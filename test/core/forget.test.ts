/**
 * `forgetDocument`: the core keeps the last tree of a few documents so that
 * the next analysis after an edit parses only around it; the editor drops a
 * document's tree when it closes. Observed through the parser: every
 * processor parses through `Processor.prototype.parse`.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test, {mock} from 'node:test'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {analyzeSync, clearAnalysisCache, forgetDocument} from '../../src/core/index.ts'
import type {Options} from '../../src/core/index.ts'
import {Lru} from '../../src/core/memo.ts'

const sample = fs.readFileSync('examples/poland-ottawa.md', 'utf8')
// A one-word edit in the middle of the article.
const at = sample.indexOf(' the ', sample.length / 2) + 1
const edited = sample.slice(0, at) + 'a' + sample.slice(at + 3)

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
  analyzeSync(new VFile({path, value}), options)
  return parse.mock.calls.map((call) => String(call.arguments[0]))
}

test('forgetDocument: the next analysis of a forgotten document parses it whole', () => {
  clearAnalysisCache()
  const path = 'articles/forget.md'
  assert.ok(at > 0 && edited !== sample)
  assert.deepEqual(parsedBy(path, sample), [sample], 'the first analysis parses it whole')
  // Kept: an edit is parsed around itself, the same text not at all.
  const spliced = parsedBy(path, edited)
  assert.ok(spliced.length > 0 && spliced.every((text) => text.length < edited.length), 'the edit is parsed around itself')
  assert.deepEqual(parsedBy(path, edited), [], 'the same text again is not parsed')

  forgetDocument(path)
  assert.deepEqual(parsedBy(path, edited), [edited], 'parsed whole: its tree is gone')
  assert.deepEqual(parsedBy(path, edited), [], 'and kept again')
})

test('forgetDocument: drops the trees of that path under every parser, and no other path', () => {
  clearAnalysisCache()
  const path = 'articles/forget-all.md'
  const other = path + '.orig'
  // A table needs the full GFM parser: another parser, so another tree.
  const table = sample + '\n| a | b |\n| - | - |\n| 1 | 2 |\n'
  parsedBy(path, sample)
  parsedBy(path, table)
  parsedBy(path, sample, {dates: false})
  parsedBy(other, sample)
  assert.deepEqual(parsedBy(path, sample), [], 'kept before')

  forgetDocument(path)
  assert.deepEqual(parsedBy(path, sample), [sample])
  assert.deepEqual(parsedBy(path, table), [table], 'the full GFM parser’s tree too')
  assert.deepEqual(parsedBy(path, sample, {dates: false}), [sample], 'other options’ too')
  assert.deepEqual(parsedBy(other, sample), [], 'another path is kept, even one that starts the same')
  forgetDocument('articles/never-analysed.md')
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
