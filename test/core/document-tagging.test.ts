/**
 * `DocumentTagging`: the entity tags of a document kept across its
 * versions are the tags of `NerTagger.tagDocument` over each version, and
 * only the sentences whose input changed are tagged again.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import fc from 'fast-check'
import {DocumentTagging} from '../../src/core/entities/document-tagging.ts'
import {shippedTagger} from '../../src/core/entities/tagger.ts'
import {splitSentences} from '../../src/core/text/sentences.ts'
import {tokenize, type Token} from '../../src/core/text/tokenize.ts'

const sample = fs.readFileSync('examples/poland-ottawa.md', 'utf8')

/** Token arrays of the sentences of a text, each its own array. */
function sentencesOf(text: string): Token[][] {
  const tokens = tokenize(text)
  return splitSentences(tokens).map((sentence) => tokens.slice(sentence.first, sentence.last))
}

// The sample's sentences, and sentences that change what the document says
// of the casing and the labels of its words: "Poland" lower case, a headline
// in capitals, names that share words with the sample's.
const pool = [
  ...sentencesOf(sample.replace(/^---[\s\S]*?---/, '')).slice(0, 40),
  ...sentencesOf(
    'The poland of it all. POLAND QUITS THE TREATY. Tomczyk Cezary met Ottawa officials. ' +
      'Defense is a word; defense is another. He went to Kaliningrad Region on Monday. ' +
      'Cezary Tomczyk Foundation said so. The Ottawa Convention bans mines. Ottawa said no. ' +
      'Cases of C. auris rose in the ward. Candida auris spreads in hospitals.'
  )
]

/** What the reference tagger says of a document. */
function reference(sentences: ReadonlyArray<ReadonlyArray<Token>>) {
  const margins: number[][] = []
  const tags = shippedTagger().tagDocument(
    sentences.map((tokens) => tokens.map((token) => token.text)),
    undefined,
    margins
  )
  return tags.map((tags, index) => ({tags, margins: margins[index]}))
}

/** What a kept tagging says of it. */
function kept(tagging: DocumentTagging, sentences: ReadonlyArray<ReadonlyArray<Token>>) {
  return tagging.tag(sentences).map((tagged) => ({tags: [...tagged.tags], margins: [...tagged.margins]}))
}

test('document tagging: a first tagging is the reference tagging', () => {
  assert.deepEqual(kept(new DocumentTagging(), pool), reference(pool))
})

test('document tagging: versions of a document give the reference tags of each', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.integer({min: 0, max: pool.length - 1}), {maxLength: 30}), {minLength: 2, maxLength: 6}),
      (versions) => {
        const tagging = new DocumentTagging()
        for (const version of versions) {
          const sentences = version.map((index) => pool[index])
          assert.deepEqual(kept(tagging, sentences), reference(sentences))
          // The word tables, kept by sentence, are those of a fresh count.
          const fresh = new DocumentTagging()
          fresh.tag(sentences)
          const words = [...new Set(pool.flat().map((token) => token.text))]
          assert.deepEqual(words.filter((word) => tagging.lowerWords().has(word)), words.filter((word) => fresh.lowerWords().has(word)))
          assert.deepEqual(words.filter((word) => tagging.epithets().has(word)), words.filter((word) => fresh.epithets().has(word)))
        }
      }
    ),
    {numRuns: 60}
  )
})

test('document tagging: an edit tags again only what it changed', () => {
  const tagging = new DocumentTagging()
  const sentences = pool.slice(0, 40)
  const before = tagging.tag(sentences)
  // One word of a sentence changed, for a word no other sentence has: the
  // casing and the label counts of the other words stay the same.
  const text = sentences[10].map((token) => token.text).join(' ')
  assert.match(text, / sharply /)
  const [edited] = sentencesOf(text.replace(' sharply ', ' greatly '))
  const after = tagging.tag([...sentences.slice(0, 10), edited, ...sentences.slice(11)])
  const kept = after.filter((tagged, index) => tagged === before[index])
  assert.equal(kept.length, 39, 'the other 39 sentences keep their tags (the same objects)')
  assert.notEqual(after[10], before[10])
  // The same document again: nothing is tagged again.
  const again = tagging.tag([...sentences.slice(0, 10), edited, ...sentences.slice(11)])
  assert.ok(again.every((tagged, index) => tagged === after[index]))
})

test('the word tables follow the sentences of each version: lower-case words and epithets after an initial', () => {
  const tagging = new DocumentTagging()
  const [first, second, third] = sentencesOf('Infections of C. auris rose in the ward. Auris Health said so. Nurses were tested twice.')
  const has = (words: {has(word: string): boolean}, list: string[]) => list.map((word) => words.has(word))

  tagging.tag([first!, second!, third!])
  assert.deepEqual(has(tagging.lowerWords(), ['rose', 'ward', 'tested', 'auris', 'health', 'c']), [true, true, true, true, false, false])
  assert.deepEqual(has(tagging.epithets(), ['auris', 'rose']), [true, false])

  // The species sentence gone, edited away: its words with it; the others stay.
  tagging.tag([second!, third!])
  assert.deepEqual(has(tagging.lowerWords(), ['rose', 'auris', 'tested']), [false, false, true])
  assert.equal(tagging.epithets().has('auris'), false)

  // Twice in the document, then once: still there.
  tagging.tag([first!, first!, third!])
  tagging.tag([first!, third!])
  assert.deepEqual(has(tagging.epithets(), ['auris']), [true])
})
