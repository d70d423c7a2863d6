/**
 * Tokenisation, lexicon matching and sparse features for check-worthy claim
 * detection. Shared by the classifier, the claim-kind rules and the training
 * script, so training and inference see exactly the same features.
 */
import {Table} from '../incremental/memory.ts'
import lexiconJson from './lexicon.json' with {type: 'json'}

/** A token of a sentence. */
export interface Token {
  /** The source text of the token (quotes and apostrophes normalised). */
  text: string
  /** Lower-cased text. */
  lower: string
  /** Lower-cased, with numbers replaced by their shape (`<num>`, `<year>`…). */
  norm: string
  /** Offset of the token in the normalised sentence. */
  start: number
}

/** Lexicon categories (keys of `lexicon.json` holding word lists). */
export type LexiconCategory =
  | 'reportingVerbs'
  | 'speakerNouns'
  | 'hedges'
  | 'opinion'
  | 'comparatives'
  | 'modals'
  | 'future'
  | 'causal'
  | 'firstSingular'
  | 'firstPlural'
  | 'second'
  | 'thirdPerson'
  | 'numberWords'
  | 'quantityWords'
  | 'cardinals'
  | 'largeCardinals'
  | 'months'
  | 'willAsNoun'
  | 'moneyWords'
  | 'units'
  | 'timeWords'
  | 'pastMarkers'
  | 'politeness'
  | 'discourse'

/** Categories matched by {@link lexiconMatches} (all but `willAsNoun`, a plain word list). */
const CATEGORIES: LexiconCategory[] = [
  'reportingVerbs',
  'speakerNouns',
  'hedges',
  'opinion',
  'comparatives',
  'modals',
  'future',
  'causal',
  'firstSingular',
  'firstPlural',
  'second',
  'thirdPerson',
  'numberWords',
  'quantityWords',
  'cardinals',
  'largeCardinals',
  'months',
  'moneyWords',
  'units',
  'timeWords',
  'pastMarkers',
  'politeness',
  'discourse'
]

/** A lexicon phrase found in a token list: tokens `[start, end)`. */
export interface LexiconMatch {
  category: LexiconCategory
  phrase: string
  start: number
  end: number
}

interface Phrase {
  category: LexiconCategory
  phrase: string
  tokens: string[]
}

const lexicon = lexiconJson as unknown as Record<LexiconCategory, string[]>

/** Phrases indexed by their first token (built on first use). */
let phrases: Map<string, Phrase[]> | undefined

function phraseIndex(): Map<string, Phrase[]> {
  if (phrases) return phrases
  const index = new Map<string, Phrase[]>()
  for (const category of CATEGORIES) {
    for (const phrase of lexicon[category] ?? []) {
      const tokens = tokenize(phrase).map((token) => token.lower)
      const first = tokens[0]
      if (first === undefined) continue
      let list = index.get(first)
      if (!list) index.set(first, (list = []))
      list.push({category, phrase, tokens})
    }
  }
  // Longest phrases first, so callers that want one match per position get it.
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length)
  phrases = index
  return index
}

/** Replace typographic quotes and apostrophes with ASCII ones. */
export function normalizeQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
}

const TOKEN =
  /\$|%|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?|\p{L}+(?:['\-.]\p{L}+)*(?:'\p{L}*)?|n't\b|'\p{L}+|\.{2,}|-{2,}|[^\s\p{L}\d]/gu
const CLITIC = /^(\p{L}+?)(n't|'s|'re|'ll|'ve|'d|'m|')$/iu

/** Shape of a number token: `<year>`, `<decade>`, `<ord>` or `<num>`. */
function numberShape(text: string): string {
  if (/^(1[89]|20)\d\d$/.test(text)) return '<year>'
  if (/^(?:(1[89]|20)\d0|\d0)s$/.test(text)) return '<decade>'
  if (/^\d+(st|nd|rd|th)$/i.test(text)) return '<ord>'
  return '<num>'
}

/**
 * Split a sentence into tokens: words (clitics split off as in the Penn
 * Treebank: `don't` -> `do n't`, `NATO's` -> `NATO 's`), numbers, `$`, `%`
 * and single punctuation marks.
 */
export function tokenize(sentence: string): Token[] {
  const text = normalizeQuotes(sentence)
  const tokens: Token[] = []
  let index = 0
  while (index < text.length) {
    const code = text.charCodeAt(index)
    // ASCII white space (`\s` finds the rest).
    if (code === 32 || (code >= 9 && code <= 13)) {
      index++
      continue
    }

    // Fast path: a word of ASCII letters that nothing joins to what
    // follows (most words), read without the regular expression.
    if (isAsciiLetter(code)) {
      let end = index + 1
      while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++
      if (endsAsciiWord(text, end)) {
        tokens.push(token(text.slice(index, end), index))
        index = end
        continue
      }
    }

    TOKEN.lastIndex = index
    const match = TOKEN.exec(text)
    if (!match) break
    const piece = match[0]
    const start = match.index
    index = start + piece.length
    // Only a piece with a letter before an apostrophe can hold a clitic.
    const clitic = piece.length > 1 && piece.includes("'") && /\p{L}'/u.test(piece) ? CLITIC.exec(piece) : null
    if (clitic) {
      const stem = clitic[1] as string
      tokens.push(token(stem, start))
      tokens.push(token(clitic[2] as string, start + stem.length))
    } else {
      tokens.push(token(piece, start))
    }
  }

  return tokens
}

/**
 * Whether a character is an ASCII letter.
 *
 * @param code
 *   Character code.
 * @returns
 *   Whether it is.
 */
function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
}

