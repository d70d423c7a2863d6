/**
 * Entities on news as a reader judges them (`docs/labelling.md`): made-up
 * sentences, one behaviour each.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {analyzeSync} from '../../src/core/analyze.ts'
import {isNationalityText} from '../../src/core/entities/groups.ts'

function tag(text: string) {
  return analyzeSync(text, {dates: false, claims: false}).data.newsmark!
}

function names(list: ReadonlyArray<{mentions: ReadonlyArray<{text: string}>}> | undefined): string[] {
  return (list ?? []).flatMap((entity) => entity.mentions.map((mention) => mention.text))
}

test('nationalities: demonyms, groups and modifiers made from names are told apart', () => {
  for (const text of ['Polish', 'Russians', 'Americans', 'Republicans', 'Democrats', 'East African', 'Chinese-Korean', 'Ohio-based', 'New York-style', 'Tories', 'African-American']) {
    assert.ok(isNationalityText(text), text)
  }

  for (const text of ['Poland', 'Kia', 'South Korea', 'Democratic-run Senate', 'U.S.-Mexico', 'Ramadan']) {
    assert.ok(!isNationalityText(text), text)
  }

  // A region's adjective only where the tagger calls it MISC (“Western” is also a street).
  assert.ok(isNationalityText('Western', true))
  assert.ok(!isNationalityText('Western', false))
})

test('nationalities: kept apart from the entities of an article', () => {
  const result = tag('Polish officials met Russian diplomats in Warsaw on Monday, and several Republicans in Congress welcomed the talks.\n')
  const entities = names(result.entities)
  const nationalities = names(result.nationalities)
  assert.ok(entities.includes('Warsaw'), entities.join(', '))
  for (const word of ['Polish', 'Russian', 'Republicans']) {
    assert.ok(!entities.includes(word), `${word} among entities: ${entities.join(', ')}`)
    assert.ok(nationalities.includes(word), `${word} not among nationalities: ${nationalities.join(', ')}`)
  }
})
