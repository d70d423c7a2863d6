/**
 * Named-entity tagger: a greedy left-to-right averaged perceptron over
 * BILOU tags (PER, ORG, LOC, MISC; `B-` first, `I-` inside, `L-` last and
 * `U-` single-word names), trained on CoNLL-2003 by `scripts/train-ner.ts`.
 * The model ships as JSON; no text of the training data is in it, only
 * feature weights.
 *
 * The document is tagged twice: the second pass sees, for every word, the
 * first pass's tags around it and what the first pass said about the same
 * word and the same name elsewhere in the document (a headline's
 * "LEICESTERSHIRE" is the team that "Leicestershire beat Somerset" names
 * further down). The second stage is trained on first-stage tags of
 * training documents from models that did not see them (jackknife).
 */
import type {Perceptron} from '../ml/perceptron.ts'
import type {EntityType} from '../types.ts'
import {CompositeEntries} from './composite.ts'
import {gazetteerFeatures} from './gazetteer.ts'
import {
  documentCasing,
  documentLabels,
  nonLocalFeatures,
  stackFeatures,
  staticFeatures,
  tagFeatures,
  tagPairFeatures,
  tagSpans,
  viewSentence,
  type DocumentCasing,
  type SentenceView
} from './features.ts'
import modelData from './ner-model.json' with {type: 'json'}

/**
 * Serialised model. Each feature has one weight per class and stage (the
 * first stage's classes first, then the second's); its weights that are
 * not zero are written as a string of three characters each (see
 * `encodeWeights`). Features are grouped by their template, the part up to
 * the first `=` or `|` (`{"w=": {"Paris": "…"}}`). Weights are integers
 * (each stage scaled on its own so its largest is 1000; only their order
 * matters).
 */
export interface NerModel {
  classes: string[]
  /** 1, or 2 with a second, document-level stage. */
  stages: number
  weights: Record<string, Record<string, string>>
}

/** Digits of the weight strings (URL-safe base 64: no JSON escapes). */
const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
/** The value of each digit, by its character code. */
const digitValues = new Uint8Array(128)
for (const [index, digit] of [...digits].entries()) digitValues[digit.charCodeAt(0)] = index

/**
 * Write weights as a string: for each weight that is not zero, its index
 * (one digit) and its value, zigzag-coded (`0, -1, 1, -2, …` → `0, 1, 2,
 * 3, …`) in two digits; so indices stay below 64 and values within ±2047.
 *
 * @param weights
 *   Integer weights.
 * @returns
 *   String.
 */
export function encodeWeights(weights: ReadonlyArray<number>): string {
  let result = ''
  for (const [index, weight] of weights.entries()) {
    if (weight === 0) continue
    const zigzag = weight < 0 ? -2 * weight - 1 : 2 * weight
    if (index >= 64 || zigzag >= 4096) throw new RangeError('weight out of range')
    result += digits[index] + digits[zigzag >> 6] + digits[zigzag & 63]
  }

  return result
}

/**
 * Read weights written by `encodeWeights`.
 *
 * @param value
 *   String.
 * @param indices
 *   Receives class indices, from `at` on.
 * @param weights
 *   Receives weights, from `at` on.
 * @param at
 *   Where to write.
 */
function decodeWeights(
  value: string,
  indices: Uint8Array,
  weights: Float32Array,
  at: number
): void {
  for (let index = 0; index + 2 < value.length; index += 3, at++) {
    const zigzag = digitValues[value.charCodeAt(index + 1)] * 64 + digitValues[value.charCodeAt(index + 2)]
    indices[at] = digitValues[value.charCodeAt(index)]
    weights[at] = zigzag & 1 ? -(zigzag + 1) / 2 : zigzag / 2
  }
}

