/**
 * Features of the named-entity tagger: the word, its shape, affixes, the
 * words and shapes around it, the previous tags, and how the same word is
 * cased elsewhere in the document (which tells a name from a common word in
 * all-caps headlines and at the start of sentences).
 */
import {Table} from '../incremental/memory.ts'
import {gazetteerFeatures} from './gazetteer.ts'

/** How a word is cased where it occurs inside sentences of a document. */
export type DocumentCasing = ReadonlyMap<string, string>

/** Precomputed views of the words of one sentence. */
export interface SentenceView {
  words: ReadonlyArray<string>
  lower: ReadonlyArray<string>
  shapes: ReadonlyArray<string>
  /** What each word gives the features of itself and its neighbours. */
  info: ReadonlyArray<WordInfo>
  /** Whether the sentence is all caps (a headline). */
  upper: boolean
}

/**
 * A word's own features and the features it gives its neighbours, built
 * once per word (and kept, so that the same strings, whose hashes are
 * known, are looked up each time).
 */
interface WordInfo {
  low: string
  form: string
  /** Its own features (form, shape, affixes, gazetteers). */
  own: ReadonlyArray<string>
  /** `w-1=…`, `w-2=…`, `w+1=…`, `w+2=…`, `s-1=…`, `s+1=…` of it. */
  before: string
  before2: string
  after: string
  after2: string
  shapeBefore: string
  shapeAfter: string
}

// A word kept costs about 2 KB with its entries in the tagger (rows of
// weights): 50,000 words hold a long article's vocabulary twice over.
const infoCache = new Table<string, WordInfo>(50_000)

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
  const info = normal.map((word) => wordInfo(word))
  return {
    words: normal,
    lower: info.map((word) => word.low),
    shapes: info.map((word) => word.form),
    info,
    upper: normal.every((word) => word === word.toUpperCase())
  }
}

/**
 * What a word gives the features, cached.
 *
 * @param word
 *   Word.
 * @returns
 *   Info.
 */
function wordInfo(word: string): WordInfo {
  return infoCache.get(word, readWordInfo)
}

/**
 * What a word gives the features.
 *
 * @param word
 *   Word.
 * @returns
 *   Info.
 */
function readWordInfo(word: string): WordInfo {
  const low = word.toLowerCase()
  const form = cachedShape(word)
  return {
    low,
    form,
    own: wordFeatures(word, low, form),
    before: 'w-1=' + low,
    before2: 'w-2=' + low,
    after: 'w+1=' + low,
    after2: 'w+2=' + low,
    shapeBefore: 's-1=' + form,
    shapeAfter: 's+1=' + form
  }
}

/** How a word is cased, for `documentCasing`. */
interface WordCasing {
  /** `T` title case, `l` lower case, `U` all caps (two letters or more), or empty. */
  kind: string
  /** Lower case. */
  key: string
  /** Whether the word is its own upper case. */
  upper: boolean
}

const casingCache = new Table<string, WordCasing>(100_000)

/**
 * How a word is cased (cached: the same words come back in every document).
 *
 * @param word
 *   Word.
 * @returns
 *   Casing.
 */
function casingOf(word: string): WordCasing {
  return casingCache.get(word, readCasing)
}

/**
 * How a word is cased.
 *
 * @param word
 *   Word.
 * @returns
 *   Casing.
 */
function readCasing(word: string): WordCasing {
  const kind = /^\p{Lu}\p{Ll}/u.test(word)
    ? 'T'
    : /^\p{Ll}/u.test(word)
      ? 'l'
      : /^\p{Lu}+$/u.test(word) && word.length > 1
        ? 'U'
        : ''
  return {kind, key: word.toLowerCase(), upper: word === word.toUpperCase()}
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
    forEachCasing(words, (key, kind) => {
      const seen = casing.get(key)
      if (seen === undefined) casing.set(key, kind)
      else if (!seen.includes(kind)) casing.set(key, [...seen + kind].sort().join(''))
    })
  }

  return casing
}

/**
 * What one sentence says of the document casing: the key (lower case) and
 * kind (`T`, `l`, `U`) of each word after the first, nothing for an
 * all-caps line (a headline says nothing about casing).
 *
 * @param words
 *   Token texts of the sentence.
 * @param visit
 *   Called with each word's key and kind.
 */
