/**
 * The tokenizers read most words (ASCII letters, or letters and digits)
 * without their regular expression. Whatever the text, their tokens are
 * those of the pattern alone: the references below run each pattern at
 * every token, as the tokenizers did before the fast path (keep them in
 * step with the patterns in `src/core/text/tokenize.ts` and
 * `src/core/claims/features.ts`).
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import fc from 'fast-check'
import {tokenize as claimTokens, normalizeQuotes} from '../../src/core/claims/features.ts'
import abbreviations from '../../src/core/text/abbreviations.json' with {type: 'json'}
import {tokenize as proseTokens} from '../../src/core/text/tokenize.ts'

const known = new Set([...abbreviations.titles, ...abbreviations.other].map((value) => value.toLowerCase()))

const prosePattern =
  /(['’][sS])(?![\p{L}\p{N}])|([\p{L}\p{M}\p{N}]+(?:(?:[-'’.&]|,(?=\p{N}))[\p{L}\p{M}\p{N}]+)*)|(\S)/uy

/**
 * `tokenize` of `src/core/text/tokenize.ts`, by its pattern at every token.
 *
 * @param text
 *   Text.
 * @returns
 *   Tokens.
 */
function proseReference(text: string): Array<[number, number, boolean]> {
  const abbreviation = (word: string) =>
    word.includes('.') || (word.length === 1 && /\p{Lu}/u.test(word)) || known.has(word.toLowerCase() + '.')
  const tokens: Array<[number, number, boolean]> = []
  let newline = false
  let index = 0
  const push = (start: number, end: number) => {
    tokens.push([start, end, newline])
    newline = false
  }

  while (index < text.length) {
    const code = text.charCodeAt(index)
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0) {
      if (code === 10 || code === 13) newline = true
      index++
      continue
    }

    prosePattern.lastIndex = index
    const match = prosePattern.exec(text)
    // Other white space (`\u2028`, …).
    if (!match) {
      index++
      continue
    }

    let end = index + match[0].length
    if (match[2]) {
      const word = match[2]
      if (/['’][sS]$/.test(word) && word.length > 2) {
        end -= 2
        push(index, end)
        push(end, end + 2)
        index = end + 2
        continue
      }

      if (text.charCodeAt(end) === 46 && abbreviation(word)) end++
    }

    push(index, end)
    index = end
  }

  return tokens
}

const claimPattern =
  /\$|%|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?|\p{L}+(?:['\-.]\p{L}+)*(?:'\p{L}*)?|n't\b|'\p{L}+|\.{2,}|-{2,}|[^\s\p{L}\d]/gu
const clitic = /^(\p{L}+?)(n't|'s|'re|'ll|'ve|'d|'m|')$/iu

/**
 * `tokenize` of `src/core/claims/features.ts`, by its pattern alone.
 *
 * @param sentence
 *   Sentence.
 * @returns
 *   Token texts and starts.
 */
function claimReference(sentence: string): Array<[string, number]> {
  const text = normalizeQuotes(sentence)
  const tokens: Array<[string, number]> = []
  claimPattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = claimPattern.exec(text)) !== null) {
    const piece = match[0]
    const split = piece.length > 1 && piece.includes("'") && /\p{L}'/u.test(piece) ? clitic.exec(piece) : null
    if (split) {
      tokens.push([split[1], match.index], [split[2], match.index + split[1].length])
    } else {
      tokens.push([piece, match.index])
    }
  }

  return tokens
}

// Letters, digits, joiners, apostrophes, white space of every kind, marks,
// astral characters: short strings of these reach every branch.
const characters = [
  'a', 'Z', 's', 'S', 'n', 't', 'v', 'D', 'r', '9', '1', '٣', 'é', 'ß', 'İ', 'ﬁ', '\u0301', '😀',
  ' ', '\n', '\r', '\t', '\u000B', '\u00A0', '\u2028',
  '.', ',', '-', "'", '’', '&', '_', '$', '%', '(', '"'
]
const text = fc.array(fc.constantFrom(...characters), {maxLength: 16}).map((parts) => parts.join(''))
const sample = fs.readFileSync('examples/poland-ottawa.md', 'utf8')

test('prose tokenizer: the fast path gives the tokens of the pattern', () => {
  const tokens = (value: string) => proseTokens(value).map((token): [number, number, boolean] => [token.start, token.end, token.newline])
  fc.assert(
    fc.property(text, (value) => assert.deepEqual(tokens(value), proseReference(value))),
    {numRuns: 20_000}
  )
  assert.deepEqual(
    proseTokens('U.S. and J. Smith: 1,000 km, Poland’s co-op A&E.').map((token) => token.text),
    ['U.S.', 'and', 'J.', 'Smith', ':', '1,000', 'km', ',', 'Poland', '’s', 'co-op', 'A&E', '.']
  )
  const expected = proseReference(sample)
  assert.ok(expected.length > 600)
  assert.deepEqual(
    proseTokens(sample).map((token): [number, number, boolean] => [token.start, token.end, token.newline]),
    expected
  )
})

test('claim tokenizer: the fast path gives the tokens of the pattern', () => {
  const tokens = (value: string) => claimTokens(value).map((token): [string, number] => [token.text, token.start])
  fc.assert(
    fc.property(text, (value) => assert.deepEqual(tokens(value), claimReference(value))),
    {numRuns: 20_000}
  )
  for (const paragraph of sample.split('\n\n')) assert.deepEqual(tokens(paragraph), claimReference(paragraph))
  assert.deepEqual(
    tokens("They don't know NATO's well-known plan.").map(([piece]) => piece),
    ['They', 'do', "n't", 'know', 'NATO', "'s", 'well-known', 'plan', '.']
  )
})