/**
 * Whether a run of ASCII letters ending at `end` is a whole word of `TOKEN`:
 * what follows is not an apostrophe, nor a `-` or `.` before a letter.
 * Anything outside ASCII is left to the pattern.
 *
 * @param text
 *   Text (quotes normalised).
 * @param end
 *   End of the run.
 * @returns
 *   Whether the word ends there.
 */
function endsAsciiWord(text: string, end: number): boolean {
  if (end >= text.length) return true
  const code = text.charCodeAt(end)
  if (code >= 128 || code === 39) return false
  if (code === 45 || code === 46) {
    const next = end + 1 < text.length ? text.charCodeAt(end + 1) : 32
    return next < 128 && !isAsciiLetter(next)
  }

  return true
}

// The last sentences tokenised and their tokens: the classifier and then
// the claim kind read the same sentence one after the other.
const lastTokens = new Table<string, ReadonlyArray<Token>>(2, {detach: true})

/**
 * `tokenize`, remembering the last sentence (the tokens are shared: read
 * them, do not change them).
 *
 * @param sentence
 *   Sentence.
 * @returns
 *   Tokens.
 */
export function tokensOf(sentence: string): ReadonlyArray<Token> {
  return lastTokens.get(sentence, tokenize)
}

/** A token of `tokenize`. */
function token(piece: string, start: number): Token {
  const lower = piece.toLowerCase()
  const code = piece.charCodeAt(0)
  const norm = code >= 48 && code <= 57 ? numberShape(lower) : lower
  return {text: piece, lower, norm, start}
}

/** All lexicon phrases in a token list (overlaps allowed across categories). */
export function lexiconMatches(tokens: ReadonlyArray<Token>): LexiconMatch[] {
  const index = phraseIndex()
  const matches: LexiconMatch[] = []
  for (let i = 0; i < tokens.length; i++) {
    const candidates = index.get((tokens[i] as Token).lower)
    if (!candidates) continue
    for (const candidate of candidates) {
      const n = candidate.tokens.length
      if (i + n > tokens.length) continue
      let ok = true
      for (let k = 1; k < n; k++) {
        if ((tokens[i + k] as Token).lower !== candidate.tokens[k]) {
          ok = false
          break
        }
      }
      if (ok) matches.push({category: candidate.category, phrase: candidate.phrase, start: i, end: i + n})
    }
  }
  return matches
}

/** The word list of a lexicon category. */
export function lexiconWords(category: LexiconCategory): ReadonlyArray<string> {
  return lexicon[category] ?? []
}

/** Which feature groups to extract; stored in the model so inference matches training. */
export interface FeatureOptions {
  unigrams: boolean
  bigrams: boolean
  trigrams: boolean
  /** Lexicon category flags. */
  lexicon: boolean
  /** Number, percent, money, year shape flags. */
  shapes: boolean
  /** Length bucket, capitalised-word count, punctuation. */
  surface: boolean
  /** Word suffixes of this length (0 = none). */
  suffix: number
  /** Pairwise conjunctions of a few strong flags. */
  conjunctions: boolean
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  unigrams: true,
  bigrams: true,
  trigrams: false,
  lexicon: true,
  shapes: true,
  surface: true,
  suffix: 0,
  conjunctions: false
}