/** Entries of the features one word gives (see `NerTagger#wordEntries`). */
interface WordEntries {
  /**
   * Three rows of summed weights, each of both stages (first-stage
   * classes, then the second's): of the features the word gives its own
   * row; its next word's (`w-1=…`, `s-1=…`); its previous word's (`w+1=…`,
   * `s+1=…`, `+1gz=…`). Weights are integers, so a sum in 32 bits is exact.
   */
  rows: Float32Array
  /** Entry of `w-2=…`, for the row two words on. */
  before2: number
  /** Entry of `w+2=…`, for the row two words back. */
  after2: number
  /** Entries of `w-1w=<word>|<next>`, by the next word (none: not in the model). */
  beforePairs: ReadonlyMap<string, number> | undefined
  /** Entries of `ww+1=<word>|<next>`, by the next word. */
  afterPairs: ReadonlyMap<string, number> | undefined
  /** Entries of `s-1s+1=<previous>|<shape>|<next>`, by the shapes of the previous and next words. */
  shapePairs: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined
  /**
   * Entries of the tag-word features (`tagWordFeatures`): `t1w=<tag>|<word>`
   * then `t1s=<tag>|<shape>`, by the tag before (`-START-`, then the
   * classes).
   */
  tagged: Int32Array
}

/** Which row of `WordEntries.rows`. */
const OWN = 0
const BEFORE = 1
const AFTER = 2

/**
 * A sentence scored by the first stage. Scores are sums of integer weights
 * (within ±2047 each), so 32-bit floats hold them exactly: half the memory
 * of a document's score rows, which all wait for the second stage.
 */
export interface Scored {
  view: SentenceView
  /** First-stage scores, a row of classes per word (empty once decoded when a second stage follows). */
  first: Float32Array
  /** Second-stage scores of the tag-independent features (empty with one stage). */
  second: Float32Array
  /** Entries of its words. */
  words: ReadonlyArray<WordEntries>
  tags: string[]
}

/** Final tags of a sentence and their margins. */
export interface Tagged {
  tags: ReadonlyArray<string>
  margins: ReadonlyArray<number>
}

/** An entity span over token indices of one sentence. */
export interface TokenSpan {
  /** Index of the first token. */
  first: number
  /** Index after the last token. */
  last: number
  label: EntityType
  /** Tokens of a place the tagger tagged apart before an institution's name, joined to it (`joinInstitutions`). */
  place?: number
}

/** Learning for one sentence: gold classes and how to pick the guess. */
export interface Learning {
  /** Gold class index per word. */
  gold: ReadonlyArray<number>
  /** Whether the guess obeys the tag constraints as in tagging. */
  constrained: boolean
}

/**
 * A tagger for prediction: one or two stages over the same classes, their
 * weights side by side in one vector per feature, so the words' features
 * are looked up once for both stages.
 */
export class NerTagger {
  readonly classes: ReadonlyArray<string>
  /** `allowed[previous + 1][class]`: whether `class` may follow `previous` (`-1`: start). */
  readonly allowed: ReadonlyArray<ReadonlyArray<boolean>>
  readonly #stages: number
  /** Class index by name. */
  readonly #classIndex: ReadonlyMap<string, number>
  /** Type of each class (`O` for `O`). */
  readonly #types: ReadonlyArray<string>
  /**
   * Where the weights of each feature are: `start * 64 + count` into
   * `#indices` and `#values` (most features have a few weights that are
   * not zero, of the 17 classes of each stage).
   */
  readonly #entries = new Map<string, number>()
  /** Entries of the composite features, by their parts. */
  readonly #composite: Record<
    'wordBefore' | 'wordAfter' | 'shapes' | 'casing' | 'casingShape' | 'first' | 'upperLine' | 'tagWord' | 'tagShape',
    CompositeEntries
  >
  /** Entries of the features each word gives (by the word's shared info object). */
  readonly #words = new WeakMap<object, WordEntries>()
  /** The sentence's start and end as words (`w-1=-START-`, `w+2=-END-`, …). */
  readonly #edge: Pick<WordEntries, 'rows' | 'before2' | 'after2'>
  /** Where the rows of the next words go: a block shared by many words. */
  #block = new Float32Array(0)
  #blockUsed = 0
  /** Class index of each weight (second-stage classes follow the first's). */
  readonly #indices: Uint8Array
  readonly #values: Float32Array
  /**
   * How many of an entry's weights are of the first stage (they come
   * first), at the entry's start.
   */
  readonly #firstCounts: Uint8Array
  /** Entries of the tag-pair features, by `(previous2 + 1) * (classes + 1) + previous + 1`. */
  readonly #pairEntries: Int32Array
  /**
   * Entries of the second stage's features of first-stage tags: by tag,
   * by previous and tag, by tag and next (`0` for the edges, classes from
   * `1`).
   */
  readonly #stackEntries: {tag: Int32Array; previous: Int32Array; next: Int32Array}

