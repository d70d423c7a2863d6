import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import fc from 'fast-check'
import type {Root} from 'mdast'
import {createProcessor} from '../../src/core/analyze.ts'
import {readDirectives, wrapInDirective, type DirectiveSpec, type TextEdit} from '../../src/core/annotations/index.ts'
import {eachNode} from '../../src/core/tree.ts'

const source = fs.readFileSync('examples/poland-ottawa.md', 'utf8')

function read(markdown: string) {
  return readDirectives(createProcessor().parse(markdown), markdown)
}

function apply(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end)
}

function at(text: string, value = source) {
  const start = value.indexOf(text)
  assert.ok(start >= 0)
  return {start, end: start + text.length}
}

test('inline: directives become annotations', () => {
  const markdown = [
    'Deputy Defense Minister :person[Cezary Tomczyk]{role="Deputy Defense Minister"} said',
    ':org[BELMA] in :place[Bydgoszcz] builds :thing[anti-tank mines] from :date[February 20]{value=2026-02-20}.',
    'According to him, :claim[output will rise by 25 times]{verdict=unverifiable source="https://example.org/a?b=1&amp;c" note="No data"}.',
    ':claim[Poland will exit the treaty] and :note[not ours] and `:claim[in code]`.'
  ].join('\n')
  const {annotations, problems} = read(markdown)
  assert.deepEqual(problems, [])
  assert.deepEqual(
    annotations.map((item) => [item.kind, item.kind === 'tag' ? item.type : item.kind === 'verdict' ? item.verdict : '', item.target.exact]),
    [
      ['tag', 'PER', 'Cezary Tomczyk'],
      ['tag', 'ORG', 'BELMA'],
      ['tag', 'LOC', 'Bydgoszcz'],
      ['tag', 'MISC', 'anti-tank mines'],
      ['tag', 'DATE', 'February 20'],
      ['verdict', 'unverifiable', 'output will rise by 25 times'],
      ['tag', 'CLAIM', 'Poland will exit the treaty']
    ]
  )
  for (const annotation of annotations) {
    assert.equal(markdown.slice(annotation.target.start, annotation.target.end), annotation.target.exact)
    assert.equal(annotation.inline, true)
  }

  assert.match(annotations[0]!.id, /^urn:newsmark:inline:[\da-f]{16}$/)
  assert.deepEqual(annotations[0], {
    id: annotations[0]!.id,
    target: {...at('Cezary Tomczyk', markdown), exact: 'Cezary Tomczyk', prefix: 'Deputy Defense Minister :person[', suffix: ']{role="Deputy Defense Minister"'},
    inline: true,
    kind: 'tag',
    type: 'PER',
    role: 'Deputy Defense Minister'
  })
  assert.equal((annotations[4] as {value?: string}).value, '2026-02-20')
  const verdict = annotations[5]!
  assert.ok(verdict.kind === 'verdict')
  assert.equal(verdict.source, 'https://example.org/a?b=1&c')
  assert.equal(verdict.note, 'No data')
})

test('inline: ids stay when the article is edited around the directive', () => {
  const line = 'Tomczyk said :claim[output will rise by 25 times]{verdict=false} and :claim[output will rise by 25 times]{verdict=true}.'
  const before = read(line).annotations.map((item) => item.id)
  const after = read('A new first paragraph.\n\nIndeed, ' + line).annotations.map((item) => item.id)
  assert.equal(before.length, 2)
  assert.deepEqual(after, before, 'not from line and column')
  assert.notEqual(before[0], before[1], 'two equal directives get two ids')
  assert.notEqual(read(':claim[other words]{verdict=false}').annotations[0]!.id, before[0])
})

test('inline: attributes that cannot be read are reported, not read as a tag', () => {
  const markdown = 'As a result, :claim[they have killed or injured thousands]{note="of people \\"long after\\" wars ended" verdict=true} of people.\n'
  const {annotations, problems} = read(markdown)
  assert.deepEqual(annotations, [], 'not a plain claim tag')
  assert.deepEqual(problems.map(where), [
    '1:59: unexpected attributes `{note="of people \\"long after\\" wars ended" verdict=true}` that cannot be read, expected `key=value` or `key="value"` pairs (a `"` in a value is written `&quot;`)'
  ])
  assert.equal(markdown.charAt(58), '{', 'the column is the `{`')
  assert.equal(markdown.slice(problems[0]!.start, problems[0]!.end), '{note="of people \\"long after\\" wars ended" verdict=true}')
  assert.deepEqual(read(':claim[x]{note="unbalanced}\n').problems.length, 1)
})

