/**
 * Tokenizer: splits prose into word, number and punctuation tokens with
 * UTF-16 offsets, the way CoNLL-2003 tokenizes news (possessive `'s` is its
 * own token, acronyms and abbreviations keep their dots).
 *
 * Linear time: one sticky regular expression without nested quantifiers
 * over overlapping classes.
 */
import abbreviations from './abbreviations.json' with {type: 'json'}

/** A token of prose text. */
export interface Token {
  /** Start offset in the text (UTF-16). */
  start: number
  /** End offset in the text (UTF-16, exclusive). */
  end: number
  /** The token text (`text.slice(start, end)`). */
  text: string
  /** Whether a line break separates this token from the previous one. */
  newline: boolean
}

const abbreviationSet: ReadonlySet<string> = new Set(
  [...abbreviations.titles, ...abbreviations.other].map((value) =>
    value.toLowerCase()
  )
)

// Alternatives, in order: a possessive clitic, a word (letters and digits
// joined by inner hyphens, Unicode's too, apostrophes, dots, ampersands or
// digit commas),
// or any other single non-space character (astral characters whole).
const tokenPattern =
  /(['’][sS])(?![\p{L}\p{N}])|([\p{L}\p{M}\p{N}]+(?:(?:[-\u2010\u2011'’.&]|,(?=\p{N}))[\p{L}\p{M}\p{N}]+)*)|(\S)/uy

/**
 * Split text into tokens.
 *
 * @param text
 *   Plain prose.
 * @returns
 *   Tokens in order.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let newline = false
  let index = 0

  while (index < text.length) {
    const code = text.charCodeAt(index)
    // Fast path over white space.
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0) {
      if (code === 10 || code === 13) newline = true
      index++
      continue
    }

    // Fast path: a word of ASCII letters and digits that nothing joins to
    // what follows (most words), read without the regular expression.
    if (isAsciiWordCode(code)) {
      let end = index + 1
      while (end < text.length && isAsciiWordCode(text.charCodeAt(end))) end++
      if (endsAsciiWord(text, end)) {
        if (text.charCodeAt(end) === 46 /* . */ && keepsDot(text.slice(index, end))) end++
        push(index, end)
        index = end
        continue
      }
    }

    tokenPattern.lastIndex = index
    const match = tokenPattern.exec(text)
    /* c8 ignore next 5 -- the last alternative matches any non-space. */
    if (!match) {
      index++
      continue
    }

    let end = index + match[0].length
    if (match[2]) {
      const word = match[2]
      // A possessive inside the word ("Poland’s"): split it off.
      const possessive = /['’][sS]$/.test(word) && word.length > 2
      if (possessive) {
        end -= 2
        push(index, end)
        push(end, end + 2)
        index = end + 2
        continue
      }

      // Keep the dot of acronyms (U.S.), initials (J.) and abbreviations.
      if (text.charCodeAt(end) === 46 /* . */ && keepsDot(word)) end++
    }

    push(index, end)
    index = end
  }

  return tokens

  function push(start: number, end: number) {
    tokens.push({start, end, text: text.slice(start, end), newline})
    newline = false
  }
}

/**
 * Whether a character is an ASCII letter or digit.
 *
 * @param code
 *   Character code.
 * @returns
 *   Whether it is.
 */
function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
}

/**
 * Whether a run of ASCII letters and digits ending at `end` is a whole word
 * of `tokenPattern`: what follows is neither a letter, mark or digit, nor
 * a joiner (`-'’.&`, a comma before a digit) that one follows. Anything
 * else outside ASCII is left to the pattern.
 *
 * @param text
 *   Text.
 * @param end
 *   End of the run.
 * @returns
 *   Whether the word ends there.
 */
function endsAsciiWord(text: string, end: number): boolean {
  if (end >= text.length) return true
  const code = text.charCodeAt(end)
  if (code >= 128) return false
  // `-`, `'`, `.`, `&` join only a letter or digit after them; `,` a digit.
  if (code === 45 || code === 39 || code === 46 || code === 38 || code === 44) {
    const next = end + 1 < text.length ? text.charCodeAt(end + 1) : 32
    return next < 128 && !isAsciiWordCode(next)
  }

  return true
}

/**
 * Whether a word followed by a dot keeps the dot as part of the token.
 *
 * @param word
 *   Word before the dot.
 * @returns
 *   Whether the dot belongs to the word.
 */
function keepsDot(word: string): boolean {
  if (word.includes('.')) return true
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true
  return abbreviationSet.has(word.toLowerCase() + '.')
}

/**
 * Whether a token is an abbreviation that can stand before a name and so
 * never ends a sentence ("Gen.", "Dr.").
 *
 * @param token
 *   Token text.
 * @returns
 *   Whether it is a title abbreviation.
 */
export function isTitleAbbreviation(token: string): boolean {
  return titleSet.has(token.toLowerCase())
}

const titleSet: ReadonlySet<string> = new Set(
  abbreviations.titles.map((value) => value.toLowerCase())
)
