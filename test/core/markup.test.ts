/**
 * Markup never leaks into what Newsmark reports: names, roles and speakers
 * are prose, while spans still point at the source (with its markup).
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {analyzeSync} from '../../src/core/analyze.ts'

const source = [
  '---',
  'date: 2026-01-16',
  '---',
  '',
  'Deputy Defense Minister *Cezary* Tomczyk said Poland will leave **next month**. Later, Cezary Tomczyk left for [Warsaw](https://en.wikipedia.org/wiki/Warsaw).',
  '',
  '> Russian Foreign Ministry spokeswoman Maria',
  '> Zakharova warned of consequences, she said.',
  '',
  'UPDATE:Reuters said Berlin agreed.'
].join('\n')

test('markup: names are prose; spans are source', () => {
  const file = analyzeSync(source)
  const {entities, dates} = file.data.newsmark!
  for (const entity of entities) {
    assert.doesNotMatch(entity.name, /[*_<>\\[\]`]|\n/, entity.name)
    if (entity.role) assert.doesNotMatch(entity.role, /[*_<>\\[\]`]/, entity.role)
  }

  const names = entities.map((entity) => entity.name)
  const tomczyk = entities.find((entity) => entity.name === 'Cezary Tomczyk')
  assert.ok(tomczyk, names.join(', '))
  // One person, whether or not a part of the name was emphasised.
  assert.deepEqual(
    tomczyk.mentions.filter((m) => !m.pronoun).map((m) => m.text),
    ['Cezary* Tomczyk', 'Cezary Tomczyk']
  )
  const zakharova = entities.find((entity) => entity.name === 'Maria Zakharova')
  assert.ok(zakharova, names.join(', '))
  assert.equal(zakharova.mentions[0].text, 'Maria\n> Zakharova')
  // A link whose address ends with its text is still prose.
  assert.ok(names.includes('Warsaw'), names.join(', '))
  // `:Reuters` is not a Newsmark directive: the word stays.
  assert.ok(names.includes('Reuters'), names.join(', '))

  const month = dates.find((date) => date.value === '2026-02')
  assert.equal(month?.text, 'next month')
  for (const span of [...dates, ...entities.flatMap((entity) => entity.mentions)]) {
    assert.equal(source.slice(span.start, span.end), span.text)
  }
})

test('markup: a Uint8Array source decodes as UTF-8', () => {
  const file = analyzeSync(new TextEncoder().encode('Poland’s minister Cezary Tomczyk said so.'))
  const names = file.data.newsmark!.entities.map((entity) => entity.name)
  assert.ok(names.includes('Poland'), names.join(', '))
})
