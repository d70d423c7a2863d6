/**
 * What kind of claim a sentence makes, by transparent rules over the word
 * lists in `lexicon.json`. Meant for check-worthy sentences (see
 * `classifier.ts`), but works on any sentence.
 *
 * Precedence (the first rule that fires wins), from the most to the least
 * specific thing a fact checker can verify:
 *
 *  1. `statistic`  a quantity: a number written in digits that is not a
 *                  year, decade, ordinal, clock time, day of a month, age
 *                  ("a 17-year-old", "Ann Lee, 41,"), part of a name
 *                  ("COVID-19", "Documenta 13", "NovaSeq 6000"), time
 *                  counted back ("20 years ago") or a stretch of time
 *                  ("the last six months")
 *                  ("25 times", "48 hours", "8 percent", "$60 billion");
 *                  `%` or `$` (not a conversion in brackets, a distance
 *                  that places something, "99% of the time"); a quantity
 *                  phrase ("doubled", "half of" but not "the second half
 *                  of 2023", "percentage points"; not a vague magnitude
 *                  such as "thousands of"); or a number word before
 *                  a unit or a large cardinal ("three people", "two
 *                  million").
 *  2. `prediction` a future or possible event: will / 'll / won't / shall,
 *                  could / might / may, going to, expected to, plans to,
 *                  set to, likely to, forecast, projected, in the coming…
 *                  ("will" after "the", "his", "political"… is the noun,
 *                  and capitalised "May" is the month).
 *  3. `causal`     a cause–effect link: because, caused, led to, due to,
 *                  as a result, resulted in, thanks to, triggered…
 *  4. `quote`      a direct quotation: a quoted stretch of at least three
 *                  words, or of two words when the sentence also has a
 *                  reporting verb (so scare quotes such as “East Shield”
 *                  stay out), or a sentence opening a quotation.
 *  5. `reported`   a reporting verb with a speaker: "according to X", or
 *                  said / told / announced / warned… with a pronoun, a
 *                  capitalised name or a speaker noun ("officials", "the
 *                  ministry") within a few words before it, or a name or
 *                  speaker noun just after it ("…, said Tomczyk").
 *  6. `factual`    anything else.
 *
 * So "According to him, output will rise by 25 times" is a statistic, not a
 * prediction or a reported claim: the number is what a checker verifies
 * first.
 */
import {Cache} from '../incremental/memory.ts'
import type {ClaimKind} from '../types.ts'
import {lexiconMatches, lexiconWords, normalizeQuotes, tokensOf, type LexiconMatch, type Token} from './features.ts'

export type {ClaimKind}

/** A claim kind and the words that decided it. */
export interface ClaimKindResult {
  kind: ClaimKind
  /** The cue that fired the rule ("25", "will", "as a result"…), absent for `factual`. */
  cue?: string
}

const months = new Set(lexiconWords('months'))
const willAsNoun = new Set(lexiconWords('willAsNoun'))
const units = new Set(lexiconWords('units'))
const largeCardinals = new Set(lexiconWords('largeCardinals'))
const speakerNouns = new Set(lexiconWords('speakerNouns'))
const speakerPronouns = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who'])

/** Longer input is cut here: rules only need the start of a sentence. */
const MAX_CHARS = 2000

function cueText(tokens: ReadonlyArray<Token>, start: number, end: number): string {
  return tokens
    .slice(start, end)
    .map((t) => t.text)
    .join(' ')
    .replace(/ (n't|'\w*|%)/g, '$1')
    .replace(/\$ /g, '$')
}

// Words after "at N" that leave N an age ("at 16 in a sitcom").
const agePrepositions = new Set(['in', 'on', 'as', 'when', 'with', 'after', 'and'])
// Words before “at N” that make N the age of a life's event (“died at 94”).
const lifeEvents = new Set(['died', 'dies', 'dead', 'away', 'retired', 'retires', 'retiring', 'married', 'debuted'])
// Verbs of a level, price or score ("closed at 49", "stood at 16").
const levelVerbs = new Set(['closed', 'opened', 'ended', 'finished', 'stood', 'stands', 'peaked', 'traded', 'trading', 'priced', 'set', 'capped', 'held', 'remained', 'was', 'is', 'rose', 'fell', 'came', 'comes', 'sits', 'sat', 'topped', 'started'])

