/**
 * Features of the quotation tagger: what a token of a prose block tells of
 * being part of a cue ("said", "according to"), a source ("Spokeswoman
 * Haley Morris", "a source") or a content span (what was said), read by
 * `QuoteTagger` and by `scripts/train-quotes.ts` alike.
 *
 * A block is tagged as one sequence (a quote often runs over several
 * sentences); the features that look at the sentence (its reporting verbs,
 * its quotation marks) use the sentence the token is in.
 */
import {isTitleAbbreviation, type Token} from '../text/tokenize.ts'
import lexicon from './lexicon.json' with {type: 'json'}

/** Classes of the tagger: BIO over cue, source and content. */
export const classes = ['O', 'B-CUE', 'I-CUE', 'B-SRC', 'I-SRC', 'B-CON', 'I-CON'] as const

/** A class name. */
export type QuoteClass = (typeof classes)[number]

const cueWords: ReadonlySet<string> = new Set(lexicon.cueWords)
// A Map, not the lexicon's object: the words looked up are the article's.
const pronouns: ReadonlyMap<string, string> = new Map(Object.entries(lexicon.pronouns))

/** Quotation marks that open, close, or do either (`"`). */
const opening: ReadonlySet<string> = new Set(['“', '«', '„'])
const closing: ReadonlySet<string> = new Set(['”', '»'])

/** A block of prose as the tagger reads it. */
export interface BlockView {
  tokens: ReadonlyArray<Token>
  /** Lower-cased token texts. */
  words: ReadonlyArray<string>
  /** Sentence index of each token (within the block). */
  sentenceOf: Int32Array
  /** Whether each token is inside quotation marks (marks included). */
  quoted: Uint8Array
  /** Tag-independent features of each token. */
  statics: string[][]
}

/**
 * Read a block: its words, sentences, quotation state and static features.
 *
 * @param tokens
 *   Tokens of the block.
 * @param sentences
 *   Sentences as `[first, last)` token ranges, covering the tokens in order.
 * @returns
 *   Block view.
 */
export function viewBlock(
  tokens: ReadonlyArray<Token>,
  sentences: ReadonlyArray<{first: number; last: number}>
): BlockView {
  const words = tokens.map((token) => token.text.toLowerCase())
  // Two apostrophes with nothing between (`''It is,'' she said`, as some
  // wires and archives write quotation marks) are one mark, read as `"`:
  // both tokens are the mark, the second one skipped when pairing.
  const doubled = new Set<number>()
  for (let index = 0; index + 1 < words.length; index++) {
    if (words[index] === "'" && words[index + 1] === "'" && tokens[index].end === tokens[index + 1].start) {
      words[index] = '"'
      words[index + 1] = '"'
      doubled.add(index + 1)
      index++
    }
  }

  const sentenceOf = new Int32Array(tokens.length)
  for (const [index, sentence] of sentences.entries()) sentenceOf.fill(index, sentence.first, sentence.last)
  const quoted = quotation(words, doubled)
  const view: BlockView = {tokens, words, sentenceOf, quoted, statics: []}
  for (const sentence of sentences) addStatics(view, sentence.first, sentence.last)
  return view
}

/**
 * Which tokens are inside quotation marks: `“…”`, or `"…"` paired in order.
 * An opening mark that is never closed in the block quotes to its end (a
 * quote that goes on in the next paragraph leaves its mark open).
 *
 * @param words
 *   Token texts.
 * @param doubled
 *   Second tokens of doubled marks (`''`), not marks of their own.
 * @returns
 *   1 for a token inside (or a mark), 0 otherwise.
 */
function quotation(words: ReadonlyArray<string>, doubled: ReadonlySet<number>): Uint8Array {
  const quoted = new Uint8Array(words.length)
  let open = -1
  for (let index = 0; index < words.length; index++) {
    const word = words[index]
    if (doubled.has(index)) {
      // The second half of a doubled mark: inside, with the first.
      if (open >= 0 || quoted[index - 1]) quoted[index] = 1
    } else if (opening.has(word) || (word === '"' && open < 0)) {
      open = index
    } else if ((closing.has(word) || word === '"') && open >= 0) {
      quoted.fill(1, open, index + 1)
      open = -1
    }
  }

  if (open >= 0) quoted.fill(1, open)
  return quoted
}

/**
 * Add the static features of one sentence's tokens.
 *
 * @param view
 *   Block view (its `statics` filled from `first` to `last`).
 * @param first
 *   First token of the sentence.
 * @param last
 *   Token after the last.
 */