const IS_WORD = /^\p{L}/u
const IS_PUNCT = /^[^\p{L}\d$%']/u

function bucket(n: number, edges: ReadonlyArray<number>): number {
  let b = 0
  while (b < edges.length && n > (edges[b] as number)) b++
  return b
}

const LENGTH_EDGES = [3, 6, 10, 15, 20, 30, 45]

/**
 * Sparse binary features of a sentence, as feature names. The list may hold
 * a name more than once (counts add up in the linear model).
 */
export function claimFeatures(sentence: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): string[] {
  const features: string[] = []
  emitClaimFeatures(sentence, options, {
    unigram: (norm) => features.push('u:' + norm),
    bigram: (previous, norm) => features.push('b:' + previous + ' ' + norm),
    other: (name) => features.push(name)
  })
  return features
}

/** Receives the features of a sentence, in the order of `claimFeatures`. */
export interface FeatureSink {
  /** The feature `u:<norm>`. */
  unigram(norm: string): void
  /** The feature `b:<previous> <norm>`. */
  bigram(previous: string, norm: string): void
  /** Any other feature, by its name. */
  other(name: string): void
}

/**
 * The features of `claimFeatures`, in the same order, given to a sink
 * rather than built as names: the classifier looks n-grams up by their
 * words, without making a string of each.
 *
 * @param sentence
 *   Sentence.
 * @param options
 *   Feature groups.
 * @param sink
 *   Receives the features.
 */
export function emitClaimFeatures(sentence: string, options: FeatureOptions, sink: FeatureSink): void {
  const tokens = tokensOf(sentence)
  const norms: string[] = []
  for (const t of tokens) {
    if (!IS_PUNCT.test(t.text) || t.text === '?' || t.text === '"') norms.push(t.norm)
  }

  if (options.unigrams) for (const norm of norms) sink.unigram(norm)
  if (options.bigrams) {
    let prev = '<s>'
    for (const norm of norms) {
      sink.bigram(prev, norm)
      prev = norm
    }
    sink.bigram(prev, '</s>')
  }
  if (options.trigrams) {
    let p2 = '<s>'
    let p1 = '<s>'
    for (const norm of norms) {
      sink.other('t:' + p2 + ' ' + p1 + ' ' + norm)
      p2 = p1
      p1 = norm
    }
  }
  if (options.suffix > 0) {
    for (const token of tokens) {
      if (IS_WORD.test(token.lower) && token.lower.length > options.suffix + 2) {
        sink.other('s:' + token.lower.slice(-options.suffix))
      }
    }
  }

  const flags = new Set<string>()
  if (options.lexicon) {
    for (const match of lexiconMatches(tokens)) flags.add('lex:' + match.category)
  }
  if (options.shapes) {
    for (const token of tokens) {
      if (token.norm === '<num>') flags.add('shape:num')
      else if (token.norm === '<year>') flags.add('shape:year')
      else if (token.norm === '<decade>') flags.add('shape:decade')
      else if (token.norm === '<ord>') flags.add('shape:ord')
      else if (token.norm === '%' || token.norm === 'percent') flags.add('shape:percent')
      else if (token.norm === '$') flags.add('shape:money')
    }
    if (/\d/.test(sentence)) flags.add('shape:digit')
  }
  if (options.surface) {
    const words = tokens.filter((t) => IS_WORD.test(t.text))
    flags.add('len:' + bucket(words.length, LENGTH_EDGES))
    let caps = 0
    for (let i = 1; i < words.length; i++) {
      const w = (words[i] as Token).text
      if (w !== 'I' && /^\p{Lu}/u.test(w)) caps++
    }
    flags.add('caps:' + Math.min(caps, 3))
    if (sentence.includes('?')) flags.add('punct:question')
    if (sentence.includes('!')) flags.add('punct:exclamation')
    if (/["\u201C\u201D]/.test(sentence)) flags.add('punct:quote')
    // `/ - |--|\.\.\.|\u2026/`, without the regular expression (slow on long text).
    if (sentence.includes(' - ') || sentence.includes('--') || sentence.includes('...') || sentence.includes('\u2026')) {
      flags.add('punct:break')
    }
  }
  if (options.conjunctions) {
    const strong = [...flags].filter((f) => f.startsWith('lex:') || f.startsWith('shape:')).sort()
    for (let i = 0; i < strong.length; i++) {
      for (let j = i + 1; j < strong.length; j++) sink.other('c:' + strong[i] + '&' + strong[j])
    }
  }
  for (const flag of flags) sink.other(flag)
}
