/**
 * Entity tagging of one document, kept from one analysis to the next: after
 * an edit, only the sentences whose input changed are tagged again.
 *
 * The tagger's first stage reads a sentence's words and the document casing
 * of each; its second stage adds what the first said of the same words and
 * names elsewhere in the document (`nonLocalFeatures`). Both document-wide
 * inputs are kept here as counts over the sentences, which an edit changes
 * by the sentences it removed and added. A sentence is tagged again when it
 * is new, when the casing of one of its words changed, or when what the
 * second stage reads of the counts of one of its words or names changed
 * (`labelSignature`). The tags are those of `NerTagger.tagDocument` over the
 * whole document: `test/core/memo.test.ts` compares them after random edits.
 *
 * Two word tables the entity filters read are kept the same way, as counts
 * an edit changes by its sentences: the words the document writes in lower
 * case, and the epithets it writes after an initial (“C. auris”).
 */
import type {Token} from '../text/tokenize.ts'
import {
  addLabels,
  entityKey,
  forEachCasing,
  labelSignature,
  nonLocalFeatures,
  tagSpans,
  viewSentence,
  type DocumentLabels,
  type SentenceView
} from './features.ts'
import {shippedTagger, type NerTagger, type Scored, type Tagged} from './tagger.ts'

/** The sentences of a document with the same tokens (the same text). */
interface Entry {
  /** Token texts. */
  words: ReadonlyArray<string>
  /** How many sentences of the document have these tokens. */
  count: number
  /** What the features see of the words. */
  view: SentenceView
  /** First-stage tags, once tagged. */
  first?: ReadonlyArray<string>
  /** Keys of the names in the first-stage tags (`entityKey`). */
  names?: ReadonlyArray<string>
  /** Final tags and margins, once tagged. */
  tagged?: Tagged
}

/** Casing kinds, in the order `documentCasing` joins them. */
const kinds = ['T', 'U', 'l']

/**
 * Entity tags of the sentences of one document, kept for the next version
 * of the same document.
 */
export class DocumentTagging {
  readonly #tagger: NerTagger
  /** By the sentence's tokens (`viewDocument` gives the same array for the same block text). */
  readonly #entries = new Map<ReadonlyArray<Token>, Entry>()
  /** Document casing (`documentCasing`), and how many words of each kind make it. */
  readonly #casing = new Map<string, string>()
  readonly #kinds = new Map<string, Int32Array>()
  /** First-stage label counts (`documentLabels`). */
  readonly #labels: DocumentLabels = {words: new Map(), entities: new Map(), parts: new Map()}
  /** Words written in lower case (letters only), with how often. */
  readonly #lower = new Map<string, number>()
  /** Words written after an initial (“C. auris”), with how often. */
  readonly #epithets = new Map<string, number>()

  /**
   * @param tagger
   *   Tagger (default: the shipped model).
   */
  constructor(tagger: NerTagger = shippedTagger()) {
    this.#tagger = tagger
  }

