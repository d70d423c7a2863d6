/**
 * Features of the named-entity tagger: the word, its shape, affixes, the
 * words and shapes around it, the previous tags, and how the same word is
 * cased elsewhere in the document (which tells a name from a common word in
 * all-caps headlines and at the start of sentences).
 */
import {gazetteerFeatures} from './gazetteer.ts'

/** How a word is cased where it occurs inside sentences of a document. */
export type DocumentCasing = ReadonlyMap<string, string>

/** Precomputed views of the words of one sentence. */
export interface SentenceView {
  words: ReadonlyArray<string>
  lower: ReadonlyArray<string>
  shapes: ReadonlyArray<string>
  /** Whether the sentence is all caps (a headline). */
  upper: boolean
}

/**
 * Prepare a sentence for feature extraction.
 *
 * @param words
 *   Token texts.
 * @returns
 *   Views.
 */
export function viewSentence(words: ReadonlyArray<string>): SentenceView {
  const normal = words.map((word) => word.replace(/’/g, "'"))
  return {
    words: normal,
    lower: normal.map((word) => word.toLowerCase()),
    shapes: normal.map((word) => cachedShape(word)),
    upper: normal.every((word) => word === word.toUpperCase())
  }
}

/**
 * Collect document casing: for each lower-cased word seen at least once not
 * at the start of a sentence, `T` when it was title-cased, `l` when lower,
 * `U` when all caps, joined when mixed.
 *
 * @param sentences
 *   Token texts per sentence.
 * @returns
 *   Casing map.
 */
export function documentCasing(
  sentences: ReadonlyArray<ReadonlyArray<string>>
): DocumentCasing {
  const casing = new Map<string, string>()
  for (const words of sentences) {
    // All-caps lines (headlines) say nothing about casing.
    const letters = words.join('')
    if (letters === letters.toUpperCase()) continue
    for (let index = 1; index < words.length; index++) {
      const word = words[index]
      const kind = /^\p{Lu}\p{Ll}/u.test(word)
        ? 'T'
        : /^\p{Ll}/u.test(word)
          ? 'l'
          : /^\p{Lu}+$/u.test(word) && word.length > 1
            ? 'U'
            : ''
      if (!kind) continue
      const key = word.toLowerCase()
      const seen = casing.get(key)
      if (seen === undefined) casing.set(key, kind)
      else if (!seen.includes(kind)) casing.set(key, [...seen + kind].sort().join(''))
    }
  }

  return casing
}

/**
 * Features of the word at `index`.
 *
 * @param view
 *   Sentence.
 * @param index
 *   Word index.
 * @param previous
 *   Tag of the previous word (`-START-` at the start).
 * @param previous2
 *   Tag of the word before that.
 * @param casing
 *   Document casing.
 * @returns
 *   Feature strings.
 */
export function features(
  view: SentenceView,
  index: number,
  previous: string,
  previous2: string,
  casing: DocumentCasing
): string[] {
  const {words, lower, shapes} = view
  const word = words[index]
  const low = lower[index]
  const form = shapes[index]
  const before = index > 0 ? lower[index - 1] : '-START-'
  const before2 = index > 1 ? lower[index - 2] : '-START-'
  const after = index + 1 < words.length ? lower[index + 1] : '-END-'
  const after2 = index + 2 < words.length ? lower[index + 2] : '-END-'
  const shapeBefore = index > 0 ? shapes[index - 1] : '-START-'
  const shapeAfter = index + 1 < words.length ? shapes[index + 1] : '-END-'
  const upperLine = view.upper

  const result = [
    ...wordFeatures(word, low, form),
    't1=' + previous,
    't2=' + previous2 + '|' + previous,
    't1w=' + previous + '|' + low,
    't1s=' + previous + '|' + form,
    'w-1=' + before,
    'w-2=' + before2,
    'w+1=' + after,
    'w+2=' + after2,
    's-1=' + shapeBefore,
    's+1=' + shapeAfter,
    's-1s+1=' + shapeBefore + '|' + form + '|' + shapeAfter,
    'w-1w=' + before + '|' + low,
    'ww+1=' + low + '|' + after,
    'c=' + (casing.get(low) ?? '?') + '|' + (upperLine ? 'U' : index === 0 ? 'I' : 'M'),
    'cs=' + (casing.get(low) ?? '?') + '|' + form
  ]

  if (index === 0) result.push('first|' + form)
  if (upperLine) result.push('upper-line|' + low)
  if (index + 1 < words.length) {
    for (const feature of gazetteerFeatures(after)) result.push('+1' + feature)
  }

  return result
}

const wordCache = new Map<string, ReadonlyArray<string>>()
const shapeCache = new Map<string, string>()

/**
 * Shape of a word, cached.
 *
 * @param word
 *   Word.
 * @returns
 *   Shape.
 */
function cachedShape(word: string): string {
  let value = shapeCache.get(word)
  if (value === undefined) {
    if (shapeCache.size > 100_000) shapeCache.clear()
    value = shape(word)
    shapeCache.set(word, value)
  }

  return value
}

/**
 * Features of a word alone (form, shape, affixes, gazetteers), cached: the
 * same strings come back for the same word, which also saves hashing them
 * again when the weights are looked up.
 *
 * @param word
 *   Word.
 * @param low
 *   Lower-cased word.
 * @param form
 *   Shape.
 * @returns
 *   Features.
 */
function wordFeatures(word: string, low: string, form: string): ReadonlyArray<string> {
  let cached = wordCache.get(word)
  if (!cached) {
    if (wordCache.size > 100_000) wordCache.clear()
    cached = [
      'b',
      'w=' + word,
      'l=' + low,
      's=' + form,
      'p3=' + low.slice(0, 3),
      'x2=' + low.slice(-2),
      'x3=' + low.slice(-3),
      'x4=' + low.slice(-4),
      ...gazetteerFeatures(low)
    ]
    wordCache.set(word, cached)
  }

  return cached
}

/**
 * Word shape: upper `X`, lower `x`, digit `d`, runs longer than two cut to
 * two (`Poland` → `Xxx`… → `Xxx`, `1996-08-30` → `dd-dd-dd`).
 *
 * @param word
 *   Word.
 * @returns
 *   Shape.
 */
export function shape(word: string): string {
  let result = ''
  let last = ''
  let run = 0
  for (const char of word) {
    const kind = /\p{Lu}/u.test(char)
      ? 'X'
      : /\p{Ll}/u.test(char)
        ? 'x'
        : /\p{N}/u.test(char)
          ? 'd'
          : char
    run = kind === last ? run + 1 : 1
    last = kind
    if (run <= 2) result += kind
  }

  return result
}