  /**
   * @param model
   *   Serialised model.
   */
  constructor(model: NerModel) {
    this.classes = model.classes
    this.allowed = transitions(this.classes)
    this.#stages = model.stages
    this.#classIndex = new Map(this.classes.map((name, index) => [name, index]))
    this.#types = this.classes.map((name) => name.slice(2) || 'O')
    let total = 0
    // (`for…in`: no array of pairs for each of the 86,000 features.)
    for (const template in model.weights) {
      const features = model.weights[template]
      for (const value in features) total += features[value].length / 3
    }

    this.#indices = new Uint8Array(total)
    this.#values = new Float32Array(total)
    this.#firstCounts = new Uint8Array(total)
    const composite = (prefix: string, parts: number, order?: number[]) =>
      new CompositeEntries(prefix, parts, new Map(), order)
    this.#composite = {
      wordBefore: composite('w-1w=', 2),
      wordAfter: composite('ww+1=', 2),
      // By the middle shape first.
      shapes: composite('s-1s+1=', 3, [1, 0, 2]),
      casing: composite('c=', 2),
      casingShape: composite('cs=', 2),
      first: composite('first|', 1),
      upperLine: composite('upper-line|', 1),
      tagWord: composite('t1w=', 2),
      tagShape: composite('t1s=', 2)
    }
    // The composite features by their template (the model groups features
    // by the part up to the first `=` or `|`, which is each one's prefix).
    const byTemplate = new Map(Object.values(this.#composite).map((entries) => [entries.prefix, entries]))
    let at = 0
    for (const template in model.weights) {
      const features = model.weights[template]
      const index = byTemplate.get(template)
      for (const value in features) {
        const weights = features[value]
        const count = weights.length / 3
        decodeWeights(weights, this.#indices, this.#values, at)
        this.#firstCounts[at] = firstStageCount(this.#indices, at, count, this.classes.length)
        this.#entries.set(template + value, at * 64 + count)
        index?.add(value, at * 64 + count)
        at += count
      }
    }

    const entry = (feature: string) => this.#entries.get(feature) ?? -1
    this.#edge = {
      rows: this.#rows([], [entry('w-1=-START-'), entry('s-1=-START-')], [entry('w+1=-END-'), entry('s+1=-END-')]),
      before2: entry('w-2=-START-'),
      after2: entry('w+2=-END-')
    }
    const tags = ['-START-', ...this.classes]
    const width = tags.length
    this.#stackEntries = {
      tag: new Int32Array(width),
      previous: new Int32Array(width * width),
      next: new Int32Array(width * width)
    }
    for (let own = 1; own < width; own++) {
      for (let other = 0; other < width; other++) {
        const [alone, withPrevious, withNext] = stackFeatures(
          other === 0 ? '-START-' : tags[other],
          tags[own],
          other === 0 ? '-END-' : tags[other]
        )
        this.#stackEntries.tag[own] = this.#entries.get(alone) ?? -1
        this.#stackEntries.previous[other * width + own] = this.#entries.get(withPrevious) ?? -1
        this.#stackEntries.next[own * width + other] = this.#entries.get(withNext) ?? -1
      }
    }

    this.#pairEntries = new Int32Array(tags.length * tags.length * 2)
    for (const [before2, previous2] of tags.entries()) {
      for (const [before, previous] of tags.entries()) {
        const at = (before2 * tags.length + before) * 2
        for (const [index, feature] of tagPairFeatures(previous, previous2).entries()) {
          this.#pairEntries[at + index] = this.#entries.get(feature) ?? -1
        }
      }
    }
  }

