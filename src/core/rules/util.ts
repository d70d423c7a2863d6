/**
 * Small helpers the rules share: phrase matching over tokens and message
 * formatting.
 */
import type {SourceToken} from './context.ts'

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
  return words.every((word, offset) => tokens[index + offset]?.lower === word)
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
  for (const words of phrases.get(tokens[index].lower) ?? []) {
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