test('inline: bad directives are reported with their place', () => {
  const text = ':claim[a]{verdict=maybe}\n\nSee :place and :claim[b]{source=nowhere}.\n'
  const {annotations, problems} = read(text)
  assert.deepEqual(annotations, [])
  assert.deepEqual(
    problems.map((problem) => text.slice(problem.start, problem.end)),
    [':claim[a]{verdict=maybe}', ':place', ':claim[b]{source=nowhere}'],
    'each problem spans its directive'
  )
  assert.deepEqual(problems.map(where), [
    '1:1: unexpected `verdict=maybe`, expected one of true, mostly-true, misleading, false, unverifiable, needs-checking',
    '3:5: unexpected empty `:place` directive, expected text in brackets (`:place[…]`)',
    '3:16: unexpected `source="nowhere"`, expected an http(s) URL'
  ])
})

/** A problem as the command line prints it. */
function where(problem: {line: number; column: number; message: string}): string {
  return `${problem.line}:${problem.column}: ${problem.message}`
}

test('inline: wrapping a selection in a directive', () => {
  const claim = at('output will rise by 25 times')
  const edit = wrapInDirective(source, claim, {type: 'CLAIM', verdict: 'unverifiable', source: 'https://example.org/x?a=1&b="2"'})
  assert.deepEqual(edit, {
    ...claim,
    newText: ':claim[output will rise by 25 times]{verdict=unverifiable source="https://example.org/x?a=1&amp;b=&quot;2&quot;"}'
  })
  const changed = apply(source, edit)
  const {annotations} = read(changed)
  assert.equal(annotations.length, 1)
  assert.ok(annotations[0]!.kind === 'verdict')
  assert.equal(annotations[0]!.source, 'https://example.org/x?a=1&b="2"')
  assert.equal(annotations[0]!.target.exact, 'output will rise by 25 times')

  const person = at(' Cezary Tomczyk ')
  const wrapped = wrapInDirective(source, person, {type: 'PER', role: 'Deputy Defense Minister'})
  assert.equal(wrapped.newText, ':person[Cezary Tomczyk]{role="Deputy Defense Minister"}')
  assert.equal(wrapped.start, person.start + 1, 'white space is left out')

  const date = wrapInDirective(source, at('February 20'), {type: 'DATE', value: '2026-02-20'})
  assert.equal(date.newText, ':date[February 20]{value=2026-02-20}')
  assert.equal(wrapInDirective(source, at('Radio Zet'), {type: 'ORG'}).newText, ':org[Radio Zet]')

  const brackets = 'He said [sic the figure] is wrong.\n'
  const odd = wrapInDirective(brackets, at('[sic the', brackets), {type: 'CLAIM'})
  assert.equal(odd.newText, ':claim[\\[sic the]')
  assert.equal(read(apply(brackets, odd)).annotations.length, 1)
})

test('inline: selections that cannot be wrapped', () => {
  assert.throws(() => wrapInDirective(source, {start: 3, end: 3}, {type: 'PER'}), /empty selection/)
  assert.throws(() => wrapInDirective(source, {start: at('Europe.').start, end: at('Deputy').end}, {type: 'CLAIM'}), /across paragraphs/)
  const code = 'Run `Poland now` here.\n'
  assert.throws(() => wrapInDirective(code, at('Poland', code), {type: 'LOC'}), /Unexpected selection inside code \(`inlineCode`\), expected plain text/)
  const link = 'See [Radio Zet](https://example.org) *today* and _then_.\n'
  assert.throws(() => wrapInDirective(link, at('Zet](https', link), {type: 'ORG'}), /Unexpected selection across a link \(`link`\)/)
  assert.throws(() => wrapInDirective(link, at('today* and _th', link), {type: 'ORG'}), /across emphasis \(`emphasis`\)/)
  assert.equal(wrapInDirective(link, at('Zet', link), {type: 'ORG'}).newText, ':org[Zet]', 'inside a link text is fine')
  assert.equal(wrapInDirective(link, at('*today* and _then_', link), {type: 'CLAIM'}).newText, ':claim[*today* and _then_]')
  const attribute = ':person[Tomczyk]{role="Deputy Defense Minister"}\n'
  assert.throws(() => wrapInDirective(attribute, at('Defense', attribute), {type: 'ORG'}), /across a directive \(`textDirective`\)/)
  assert.throws(() => wrapInDirective(source, at('Poland'), {type: 'LOC'}), /inside front matter \(`yaml`\)/)
  assert.throws(() => wrapInDirective(source, at('Poland'), {type: 'CLAIM', verdict: 'maybe' as 'false'}), /Unexpected verdict `maybe`/)
  assert.throws(() => wrapInDirective(source, at('Poland'), {type: 'CLAIM', source: 'nowhere'}), /expected an http\(s\) URL/)
})