  /**
   * Tag the sentences of one document: the first stage over every
   * sentence, then the second with what the first said of the document
   * (`DocumentTagging` does the same and keeps it for the next edit).
   *
   * @param sentences
   *   Token texts per sentence.
   * @param casing
   *   Document casing (default: from the sentences).
   * @param margins
   *   Receives, per sentence and word, how far the tag's score is ahead
   *   of the best tag of another type (or of `O`): its confidence.
   * @returns
   *   Tags per sentence (`O`, `B-PER`, `I-PER`, …).
   */
  tagDocument(
    sentences: ReadonlyArray<ReadonlyArray<string>>,
    casing: DocumentCasing = documentCasing(sentences),
    margins?: number[][]
  ): string[][] {
    const scored = sentences.map((words) => this.scoreFirst(viewSentence(words), casing))
    const labels = this.#stages > 1 ? documentLabels(scored.map((each) => each.view), scored.map((each) => each.tags)) : undefined
    return scored.map((each) => {
      const tagged = this.decodeSecond(each, labels && nonLocalFeatures(each.view, each.tags, labels))
      if (margins) margins.push([...tagged.margins])
      return [...tagged.tags]
    })
  }

  /** Whether a second stage follows the first (it reads `nonLocalFeatures`). */
  get twoStages(): boolean {
    return this.#stages > 1
  }