export function forEachCasing(
  words: ReadonlyArray<string>,
  visit: (key: string, kind: string) => void
): void {
  if (words.every((word) => casingOf(word).upper)) return
  for (let index = 1; index < words.length; index++) {
    const {kind, key} = casingOf(words[index])
    if (kind) visit(key, kind)
  }
}

/**
 * Features of the word at `index` that do not depend on tags: computed once
 * per word, whatever the decoder tries.
 *
 * @param view
 *   Sentence.
 * @param index
 *   Word index.
 * @param casing
 *   Document casing.
 * @returns
 *   Feature strings.
 */
export function staticFeatures(
  view: SentenceView,
  index: number,
  casing: DocumentCasing
): string[] {
  const {words, lower, shapes, info} = view
  const low = lower[index]
  const form = shapes[index]
  const before = index > 0 ? lower[index - 1] : '-START-'
  const after = index + 1 < words.length ? lower[index + 1] : '-END-'
  const shapeBefore = index > 0 ? shapes[index - 1] : '-START-'
  const shapeAfter = index + 1 < words.length ? shapes[index + 1] : '-END-'
  const upperLine = view.upper
  const cased = casing.get(low) ?? '?'

  const result = [
    ...info[index].own,
    index > 0 ? info[index - 1].before : 'w-1=-START-',
    index > 1 ? info[index - 2].before2 : 'w-2=-START-',
    index + 1 < words.length ? info[index + 1].after : 'w+1=-END-',
    index + 2 < words.length ? info[index + 2].after2 : 'w+2=-END-',
    index > 0 ? info[index - 1].shapeBefore : 's-1=-START-',
    index + 1 < words.length ? info[index + 1].shapeAfter : 's+1=-END-',
    's-1s+1=' + shapeBefore + '|' + form + '|' + shapeAfter,
    'w-1w=' + before + '|' + low,
    'ww+1=' + low + '|' + after,
    'c=' + cased + '|' + (upperLine ? 'U' : index === 0 ? 'I' : 'M'),
    'cs=' + cased + '|' + form
  ]

  if (index === 0) result.push('first|' + form)
  if (upperLine) result.push('upper-line|' + low)
  if (index + 1 < words.length) {
    for (const feature of gazetteerFeatures(after)) result.push('+1' + feature)
  }

  return result
}

/**
 * Features of the word at `index` that depend on the tags before it.
 *
 * @param view
 *   Sentence.
 * @param index
 *   Word index.
 * @param previous
 *   Tag of the previous word (`-START-` at the start).
 * @param previous2
 *   Tag of the word before that.
 * @returns
 *   Feature strings.
 */
export function tagFeatures(
  view: SentenceView,
  index: number,
  previous: string,
  previous2: string
): string[] {
  return [...tagPairFeatures(previous, previous2), ...tagWordFeatures(view, index, previous)]
}

/**
 * The tag features that depend on the tags alone (the same for every
 * word).
 *
 * @param previous
 *   Tag of the previous word (`-START-` at the start).
 * @param previous2
 *   Tag of the word before that.
 * @returns
 *   Feature strings.
 */
export function tagPairFeatures(previous: string, previous2: string): string[] {
  return ['t1=' + previous, 't2=' + previous2 + '|' + previous]
}

/**
 * The tag features that depend on the previous tag and the word.
 *
 * @param view
 *   Sentence.
 * @param index
 *   Word index.
 * @param previous
 *   Tag of the previous word (`-START-` at the start).
 * @returns
 *   Feature strings (two).
 */
export function tagWordFeatures(
  view: SentenceView,
  index: number,
  previous: string
): string[] {
  return [
    't1w=' + previous + '|' + view.lower[index],
    't1s=' + previous + '|' + view.shapes[index]
  ]
}

const wordCache = new Table<string, ReadonlyArray<string>>(100_000)
const shapeCache = new Table<string, string>(100_000)

/**
 * Shape of a word, cached.
 *
 * @param word
 *   Word.
 * @returns
 *   Shape.
 */
