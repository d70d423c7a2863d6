/**
 * What the editor says about sources (`src/extension/sources-view.ts`), in
 * plain Node: sidebar items, hover lines, the header line and its place.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import {analyzeSync} from '../../src/core/index.ts'
import {sourcesOf} from '../../src/core/quotes/sources.ts'
import {entitySourceLine, headerLine, headerLineNumber, quoteAt, quoteItem, quoteLine, quoteText, sourceItem} from '../../src/service/sources.ts'

const text =
  'Deputy Infrastructure Minister Olga Brzezińska said the quay would reopen in May. ' +
  '“The cranes are fixed,” she told reporters. ' +
  'Officials said the cost had doubled.'

test('sources view: items, quote lines and the entity line of a short article', () => {
  const result = analyzeSync(text).data.newsmark!
  const sources = sourcesOf(result)
  const olga = sources.find((source) => source.name === 'Olga Brzezińska')!
  assert.deepEqual(sourceItem(olga), {
    label: 'Olga Brzezińska',
    description: 'named person · 2 quotes',
    tooltip: 'Named person · Deputy Infrastructure Minister · 2 quotes',
    icon: 'person'
  })
  const officials = sources.find((source) => source.kind === 'anonymous')!
  assert.equal(sourceItem(officials).description, 'anonymous source · 1 quote')

  const direct = quoteAt(result.quotes, text.indexOf('cranes'))!
  assert.equal(direct.kind, 'direct')
  assert.deepEqual(quoteItem(quoteText(text, direct), direct), {label: '“The cranes are fixed,”', description: 'direct · told'})
  assert.equal(quoteLine(direct, sources), 'Quoted: direct · source Olga Brzezińska (named person) · cue “told”')
  const reported = quoteAt(result.quotes, text.indexOf('quay'))!
  assert.deepEqual(quoteItem(quoteText(text, reported), reported), {label: 'the quay would reopen in May', description: 'indirect · said'})
  assert.equal(quoteAt(result.quotes, text.indexOf('Deputy')), undefined, 'a source is no quote')

  assert.equal(entitySourceLine(sources, olga.entity!), 'Source of 2 quotes')
  assert.equal(entitySourceLine(sources, 'e99'), undefined)
})

test('sources view: a quote with no source, and an interrupted quote', () => {
  const source = 'A “we will,” he said, “respond”.'
  const quote = {
    start: 3,
    end: 31,
    kind: 'direct' as const,
    parts: [
      {start: 3, end: 11, text: 'we will,'},
      {start: 23, end: 30, text: 'respond'}
    ]
  }
  assert.equal(quoteAt([quote], 15), undefined, 'between parts')
  assert.equal(quoteAt([quote], 24), quote)
  assert.equal(quoteItem(quoteText(source, quote), quote).label, '“we will, … respond”')
  assert.equal(quoteLine(quote, []), 'Quoted: direct · no source found')
  assert.equal(quoteText((start, end) => `[${start}, ${end})`, {start: 2, end: 9, kind: 'indirect'}), '[2, 9)')
})

test('header line: counts, and the line it goes on', () => {
  assert.equal(headerLine({sources: 5, toCheck: 3, findings: 12}), '5 sources · 3 claims to check · 12 findings')
  assert.equal(headerLine({sources: 1, toCheck: 0, findings: 1}), '1 source · 1 finding')
  assert.equal(headerLine({sources: 0, toCheck: 1, findings: 0}), '0 sources · 1 claim to check · 0 findings')

  assert.equal(headerLineNumber('# Title\n\nText.'), 0)
  assert.equal(headerLineNumber('Text.\n\n# Later'), 0, 'no front matter: the first line')
  assert.equal(headerLineNumber('---\ntitle: A\n---\n\n# Title\n'), 4)
  assert.equal(headerLineNumber('---\ntitle: A\n---\n\nText first.\n\n# Title\n'), 6)
  assert.equal(headerLineNumber('---\ntitle: A\n---\n\nText only.\n'), 4)
  assert.equal(headerLineNumber('---\ntitle: A\n---'), 2)
  assert.equal(headerLineNumber('---\nnot closed\n# Title'), 0)
  assert.equal(headerLineNumber(fs.readFileSync('examples/poland-ottawa.md', 'utf8')), 6)
})

test('quoteLine: a pronoun that stands for no one named nearby says so, and is in no source of the view', () => {
  const quote = {start: 20, end: 40, kind: 'indirect' as const, cue: {start: 5, end: 10, text: 'argue'}, source: {start: 0, end: 4, text: 'They', name: 'They', kind: 'anonymous' as const}}
  assert.equal(quoteLine(quote, []), 'Quoted: indirect · source “They” (not named nearby) · cue “argue”')
})

test('quoteLine: a description of someone named elsewhere, tied to no name, says so', () => {
  const source = {start: 0, end: 15, text: 'The automakers', name: 'The automakers', kind: 'anonymous' as const}
  const quote = {start: 20, end: 40, kind: 'indirect' as const, cue: {start: 16, end: 20, text: 'told'}, source}
  assert.equal(quoteLine(quote, []), 'Quoted: indirect · source “The automakers” (not tied to a name) · cue “told”')
  const officials = {...quote, source: {...source, text: 'The officials', name: 'The officials'}}
  assert.equal(quoteLine(officials, []), 'Quoted: indirect · source The officials (anonymous source) · cue “told”')
})