  /**
   * Decode a sentence's last stage: the second, from its scores and the
   * document-level features of its words, or with one stage the first's
   * tags and their margins.
   *
   * @param scored
   *   The sentence's scores and first-stage tags, from `scoreFirst` (not
   *   to be used again: its second-stage scores are changed).
   * @param extra
   *   Document-level features per word (`nonLocalFeatures`), with two
   *   stages.
   * @returns
   *   Tags and margins.
   */
  decodeSecond(scored: Scored, extra: ReadonlyArray<ReadonlyArray<string>> | undefined): Tagged {
    if (this.#stages > 1) return this.#second(scored, extra ?? scored.tags.map(() => []))
    return {tags: [...scored.tags], margins: this.#margins(scored.tags, scored.first)}
  }

  /**
   * Score a sentence's tag-independent features for both stages (from one
   * look-up of each feature) and decode the first stage.
   *
   * @param view
   *   Sentence.
   * @param casing
   *   Document casing.
   * @returns
   *   Scores and first-stage tags.
   */
  scoreFirst(view: SentenceView, casing: DocumentCasing): Scored {
    const size = this.classes.length
    const first = new Float32Array(view.words.length * size)
    const second = new Float32Array(this.#stages > 1 ? first.length : 0)
    const words = view.info.map((info) => this.#wordEntries(info))
    for (let index = 0; index < view.words.length; index++) {
      this.#addStaticWord(view, words, index, casing, first, second, index * size)
    }

    const tags = this.#decode(words, first, 0)
    // With a second stage, margins come from its scores: these are done.
    return {view, first: this.#stages > 1 ? new Float32Array(0) : first, second, words, tags}
  }

  /**
   * The tag-independent scores of a sentence's words, both stages side by
   * side: from the kept entries of words (as tagging does), or from the
   * feature strings of `staticFeatures` (as training sees them). They are
   * the same; tests compare them.
   *
   * @param view
   *   Sentence.
   * @param casing
   *   Document casing.
   * @param strings
   *   Whether to look up the feature strings.
   * @returns
   *   First-stage scores, then second-stage scores.
   */
  staticScores(view: SentenceView, casing: DocumentCasing, strings = false): Float32Array {
    const size = this.classes.length
    const first = new Float32Array(view.words.length * size)
    const second = new Float32Array(this.#stages > 1 ? first.length : 0)
    const words = view.info.map((info) => this.#wordEntries(info))
    for (let index = 0; index < view.words.length; index++) {
      if (strings) this.#addStatic(staticFeatures(view, index, casing), first, second, index * size)
      else this.#addStaticWord(view, words, index, casing, first, second, index * size)
    }

    const result = new Float32Array(first.length + second.length)
    result.set(first)
    result.set(second, first.length)
    return result
  }

  /**
   * Decode the second stage of a sentence.
   *
   * @param scored
   *   The sentence's static scores and first-stage tags (its second-stage
   *   scores are changed).
   * @param extra
   *   Document-level features per word (`nonLocalFeatures`).
   * @returns
   *   Tags and margins.
   */
  #second(scored: Scored, extra: ReadonlyArray<ReadonlyArray<string>>): Tagged {
    const size = this.classes.length
    const width = size + 1
    const scores = scored.second
    const own = scored.tags.map((tag) => this.#classIndex.get(tag)! + 1)
    for (const [word, features] of extra.entries()) {
      const row = word * size
      const tag = own[word]
      this.#add(features, scores, row, size)
      this.#addEntry(this.#stackEntries.tag[tag], scores, row, size)
      this.#addEntry(this.#stackEntries.previous[(own[word - 1] ?? 0) * width + tag], scores, row, size)
      this.#addEntry(this.#stackEntries.next[tag * width + (own[word + 1] ?? 0)], scores, row, size)
    }

    const tags = this.#decode(scored.words, scores, size)
    return {tags, margins: this.#margins(tags, scores)}
  }

  /**
   * Margins of tags over the best tag of another type.
   *
   * @param tags
   *   Tags.
   * @param scores
   *   Their scores (a row of classes per word).
   * @returns
   *   Margin per word.
   */
  #margins(tags: ReadonlyArray<string>, scores: Float32Array): number[] {
    const size = this.classes.length
    return tags.map((tag, word) => {
      const chosen = this.#classIndex.get(tag)!
      const row = word * size
      let other = -Infinity
      for (let index = 0; index < size; index++) {
        if (this.#types[index] !== this.#types[chosen] && scores[row + index] > other) {
          other = scores[row + index]
        }
      }

      return scores[row + chosen] - other
    })
  }

  /**
   * Greedy decoding of one sentence (as `decodeSentence`).
   *
   * @param words
   *   Entries of the sentence's words.
   * @param scores
   *   Scores of the tag-independent features, a row of classes per word
   *   (the tag features are added).
   * @param offset
   *   Offset of the stage in the class indices of weights.
   * @returns
   *   Tags.
   */
  #decode(words: ReadonlyArray<WordEntries>, scores: Float32Array, offset: number): string[] {
    const size = this.classes.length
    const tags: string[] = []
    let previous = -1
    let previous2 = -1
    for (let index = 0; index < words.length; index++) {
      const row = index * size
      const pair = ((previous2 + 1) * (size + 1) + previous + 1) * 2
      const tagged = words[index].tagged
      this.#addEntry(this.#pairEntries[pair], scores, row, offset)
      this.#addEntry(this.#pairEntries[pair + 1], scores, row, offset)
      this.#addEntry(tagged[previous + 1], scores, row, offset)
      this.#addEntry(tagged[size + 1 + previous + 1], scores, row, offset)

      const allowed = this.allowed[previous + 1]
      let guess = -1
      for (let tag = 0; tag < size; tag++) {
        if (allowed[tag] && (guess < 0 || scores[row + tag] > scores[row + guess])) guess = tag
      }

      tags.push(this.classes[guess])
      previous2 = previous
      previous = guess
    }

    return tags
  }

  /**
   * Add the weights of one feature for one stage.
   *
   * @param entry
   *   Entry of the feature (`-1`: none).
   * @param scores
   *   Scores (changed).
   * @param row
   *   Where the word's row starts in `scores`.
   * @param offset
   *   Offset of the stage in the class indices of weights.
   */
  #addEntry(entry: number, scores: Float32Array, row: number, offset: number): void {
    if (entry < 0) return
    const indices = this.#indices
    const values = this.#values
    const start = entry >>> 6
    const split = start + this.#firstCounts[start]
    // The stage's weights only: the first stage's, or the second's.
    const from = offset === 0 ? start : split
    const stop = offset === 0 ? split : start + (entry & 63)
    const base = row - offset
    for (let at = from; at < stop; at++) scores[base + indices[at]] += values[at]
  }

  /**
   * Add the weights of the tag-independent features of one word, of both
   * stages: the features of `staticFeatures`, with the entries of the
   * features that belong to one word (its form, affixes, `w-1=…` as a
   * neighbour, …) looked up once per word and kept
   * (`test/core/entities.test.ts` checks the scores are those of
   * `staticFeatures`).
   *
   * @param view
   *   Sentence.
   * @param index
   *   Word index.
   * @param casing
   *   Document casing.
   * @param first
   *   First-stage scores (changed).
   * @param second
   *   Second-stage scores (changed; empty with one stage).
   * @param row
   *   Where the word's row starts in both.
   */
  #addStaticWord(
    view: SentenceView,
    words: ReadonlyArray<WordEntries>,
    index: number,
    casing: DocumentCasing,
    first: Float32Array,
    second: Float32Array,
    row: number
  ): void {
    const {lower, shapes} = view
    const count = words.length
    const word = words[index]
    const next = index + 1 < count ? words[index + 1] : undefined
    const edge = this.#edge
    addRow(word.rows, OWN, first, second, row)
    addRow(index > 0 ? words[index - 1].rows : edge.rows, BEFORE, first, second, row)
    addRow((next ?? edge).rows, AFTER, first, second, row)
    this.#addBoth(index > 1 ? words[index - 2].before2 : edge.before2, first, second, row)
    this.#addBoth(index + 2 < count ? words[index + 2].after2 : edge.after2, first, second, row)

    // The composite features of `staticFeatures`, looked up by their parts.
    const low = lower[index]
    const form = shapes[index]
    const after = next ? lower[index + 1] : '-END-'
    const shapeBefore = index > 0 ? shapes[index - 1] : '-START-'
    const shapeAfter = next ? shapes[index + 1] : '-END-'
    const cased = casing.get(low) ?? '?'
    const composite = this.#composite
    const position = view.upper ? 'U' : index === 0 ? 'I' : 'M'
    this.#addBoth(word.shapePairs?.get(shapeBefore)?.get(shapeAfter) ?? -1, first, second, row)
    this.#addBoth(
      index > 0 ? (words[index - 1].beforePairs?.get(low) ?? -1) : composite.wordBefore.get2('-START-', low),
      first,
      second,
      row
    )
    this.#addBoth(word.afterPairs?.get(after) ?? -1, first, second, row)
    this.#addBoth(composite.casing.get2(cased, position), first, second, row)
    this.#addBoth(composite.casingShape.get2(cased, form), first, second, row)
    if (index === 0) this.#addBoth(composite.first.get1(form), first, second, row)
    if (view.upper) this.#addBoth(composite.upperLine.get1(low), first, second, row)
  }

  /**
   * The entries of the features a word gives itself and its neighbours
   * (kept per word).
   *
   * @param info
   *   Word.
   * @returns
   *   Entries (`-1`: not in the model).
   */
  #wordEntries(info: SentenceView['info'][number]): WordEntries {
    let entries = this.#words.get(info)
    if (!entries) {
      const at = (feature: string) => this.#entries.get(feature) ?? -1
      entries = {
        rows: this.#rows(
          info.own.map(at),
          [at(info.before), at(info.shapeBefore)],
          [at(info.after), at(info.shapeAfter), ...gazetteerFeatures(info.low).map((feature) => at('+1' + feature))]
        ),
        before2: at(info.before2),
        after2: at(info.after2),
        beforePairs: this.#composite.wordBefore.level(info.low),
        afterPairs: this.#composite.wordAfter.level(info.low),
        shapePairs: this.#composite.shapes.level(info.form),
        tagged: Int32Array.from(['-START-', ...this.classes, '-START-', ...this.classes], (tag, index) =>
          index <= this.classes.length
            ? this.#composite.tagWord.get2(tag, info.low)
            : this.#composite.tagShape.get2(tag, info.form)
        )
      }
      this.#words.set(info, entries)
    }

    return entries
  }

  /**
   * The rows of `WordEntries`: the summed weights of three lists of
   * features. Rows are views into a block shared with other words (one
   * small allocation per word rather than an array buffer each).
   *
   * @param lists
   *   Entries of the features of each row (`-1`: not in the model).
   * @returns
   *   Rows.
   */
  #rows(...lists: Array<ReadonlyArray<number>>): Float32Array {
    const width = this.classes.length * 2
    const length = width * lists.length
    if (this.#blockUsed + length > this.#block.length) {
      this.#block = new Float32Array(length * 512)
      this.#blockUsed = 0
    }

    const rows = this.#block.subarray(this.#blockUsed, this.#blockUsed + length)
    this.#blockUsed += length
    const sums = new Float32Array(width)
    for (const [index, entries] of lists.entries()) {
      sums.fill(0)
      for (const entry of entries) this.#addBoth(entry, sums, sums.subarray(width / 2), 0)
      rows.set(sums, index * width)
    }

    return rows
  }

