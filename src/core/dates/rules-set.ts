/**
 * Grammar for SETs (recurring times): "daily", "every week", "each
 * Thursday", "twice a year", "Tuesday nights", "every other month".
 */
import {SETS, WEEKDAYS, is, monthOf, partOf, seasonOf, unitOf} from './match.ts'
import {durationValue} from './normalize.ts'
import {readNumber} from './numbers.ts'
import {pad} from './calendar.ts'
import type {Cand, Unit} from './sem.ts'
import type {Tok} from './tokenize.ts'

const FREQ = new Set(['once', 'twice', 'thrice'])

/** A weekday, month, season, part of day or unit after "every"/"each": its SET value. */
function setTarget(toks: Tok[], k: number, n: number): {value: string; j: number} | null {
  const t = toks[k]
  if (!t || t.kind !== 'w') return null
  const wd = t.cap ? WEEKDAYS.get(t.l) : undefined
  if (wd && t.l.endsWith('day')) {
    const part = partOf(toks[k + 1])
    return part ? {value: `XXXX-WXX-${wd}T${part}`, j: k + 2} : {value: `XXXX-WXX-${wd}`, j: k + 1}
  }
  const m = t.cap ? monthOf(t) : 0
  if (m) return {value: `XXXX-${pad(m)}`, j: k + 1}
  const se = seasonOf(t)
  if (se) return {value: `XXXX-${se}`, j: k + 1}
  const part = partOf(t)
  if (part) return {value: `XXXX-XX-XXT${part}`, j: k + 1}
  if (t.l === 'weekend' || t.l === 'weekends') return {value: 'XXXX-WXX-WE', j: k + 1}
  const u = unitOf(t) as Unit | undefined
  if (u && u !== 'WE') return {value: durationValue(n, u), j: k + 1}
  return null
}

/** "every week", "each Thursday", "every other month", "every two years". */
function every(toks: Tok[], i: number): Cand | null {
  if (!is(toks, i, 'every', 'each')) return null
  let k = i + 1
  let n = 1
  if (is(toks, k, 'other')) {
    n = 2
    k++
  } else {
    const num = readNumber(toks, k)
    if (num && num.n > 1 && num.n < 100) {
      n = num.n
      k = num.j
    }
  }
  const tg = setTarget(toks, k, n)
  return tg ? {i, j: tg.j, type: 'SET', sem: {k: 'lit', value: tg.value}} : null
}

/** "twice a year", "three times a week", "once a month". */
function frequency(toks: Tok[], i: number): Cand | null {
  let k = i
  if (FREQ.has(toks[k]?.l ?? '')) k++
  else {
    const num = readNumber(toks, k)
    if (!num || !is(toks, num.j, 'times')) return null
    k = num.j + 1
  }
  if (!is(toks, k, 'a', 'an', 'per', 'each', 'every')) return null
  const u = unitOf(toks[k + 1]) as Unit | undefined
  if (!u || u === 'WE') return null
  return {i, j: k + 2, type: 'SET', sem: {k: 'lit', value: durationValue(1, u)}}
}

const QUANTITY = new Set(['million', 'billion', 'thousand', 'hundred', 'dozens', 'hundreds', 'thousands', 'millions', 'cents', 'dollars', 'percent', '%', 'times'])
const NOT_PLURAL_NOUN = new Set(['is', 'was', 'has', 'this', 'its', 'his', 'hers', 'us', 'as', 'thus', 'plus', 'less', 'yes', 'does', 'always', 'perhaps', 'news', 'years', 'months', 'weeks', 'days'])

const MONEY_WORDS = new Set(['cents', 'dollars', 'bucks', 'euros', 'pounds'])
const CURRENCY = new Set(['$', '£', '€', '¥'])

/** Whether the words before `i` are an amount of money ("$7", "$2 million", "50 cents"). */
function moneyBefore(toks: Tok[], i: number): boolean {
  let k = i - 1
  if (MONEY_WORDS.has(toks[k]?.l ?? '')) return true
  if (is(toks, k, 'million', 'billion', 'thousand', 'trillion')) k--
  return toks[k]?.kind === 'n' && CURRENCY.has(toks[k - 1]?.t ?? '')
}

/**
 * A rate: "358,000 jobs a month", "24 hours a day". A wage or a price ("$7
 * an hour", "$2 million a year") is not a time expression: TimeML leaves it
 * out, so it is matched and dropped.
 */
function rate(toks: Tok[], i: number): Cand | null {
  if (is(toks, i, 'an') && moneyBefore(toks, i) && unitOf(toks[i + 1])) return {i, j: i + 2, type: 'SET', sem: {k: 'lit', value: ''}, drop: true}
  if (!is(toks, i, 'a', 'per')) return null
  const u = unitOf(toks[i + 1]) as Unit | undefined
  if (!u || u === 'WE' || u === 'Q' || toks[i + 1]!.l.endsWith('s') || is(toks, i + 2, 'ago', 'earlier', 'later', 'or', 'and', 'before', 'after')) return null
  const prev = toks[i - 1]
  if (!prev) return null
  const quantity = prev.kind === 'n' || QUANTITY.has(prev.l) || (prev.kind === 'w' && prev.l.length > 3 && prev.l.endsWith('s') && !NOT_PLURAL_NOUN.has(prev.l) && !prev.l.endsWith('ss'))
  if (!quantity) return null
  const sem = {k: 'lit', value: durationValue(1, u)} as const
  return moneyBefore(toks, i) ? {i, j: i + 2, type: 'SET', sem, drop: true} : {i, j: i + 2, type: 'SET', sem}
}

/** Plural weekdays: "on Mondays", "Tuesday nights". */
function pluralWeekday(toks: Tok[], i: number): Cand | null {
  const t = toks[i]
  if (!t?.cap) return null
  const plural = t.l.endsWith('days') ? WEEKDAYS.get(t.l.slice(0, -1)) : undefined
  if (plural) return {i, j: i + 1, type: 'SET', sem: {k: 'lit', value: `XXXX-WXX-${plural}`}}
  const wd = WEEKDAYS.get(t.l)
  const p = toks[i + 1]
  if (wd && t.l.endsWith('day') && p && ['mornings', 'afternoons', 'evenings', 'nights'].includes(p.l)) {
    return {i, j: i + 2, type: 'SET', sem: {k: 'lit', value: `XXXX-WXX-${wd}T${partOf({...p, l: p.l.slice(0, -1)})}`}}
  }
  return null
}

/**
 * "daily", "annually", "weekly" ("the ferry runs daily", "a daily
 * newsletter"). Before a name it is a newspaper ("the party daily Pravda"),
 * not a time: matched and dropped.
 */
function adverb(toks: Tok[], i: number): Cand | null {
  const s = SETS.match(toks, i)
  if (!s) return null
  const next = toks[s.j]
  if (next?.kind === 'w' && next.sp && next.cap) return {i, j: s.j, type: 'SET', sem: {k: 'lit', value: ''}, drop: true}
  const value = s.v.startsWith('T') ? `XXXX-XX-XX${s.v}` : s.v
  return {i, j: s.j, type: 'SET', sem: {k: 'lit', value}}
}

/** Any SET at token `i`. */
export function setRule(toks: Tok[], i: number): Cand | null {
  return every(toks, i) ?? frequency(toks, i) ?? rate(toks, i) ?? pluralWeekday(toks, i) ?? adverb(toks, i)
}
