/**
 * Matching sentences against the fact base. A fact applies to a sentence
 * when the sentence (or the one before it in the same paragraph) names the
 * subject — by its name, an alias, any mention of the entity with that name,
 * pronouns included, ignoring case and a leading “the” — and the sentence
 * has the property (by word stem: “adopted” ≈ “adoption”). Its value then:
 *
 * - `match`: a date, year or quantity in the sentence equals the fact’s
 *   value (“25-fold” = “twenty-five times” = “25x”; “2026-02” holds
 *   “2026-02-20”), or the sentence contains the value’s text;
 * - `contradiction`: no value equals it but one of the same kind does not
 *   (another year; another number with the same unit or counted noun).
 *
 * A claim fact (a verdict on a claim) matches a sentence that has at least
 * four fifths of the claim’s content words and every number of the claim,
 * in any spelling (“25 times” = “25-fold”); claims of fewer than three
 * words and numbers are too short to match.
 */
import type {DateTag, Entity} from '../types.ts'
import {tokenize} from '../text/tokenize.ts'
import {comparable, findQuantities, parseQuantity, sameQuantity, type Quantity} from './quantity.ts'
import type {ClaimFact, Fact, ValueFact} from './types.ts'

/** A token with source offsets. */
export interface FactToken {
  text: string
  start: number
  end: number
}

/** A sentence to match. */
export interface FactSentence {
  /** Source start offset. */
  start: number
  /** Source end offset. */
  end: number
  tokens: ReadonlyArray<FactToken>
  /** Date tags inside the sentence. */
  dates: ReadonlyArray<DateTag>
  /** The previous sentence of the same paragraph, where the subject may be. */
  previous?: FactSentence | undefined
}

/** A fact with its matchers built. */
export type PreparedFact = PreparedValueFact | PreparedClaimFact

/** A claim fact with its matcher built. */
export interface PreparedClaimFact {
  fact: ClaimFact
  /** Content words of the claim, lower case. */
  words: ReadonlySet<string>
  /** Quantities in the claim. */
  quantities: ReadonlyArray<Quantity>
}

/** A value fact with its matchers built. */
export interface PreparedValueFact {
  fact: ValueFact
  /** Names of the subject as lower-case token lists. */
  names: ReadonlyArray<ReadonlyArray<string>>
  /** Source spans of mentions of the subject entity (pronouns included). */
  mentions: ReadonlyArray<{start: number; end: number}>
  /** Property wordings as stem lists. */
  property: ReadonlyArray<ReadonlyArray<string>>
  value:
    | {kind: 'date'; value: string}
    | {kind: 'quantity'; quantity: Quantity}
    | {kind: 'text'; words: ReadonlyArray<string>}
}

/** A fact that applies to a sentence. */
export interface FactMatch {
  fact: Fact
  outcome: 'match' | 'contradiction'
  /** Source span of the value found. */
  start: number
  end: number
}

const isoDate = /^\d{4}(-\d{2}(-\d{2})?)?$/

/**
 * Build the matchers of facts for one document.
 *
 * @param facts
 *   Fact base.
 * @param entities
 *   The document’s entities (their mentions become aliases).
 * @returns
 *   Prepared facts.
 */
export function prepareFacts(
  facts: ReadonlyArray<Fact>,
  entities: ReadonlyArray<Entity>
): PreparedFact[] {
  return facts.map((fact): PreparedFact => {
    if (fact.kind === 'claim') {
      const tokens = tokenize(fact.claim)
      const quantities = findQuantities(tokens)
      return {fact, words: new Set(contentWords(tokens, quantities)), quantities: quantities.filter((q) => !q.year)}
    }

    const names = new Set([fact.subject, ...fact.aliases].map(normalName))
    const mentions: Array<{start: number; end: number}> = []
    for (const entity of entities) {
      const texts = [entity.name, ...entity.mentions.filter((m) => !m.pronoun).map((m) => m.text)]
      if (!texts.some((text) => names.has(normalName(text)))) continue
      for (const text of texts) names.add(normalName(text))
      for (const mention of entity.mentions) mentions.push({start: mention.start, end: mention.end})
    }

    const quantity = isoDate.test(fact.value) ? undefined : parseQuantity(fact.value)
    return {
      fact,
      names: [...names].filter(Boolean).map((name) => name.split(' ')),
      mentions,
      property: fact.property.map((wording) => words(wording).map(stem)),
      value: isoDate.test(fact.value)
        ? {kind: 'date', value: fact.value}
        : quantity
          ? {kind: 'quantity', quantity}
          : {kind: 'text', words: words(fact.value)}
    }
  })
}

/**
 * Find the facts that apply to a sentence.
 *
 * @param sentence
 *   Sentence.
 * @param facts
 *   Prepared facts.
 * @returns
 *   Matches and contradictions, one per fact at most.
 */