  /**
   * Add the weights of one feature, of both stages.
   *
   * @param entry
   *   Entry (`-1`: none).
   * @param first
   *   First-stage scores (changed).
   * @param second
   *   Second-stage scores (changed).
   * @param row
   *   Where the word's row starts in both.
   */
  #addBoth(entry: number, first: Float32Array, second: Float32Array, row: number): void {
    if (entry < 0) return
    const indices = this.#indices
    const values = this.#values
    const start = entry >>> 6
    const split = start + this.#firstCounts[start]
    const stop = start + (entry & 63)
    for (let at = start; at < split; at++) first[row + indices[at]] += values[at]
    const base = row - this.classes.length
    for (let at = split; at < stop; at++) second[base + indices[at]] += values[at]
  }

  /**
   * Add the weights of tag-independent features, of both stages.
   *
   * @param features
   *   Features.
   * @param first
   *   First-stage scores (changed).
   * @param second
   *   Second-stage scores (changed; empty with one stage).
   * @param row
   *   Where the word's row starts in both.
   */
  #addStatic(
    features: ReadonlyArray<string>,
    first: Float32Array,
    second: Float32Array,
    row: number
  ): void {
    for (const feature of features) this.#addBoth(this.#entries.get(feature) ?? -1, first, second, row)
  }

  /**
   * Add the weights of features for one stage.
   *
   * @param features
   *   Features.
   * @param scores
   *   Scores (changed).
   * @param row
   *   Where the word's row starts in `scores`.
   * @param offset
   *   Offset of the stage in the class indices of weights.
   */
  #add(features: ReadonlyArray<string>, scores: Float32Array, row: number, offset: number): void {
    for (const feature of features) {
      this.#addEntry(this.#entries.get(feature) ?? -1, scores, row, offset)
    }
  }
}