  /**
   * Tag a document's sentences.
   *
   * @param sentences
   *   Tokens of each sentence.
   * @returns
   *   Tags and margins per sentence (shared with later calls: never
   *   change them).
   */
  tag(sentences: ReadonlyArray<ReadonlyArray<Token>>): Tagged[] {
    try {
      return this.#tag(sentences)
    } catch (error) {
      // Counts half updated are worse than none: start again next time.
      this.#entries.clear()
      this.#casing.clear()
      this.#kinds.clear()
      this.#lower.clear()
      this.#epithets.clear()
      for (const map of Object.values(this.#labels)) map.clear()
      throw error
    }
  }

  /** See `tag`. */
  #tag(sentences: ReadonlyArray<ReadonlyArray<Token>>): Tagged[] {
    const tagger = this.#tagger
    const counts = new Map<ReadonlyArray<Token>, number>()
    for (const tokens of sentences) counts.set(tokens, (counts.get(tokens) ?? 0) + 1)
    // The first tagging: every sentence is new, so nothing to compare.
    const first = this.#entries.size === 0
    for (const tokens of counts.keys()) {
      if (this.#entries.has(tokens)) continue
      const words = tokens.map((token) => token.text)
      this.#entries.set(tokens, {words, count: 0, view: viewSentence(words)})
    }

    // Sentences that came, went, or changed in number.
    const changes: Array<{entry: Entry; count: number}> = []
    // (`forEach`: no pair per entry.)
    this.#entries.forEach((entry, tokens) => {
      const count = counts.get(tokens) ?? 0
      if (entry.count !== count) changes.push({entry, count})
    })

    const casingChanged = this.#updateCasing(changes)
    this.#updateWords(changes)

    // The first stage: new sentences and those whose casing changed; the
    // label counts follow every sentence that changed.
    const before = new Map<Map<string, Int32Array>, Map<string, string>>()
    const touch = first
      ? undefined
      : (map: Map<string, Int32Array>, key: string) => {
          let signatures = before.get(map)
          if (!signatures) before.set(map, (signatures = new Map()))
          if (!signatures.has(key)) signatures.set(key, labelSignature(map.get(key)))
        }

    const scored = new Map<Entry, Scored>()
    for (const tokens of this.#entries.keys()) {
      const entry = this.#entries.get(tokens)!
      const count = counts.get(tokens) ?? 0
      const stale =
        count > 0 &&
        (!entry.first || (casingChanged.size > 0 && entry.view.lower.some((low) => casingChanged.has(low))))
      if (!stale && entry.count === count) continue
      if (entry.first && entry.count > 0) addLabels(this.#labels, entry.view, entry.first, -entry.count, touch)
      if (stale) {
        const result = tagger.scoreFirst(entry.view, this.#casing)
        scored.set(entry, result)
        entry.first = result.tags
        entry.names = tagSpans(result.tags).map((span) => entityKey(entry.view, span))
      }

      if (count > 0) addLabels(this.#labels, entry.view, entry.first!, count, touch)
      entry.count = count
      if (count === 0) this.#entries.delete(tokens)
    }

    // Keys whose counts the second stage now reads differently.
    const labelsChanged = new Set<string>()
    for (const [map, signatures] of before) {
      for (const [key, signature] of signatures) {
        const counts = map.get(key)
        if (labelSignature(counts) !== signature) labelsChanged.add(key)
        if (counts?.every((value) => value === 0)) map.delete(key)
      }
    }

    // The second stage: sentences scored again, and those that read a
    // changed key.
    const changed = (key: string) => labelsChanged.has(key)
    for (const entry of this.#entries.values()) {
      let result = scored.get(entry)
      if (!result) {
        if (entry.tagged && !(labelsChanged.size > 0 && (entry.view.lower.some(changed) || entry.names!.some(changed)))) continue
        result = tagger.scoreFirst(entry.view, this.#casing)
      }

      const extra = tagger.twoStages ? nonLocalFeatures(entry.view, entry.first!, this.#labels) : undefined
      entry.tagged = tagger.decodeSecond(result, extra)
    }

    return sentences.map((tokens) => this.#entries.get(tokens)!.tagged!)
  }

  /**
   * The words the document writes in lower case (letters only, any place in
   * a sentence), as of the last `tag`.
   *
   * @returns
   *   Words (a live view: read it before the next `tag`).
   */
  lowerWords(): WordSet {
    return this.#lower
  }

  /**
   * The words the document writes after an initial (“C.” in “C. auris”: a
   * species written short), as of the last `tag`.
   *
   * @returns
   *   Words (a live view: read it before the next `tag`).
   */
  epithets(): WordSet {
    return this.#epithets
  }

  /**
   * Change the word tables by the sentences that changed in number.
   *
   * @param changes
   *   Each entry with its new count (its `count` is still the old one).
   */
  #updateWords(changes: ReadonlyArray<{entry: Entry; count: number}>): void {
    const add = (map: Map<string, number>, word: string, delta: number) => {
      const count = (map.get(word) ?? 0) + delta
      if (count > 0) map.set(word, count)
      else map.delete(word)
    }

    for (const {entry, count} of changes) {
      const delta = count - entry.count
      const words = entry.words
      for (let index = 0; index < words.length; index++) {
        const word = words[index]
        if (isLowerWord(word)) add(this.#lower, word, delta)
        if (index > 0 && words[index - 1].length <= 3 && words[index - 1].endsWith('.') && /^\p{Lu}\.$/u.test(words[index - 1]) && /^\p{Ll}{3,}$/u.test(word)) add(this.#epithets, word, delta)
      }
    }
  }

  /**
   * Change the document casing by the sentences that changed in number.
   *
   * @param changes
   *   Each entry with its new count (its `count` is still the old one).
   * @returns
   *   Keys whose casing changed.
   */
  #updateCasing(changes: ReadonlyArray<{entry: Entry; count: number}>): Set<string> {
    const before = new Map<string, string>()
    for (const {entry, count} of changes) {
      const delta = count - entry.count
      forEachCasing(entry.words, (key, kind) => {
        if (!before.has(key)) before.set(key, this.#casing.get(key) ?? '')
        let counts = this.#kinds.get(key)
        if (!counts) this.#kinds.set(key, (counts = new Int32Array(kinds.length)))
        counts[kinds.indexOf(kind)] += delta
      })
    }

    const changed = new Set<string>()
    for (const [key, was] of before) {
      const counts = this.#kinds.get(key)!
      let value = ''
      for (const [index, kind] of kinds.entries()) if (counts[index] > 0) value += kind
      if (value) {
        this.#casing.set(key, value)
      } else {
        this.#casing.delete(key)
        this.#kinds.delete(key)
      }

      if (value !== was) changed.add(key)
    }

    return changed
  }
}

/** Words looked up by text. */
export interface WordSet {
  has(word: string): boolean
}

/**
 * Whether a word is written in lower case: letters only, all lower case.
 *
 * @param text
 *   Token text.
 * @returns
 *   Whether it is.
 */
function isLowerWord(text: string): boolean {
  const code = text.charCodeAt(0)
  // ASCII first (most words), Unicode letters only where needed.
  return code >= 97 && code <= 122 ? /^[a-z]+$/.test(text) || /^\p{Ll}+$/u.test(text) : code > 127 && /^\p{Ll}+$/u.test(text)
}
