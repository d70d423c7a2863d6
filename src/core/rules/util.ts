/**
 * Small helpers the rules share: phrase matching over tokens and message
 * formatting.
 */
import {findQuantities, type Quantity} from '../facts/quantity.ts'
import {SentenceSlot} from '../incremental/memory.ts'
import type {SourceToken, SentenceInfo} from './context.ts'

/**
 * Keep what a function reads of a sentence's token texts with the sentence's
 * text (`SentenceSlot`), the same while its block's text is unchanged,
 * wherever an edit moved the block. Rules then scan only the
 * sentences an edit touched.
 *
 * @param read
 *   Reads tokens: only their `text` and `lower`, never their offsets, and
 *   gives token indexes rather than tokens.
 * @returns
 *   The same, kept per sentence (values are shared: never change them).
 */
export function perSentence<T>(read: (tokens: ReadonlyArray<SourceToken>) => T): (sentence: SentenceInfo) => T {
  const kept = new SentenceSlot<{value: T}>()
  return (sentence) => {
    let found = kept.get(sentence.view.memo)
    if (!found) {
      found = {value: read(sentence.tokens)}
      kept.set(sentence.view.memo, found)
    }

    return found.value
  }
}

/**
 * The quantities of a sentence (`findQuantities` over its tokens), found
 * once for all the rules that read them, and kept while the block is.
 *
 * @param sentence
 *   Sentence.
 * @returns
 *   Quantities in order (token indexes; shared: do not change them).
 */
export const quantitiesOf: (sentence: SentenceInfo) => ReadonlyArray<Quantity> = perSentence(findQuantities)

/**
 * Where phrases start in a sentence, with the longest at each token.
 *
 * @param phrases
 *   Phrases from `indexPhrases`.
 * @returns
 *   Gets a sentence's matches in order: token index, then length, flat
 *   (kept per sentence, see `perSentence`).
 */
export function phraseMatcher(
  phrases: ReadonlyMap<string, ReadonlyArray<ReadonlyArray<string>>>
): (sentence: SentenceInfo) => ReadonlyArray<number> {
  return perSentence((tokens) => {
    const found: number[] = []
    for (let index = 0; index < tokens.length; index++) {
      const length = longestPhraseAt(tokens, index, phrases)
      if (length > 0) found.push(index, length)
    }

    return found
  })
}

/**
 * Whether a phrase (lower-case words) starts at a token.
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Index of the first token.
 * @param words
 *   Phrase words.
 * @returns
 *   Whether it matches.
 */
export function phraseAt(
  tokens: ReadonlyArray<SourceToken>,
  index: number,
  words: ReadonlyArray<string>
): boolean {
  if (index < 0 || index + words.length > tokens.length) {
    return words.every((word, offset) => tokens[index + offset]?.lower === word)
  }

  for (let offset = 0; offset < words.length; offset++) {
    if (tokens[index + offset].lower !== words[offset]) return false
  }

  return true
}

/**
 * Index phrases by their first word, longest first.
 *
 * @param phrases
 *   Phrases as texts (“it is believed”).
 * @returns
 *   Map from first word to phrases as word lists.
 */
export function indexPhrases(phrases: ReadonlyArray<string>): Map<string, string[][]> {
  const map = new Map<string, string[][]>()
  for (const phrase of phrases) {
    const words = phrase.split(' ')
    const list = map.get(words[0]) ?? []
    list.push(words)
    map.set(words[0], list)
  }

  for (const list of map.values()) list.sort((a, b) => b.length - a.length)
  return map
}

/**
 * The longest indexed phrase that starts at a token.
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Index of the first token.
 * @param phrases
 *   Phrases from `indexPhrases`.
 * @returns
 *   Number of tokens matched (0 when none).
 */
export function longestPhraseAt(
  tokens: ReadonlyArray<SourceToken>,
  index: number,
  phrases: ReadonlyMap<string, ReadonlyArray<ReadonlyArray<string>>>
): number {
  const candidates = phrases.get(tokens[index].lower)
  if (candidates === undefined) return 0
  for (const words of candidates) {
    if (phraseAt(tokens, index, words)) return words.length
  }

  return 0
}


/**
 * Text as inline code in a Markdown reason.
 *
 * @param text
 *   Text.
 * @returns
 *   Inline code.
 */
export function code(text: string): string {
  const clean = text.replace(/\s+/g, ' ')
  return clean.includes('`') ? '`` ' + clean + ' ``' : '`' + clean + '`'
}

/**
 * Match the case of a replacement to the original (“Claimed” → “Said”).
 *
 * @param original
 *   Original word.
 * @param replacement
 *   Lower-case replacement.
 * @returns
 *   Replacement in the original’s case.
 */
export function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return replacement.toUpperCase()
  if (/^\p{Lu}/u.test(original)) return replacement.charAt(0).toUpperCase() + replacement.slice(1)
  return replacement
}

/**
 * Whether two spans overlap.
 *
 * @param a
 *   Span.
 * @param b
 *   Span.
 * @returns
 *   Whether they overlap.
 */
export function overlaps(a: {start: number; end: number}, b: {start: number; end: number}): boolean {
  return a.start < b.end && b.start < a.end
}