/**
 * How many of an entry's weights are of the first stage: they come first,
 * as `encodeWeights` writes an entry's weights in class order (both stages
 * in one entry: first-stage classes, then the second's).
 *
 * @param indices
 *   Class index of each weight.
 * @param at
 *   Where the entry starts.
 * @param count
 *   Its number of weights.
 * @param size
 *   Classes of a stage.
 * @returns
 *   Count.
 */
function firstStageCount(indices: Uint8Array, at: number, count: number, size: number): number {
  let first = 0
  while (first < count && indices[at + first] < size) first++
  return first
}

/**
 * Add one of the rows of summed weights of `WordEntries` to a word's scores.
 *
 * @param rows
 *   Rows.
 * @param which
 *   Which row (`OWN`, `BEFORE`, `AFTER`).
 * @param first
 *   First-stage scores (changed).
 * @param second
 *   Second-stage scores (changed; empty with one stage).
 * @param row
 *   Where the word's row starts in both.
 */
function addRow(rows: Float32Array, which: number, first: Float32Array, second: Float32Array, row: number): void {
  const size = rows.length / 6
  const at = which * size * 2
  for (let index = 0; index < size; index++) first[row + index] += rows[at + index]
  if (second.length === 0) return
  for (let index = 0; index < size; index++) second[row + index] += rows[at + size + index]
}

