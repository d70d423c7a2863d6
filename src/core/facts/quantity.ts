/**
 * Reading quantities from tokens: “25”, “1,500 people”, “25 times”,
 * “25-fold”, “25x”, “twenty-five times”, “twenty five”, “a hundred”,
 * “2.5 million”, “$60 billion”, “8%”, “8 per cent”, “doubled”, “thousands
 * of people”, “tens of thousands”. Both the `unsourced-number` rule and the
 * fact base read numbers with it, so “25-fold” in an article matches
 * “25 times” in a fact.
 *
 * Known limits: fractions (“two thirds”), ranges (“20 to 30”) and ordinals
 * are not read; a number word needs a scale or a unit after it (“two
 * million”, “three times”) so that “one of them” is no quantity.
 */
import {tokenize} from '../text/tokenize.ts'
import lexicon from './quantities.json' with {type: 'json'}

/** A token as the reader needs it. */
export interface QuantityToken {
  text: string
}

/** A quantity found at a token range. */
export interface Quantity {
  /** First token index. */
  first: number
  /** Token index after the last. */
  last: number
  /** The value (the lower bound for a magnitude such as “thousands”). */
  value: number
  /** Upper bound, for magnitudes (“thousands”: 2000–9999). */
  max?: number
  /** Normalised unit: `times`, `percent`, `percentage points`, a currency code. */
  unit?: string
  /** The noun counted (“people” in “1,500 people”, “thousands of people”). */
  noun?: string
  /** Whether it reads as a year (a bare integer from 1000 to 2100). */
  year?: boolean
}

// Maps, not plain objects: a word such as `constructor` or `toString` is no
// number, scale or unit.
const numbers = new Map(Object.entries(lexicon.numbers as Record<string, number>))
const scales = new Map(Object.entries(lexicon.scales as Record<string, number>))
const magnitudes = new Map(Object.entries(lexicon.magnitudes as Record<string, number[]>))
const multipliers = new Map(Object.entries(lexicon.multipliers as Record<string, number>))
const units = new Map(Object.entries(lexicon.units as Record<string, string>))
const currencies = new Map(Object.entries(lexicon.currencies as Record<string, string>))
const notNouns: ReadonlySet<string> = new Set(lexicon.notNouns)

const digits = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/
const digitsWithSuffix = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(x|×|-?fold|bn|mn|m|k)$/i

/**
 * Read the quantity that starts at a token.
 *
 * @param tokens
 *   Tokens (of one sentence).
 * @param index
 *   Index of the first token.
 * @returns
 *   The quantity, if one starts there.
 */
export function readQuantity(
  tokens: ReadonlyArray<QuantityToken>,
  index: number
): Quantity | undefined {
  const word = lower(tokens[index])
  if (!word) return undefined
  let currency: string | undefined
  let at = index
  const sign = word.length === 1 ? currencies.get(word) : undefined
  if (sign) {
    if (!digits.test(lower(tokens[index + 1]))) return undefined
    currency = sign
    at++
  }

  const core = readCore(tokens, at)
  if (!core) return undefined
  const quantity: Quantity = {first: index, last: core.last, value: core.value}
  if (core.max !== undefined) quantity.max = core.max
  if (core.unit) quantity.unit = core.unit
  if (currency) quantity.unit = currency

  // A scale: “2.5 million”, “a hundred thousand”.
  if (core.max === undefined && !core.unit) {
    for (;;) {
      const scale = scales.get(lower(tokens[quantity.last]))
      if (!scale || lower(tokens[quantity.last]) === 'k') break
      quantity.value *= scale
      quantity.last++
    }
  }

  // A unit: “25 times”, “8 per cent”, “8%”, “60 dollars”.
  if (!quantity.unit) {
    const next = lower(tokens[quantity.last])
    const pair = units.get(next + ' ' + lower(tokens[quantity.last + 1]))
    const unit = next !== 'x' && next !== 'points' ? units.get(next) : undefined
    const currency = next.length > 1 ? currencies.get(next) : undefined
    if (pair) {
      quantity.unit = pair
      quantity.last += 2
    } else if (unit) {
      quantity.unit = unit
      quantity.last++
    } else if (currency) {
      quantity.unit = currency
      quantity.last++
    }
  }

  // The noun counted: “1,500 people”, “thousands of people”.
  if (!quantity.unit) {
    let at = quantity.last
    if (core.max !== undefined && lower(tokens[at]) === 'of') at++
    const noun = tokens[at]
    if (noun && /^\p{Ll}[\p{Ll}-]*$/u.test(noun.text) && !notNouns.has(noun.text)) {
      quantity.noun = noun.text
      quantity.last = at + 1
    }
  }

  if (core.kind === 'word' && !quantity.unit && quantity.value === core.value && core.max === undefined) {
    // “one of them”, “two countries”: a bare number word is no statistic.
    return undefined
  }

  if (
    core.kind === 'digits' &&
    quantity.last === core.last &&
    Number.isInteger(quantity.value) &&
    quantity.value >= 1000 &&
    quantity.value <= 2100 &&
    /^\d{4}$/.test(tokens[at]!.text)
  ) {
    quantity.year = true
  }

  return quantity
}

/**
 * Find every quantity in a token list.
 *
 * @param tokens
 *   Tokens.
 * @returns
 *   Quantities in order, not overlapping.
 */
export function findQuantities(tokens: ReadonlyArray<QuantityToken>): Quantity[] {
  const found: Quantity[] = []
  for (let index = 0; index < tokens.length; index++) {
    const quantity = readQuantity(tokens, index)
    if (!quantity) continue
    found.push(quantity)
    index = quantity.last - 1
  }

  return found
}

