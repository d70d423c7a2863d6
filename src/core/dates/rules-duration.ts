/**
 * Grammar for durations: "48 hours", "two-year", "the past three months",
 * "a few days", "recent months", "years to come", "2 1/2 years",
 * "half an hour", "the first nine months".
 */
import lex from './lexicon.json' with {type: 'json'}
import {VAGUE, is, isPluralUnit, unitOf} from './match.ts'
import {durationValue} from './normalize.ts'
import {hyphenAt, readAndHalf, readNumber} from './numbers.ts'
import type {Cand, Unit} from './sem.ts'
import type {Tok} from './tokenize.ts'

const ADJ = new Set(lex.unitAdjs)
/** words before a bare plural unit that make it a duration ("for years", "within days") */
const BARE_CUE = new Set(['for', 'within', 'over', 'the', 'in', 'after', 'during', 'takes', 'take', 'took', 'spent', 'spend', 'lasted', 'last'])
/** words between "the" and a number that keep the phrase a duration ("the past two months") */
const SPAN_WORDS = new Set(['past', 'last', 'next', 'coming', 'first', 'previous', 'following', 'final', 'remaining', 'initial', 'latest', 'recent', 'prior', 'ensuing', 'preceding', 'intervening', 'same', 'entire', 'whole', 'full', 'early', 'closing', 'opening'])
/** lead words that make a bare plural a duration ("recent months", "the coming weeks") */
const BARE_LEAD = new Set(['past', 'last', 'next', 'coming', 'recent', 'following', 'previous', 'ensuing', 'intervening', 'prior', 'early', 'final', 'closing', 'opening'])
const NOT_DURATION_UNITS = new Set(['WE'])
/** words before a bare plural unit that make it a thing, not a length of time ("the days of", "those years of", "the wee hours of") */
const THING_BEFORE = new Set(['the', 'these', 'those', 'this', 'that', 'my', 'his', 'her', 'its', 'our', 'their', 'your', 'dog', 'golden', 'salad', 'glory', 'halcyon', 'wee', 'small'])
/** words before "last" that make it the verb ("to last", "will last") */
const VERB_BEFORE = new Set(['to', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'did', 'does', 'do', 'll', 'not', 't'])

/** Read the quantity before a unit: a number, "a", a vague word or nothing (for plurals). */
function readQuantity(toks: Tok[], k: number): {n: number | 'X'; j: number; explicit: boolean} {
  const num = readNumber(toks, k)
  if (num) return {n: num.n, j: num.j, explicit: true}
  const v = VAGUE.match(toks, k)
  if (v) return {n: typeof v.v === 'number' ? v.v : 'X', j: v.j, explicit: true}
  if (is(toks, k, 'a', 'an')) return {n: 1, j: k + 1, explicit: true}
  return {n: 'X', j: k, explicit: false}
}

/** "half an hour", "half a century", "a half hour", "a quarter century". */
function half(toks: Tok[], i: number): {n: number; j: number} | null {
  if (is(toks, i, 'half') && is(toks, i + 1, 'a', 'an') && unitOf(toks[i + 2])) return {n: 0.5, j: i + 2}
  if (is(toks, i, 'a') && is(toks, i + 1, 'half') && unitOf(toks[i + 2])) return {n: 0.5, j: i + 2}
  if (is(toks, i, 'a') && is(toks, i + 1, 'quarter') && is(toks, i + 2, 'century', 'hour')) return {n: 0.25, j: i + 2}
  return null
}

/** Durations at token `i`. */
export function durationRule(toks: Tok[], i: number): Cand | null {
  let k = i
  let the = false
  if (is(toks, k, 'the', 'its', 'their')) {
    the = true
    k++
  }
  let lead = ''
  // "expected to last weeks", "could last two days": the verb, not the span word
  if (!the && is(toks, k, 'last') && VERB_BEFORE.has(toks[k - 1]?.l ?? '')) return null
  if (SPAN_WORDS.has(toks[k]?.l ?? '')) {
    lead = toks[k]!.l
    k++
  }
  const h = half(toks, k)
  const q = h ? {n: h.n, j: h.j, explicit: true} : readQuantity(toks, k)
  k = q.j
  // "the 24-hour news cycle": an adjective, the determiner belongs to the noun
  const glued = hyphenAt(toks, k)
  if (glued) k++
  while (ADJ.has(toks[k]?.l ?? '') && unitOf(toks[k + 1])) k++
  const ut = toks[k]
  const u = unitOf(ut) as Unit | undefined
  if (!u || !ut || NOT_DURATION_UNITS.has(u)) return null
  // "three-quarters of", "a quarter of", "a second term", "60 Minutes" (a title)
  if (u === 'Q' && (is(toks, k + 1, 'of') || (hyphenAt(toks, k - 1) && isPluralUnit(ut)))) return null
  if (u === 'S' && ut.l === 'second' && is(toks, k - 1, 'a')) return null
  if (ut.cap && !toks[k - 1]?.par && toks[k - 1]?.cap) return null
  // "a day-care center", "the year-end figure": a compound noun
  if (hyphenAt(toks, k + 1) && !is(toks, k + 2, 'long', 'old')) return null
  // ages: "52 years old", "52 years of age"
  if ((is(toks, k + 1, 'old', 'olds') || (is(toks, k + 1, 'of') && is(toks, k + 2, 'age'))) && q.n !== 'X') return null
  if (q.n === 'X' && !q.explicit) {
    // bare plural units: "for years", "recent months", "the weeks ahead"
    if (!isPluralUnit(ut)) return null
    const prev = toks[k - 1]?.l ?? ''
    const after = (is(toks, k + 1, 'to') && is(toks, k + 2, 'come')) || is(toks, k + 1, 'ahead') || (hyphenAt(toks, k + 1) && is(toks, k + 2, 'long', 'old'))
    // "follows months of talks", "Decades of neglect": how long something went on; not "the days of", "years of age"
    // (nor "the best years of her life": an adjective before it)
    const of = is(toks, k + 1, 'of') && !is(toks, k + 2, 'age') && !THING_BEFORE.has(prev) && !/.est$/.test(prev) && !(ut.cap && toks[k - 1]?.kind === 'w')
    if (!lead && !BARE_CUE.has(prev) && !after && !of) return null
    if (prev === 'the' && !lead && !after) return null
    if (lead && !BARE_LEAD.has(lead)) return null
  }
  // ages are not durations in TimeML ("a 6-year-old boy")
  if (hyphenAt(toks, k + 1) && is(toks, k + 2, 'old', 'olds') && q.n !== 'X') return null
  let j = k + 1
  let n = q.n
  const halfEnd = readAndHalf(toks, j)
  if (halfEnd > j && typeof n === 'number' && Number.isInteger(n)) {
    n += 0.5
    j = halfEnd
  }
  if (is(toks, j, 'to') && is(toks, j + 1, 'come')) j += 2
  else if (is(toks, j, 'ahead')) j++
  else if (hyphenAt(toks, j) && is(toks, j + 1, 'long')) j += 2
  else if (q.n === 'X' && hyphenAt(toks, j) && is(toks, j + 1, 'old')) j += 2
  return {i: the && glued ? i + 1 : i, j, type: 'DURATION', sem: {k: 'lit', value: durationValue(n, u)}}
}
