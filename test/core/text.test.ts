import assert from 'node:assert/strict'
import test from 'node:test'
import {splitSentences} from '../../src/core/text/sentences.ts'
import {tokenize} from '../../src/core/text/tokenize.ts'

function sentences(text: string): string[] {
  return splitSentences(tokenize(text)).map((s) => text.slice(s.start, s.end))
}

test('tokenize: CoNLL-style tokens with offsets', () => {
  const text = 'Gen. J. Smith of the U.S. said Poland’s 1,000.5 state-owned $20% mines.'
  const tokens = tokenize(text)
  assert.deepEqual(
    tokens.map((token) => token.text),
    ['Gen.', 'J.', 'Smith', 'of', 'the', 'U.S.', 'said', 'Poland', '’s', '1,000.5', 'state-owned', '$', '20', '%', 'mines', '.']
  )
  for (const token of tokens) assert.equal(text.slice(token.start, token.end), token.text)
})

test('tokenize: CoNLL possessives and astral characters', () => {
  assert.deepEqual(tokenize("Japan 's team").map((t) => t.text), ['Japan', "'s", 'team'])
  const text = 'A 😀 b\r\nc'
  const tokens = tokenize(text)
  assert.deepEqual(tokens.map((t) => t.text), ['A', '😀', 'b', 'c'])
  assert.equal(tokens[3].newline, true)
  assert.deepEqual(tokenize(''), [])
})

test('sentences: abbreviations, initials, decimals and quotes', () => {
  assert.deepEqual(sentences('Gen. Smith met Dr. J. Doe at 3.5 p.m. in the U.S. Army base. He left.'), [
    'Gen. Smith met Dr. J. Doe at 3.5 p.m. in the U.S. Army base.',
    'He left.'
  ])
  assert.deepEqual(sentences('It grew in the U.S. The rest fell. “Yes.” she said. Really? "No."'), [
    'It grew in the U.S.',
    'The rest fell.',
    '“Yes.” she said.',
    'Really?',
    '"No."'
  ])
  assert.deepEqual(sentences('Jan. 5 was cold. Output rose by 2.5 percent.'), [
    'Jan. 5 was cold.',
    'Output rose by 2.5 percent.'
  ])
})

test('tokenize: long adversarial runs finish (linear)', () => {
  for (const run of ['A'.repeat(100_000), '.'.repeat(100_000), '"'.repeat(50_000), '1,'.repeat(50_000), 'a.'.repeat(50_000)]) {
    const tokens = tokenize(run)
    assert.ok(tokens.length > 0)
    assert.ok(splitSentences(tokens).length > 0)
  }
})

test('sentences: a party and state after a name end no sentence', () => {
  assert.deepEqual(sentences('Sen. Ann Moss, R-Ore., said the bill was dead. Rep. Tom Lund (D-Ore.), who wrote it, disagreed.'), [
    'Sen. Ann Moss, R-Ore., said the bill was dead.',
    'Rep. Tom Lund (D-Ore.), who wrote it, disagreed.'
  ])
})

test('sentences: a question or exclamation in quotation marks goes on with its attribution', () => {
  assert.deepEqual(sentences('"Did you get the names of everyone here?" Ann Moss asked. "Good!" She left. “Now?” asked Tom Lund. “Stop!” Police arrived.'), [
    '"Did you get the names of everyone here?" Ann Moss asked.',
    '"Good!"',
    'She left.',
    '“Now?” asked Tom Lund.',
    '“Stop!”',
    'Police arrived.'
  ])
  // Not when the attribution goes on (a sentence of its own, or the next quote's).
  assert.deepEqual(sentences('It was a “dead end.” He said it was over. “We wait.” Moss says, “We act.”'), [
    'It was a “dead end.”',
    'He said it was over.',
    '“We wait.”',
    'Moss says, “We act.”'
  ])
})

test('sentences: “No.” before a number is an abbreviation, “voted no.” ends a sentence', async () => {
  const {viewText} = await import('../../src/core/document.ts')
  const sentences = viewText('It ranked No. 5 on the list. Lopez voted no. The senator left.').sentences.map((sentence) => sentence.text)
  assert.deepEqual(sentences, ['It ranked No. 5 on the list.', 'Lopez voted no.', 'The senator left.'])
})

test('tokenize: Unicode’s hyphens join a word as “-” does', () => {
  assert.deepEqual(
    tokenize('sub\u2010Saharan and well\u2011known, not a \u2013 dash').map((token) => token.text),
    ['sub\u2010Saharan', 'and', 'well\u2011known', ',', 'not', 'a', '\u2013', 'dash']
  )
})