/** A digit number that counts as a quantity (not a year, date, time or ordinal). */
function isQuantityNumber(tokens: ReadonlyArray<Token>, i: number): boolean {
  const token = tokens[i] as Token
  if (token.norm !== '<num>') return false
  if (token.text.includes(':')) return false
  const prev = tokens[i - 1]
  const next = tokens[i + 1]
  const value = Number(token.text.replace(/,/g, ''))
  // "February 20", "20 February", "May 3, 2024", "Jan. 6".
  if (value >= 1 && value <= 31 && Number.isInteger(value)) {
    if (prev && months.has(prev.lower)) return false
    if (prev?.text === '.' && tokens[i - 2] && months.has((tokens[i - 2] as Token).lower)) return false
    if (next && months.has(next.lower)) return false
    if (next && next.lower === 'of' && tokens[i + 2] && months.has((tokens[i + 2] as Token).lower)) return false
  }
  // An age: "a 17-year-old", "Ann Lee, 41, said".
  const after = next?.text === '-' ? tokens[i + 2] : next
  if (after && /^(year|month|week|day)s?-old$/.test(after.lower)) return false
  if (prev?.text === ',' && next?.text === ',' && value < 120 && /^\p{Lu}/u.test(tokens[i - 2]?.text ?? '')) return false
  // "Now, at 49, she …", "her debut at 16 in a sitcom", "aged 16": an age
  // (not a level something stood at: "shares closed at 49").
  const young = Number.isInteger(value) && value < 120
  if (young && (prev?.lower === 'aged' || prev?.lower === 'age')) return false
  if (young && prev?.lower === 'at' && !levelVerbs.has(tokens[i - 2]?.lower ?? '') && (next?.text === ',' || agePrepositions.has(next?.lower ?? ''))) return false
  // “died at 94”, “has passed away at 94.”, “retired at 60”: an age.
  if (young && prev?.lower === 'at' && lifeEvents.has(tokens[i - 2]?.lower ?? '')) return false
  // Part of a name: "GPT-4", "COVID-19", and a number after a capitalised
  // word that is not the sentence's first ("Documenta 13", "NovaSeq 6000",
  // "Salon 94"), unless a unit or a percent follows it.
  if (prev?.text === '-' && /^\p{Lu}/u.test(tokens[i - 2]?.text ?? '')) return false
  if (i > 1 && prev && /^\p{Lu}/u.test(prev.text) && !months.has(prev.lower) && !quantityAfter(next)) return false
  // A version: "v2", "version 3"; a number that names a road, a route, a
  // flight or a room ("state route 189", "Interstate 5", "flight 370").
  if (prev?.lower === 'v' || prev?.lower === 'version') return false
  if (prev && numberedThings.has(prev.lower) && !quantityAfter(next)) return false
  if (isTimeSpan(tokens, i, i + 1)) return false
  // A conversion in brackets ("100 miles (161 kilometers)"), a distance
  // that places something ("less than 100 miles from the border"), "almost
  // always" ("99% of the time").
  if (prev?.text === '(') return false
  if (next && distances.has(next.lower) && placing.has(tokens[pastBrackets(tokens, i + 2)]?.lower ?? '')) return false
  if (next?.text === '%' || next?.lower === 'percent') {
    let at = pastBrackets(tokens, i + 2)
    // The end of a bracketed aside: "(and sometimes 100%) of the time".
    if (tokens[at]?.text === ')') at++
    // (Near all of it: an idiom. "40% of the time" is a measured share.)
    if (value >= 90 && tokens[at]?.lower === 'of' && tokens[at + 1]?.lower === 'the' && tokens[at + 2]?.lower === 'time') return false
  }

  return true
}

/** The index after a bracketed aside that starts at `index` ("(161 kilometers)"), else `index`. */
function pastBrackets(tokens: ReadonlyArray<Token>, index: number): number {
  if (tokens[index]?.text !== '(') return index
  for (let at = index + 1; at < tokens.length && at < index + 12; at++) {
    if (tokens[at]!.text === ')') return at + 1
  }

  return index
}

const numberedThings = new Set(['route', 'highway', 'interstate', 'freeway', 'road', 'exit', 'flight', 'room', 'gate', 'platform', 'bus', 'line', 'channel', 'district', 'ward', 'precinct', 'chapter', 'section', 'article', 'amendment', 'bill', 'proposition', 'prop', 'measure', 'number', 'no.', 'episode', 'season', 'volume', 'page', 'item', 'game', 'round', 'stage', 'level', 'grade'])

