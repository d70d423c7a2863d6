/**
 * A small linear tokenizer for the time-expression grammar: words, numbers
 * and single punctuation characters, with UTF-16 offsets into the input.
 */

/** Kind of a token: word, number or punctuation. */
export type TokKind = 'w' | 'n' | 'p'

/** One token of the input text. */
export interface Tok {
  /** Start offset (UTF-16, inclusive). */
  s: number
  /** End offset (UTF-16, exclusive). */
  e: number
  /** Source text. */
  t: string
  /** Lower-cased text; curly apostrophes read as `'`. */
  l: string
  kind: TokKind
  /** Whether whitespace precedes the token. */
  sp: boolean
  /** Whether a paragraph break (blank line) precedes the token. */
  par: boolean
  /** Whether the token starts with an upper-case letter. */
  cap: boolean
}

const LETTER = /\p{L}/u

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true
  if (c < 128 || (c >= 0xd800 && c <= 0xdfff)) return false
  return LETTER.test(text[i]!)
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 12 || c === 11 || c === 0x2028 || c === 0x2029
}

/** Split `text` into tokens in one left-to-right pass. */
export function tokenize(text: string): Tok[] {
  const toks: Tok[] = []
  const n = text.length
  let i = 0
  let sp = true
  let newlines = 2
  while (i < n) {
    const c = text.charCodeAt(i)
    if (isSpace(c)) {
      if (c === 10) newlines++
      sp = true
      i++
      continue
    }
    const s = i
    let kind: TokKind
    if (isDigit(c)) {
      kind = 'n'
      i++
      while (i < n) {
        const d = text.charCodeAt(i)
        if (isDigit(d)) i++
        else if ((d === 44 || d === 46 || d === 58) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) i += 2
        else break
      }
    } else if (isLetterAt(text, i)) {
      kind = 'w'
      i++
      while (i < n && isLetterAt(text, i)) i++
    } else {
      kind = 'p'
      // keep surrogate pairs together so no token splits a code point
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1
    }
    const t = text.slice(s, i)
    const l = kind === 'p' ? (t === '\u2019' || t === '\u2018' ? "'" : t) : t.toLowerCase()
    toks.push({s, e: i, t, l, kind, sp, par: newlines >= 2, cap: kind === 'w' && t.charCodeAt(0) !== l.charCodeAt(0)})
    sp = false
    newlines = 0
  }
  return toks
}