/**
 * Tag one sentence greedily, left to right, each word's tag a legal
 * continuation of the previous one; when learning, update the perceptron
 * at each word towards the gold class. (Training's decoder: `NerTagger`
 * does the same with the shipped weights.)
 *
 * @param perceptron
 *   Model.
 * @param view
 *   Sentence.
 * @param statics
 *   Tag-independent features per word.
 * @param allowed
 *   Legal transitions (see `NerTagger.allowed`).
 * @param learning
 *   Gold classes, when training.
 * @returns
 *   Class index per word.
 */
export function decodeSentence(
  perceptron: Perceptron,
  view: SentenceView,
  statics: ReadonlyArray<ReadonlyArray<string>>,
  allowed: ReadonlyArray<ReadonlyArray<boolean>>,
  learning?: Learning
): number[] {
  const classes = perceptron.classes
  const result: number[] = []
  let previous = -1
  let previous2 = -1
  for (let index = 0; index < statics.length; index++) {
    const dynamic = tagFeatures(
      view,
      index,
      previous < 0 ? '-START-' : classes[previous],
      previous2 < 0 ? '-START-' : classes[previous2]
    )
    const scores = perceptron.accumulate(dynamic, perceptron.scores(statics[index]))
    let guess = best(scores, allowed[previous + 1])
    if (learning) {
      if (!learning.constrained) guess = best(scores, undefined)
      const truth = learning.gold[index]
      if (truth !== guess) {
        perceptron.update(statics[index], truth, guess)
        perceptron.adjust(dynamic, truth, 1)
        perceptron.adjust(dynamic, guess, -1)
      } else {
        perceptron.tick()
      }
    }

    result.push(guess)
    previous2 = previous
    previous = guess
  }

  return result
}

let model: NerTagger | undefined

/**
 * The shipped model, loaded on first use.
 *
 * @returns
 *   Tagger.
 */
export function shippedTagger(): NerTagger {
  model ??= new NerTagger(modelData as unknown as NerModel)
  return model
}

/**
 * Turn BIO (or BILOU) tags into spans.
 *
 * @param tags
 *   Tags.
 * @returns
 *   Spans.
 */
export function spansOf(tags: ReadonlyArray<string>): TokenSpan[] {
  return tagSpans(tags) as TokenSpan[]
}

/**
 * Legal transitions between classes: `I-X` (and `L-X`) only after `B-X` or
 * `I-X`; with `L-` tags (BILOU), `B-X` and `I-X` must go on with `I-X` or
 * `L-X`.
 *
 * @param classes
 *   Classes.
 * @returns
 *   `allowed[previous + 1][class]`, `previous` `-1` at the start.
 */
export function transitions(classes: ReadonlyArray<string>): boolean[][] {
  const bilou = classes.some((tag) => tag.startsWith('L-'))
  const open = (tag: string) => tag.startsWith('B-') || tag.startsWith('I-')
  return [-1, ...classes.keys()].map((previous) => {
    const before = previous < 0 ? 'O' : classes[previous]
    return classes.map((tag) => {
      const inside = tag.startsWith('I-') || tag.startsWith('L-')
      if (inside) return open(before) && before.slice(2) === tag.slice(2)
      return !(bilou && open(before))
    })
  })
}

/**
 * Best allowed class (first on ties).
 *
 * @param scores
 *   Scores.
 * @param allowed
 *   Allowed classes (all when undefined).
 * @returns
 *   Class index.
 */
function best(scores: Float64Array, allowed: ReadonlyArray<boolean> | undefined): number {
  let bestIndex = -1
  for (let index = 0; index < scores.length; index++) {
    if (allowed && !allowed[index]) continue
    if (bestIndex < 0 || scores[index] > scores[bestIndex]) bestIndex = index
  }

  return bestIndex
}