const distances = new Set(['miles', 'mile', 'kilometres', 'kilometers', 'km', 'feet', 'yards', 'metres', 'meters', 'blocks'])
// After a distance: where, not how much.
const placing = new Set(['from', 'away', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'outside', 'off', 'inland', 'offshore', 'upstream', 'downstream'])
// Vague magnitudes: no figure to check ("thousands of people").
const vagueMagnitudes = new Set(['hundreds', 'thousands', 'millions', 'billions', 'trillions', 'dozens', 'tens of thousands'])

/** Whether a token makes the number before it a quantity ("8 percent", "5 million", "48 hours"). */
function quantityAfter(next: Token | undefined): boolean {
  return next !== undefined && (next.text === '%' || next.lower === 'percent' || units.has(next.lower) || largeCardinals.has(next.lower))
}

// Before "half of": a part of a period of time ("the second half of 2023").
const periodParts = new Set(['first', 'second', 'latter', 'back', 'front', 'final', 'last'])

const timeUnits = new Set(['hours', 'days', 'weeks', 'months', 'years', 'decades'])
// Before a number and a unit of time: a stretch of time (when), not a
// quantity ("the last six months", "the past 40 years").
const stretchOpeners = new Set(['last', 'past', 'next', 'previous', 'coming', 'first'])
// Before such an opener (“the last”, not “waits can last 14 hours”).
const determiners = new Set(['the', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those'])
// After a number and a unit of time: a date counted from another, no quantity.
const countedTime = new Set(['ago', 'earlier', 'later'])

/**
 * Whether a number (tokens `[start, end)`) and the unit of time after it
 * tell when, not how much: a time counted back or on (“20 years ago”, “two
 * days later”) or a stretch of time (“the last 6 months”, “the past 40
 * years”; not “waits can last 14 hours”).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param start
 *   Index of the number's first token.
 * @param end
 *   Index after its last token.
 * @returns
 *   Whether it is a time.
 */
function isTimeSpan(tokens: ReadonlyArray<Token>, start: number, end: number): boolean {
  const unit = tokens[end]
  if (!unit || !timeUnits.has(unit.lower)) return false
  if (countedTime.has(tokens[end + 1]?.lower ?? '')) return true
  return stretchOpeners.has(tokens[start - 1]?.lower ?? '') && determiners.has(tokens[start - 2]?.lower ?? '')
}

function statisticCue(tokens: ReadonlyArray<Token>, matches: ReadonlyArray<LexiconMatch>): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token
    if (token.text === '%' || token.text === '$') {
      // The number before a percent sign was read first: one that is no
      // quantity ("99% of the time") makes none of its sign.
      if (token.text === '%' && tokens[i - 1]?.norm === '<num>') continue
      return cueText(tokens, Math.max(0, i - 1), Math.min(tokens.length, i + 2))
    }
    if (isQuantityNumber(tokens, i)) {
      // The number with its currency sign and unit: "$60 billion", "8 percent", "48 hours".
      const start = tokens[i - 1]?.text === '$' ? i - 1 : i
      const next = tokens[i + 1]
      const withUnit = next && (next.text === '%' || next.lower === 'percent' || units.has(next.lower) || largeCardinals.has(next.lower))
      return cueText(tokens, start, withUnit ? i + 2 : i + 1)
    }
  }
  for (const match of matches) {
    if (match.category === 'quantityWords') {
      if (match.phrase === 'half of' && periodParts.has(tokens[match.start - 1]?.lower ?? '')) continue
      if (vagueMagnitudes.has(match.phrase)) continue
      return cueText(tokens, match.start, match.end)
    }
    if (match.category === 'cardinals') {
      const next = tokens[match.end]
      if (isTimeSpan(tokens, match.start, match.end)) continue
      if (next && (units.has(next.lower) || largeCardinals.has(next.lower))) {
        return cueText(tokens, match.start, match.end + 1)
      }
    }
  }
  return undefined
}

const pastModals = new Set(['could', 'would', 'might', 'may', 'should', 'must'])

function predictionCue(tokens: ReadonlyArray<Token>, matches: ReadonlyArray<LexiconMatch>): string | undefined {
  for (const match of matches) {
    if (match.category !== 'future') continue
    const first = tokens[match.start] as Token
    if (first.lower === 'will') {
      const prev = tokens[match.start - 1]
      if (prev && willAsNoun.has(prev.lower)) continue
      // "Will" opening a question is still a future; a capitalised "Will"
      // inside a sentence is a name.
      if (match.start > 0 && first.text === 'Will') continue
    }
    // A modal's perfect (“could have explained”, “would have won”): what
    // might have been, not a prediction.
    if (pastModals.has(first.lower) && (tokens[match.start + 1]?.lower === 'have' || tokens[match.end]?.lower === 'have')) continue
    if (first.lower === 'may' && first.text !== 'may') {
      // A capitalised "May" is the month, except as the first word of a
      // sentence not followed by a number ("May 2024 was…" is the month).
      const modalAtStart = match.start === 0 && !/^(<num>|<year>|<ord>)$/.test(tokens[1]?.norm ?? '')
      if (!modalAtStart) continue
    }
    return cueText(tokens, match.start, match.end)
  }
  return undefined
}

