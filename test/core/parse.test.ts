/**
 * The parser `analyzeSync` picks: without the characters a GFM table or a
 * literal autolink needs, GFM without those two constructs gives the same
 * tree as the full `createProcessor()`.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import test from 'node:test'
import fc from 'fast-check'
import {analyzeSync, createProcessor, createSyntaxProcessor, needsFullGfm, syntaxOf} from '../../src/core/analyze.ts'

const full = createProcessor()
// All but tables and literal autolinks.
const plain = createSyntaxProcessor({gfm: 'plain', footnote: true, strikethrough: true, taskList: true, directive: true})

const samples = [
  fs.readFileSync('examples/poland-ottawa.md', 'utf8'),
  ...fs
    .readdirSync('test/fixtures')
    .map((name) => path.join('test/fixtures', name, 'input.md'))
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file, 'utf8')),
  '---\ndate: 2026-01-16\n---\n\n# Title\n\nSetext\n======\n\nPara *em* **strong** ~~struck~~ ~one~ `code` <b>html</b>\\\nbreak  \nhard.\n',
  '- [ ] task\n- [x] done\n  - nested\n\n  lazy\ncontinuation\n\n1. one\n2) two\n\n> quote\n> > nested\nlazy\n',
  'Footnote[^1] and [ref][r] and [collapsed][] and [shortcut].\n\n[^1]: The note.\n    Indented.\n\n[r]: /url "title"\n[shortcut]: </a b>\n',
  '```js\nconst a = 1 | 2\n```\n\n    indented code\n\n<div>\n*not* parsed\n</div>\n\n:::note{.x}\n:person[Ana]{role=y} text ::leaf\n:::\n',
  'Tabs\tand\u00a0spaces, CRLF\r\nlines\r\n\r\nand astral 𝒳 😀 “quotes” — dashes – … and &amp; &#35; &copy; entities.\n',
  '* a\n* b\n\n+ c\n\n***\n\n___\n\nText with trailing spaces   \n\\# not a heading \\* nor emphasis\n'
]

test('parse: the plain parser gives the full tree where no table or autolink can be', () => {
  for (const sample of samples) {
    const text = sample.replace(/[|@]/g, '/').replace(/www\./gi, 'w.').replace(/:\/\//g, ':/').replace(/:-|-:/g, '- ')
    assert.equal(needsFullGfm(text), false)
    assert.deepEqual(plain.parse(text), full.parse(text))
  }
})

test('parse: the same tree on random Markdown without | @ www. :// :- -:', () => {
  const pieces = [
    '\n', '\n\n', '\r\n', ' ', '  ', '    ', '\t', '- ', '* ', '+ ', '1. ', '2) ', '> ', '# ', '## ', '=====', '---', '***',
    '```', '~~~', '~', '~~', '*', '**', '_', '__', '`', '[', ']', '(', ')', '[^1]', '[^1]: ', '[x] ', '[ ] ', '<', '>',
    '</div>', '<div>', '\\', '&amp;', '&#35;', ':::', ':x[', ']{a=b}', 'word', 'Poland', '“', '”', '"', "'", '😀', 'é',
    ':', '.', 'www', 'http', '/', '-', '=', '!', '[a]: /u', '![i](/p)', '[l](/x "t")', ' - ', '--', '- -', ': ', ' :'
  ]
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), (parts) => {
      const text = parts.join('')
      fc.pre(!needsFullGfm(text))
      assert.deepEqual(plain.parse(text), full.parse(text))
    }),
    {numRuns: 400}
  )
})

test('parse: a table or an autolink still gets the full GFM parser', () => {
  const table = analyzeSync('| Country | Year |\n| --- | --- |\n| Poland | 1997 |\n\nMail press@example.org or see www.example.org.\n')
  assert.ok(needsFullGfm(String(table.value)))
  const data = table.data.newsmark!
  assert.ok(data.dates.some((date) => date.text === '1997'))
  // The autolinks are not prose: no entity or date inside them.
  assert.ok(data.entities.every((entity) => entity.mentions.every((mention) => !/example/.test(mention.text))))
  for (const value of ['a|b', 'x@y', 'WWW.x', 'https://x', 'a\n:-', 'a\n-:']) assert.equal(needsFullGfm(value), true, value)
})

test('parse: the parser for what a document may hold gives the full tree', () => {
  for (const sample of samples) {
    assert.deepEqual(createSyntaxProcessor(syntaxOf(sample)).parse(sample), full.parse(sample))
  }

  // Footnotes, strikethrough, task lists and directives left out where their
  // characters are missing, and in where they are.
  const pieces = [
    '\n', '\n\n', '\r\n', ' ', '   ', '\t', '- ', '* ', '1. ', '> ', '# ', '---', '```', '~~~', '~', '~~', '*', '_', '`',
    '[', ']', '(', ')', '^', '[^1]', '[^1]: ', '[^', '[x] ', '[ ] ', '[X]', '[\t]', '[\n]', '[\r\n]', '[\n  ]', '[\n> ]', ':', '::', ':::', ':x[', ':note',
    ':: x', '::leaf', '{', '}', ']{a=b}', 'word', 'é', '😀', '.', '\\', '!', '<', '>', '10:30', 'said:', ': ', 'a:b', '|', '@',
    ':1', ':é', ':😀', ':-', ':_x', ':(', ':\t', ':person[', ':place', ':claim[a]{verdict=false}', ':Person[', ':persons[',
    ':person-x[', ':date:', '::person[a]', ':::claim', '\\:person['
  ]
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), (parts) => {
      const text = parts.join('')
      assert.deepEqual(createSyntaxProcessor(syntaxOf(text)).parse(text), full.parse(text))
    }),
    {numRuns: 1500}
  )
})

test('parse: a task list item whose brackets hold a line ending', () => {
  // The `]` may come on the next line, after a `>` or an indent.
  for (const text of ['- [\r\n] foo\n', '- [\n  ] foo\n', '> - [\n> ] foo\n', '* [\t] x\n']) {
    assert.equal(syntaxOf(text).taskList, true, JSON.stringify(text))
    assert.deepEqual(createSyntaxProcessor(syntaxOf(text)).parse(text), full.parse(text))
  }
})

test('parse: what a document may hold, by its characters', () => {
  assert.deepEqual(syntaxOf('Plain prose at ten, said: nothing :: more.'), {
    gfm: 'plain',
    footnote: false,
    strikethrough: false,
    taskList: false,
    directive: false
  })
  assert.equal(syntaxOf('At 10:30, UPDATE:Reuters said: :::note').directive, false)
  // A URL needs the GFM autolinks, not its footnotes.
  assert.deepEqual(syntaxOf('See https://example.org ]]]'), {
    gfm: 'full',
    footnote: false,
    strikethrough: false,
    taskList: false,
    directive: false
  })
  assert.deepEqual(syntaxOf('A[^1] ~x~ - [ ] :person[Ana] | cell'), {
    gfm: 'full',
    footnote: true,
    strikethrough: true,
    taskList: true,
    directive: true
  })
})

test('parse: Newsmark\'s text directives only', () => {
  const tree = full.parse(':::note\n::leaf[a]\n:person[Ana] at 10:30 and :x[b]{c=d}\n:::\n')
  const types: string[] = []
  const visit = (node: {type: string; children?: unknown[]}) => {
    types.push(node.type)
    for (const child of node.children ?? []) visit(child as typeof node)
  }

  visit(tree)
  // One paragraph: the container, the leaf and `:x` are text.
  assert.deepEqual(types, ['root', 'paragraph', 'text', 'textDirective', 'text', 'text'])
})