/** The text a tree renders: its literal values, in order. */
function rendered(markdown: string): string {
  const values: string[] = []
  eachNode(createProcessor().parse(markdown) as Root, (node) => {
    if ('value' in node && typeof node.value === 'string') values.push(node.value)
  })
  return values.join('')
}

/**
 * Wrap a selection and parse the result back: the same rendered text, and
 * one annotation of the type asked for over the label written.
 */
function assertRoundTrip(markdown: string, edit: TextEdit, spec: Readonly<DirectiveSpec>) {
  const changed = apply(markdown, edit)
  assert.equal(rendered(changed), rendered(markdown), `the rendered text of ${JSON.stringify(changed)}`)
  const {annotations} = read(changed)
  const inside = annotations.filter((annotation) => annotation.target.start >= edit.start && annotation.target.end <= edit.start + edit.newText.length)
  assert.equal(inside.length, 1, `one annotation in ${JSON.stringify(changed)}`)
  const [annotation] = inside
  const label = /^:\w+\[([\s\S]*)\](?:\{[^}]*\})?$/.exec(edit.newText)
  assert.ok(label, edit.newText)
  assert.equal(annotation!.target.exact, label[1])
  assert.equal(annotation!.kind === 'tag' ? annotation!.type : 'CLAIM', spec.type)
}

test('inline: a selection that would not read back is refused or widened', () => {
  // `:org[**[http://a.b]]` read back as an empty directive: the annotation was lost.
  const link = 'See **[http://a.b] now.\n'
  assert.throws(() => wrapInDirective(link, at('**[http://a.b]', link), {type: 'ORG'}), /would not read back as the same text and annotation/)
  // `:org[Tom &am]p;` rendered `&am` and `p;` instead of `&`.
  const reference = 'Tom &amp; Jerry said so.\n'
  const cut = wrapInDirective(reference, at('Tom &am', reference), {type: 'ORG'})
  assert.deepEqual(cut, {...at('Tom &amp;', reference), newText: ':org[Tom &amp;]'})
  assertRoundTrip(reference, cut, {type: 'ORG'})
  const after = wrapInDirective(reference, at('p; Jerry', reference), {type: 'PER'})
  assert.equal(after.newText, ':person[&amp; Jerry]')
  // An escape cut after its backslash.
  const escape = 'Use \\* here.\n'
  assert.equal(wrapInDirective(escape, at('* here', escape), {type: 'MISC'}).newText, ':thing[\\* here]')
})

test('inline (property): a wrapped selection parses back as the same text and annotation', () => {
  const pieces = [
    'Tom', ' Jerry', ' ', '\n', '&amp;', '&#35;', '&copy;', '\\*', '\\', '*', '**', '_', '[', ']', '(', ')', 'http://a.b', 'www.x.org',
    '`a`', '<b>', '</b>', ':person[x]', '{a=b}', '~~', '[^1]', '!', ':', '"', 'é', '😀', '#', '> '
  ]
  const specs: DirectiveSpec[] = [{type: 'ORG'}, {type: 'DATE', value: '2026-02-20'}, {type: 'CLAIM', verdict: 'false', note: 'a "b" & c'}, {type: 'PER', role: 'x y'}]
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 12}), fc.nat(), fc.nat(), fc.constantFrom(...specs), (parts, a, b, spec) => {
      const markdown = 'Start. ' + parts.join('') + ' end.\n'
      const start = 7 + (a % (markdown.length - 7))
      const end = start + 1 + (b % (markdown.length - start))
      let edit: TextEdit
      try {
        edit = wrapInDirective(markdown, {start, end}, spec)
      } catch (error) {
        assert.match(String(error), /^Error: Unexpected /)
        return
      }

      assertRoundTrip(markdown, edit, spec)
    }),
    {numRuns: 400, seed: 19}
  )
})
