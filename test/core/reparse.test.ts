/**
 * Incremental parsing: the spliced tree after an edit is the tree of a full
 * parse, on random edits of real and random Markdown; and it is spliced
 * (blocks before the edit reused) where it can be.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import fc from 'fast-check'
import type {Root} from 'mdast'
import {createProcessor, createSyntaxProcessor} from '../../src/core/analyze.ts'
import {parseInChunks, reparse} from '../../src/core/reparse.ts'

const full = createProcessor()
// All but tables and literal autolinks.
const plain = createSyntaxProcessor({gfm: 'plain', footnote: true, strikethrough: true, taskList: true, directive: true})
const parseFull = (value: string) => full.parse(value) as Root
const parsePlain = (value: string) => plain.parse(value) as Root
const sample = fs.readFileSync('examples/poland-ottawa.md', 'utf8')

/** One edit: replace `remove` characters at a fraction of the text with `insert`. */
interface Edit {
  at: number
  remove: number
  insert: string
}

const pieces = [
  '\n', '\n\n', ' ', '    ', '\t', '- ', '* ', '1. ', '> ', '# ', '===', '---', '***', '```', '~~~', '*', '**', '_',
  '`', '[', ']', '(', ')', '[^1]', '<', '>', '<!--', '-->', '<div>', '</div>', '\\', '&amp;', ':::', ':x[', ']{a=b}',
  'word', 'Poland', '“', '😀', '| a |', '|---|', 'www.x.org', 'a@b.co', 'x', 'e', '.', '1997'
]

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({min: 0, max: 1, noNaN: true, maxExcluded: true}),
  remove: fc.oneof(fc.constant(0), fc.integer({min: 1, max: 3}), fc.integer({min: 4, max: 200})),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...pieces), fc.array(fc.constantFrom(...pieces), {maxLength: 6}).map((parts) => parts.join('')))
})

/**
 * Apply an edit.
 *
 * @param text
 *   Text.
 * @param change
 *   Edit.
 * @returns
 *   Edited text.
 */
function apply(text: string, change: Edit): string {
  const at = Math.floor(change.at * text.length)
  return text.slice(0, at) + change.insert + text.slice(at + change.remove)
}

/**
 * Apply edits one after the other, each reparsed from the last tree, and
 * check every spliced tree against a full parse.
 *
 * @param source
 *   Text.
 * @param tree
 *   Its tree.
 * @param edits
 *   Edits.
 * @param owned
 *   Whether each previous tree is reparse's to change.
 */
function checkEdits(source: string, tree: Root, edits: ReadonlyArray<Edit>, owned = false): void {
  let previous = {source, tree}
  for (const change of edits) {
    const edited = apply(previous.source, change)
    const spliced = reparse(parseFull, previous, edited, owned)
    assert.deepEqual(spliced, parseFull(edited))
    previous = {source: edited, tree: spliced}
  }
}

test('reparse: random edits of the sample give the tree of a full parse', () => {
  const tree = parseFull(sample)
  fc.assert(
    fc.property(fc.array(edit, {minLength: 1, maxLength: 3}), (edits) => {
      checkEdits(sample, tree, edits)
    }),
    {numRuns: 150}
  )
})

test('reparse: with each last tree its own to change, random edits give the tree of a full parse', () => {
  fc.assert(
    fc.property(fc.array(edit, {minLength: 1, maxLength: 4}), (edits) => {
      checkEdits(sample, parseFull(sample), edits, true)
    }),
    {numRuns: 150}
  )
})

test('reparse: random edits of random Markdown give the tree of a full parse', () => {
  const blocks = fc.array(fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 12}).map((parts) => parts.join('')), {minLength: 3, maxLength: 12})
  fc.assert(
    fc.property(blocks, fc.constantFrom('\n', '\n\n', '\n\n\n'), fc.array(edit, {minLength: 1, maxLength: 3}), (parts, separator, edits) => {
      const source = parts.join(separator)
      checkEdits(source, parseFull(source), edits)
    }),
    {numRuns: 400}
  )
})

test('reparse: an empty list item after an edit two blocks before it is read as a full parse reads it', () => {
  // “1. ” alone is a list after a list, a paragraph after html (or a
  // paragraph) and an indented code block (found by the property above).
  const source = '- \n\n    :::\n\n1. \n\n\n'
  checkEdits(source, parseFull(source), [{at: 0, remove: 0, insert: '</div>'}])
  checkEdits('text\n\n    :::\n\n1. \n\nend\n', parseFull('text\n\n    :::\n\n1. \n\nend\n'), [{at: 0, remove: 4, insert: '- '}])
})

test('reparse: a one-character edit reuses the blocks before it and leaves the old tree as it was', () => {
  const tree = parsePlain(sample)
  const before = structuredClone(tree)
  const at = sample.indexOf(' the ', sample.length / 2) + 1
  assert.ok(at > 0)
  const source = sample.slice(0, at) + 'X' + sample.slice(at + 1)
  const spliced = reparse(parsePlain, {source: sample, tree}, source)
  assert.deepEqual(spliced, parsePlain(source))
  assert.equal(spliced.children[0], tree.children[0], 'spliced, not parsed in full')
  assert.deepEqual(tree, before)
  // Inserting a line moves the blocks after it by a line.
  const inserted = sample.slice(0, at) + 'a\nb' + sample.slice(at)
  assert.deepEqual(reparse(parsePlain, {source: sample, tree}, inserted), parsePlain(inserted))
})

