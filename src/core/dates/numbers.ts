/**
 * Reading numbers written with digits or words ("48", "1,500", "twenty-four",
 * "a hundred", "2 1/2", "nineteen ninety-six") from a token array.
 */
import lex from './lexicon.json' with {type: 'json'}
import {table} from './match.ts'
import type {Tok} from './tokenize.ts'

const WORDS = table<number>(lex.numbers)
const MULT = table<number>(lex.multipliers)
const ORD = table<number>(lex.ordinals)

/** A number read from tokens `[i, j)`. */
export interface NumRead {
  n: number
  j: number
}

/** Whether `toks[i]` is glued to the previous token by a hyphen ("two-year"). */
export function hyphenAt(toks: Tok[], i: number): boolean {
  const t = toks[i]
  return t !== undefined && (t.t === '-' || t.t === '\u2010' || t.t === '\u2011') && !t.sp && toks[i + 1] !== undefined && !toks[i + 1]!.sp
}

/** Parse a digit token ("1,500", "2.5"); NaN when it is not a plain number. */
export function digitValue(t: string): number {
  if (t.includes(':')) return NaN
  const plain = t.replace(/,/g, '')
  if (plain.length > 15) return NaN
  return Number(plain)
}

function readFraction(toks: Tok[], i: number): NumRead | null {
  // "1/2" glued, or the words "and a half"
  const a = toks[i], sl = toks[i + 1], b = toks[i + 2]
  if (a?.kind === 'n' && sl?.t === '/' && !sl.sp && b?.kind === 'n' && !b.sp) {
    const den = digitValue(b.t)
    if (den > 0 && den <= 12) return {n: digitValue(a.t) / den, j: i + 3}
  }
  return null
}

/** Read a cardinal at `i`: digits, words, "a"/"an" before a multiplier, fractions. */
export function readNumber(toks: Tok[], i: number): NumRead | null {
  const t = toks[i]
  if (!t) return null
  if (t.kind === 'n') {
    const v = digitValue(t.t)
    if (Number.isNaN(v)) return null
    const fr = toks[i + 1]?.kind === 'n' && toks[i + 1]!.sp ? readFraction(toks, i + 1) : null
    if (fr && fr.n < 1) return {n: v + fr.n, j: fr.j}
    const half = readAndHalf(toks, i + 1)
    return {n: v + (half > i + 1 ? 0.5 : 0), j: half}
  }
  let total = 0
  let cur = 0
  let j = i
  let lastSmall = -1
  let any = false
  // a number in words is a handful of words ("two hundred and fifty thousand"): bounded look-ahead
  while (j < toks.length && j - i < 12) {
    const w = toks[j]!.l
    if (any && w === '-' && hyphenAt(toks, j)) {
      j++
      continue
    }
    if (any && w === 'and' && !MULT.has(toks[j + 1]?.l ?? '') && WORDS.has(toks[j + 1]?.l ?? '') && cur >= 100) {
      j++
      continue
    }
    const small = WORDS.get(w)
    if (small !== undefined) {
      if (lastSmall >= 20 && lastSmall % 10 === 0 && small < 10 && small > 0) cur += small
      else if (lastSmall === -1) cur += small
      else break
      lastSmall = small
      any = true
      j++
      continue
    }
    const mult = MULT.get(w)
    if (mult !== undefined && (any || ((w === 'hundred' || w === 'thousand' || w === 'dozen') && j > i && (toks[j - 1]!.l === 'a')))) {
      cur = (cur || 1) * mult
      if (mult >= 1000) {
        total += cur
        cur = 0
      }
      lastSmall = -1
      any = true
      j++
      continue
    }
    if (!any && (w === 'a' || w === 'an') && MULT.has(toks[j + 1]?.l ?? '')) {
      j++
      continue
    }
    break
  }
  if (!any) return null
  // do not end on a dangling hyphen
  while (j > i && toks[j - 1]!.l === '-') j--
  const half = readAndHalf(toks, j)
  return {n: total + cur + (half > j ? 0.5 : 0), j: half}
}

/** After a number: "and a half" -> returns the index past it, else `j`. */
export function readAndHalf(toks: Tok[], j: number): number {
  if (toks[j]?.l === 'and' && (toks[j + 1]?.l === 'a' || toks[j + 1]?.l === 'one') && toks[j + 2]?.l === 'half') return j + 3
  return j
}

/** Read an ordinal ("third", "3rd", "twenty-first") at `i`. */
export function readOrdinal(toks: Tok[], i: number): NumRead | null {
  const t = toks[i]
  if (!t) return null
  if (t.kind === 'n') {
    const suf = toks[i + 1]
    if (suf && !suf.sp && (suf.l === 'st' || suf.l === 'nd' || suf.l === 'rd' || suf.l === 'th')) return {n: digitValue(t.t), j: i + 2}
    return null
  }
  const o = ORD.get(t.l)
  if (o !== undefined && o > 0) return {n: o, j: i + 1}
  const tens = WORDS.get(t.l)
  if (tens !== undefined && tens >= 20 && tens % 10 === 0 && hyphenAt(toks, i + 1)) {
    const u = ORD.get(toks[i + 2]?.l ?? '')
    if (u !== undefined && u > 0 && u < 10) return {n: tens + u, j: i + 3}
  }
  return null
}

/** Read a year written in words: "nineteen ninety-six", "two thousand (and) one". */
export function readSpelledYear(toks: Tok[], i: number): NumRead | null {
  const a = WORDS.get(toks[i]?.l ?? '')
  if (a === undefined) return null
  if (a >= 10 && a <= 20 && toks[i + 1] !== undefined) {
    const rest = readNumber(toks, i + 1)
    if (toks[i + 1]!.l === 'hundred') return {n: a * 100, j: i + 2}
    if (rest && rest.n >= 1 && rest.n <= 99 && toks[i + 1]!.kind === 'w' && !toks[i + 1]!.l.startsWith('a')) return {n: a * 100 + rest.n, j: rest.j}
  }
  if (a === 2 && toks[i + 1]?.l === 'thousand') {
    const r = readNumber(toks, i)
    if (r && r.n >= 2000 && r.n < 2100) return r
  }
  return null
}