function addStatics(view: BlockView, first: number, last: number): void {
  const {words, tokens, quoted} = view
  // Reporting words of the sentence, for the distance features.
  const cues: number[] = []
  let marks = 0
  for (let index = first; index < last; index++) {
    if (cueWords.has(words[index])) cues.push(index)
    if (isMark(words[index])) marks++
  }

  const sentenceFeatures = ['sq=' + Math.min(marks, 2), 'sc=' + Math.min(cues.length, 2)]
  for (let index = first; index < last; index++) {
    const word = words[index]
    const previous = index > first ? words[index - 1] : '<s>'
    const previous2 = index > first + 1 ? words[index - 2] : '<s>'
    const next = index + 1 < last ? words[index + 1] : '</s>'
    const next2 = index + 2 < last ? words[index + 2] : '</s>'
    const shape = shapeOf(tokens[index].text)
    const position = index - first
    const features = [
      'b',
      'w=' + word,
      'p=' + previous,
      'n=' + next,
      'p2=' + previous2,
      'n2=' + next2,
      'pw=' + previous + '|' + word,
      'wn=' + word + '|' + next,
      'pn=' + previous + '|' + next,
      's=' + shape,
      'ps=' + shapeOf(index > first ? tokens[index - 1].text : '') + '|' + shape,
      'sn=' + shape + '|' + shapeOf(index + 1 < last ? tokens[index + 1].text : ''),
      'x=' + suffix(word),
      'q=' + quoted[index] + (isMark(word) ? 'm' : ''),
      'qp=' + (index > first ? quoted[index - 1] : 2) + quoted[index] + (index + 1 < last ? quoted[index + 1] : 2),
      'pos=' + Math.min(position, 4),
      'end=' + Math.min(last - 1 - index, 3),
      ...sentenceFeatures
    ]
    if (cueWords.has(word)) features.push('cw', 'cwq=' + quoted[index] + '|' + next)
    if (pronouns.has(word)) features.push('pro', 'pron=' + next)
    if (isTitleAbbreviation(tokens[index].text)) features.push('title')
    // The nearest reporting word before and after, by distance.
    const after = cues.find((at) => at > index)
    let before: number | undefined
    for (const at of cues) if (at < index) before = at
    features.push(
      'ca=' + (after === undefined ? '-' : bucket(after - index)),
      'cb=' + (before === undefined ? '-' : bucket(index - before)),
      'caw=' + (after === undefined ? '-' : bucket(after - index) + '|' + word)
    )
    if (before !== undefined) features.push('cbw=' + words[before] + '|' + bucket(index - before))
    if (after !== undefined) features.push('caw2=' + words[after] + '|' + bucket(after - index))
    view.statics[index] = features
  }
}

/**
 * The features that depend on the tags before a token.
 *
 * @param view
 *   Block.
 * @param index
 *   Token index.
 * @param tags
 *   Tags given so far (`tags[index - 1]` is the previous one).
 * @param seen
 *   Classes seen so far in the token's sentence (`C`ue, `S`ource, `Q`uote).
 * @returns
 *   Features.
 */
export function dynamicFeatures(
  view: BlockView,
  index: number,
  tags: ReadonlyArray<string>,
  seen: string
): string[] {
  const sameSentence = index > 0 && view.sentenceOf[index - 1] === view.sentenceOf[index]
  const t1 = index > 0 ? tags[index - 1] : '<s>'
  const t2 = index > 1 ? tags[index - 2] : '<s>'
  const word = view.words[index]
  return [
    't1=' + t1 + (sameSentence ? '' : '|new'),
    't2=' + t2 + '|' + t1,
    't1w=' + t1 + '|' + word,
    't1q=' + t1 + '|' + view.quoted[index],
    'seen=' + seen,
    'seenw=' + seen + '|' + word,
    'seenq=' + seen + '|' + view.quoted[index] + '|' + t1
  ]
}

/**
 * Whether a word is a quotation mark.
 *
 * @param word
 *   Token text.
 * @returns
 *   Whether it is.
 */
export function isMark(word: string): boolean {
  return word === '"' || opening.has(word) || closing.has(word)
}

/**
 * The shape of a token: `Xx`, `x`, `X`, `d`, or punctuation as itself.
 *
 * @param text
 *   Token text.
 * @returns
 *   Shape.
 */
function shapeOf(text: string): string {
  if (text === '') return '-'
  if (/^\p{Lu}\p{Ll}/u.test(text)) return 'Xx'
  if (/^\p{Lu}+\.?$/u.test(text)) return 'X'
  if (/^\p{Ll}/u.test(text)) return 'x'
  if (/^\p{N}/u.test(text)) return 'd'
  return text.length === 1 ? text : 'o'
}

/**
 * The last three letters of a word longer than four.
 *
 * @param word
 *   Lower-cased word.
 * @returns
 *   Suffix.
 */
function suffix(word: string): string {
  return word.length > 4 ? word.slice(-3) : word
}

/**
 * A distance bucket: 1, 2, 3, 4–6, 7+.
 *
 * @param distance
 *   Token distance.
 * @returns
 *   Bucket name.
 */
function bucket(distance: number): string {
  return distance <= 3 ? String(distance) : distance <= 6 ? '4' : '7'
}

/**
 * Whether a word is a pronoun that can be a source.
 *
 * @param word
 *   Lower-cased word.
 * @returns
 *   Its gender (`male`, `female`), `self`, `group`, or undefined.
 */
export function pronounOf(word: string): string | undefined {
  return pronouns.get(word)
}
