/**
 * Sentence splitter over tokens.
 *
 * A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and
 * brackets after it), when the next token can start a sentence. Dots that
 * belong to abbreviations, initials, acronyms and decimals are part of their
 * token (see `tokenize`), so they never split; an acronym or abbreviation
 * that ends in a dot ends the sentence only when a typical sentence starter
 * follows ("… in the U.S. The next day …"). A title abbreviation ("Gen.",
 * "Dr.") never ends one.
 */
import abbreviations from './abbreviations.json' with {type: 'json'}
import {isTitleAbbreviation, type Token} from './tokenize.ts'

/** A sentence: a range of tokens. */
export interface Sentence {
  /** Index of the first token. */
  first: number
  /** Index after the last token. */
  last: number
  /** Start offset of the first token. */
  start: number
  /** End offset of the last token. */
  end: number
}

const starters: ReadonlySet<string> = new Set(abbreviations.sentenceStarters)
const terminal: ReadonlySet<string> = new Set(['.', '!', '?', '…', '。'])
const closers: ReadonlySet<string> = new Set(['”', '’', ')', ']', '»'])
const ambiguous: ReadonlySet<string> = new Set(['"', "'", '*', '_'])

/**
 * Split tokens into sentences.
 *
 * @param tokens
 *   Tokens of one block of prose.
 * @returns
 *   Sentences covering all tokens, in order.
 */
export function splitSentences(tokens: ReadonlyArray<Token>): Sentence[] {
  const sentences: Sentence[] = []
  let first = 0

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    let boundary = false

    if (terminal.has(token.text)) {
      boundary = true
      // Swallow repeated terminals and closing quotes/brackets.
      while (
        index + 1 < tokens.length &&
        (terminal.has(tokens[index + 1].text) ||
          isClosing(tokens[index], tokens[index + 1]))
      ) {
        index++
      }
    } else if (token.text.length > 1 && token.text.endsWith('.')) {
      // An abbreviation or acronym with its dot.
      const next = tokens[index + 1]
      // “No.” before a number is one (“No. 5”); “voted no. The …” ends a sentence.
      const number = /^nos?\.$/i.test(token.text) ? /^[\d#]/.test(next?.text ?? '') : isTitleAbbreviation(token.text)
      boundary =
        !number &&
        next !== undefined &&
        starters.has(next.text.toLowerCase()) &&
        /^\p{Lu}/u.test(next.text)
    }

    if (boundary && attributionAfter(tokens, index)) continue

    if (boundary) {
      const next = tokens[index + 1]
      // A lower-case continuation ("… said the U.S. . and then") is no start.
      if (next && /^\p{Ll}/u.test(next.text) && !next.newline) continue
      // Nor a comma or semicolon after a dot ("Sen. Ann Moss, R-Ore., said").
      if (next && /^[,;]$/.test(next.text) && !next.newline) continue
      push(index + 1)
    }
  }

  push(tokens.length)
  return sentences

  function push(last: number) {
    if (last > first) {
      sentences.push({
        first,
        last,
        start: tokens[first].start,
        end: tokens[last - 1].end
      })
    }

    first = last
  }
}

// Verbs of an attribution after a quotation (`“Ready?” Moss asked.`).
const saying: ReadonlySet<string> = new Set([
  'said', 'says', 'asked', 'asks', 'added', 'adds', 'told', 'tells', 'wrote', 'writes', 'replied', 'replies', 'recalled',
  'continued', 'explained', 'shouted', 'joked', 'insisted', 'noted', 'tweeted', 'argued', 'remarked', 'responded',
  'answered', 'exclaimed', 'wondered', 'declared', 'quipped', 'countered', 'cried', 'yelled', 'whispered', 'snapped'
])

const adjunct: ReadonlySet<string> = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'to', 'with', 'from', 'by', 'later', 'then'])

/**
 * Whether a quotation that ends in its own `?`, `!` or `.` goes on with its
 * attribution, one sentence with it: `“Ready?” Ann Moss asked.`, `“No!”
 * said Moss.`.
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Last token of the quotation (its closing mark).
 * @returns
 *   Whether a name (up to four capitalised words) and a verb of saying, in
 *   either order, follow and end the sentence.
 */
function attributionAfter(tokens: ReadonlyArray<Token>, index: number): boolean {
  const mark = tokens[index]
  if (!mark || !/^[”’"']$/.test(mark.text)) return false
  const next = tokens[index + 1]
  if (!next || next.newline) return false
  // The attribution ends its sentence (not `“…” He said it was …`, nor
  // `“…” Moss says, “…”`, the next quote's).
  // Perhaps after where or when it was said (`Moss said in response.`).
  const ends = (at: number) => {
    if (at < tokens.length && adjunct.has(tokens[at].text)) {
      const from = at
      while (at < tokens.length && at - from < 6 && /^[\p{L}\p{N}’'-]+$/u.test(tokens[at].text) && !tokens[at].newline) at++
    }

    return at < tokens.length && terminal.has(tokens[at].text) && !tokens[at].newline
  }

  if (saying.has(next.text)) {
    let at = index + 2
    while (at < tokens.length && at - index <= 6 && /^\p{Lu}/u.test(tokens[at].text) && !tokens[at].newline) at++
    return at > index + 2 && ends(at)
  }

  let at = index + 1
  while (at < tokens.length && at - index <= 4 && /^\p{Lu}/u.test(tokens[at].text) && !tokens[at].newline) at++
  return at > index + 1 && at < tokens.length && !tokens[at].newline && saying.has(tokens[at].text) && ends(at + 1)
}

/**
 * Whether a token closes what comes before it (a closing quote or bracket).
 *
 * @param previous
 *   Token before.
 * @param token
 *   Candidate closer.
 * @returns
 *   Whether `token` closes.
 */
function isClosing(previous: Token, token: Token): boolean {
  if (token.newline) return false
  if (closers.has(token.text)) return true
  // A straight quote closes when it touches the previous token.
  return ambiguous.has(token.text) && token.start === previous.end
}