/**
 * Read a quantity written as text (a fact’s value).
 *
 * @param text
 *   Text such as “25 times”, “1997” or “thousands of people”.
 * @returns
 *   The quantity, when the whole text is one (leading “about”, “by” and
 *   the like are skipped).
 */
export function parseQuantity(text: string): Quantity | undefined {
  const tokens = tokenize(text.trim())
  let index = 0
  while (index < tokens.length && /^(about|around|some|nearly|almost|over|by|roughly|approximately|up|to)$/i.test(tokens[index].text)) index++
  const quantity = readQuantity(tokens, index)
  return quantity && quantity.last === tokens.length ? quantity : undefined
}

/**
 * Whether two quantities state the same amount: same unit (and counted noun
 * when both have one), and values equal or one inside the other’s range.
 *
 * @param a
 *   Quantity.
 * @param b
 *   Quantity.
 * @returns
 *   Whether they agree.
 */
export function sameQuantity(a: Quantity, b: Quantity): boolean {
  if (!comparable(a, b)) return false
  const aMax = a.max ?? a.value
  const bMax = b.max ?? b.value
  return close(a.value, b.value) || (a.value <= b.value && bMax <= aMax) || (b.value <= a.value && aMax <= bMax)
}

/**
 * Whether two quantities measure the same kind of thing, so that different
 * values contradict each other.
 *
 * @param a
 *   Quantity.
 * @param b
 *   Quantity.
 * @returns
 *   Whether they are comparable.
 */
export function comparable(a: Quantity, b: Quantity): boolean {
  if (a.unit !== b.unit) return false
  if (a.noun && b.noun && singular(a.noun) !== singular(b.noun)) return false
  return Boolean(a.year) === Boolean(b.year)
}

/**
 * Text of a quantity for messages (“25 times”, “2000–9999 people”).
 *
 * @param quantity
 *   Quantity.
 * @returns
 *   Text.
 */
export function formatQuantity(quantity: Quantity): string {
  const value = quantity.max === undefined ? String(quantity.value) : `${quantity.value}–${quantity.max}`
  const unit = quantity.unit === 'percent' ? '%' : quantity.unit ? ' ' + quantity.unit : ''
  return value + unit + (quantity.noun ? ' ' + quantity.noun : '')
}

/** The number part of a quantity. */
function readCore(
  tokens: ReadonlyArray<QuantityToken>,
  index: number
): {last: number; value: number; max?: number; unit?: string; kind: 'digits' | 'word' | 'other'} | undefined {
  const word = lower(tokens[index])
  if (!word) return undefined

  let match = digits.exec(word)
  if (match) return {last: index + 1, value: toNumber(match[1], match[2]), kind: 'digits'}
  match = digitsWithSuffix.exec(word)
  if (match) {
    const suffix = match[3].toLowerCase().replace(/^-/, '')
    const value = toNumber(match[1], match[2])
    const scale = scales.get(suffix)
    if (scale) return {last: index + 1, value: value * scale, kind: 'digits'}
    return {last: index + 1, value, unit: 'times', kind: 'digits'}
  }

  const multiplier = multipliers.get(word)
  if (multiplier !== undefined) {
    return {last: index + 1, value: multiplier, unit: 'times', kind: 'other'}
  }

  // “tens of thousands”, “hundreds of millions”.
  const small: number[] | undefined = word === 'tens' ? [10, 99] : magnitudes.get(word)
  if (small && lower(tokens[index + 1]) === 'of') {
    const large = magnitudes.get(lower(tokens[index + 2]))
    if (large && large[0] >= 1000) {
      const scale = large[0] / 2
      return {last: index + 3, value: small[0] * scale, max: (small[1] + 1) * scale - 1, kind: 'other'}
    }
  }

  const magnitude = magnitudes.get(word)
  if (magnitude) {
    const [min, max] = magnitude
    return {last: index + 1, value: min, max, kind: 'other'}
  }

  // “a hundred”, “a million”.
  if ((word === 'a' || word === 'an') && scales.get(lower(tokens[index + 1])) && lower(tokens[index + 1]) !== 'k') {
    return {last: index + 1, value: 1, kind: 'digits'}
  }

  const fold = word.endsWith('fold') ? /^(.+?)-?fold$/.exec(word) : null
  const spelled = wordValue(fold ? fold[1] : word)
  if (spelled === undefined) return undefined
  if (fold) return {last: index + 1, value: spelled, unit: 'times', kind: 'word'}
  let value = spelled
  let last = index + 1
  // “twenty five”.
  const next = wordValue(lower(tokens[last]))
  if (value >= 20 && value % 10 === 0 && next !== undefined && next < 10) {
    value += next
    last++
  }

  return {last, value, kind: 'word'}
}

/** Value of a number word, with hyphenated compounds (“twenty-five”). */
function wordValue(word: string): number | undefined {
  if (!word) return undefined
  if (!word.includes('-')) return numbers.get(word)
  let total = 0
  for (const part of word.split('-')) {
    const value = numbers.get(part)
    if (value === undefined) return undefined
    total += value
  }

  return total
}

function toNumber(whole: string, fraction: string | undefined): number {
  return Number(whole.replace(/,/g, '') + (fraction ?? ''))
}

function lower(token: QuantityToken | undefined): string {
  return token ? token.text.toLowerCase() : ''
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}

/** Rough singular of a plural noun. */
export function singular(word: string): string {
  const value = word.toLowerCase()
  if (value === 'people') return 'person'
  if (/ies$/.test(value)) return value.slice(0, -3) + 'y'
  if (/(ss|us)$/.test(value)) return value
  if (/(ch|sh|x)es$/.test(value)) return value.slice(0, -2)
  return value.replace(/s$/, '')
}
