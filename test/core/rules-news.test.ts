/**
 * Default rules on what real news writes: findings a reader would call
 * wrong, seen on articles outside the labelled sample, each with the case
 * that must still be found.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {analyzeWith} from '../fixtures/rules/examples.ts'

/** The finding texts of one rule on a text. */
function found(value: string, ruleId: string): string[] {
  return analyzeWith(value, [ruleId]).messages.map((message) => value.slice(message.place && 'start' in message.place ? message.place.start.offset : 0, message.place && 'end' in message.place ? message.place.end.offset : 0))
}

test('relative-date-unresolved: only when the article has no reference date', () => {
  const later = 'The team lost in the final in 2021. Two years later, it lost again.\n'
  assert.deepEqual(found(`---\ndate: 2023-03-24\n---\n\n${later}`, 'relative-date-unresolved'), [])
  assert.deepEqual(found('The plant will close next month.\n', 'relative-date-unresolved'), ['next month'])
})

test('inconsistent-name: kin are two people, not one name spelled two ways', () => {
  const text = 'Grandma baked on Sundays. Grandma sang. Grandpa fixed the car while Grandma watched.\n'
  assert.deepEqual(found(text, 'inconsistent-name'), [])
  assert.deepEqual(found('Maria Zakharova warned of consequences. Zakharova said Russia would respond. Zaharova did not give details.\n', 'inconsistent-name'), ['Zaharova'])
})

test('inconsistent-name: a spelling used as often as the other is not said to be the expected one', () => {
  const text = 'Dr. Priya Ramaswamy studies pollen. Ramaswami said the season starts earlier.\n\nRamaswami added that it ends later. Ramaswamy said that rain helps.\n'
  const [first, ...rest] = analyzeWith(text, ['inconsistent-name']).messages
  assert.equal(rest.length, 1)
  assert.equal(first.actual, 'Ramaswami')
  assert.equal(first.expected, undefined)
  assert.equal(first.reason, 'Unexpected spelling `Ramaswami`, also spelled `Ramaswamy` as often in the article: one of them is wrong')
  // One more of one spelling: that one is expected, and offered as the fix.
  const [more] = analyzeWith(text + '\nRamaswamy will publish in May.\n', ['inconsistent-name']).messages
  assert.deepEqual(more.expected, ['Ramaswamy'])
  // Three spellings: each rarer one against the one used most.
  const three = 'Dr. Priya Ramaswamy studies pollen. Dr. Priya Ramaswami spoke. Dr. Priya Ramasvami spoke. Dr. Priya Ramasvami left. Dr. Priya Ramasvami ran.\n'
  assert.deepEqual(
    analyzeWith(three, ['inconsistent-name']).messages.map((message) => [message.actual, message.expected]),
    [['Ramaswamy', ['Ramasvami']], ['Ramaswami', ['Ramasvami']]]
  )
})

test('inconsistent-name: two sums after “and” or a hedge are not one figure stated twice', () => {
  const text =
    'The trustee of Acme Racing said approximately $16.8 million in assets were left.\n\nAbout $5.6 million went to fees and approximately $2.7 million went to a client of Acme Racing.\n'
  assert.deepEqual(found(text, 'inconsistent-name'), [])
  const changed = 'Deputy Defense Minister Cezary Tomczyk said output at the BELMA plant will rise by 25 times.\n\nLater in the interview, Tomczyk said that output will rise by 20 times.\n'
  assert.deepEqual(found(changed, 'inconsistent-name'), ['20 times'])
})

test('loaded-verb: not a word of a name, nor a speaker’s own words in quotation marks', () => {
  assert.deepEqual(found('The suit went to the U.S. Court of Federal Claims in Washington.\n', 'loaded-verb'), [])
  assert.deepEqual(found('“The agency insisted on secrecy for years,” the panel wrote.\n', 'loaded-verb'), [])
  assert.deepEqual(found('The agency insisted that it had no records.\n', 'loaded-verb'), ['insisted'])
})