export function matchFacts(
  sentence: FactSentence,
  facts: ReadonlyArray<PreparedFact>
): FactMatch[] {
  const lower = sentence.tokens.map((token) => normalToken(token.text))
  const stems = lower.map(stem)
  const found: FactMatch[] = []

  for (const prepared of facts) {
    if ('words' in prepared) {
      const match = matchClaim(sentence, prepared)
      if (match) found.push(match)
      continue
    }

    if (!prepared.property.some((wording) => indexOf(stems, wording) >= 0)) continue
    if (!hasSubject(sentence, prepared) && !(sentence.previous && hasSubject(sentence.previous, prepared))) continue
    const match = compare(sentence, lower, prepared)
    if (match) found.push(match)
  }

  return found
}

/** Whether a sentence makes a claim the fact base has a verdict on. */
function matchClaim(sentence: FactSentence, prepared: PreparedClaimFact): FactMatch | undefined {
  if (prepared.words.size + prepared.quantities.length < 3) return undefined
  const quantities = findQuantities(sentence.tokens)
  const present = new Set(contentWords(sentence.tokens, quantities))
  let shared = 0
  for (const word of prepared.words) if (present.has(word)) shared++
  if (shared / prepared.words.size < 0.8) return undefined
  if (!prepared.quantities.every((wanted) => quantities.some((quantity) => sameQuantity(quantity, wanted)))) {
    return undefined
  }

  return {fact: prepared.fact, outcome: 'match', start: sentence.start, end: sentence.end}
}

/** Whether a sentence names the subject of a fact. */
function hasSubject(sentence: FactSentence, prepared: PreparedValueFact): boolean {
  if (prepared.mentions.some((m) => m.start >= sentence.start && m.end <= sentence.end)) return true
  const lower = sentence.tokens.map((token) => normalToken(token.text))
  return prepared.names.some((name) => indexOf(lower, name) >= 0)
}

/** Compare a sentence’s values with a fact’s value. */
function compare(
  sentence: FactSentence,
  lower: ReadonlyArray<string>,
  prepared: PreparedValueFact
): FactMatch | undefined {
  const {fact, value} = prepared
  if (value.kind === 'text') {
    const at = indexOf(lower, value.words)
    if (at < 0) return undefined
    const last = sentence.tokens[at + value.words.length - 1]
    return {fact, outcome: 'match', start: sentence.tokens[at].start, end: last.end}
  }

  const candidates: Array<{start: number; end: number; agrees: boolean}> = []
  if (value.kind === 'date') {
    for (const date of sentence.dates) {
      if (date.type !== 'DATE' || !/^\d{4}/.test(date.value)) continue
      const agrees = date.value.startsWith(value.value) || value.value.startsWith(date.value)
      candidates.push({start: date.start, end: date.end, agrees})
    }
  } else {
    for (const quantity of findQuantities(sentence.tokens)) {
      const start = sentence.tokens[quantity.first].start
      const end = sentence.tokens[quantity.last - 1].end
      // Dates are not amounts, unless the fact is a year given as a number.
      if (sentence.dates.some((date) => date.start < end && start < date.end) && !value.quantity.year) continue
      if (!comparable(quantity, value.quantity) && !(value.quantity.year && quantity.year)) continue
      candidates.push({start, end, agrees: sameQuantity(quantity, value.quantity)})
    }
  }

  const agreeing = candidates.find((candidate) => candidate.agrees)
  if (agreeing) return {fact, outcome: 'match', start: agreeing.start, end: agreeing.end}
  const first = candidates[0]
  return first ? {fact, outcome: 'contradiction', start: first.start, end: first.end} : undefined
}

/** Index of a token sequence in a token list, or -1. */
function indexOf(haystack: ReadonlyArray<string>, needle: ReadonlyArray<string>): number {
  if (needle.length === 0) return -1
  for (let index = 0; index + needle.length <= haystack.length; index++) {
    if (needle.every((word, offset) => haystack[index + offset] === word)) return index
  }

  return -1
}

/** A name as compared: lower case, typographic quotes, no leading “the”. */
function normalName(name: string): string {
  return words(name)
    .join(' ')
    .replace(/^the /, '')
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/'s\b/g, ' ')
    .split(/[^\p{L}\p{N}'.-]+/u)
    .map((word) => word.replace(/^[.'-]+|[.'-]+$/g, ''))
    .filter(Boolean)
}

const stopWords: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'by', 'to', 'for', 'from', 'with', 'that', 'this',
  'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'has', 'have', 'had', 'it', 'its', 'as', 'than'
])

/** Stems of the content words of tokens, leaving out quantities (compared apart). */
function contentWords(tokens: ReadonlyArray<FactToken | {text: string}>, quantities: ReadonlyArray<Quantity>): string[] {
  return tokens
    .filter((_, index) => !quantities.some((q) => index >= q.first && index < q.last))
    .map((token) => normalToken(token.text))
    .filter((word) => /^\p{L}/u.test(word) && !stopWords.has(word))
    .map(stem)
}

function normalToken(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'")
}

/** A rough stem: “adopted”, “adopts”, “adoption” → “adopt”. */
export function stem(word: string): string {
  const value = word.toLowerCase()
  const stripped = value.replace(/(ations?|ions?|ments?|ing|ed|es|s)$/, '')
  return (stripped.length >= 3 ? stripped : value).replace(/e$/, '')
}