function causalCue(tokens: ReadonlyArray<Token>, matches: ReadonlyArray<LexiconMatch>): string | undefined {
  const match = matches.find((m) => m.category === 'causal')
  return match ? cueText(tokens, match.start, match.end) : undefined
}

const WORD = /\p{L}+(?:['\-]\p{L}+)*/gu

function quoteCue(sentence: string, hasReportingVerb: boolean): string | undefined {
  const text = normalizeQuotes(sentence.replace(/\u2018([^\u2018\u2019]*)\u2019(?!\p{L})/gu, '"$1"'))
  const segments = [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1] as string)
  for (const segment of segments) {
    const words = segment.match(WORD)?.length ?? 0
    if (words >= 3 || (words >= 2 && hasReportingVerb)) return `"${segment.trim()}"`
  }
  // An opening quotation mark without its closing one: the quote goes on.
  const quotes = text.match(/"/g)?.length ?? 0
  if (quotes % 2 === 1 && /^\s*"/.test(text)) {
    const rest = text.replace(/^\s*"/, '')
    if ((rest.match(WORD)?.length ?? 0) >= 3) return '"' + rest.trim()
  }
  return undefined
}

function isSpeakerToken(token: Token | undefined, index: number): boolean {
  if (!token) return false
  if (speakerPronouns.has(token.lower) || speakerNouns.has(token.lower)) return true
  // A capitalised word that is not just the sentence's first word.
  return /^\p{Lu}/u.test(token.text) && (index > 0 || !/^(The|A|An|This|That|These|Those|It|But|And|So)$/.test(token.text))
}

function reportedCue(tokens: ReadonlyArray<Token>, matches: ReadonlyArray<LexiconMatch>): string | undefined {
  for (const match of matches) {
    if (match.category !== 'reportingVerbs') continue
    const verb = cueText(tokens, match.start, match.end)
    if (match.phrase === 'according to') {
      if (match.end < tokens.length && /^\p{L}/u.test((tokens[match.end] as Token).text)) return verb
      continue
    }
    for (let k = match.start - 1; k >= Math.max(0, match.start - 6); k--) {
      if (isSpeakerToken(tokens[k], k)) return verb
    }
    for (let k = match.end; k < Math.min(tokens.length, match.end + 3); k++) {
      const token = tokens[k] as Token
      if (speakerNouns.has(token.lower) || /^\p{Lu}/u.test(token.text)) return verb
    }
  }
  return undefined
}

/** The kind of claim a sentence makes, with the cue that decided it. */
export function explainClaimKind(sentence: string): ClaimKindResult {
  if (typeof sentence !== 'string' || sentence.trim() === '') return {kind: 'factual'}
  const text = sentence.length > MAX_CHARS ? sentence.slice(0, MAX_CHARS) : sentence
  const tokens = tokensOf(text)
  const matches = lexiconMatches(tokens)
  let cue = statisticCue(tokens, matches)
  if (cue !== undefined) return {kind: 'statistic', cue}
  cue = predictionCue(tokens, matches)
  if (cue !== undefined) return {kind: 'prediction', cue}
  cue = causalCue(tokens, matches)
  if (cue !== undefined) return {kind: 'causal', cue}
  cue = quoteCue(text, matches.some((m) => m.category === 'reportingVerbs'))
  if (cue !== undefined) return {kind: 'quote', cue}
  cue = reportedCue(tokens, matches)
  if (cue !== undefined) return {kind: 'reported', cue}
  return {kind: 'factual'}
}

/**
 * The kind of claim a sentence makes: `statistic`, `prediction`, `causal`,
 * `quote`, `reported` or `factual` (see the precedence above).
 */
export function claimKind(sentence: string): ClaimKind {
  return kinds.get(sentence, (text) => explainClaimKind(text).kind)
}

// Kinds of sentences seen before (a document analysed again after an edit).
const kinds = new Cache<string, ClaimKind>(16_384)