test('reparse: an edit in the front matter or the block after it parses only the start', () => {
  const tree = parsePlain(sample)
  assert.equal(tree.children[0].type, 'yaml')
  const last = tree.children.at(-1)
  // (Of the same length: the blocks after it stay where they were.)
  for (const edited of [sample.replace('title: ', 'title; '), sample.replace(/\n---\n\n./, '\n---\n\nX')]) {
    assert.notEqual(edited, sample)
    const spliced = reparse(parsePlain, {source: sample, tree}, edited)
    assert.deepEqual(spliced, parsePlain(edited))
    assert.equal(spliced.children.at(-1), last, 'the rest kept, not parsed again')
  }

  // Front matter the edit leaves open runs on: the whole is parsed again.
  const open = sample.replace(/\n---\n/, '\n--\n')
  assert.deepEqual(reparse(parsePlain, {source: sample, tree}, open), parsePlain(open))
})

test('reparse: edits that change the rest of the document parse it in full', () => {
  const source = '# Title\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n'
  const tree = parseFull(source)
  for (const edited of [
    source.replace('Two.', '```\nTwo.'), // an open fence runs to the end
    source.replace('Two.', '<!--\nTwo.'), // so does an HTML comment
    source.replace('Two.', '[Two]: /x'), // a definition changes links anywhere
    source.replace('Two.', '- Two.\n') + '  Five.\n' // a list goes on
  ]) {
    assert.deepEqual(reparse(parseFull, {source, tree}, edited), parseFull(edited))
  }
})

test('parseInChunks: the tree of a whole parse, slice by slice', () => {
  const blocks = [
    'Para one.', 'Para two\ncontinues.', '- a\n- b', '- c\n\n  lazy', '1. x\n2. y', '> quote\nlazy', '# Head', 'Setext\n===',
    '```\ncode\n\nmore code', '```', '~~~', '<!--\ncomment', '-->', '<div>\nhtml', '</div>', '    indented', '***', '---',
    '| a | b |\n|---|---|\n| 1 | 2 |', 'Footnote[^1].', '[^1]: Note\n\n    more', ':::note\ntext', ':::', 'Text ~~struck~~ and 10:30.',
    '- [ ] task', 'Poland said 😀 “quote”.', 'x', 'www.example.org', 'a@b.co'
  ]
  const separators = ['\n\n', '\n', '\n\n\n', '\n \n']
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...blocks), fc.constantFrom(...separators)), {minLength: 1, maxLength: 40}),
      fc.integer({min: 8, max: 200}),
      fc.boolean(),
      (parts, size, front) => {
        const text = (front ? '---\ntitle: x\n---\n\n' : '') + parts.map(([block, separator]) => block + separator).join('')
        assert.deepEqual(parseInChunks(parseFull, text, size), parseFull(text))
        assert.deepEqual(parseInChunks(parsePlain, text, size), parsePlain(text))
      }
    ),
    {numRuns: 600}
  )
})

test('parseInChunks: the sample, many times over, in slices', () => {
  const text = sample + ('\n\n' + sample.split('---\n').slice(2).join('---\n')).repeat(6)
  for (const size of [50, 500, 5000]) {
    const lengths: number[] = []
    const tree = parseInChunks((value) => (lengths.push(value.length), parsePlain(value)), text, size)
    assert.deepEqual(tree, parsePlain(text))
    // In slices (none much over the size asked for), never whole.
    assert.ok(lengths.length > 3, String(lengths.length))
    assert.ok(lengths.every((length) => length < text.length / 2))
  }
})

test('parseInChunks: a block left open near the top is not parsed again slice after slice', () => {
  const body = ('\n\n' + sample.split('---\n').slice(2).join('---\n')).repeat(8)
  for (const opening of ['```\n', '<!--\n', ':::note\n', '<pre>\n']) {
    const text = 'Intro.\n\nMore.\n\n' + opening + body
    let parsed = 0
    const tree = parseInChunks((value) => ((parsed += value.length), parsePlain(value)), text, 500)
    assert.deepEqual(tree, parsePlain(text))
    assert.ok(parsed < text.length * 3, `${JSON.stringify(opening)}: ${(parsed / text.length).toFixed(1)}× the document parsed`)
  }
})

test('parseInChunks: a byte order mark, and `---` after it', () => {
  const body = ('\n\n' + sample.split('---\n').slice(2).join('---\n')).repeat(4)
  for (const text of ['\uFEFF' + body, '\uFEFF---\n\n- \n\n2. two' + body, '\uFEFF---\ntitle: x\n---\n' + body]) {
    assert.deepEqual(parseInChunks(parsePlain, text, 300), parsePlain(text))
  }
})

test('parseInChunks: a long document at the default slice size', () => {
  const body = sample.split('---\n').slice(2).join('---\n')
  const pieces = [body, '```js\nconst a = 1\n\nconst b = 2\n```\n', '- a\n- b\n\n- c\n', '> quote\n\n> more\n', ':::note\ntext\n:::\n']
  let text = sample
  for (let index = 0; text.length < 300_000; index++) text += '\n\n' + pieces[index % pieces.length]
  const lengths: number[] = []
  const tree = parseInChunks((value) => (lengths.push(value.length), parseFull(value)), text)
  assert.deepEqual(tree, parseFull(text))
  assert.ok(lengths.length >= 4 && lengths.every((length) => length < 150_000), lengths.join(' '))
})