function cachedShape(word: string): string {
  return shapeCache.get(word, shape)
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
  return wordCache.get(word, () => [
    'b',
    'w=' + word,
    'l=' + low,
    's=' + form,
    'p3=' + low.slice(0, 3),
    'x2=' + low.slice(-2),
    'x3=' + low.slice(-3),
    'x4=' + low.slice(-4),
    ...gazetteerFeatures(low)
  ])
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

/** Entity types in the order of label counts (`O` first). */
const types = ['O', 'PER', 'ORG', 'LOC', 'MISC']

/**
 * Type of a tag (`B-ORG` → `ORG`), `O` for `O` and sentence edges.
 *
 * @param tag
 *   Tag.
 * @returns
 *   Index into `types`.
 */
function typeIndex(tag: string): number {
  const index = types.indexOf(tag.slice(2))
  return index < 0 ? 0 : index
}

/** An entity over token indices of one sentence, from tags. */
export interface TagSpan {
  /** Index of the first token. */
  first: number
  /** Index after the last token. */
  last: number
  label: string
}

/**
 * Turn BIO or BILOU tags into spans: a span starts at any tag other than
 * `O` and goes on over `I-` and `L-` tags of its label, up to an `L-`.
 *
 * @param tags
 *   Tags.
 * @returns
 *   Spans.
 */
export function tagSpans(tags: ReadonlyArray<string>): TagSpan[] {
  const spans: TagSpan[] = []
  for (let index = 0; index < tags.length; index++) {
    const tag = tags[index]
    if (tag === 'O') continue
    const label = tag.slice(2)
    const first = index
    if (tag[0] !== 'U' && tag[0] !== 'L') {
      while (index + 1 < tags.length) {
        const next = tags[index + 1]
        if (next.slice(2) !== label || (next[0] !== 'I' && next[0] !== 'L')) break
        index++
        if (next[0] === 'L') break
      }
    }

    spans.push({first, last: index + 1, label})
  }

  return spans
}

/**
 * What a first tagging pass said about a document: for each word (lower
 * case) and each entity string, how often each type was given; and for
 * each word, the types of the longer names it was part of.
 */
export interface DocumentLabels {
  words: Map<string, Int32Array>
  entities: Map<string, Int32Array>
  parts: Map<string, Int32Array>
}

/**
 * Count the labels of a first pass over a document.
 *
 * @param views
 *   Sentences.
 * @param tags
 *   First-pass tags per sentence.
 * @returns
 *   Counts.
 */
export function documentLabels(
  views: ReadonlyArray<SentenceView>,
  tags: ReadonlyArray<ReadonlyArray<string>>
): DocumentLabels {
  const labels: DocumentLabels = {words: new Map(), entities: new Map(), parts: new Map()}
  for (const [sentence, view] of views.entries()) addLabels(labels, view, tags[sentence], 1)
  return labels
}

/**
 * Add (or take away) one sentence's first-pass labels to the counts of a
 * document.
 *
 * @param labels
 *   Counts (changed).
 * @param view
 *   Sentence.
 * @param own
 *   Its first-pass tags.
 * @param delta
 *   How many times to add them (negative: take away).
 * @param touch
 *   Called before a count changes, with its map and key.
 */
export function addLabels(
  labels: DocumentLabels,
  view: SentenceView,
  own: ReadonlyArray<string>,
  delta: number,
  touch?: (map: Map<string, Int32Array>, key: string) => void
): void {
  const add = (map: Map<string, Int32Array>, key: string, type: number) => {
    touch?.(map, key)
    count(map, key, type, delta)
  }

  for (let index = 0; index < own.length; index++) {
    if (!view.shapes[index].includes('X')) continue
    add(labels.words, view.lower[index], typeIndex(own[index]))
  }

  for (const span of tagSpans(own)) {
    const type = typeIndex('B-' + span.label)
    add(labels.entities, entityKey(view, span), type)
    if (span.last - span.first > 1) {
      for (let index = span.first; index < span.last; index++) {
        add(labels.parts, view.lower[index], type)
      }
    }
  }
}

/**
 * Everything `nonLocalFeatures` can read of one key's counts: the majority
 * for each own type, with and without the discount. Counts with the same
 * signature give a sentence the same features.
 *
 * @param counts
 *   Counts of a key, if any.
 * @returns
 *   Signature.
 */
export function labelSignature(counts: Int32Array | undefined): string {
  // No counts and counts of zero read the same.
  let signature = ''
  for (let own = 0; own < types.length; own++) {
    for (let discount = 0; discount < 2; discount++) {
      const found = majority(counts, own, discount)
      signature += found ? found.type + '+' + found.present.join('+') + ',' : ','
    }
  }

  return signature
}

/**
 * Second-pass features of the first-pass tags of a word and its
 * neighbours.
 *
 * @param previous
 *   First-pass tag of the previous word (`-START-` at the start).
 * @param tag
 *   First-pass tag of the word.
 * @param next
 *   First-pass tag of the next word (`-END-` at the end).
 * @returns
 *   Feature strings (three: the first depends on `tag` alone, the second
 *   on `previous` and `tag`, the third on `tag` and `next`).
 */
export function stackFeatures(previous: string, tag: string, next: string): string[] {
  return ['s1=' + tag, 's1p=' + previous + '|' + tag, 's1n=' + tag + '|' + next]
}

/**
 * Document-level features of one sentence's words for the second pass:
 * the type the same word and the same name were given elsewhere in the
 * document by the first pass, and the type of longer names the word is
 * part of elsewhere (Krishnan & Manning 2006; Ratinov & Roth 2009). (With
 * `stackFeatures`, all the second stage adds.)
 *
 * @param view
 *   Sentence.
 * @param own
 *   First-pass tags of the sentence.
 * @param labels
 *   Counts over the document.
 * @returns
 *   Features per word.
 */
export function nonLocalFeatures(
  view: SentenceView,
  own: ReadonlyArray<string>,
  labels: DocumentLabels
): string[][] {
  const result: string[][] = own.map(() => [])

  for (let index = 0; index < own.length; index++) {
    if (!view.shapes[index].includes('X')) continue
    const type = typeIndex(own[index])
    const word = majority(labels.words.get(view.lower[index]), type, 1)
    if (word) {
      result[index].push('dm=' + word.type, 'dm|s1=' + word.type + '|' + types[type])
      for (const other of word.present) result[index].push('da=' + other)
    }
  }

  for (const span of tagSpans(own)) {
    const type = typeIndex('B-' + span.label)
    const name = majority(labels.entities.get(entityKey(view, span)), type, 1)
    const multi = span.last - span.first > 1
    for (let index = span.first; index < span.last; index++) {
      if (name) result[index].push('em=' + name.type)
      const part = majority(labels.parts.get(view.lower[index]), type, multi ? 1 : 0)
      if (part) result[index].push('sp=' + part.type)
    }
  }

  // Words the first pass left out that are part of names elsewhere.
  for (let index = 0; index < own.length; index++) {
    if (own[index] !== 'O' || !view.shapes[index].includes('X')) continue
    const part = majority(labels.parts.get(view.lower[index]), 0, 0)
    if (part) result[index].push('sp=' + part.type)
  }

  return result
}

/**
 * Majority type in counts, less `discount` of the word's own type.
 *
 * @param counts
 *   Counts, if any.
 * @param own
 *   Own type index.
 * @param discount
 *   How much of `own` is the word itself.
 * @returns
 *   Majority type and the entity types seen, when anything is left.
 */
function majority(
  counts: Int32Array | undefined,
  own: number,
  discount: number
): {type: string; present: string[]} | undefined {
  if (!counts) return undefined
  let best = -1
  let bestCount = 0
  const present: string[] = []
  for (let index = 0; index < counts.length; index++) {
    const value = counts[index] - (index === own ? discount : 0)
    if (value <= 0) continue
    if (index > 0) present.push(types[index])
    if (value > bestCount) {
      best = index
      bestCount = value
    }
  }

  return best < 0 ? undefined : {type: types[best], present}
}

/**
 * Key of a name: its words, lower case.
 *
 * @param view
 *   Sentence.
 * @param span
 *   Span.
 * @returns
 *   Key.
 */
export function entityKey(view: SentenceView, span: TagSpan): string {
  return view.lower.slice(span.first, span.last).join(' ')
}

/**
 * Add to a count.
 *
 * @param map
 *   Counts by key.
 * @param key
 *   Key.
 * @param type
 *   Type index.
 * @param delta
 *   Change.
 */
function count(map: Map<string, Int32Array>, key: string, type: number, delta: number) {
  let counts = map.get(key)
  if (!counts) {
    counts = new Int32Array(types.length)
    map.set(key, counts)
  }

  counts[type] += delta
}
