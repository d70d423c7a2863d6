/**
 * Matching helpers over tokens: multi-word phrase tables built from the
 * lexicon, and small predicates shared by the grammar rules.
 */
import lex from './lexicon.json' with {type: 'json'}
import {tokenize, type Tok} from './tokenize.ts'

/** A multi-word phrase table keyed by first token, longest phrase first. */
export class Phrases<V> {
  private readonly byFirst = new Map<string, {toks: string[]; v: V}[]>()

  /** Build from a record of phrase → value. */
  constructor(entries: Record<string, V>) {
    for (const [p, v] of Object.entries(entries)) {
      const toks = tokenize(p).map((t) => t.l)
      const list = this.byFirst.get(toks[0]!) ?? []
      list.push({toks, v})
      list.sort((a, b) => b.toks.length - a.toks.length)
      this.byFirst.set(toks[0]!, list)
    }
  }

  /** The longest phrase starting at token `i`, glued tokens must be glued in the text too. */
  match(toks: Tok[], i: number): {j: number; v: V} | null {
    const list = this.byFirst.get(toks[i]?.l ?? '')
    if (!list) return null
    outer: for (const {toks: p, v} of list) {
      for (let k = 1; k < p.length; k++) {
        const t = toks[i + k]
        if (!t || t.l !== p[k]) continue outer
        if (t.kind === 'p' && t.l !== '.' && t.l !== ',') {
          // punctuation inside a phrase ("new year's", "mid-") must be glued
          if (t.sp) continue outer
        }
      }
      return {j: i + p.length, v}
    }
    return null
  }

  /** Whether some phrase starts with this lower-cased word. */
  starts(word: string): boolean {
    return this.byFirst.has(word)
  }
}

const toRecord = (list: string[]): Record<string, true> => Object.fromEntries(list.map((w) => [w, true]))

/**
 * A lexicon table as a `Map`. Its keys are looked up with words of the
 * article: a plain object would answer `constructor` (or `__proto__`) from
 * `Object.prototype`, a function where a number or code is expected.
 */
export function table<V>(record: Readonly<Record<string, V>>): ReadonlyMap<string, V> {
  return new Map(Object.entries(record))
}

/** Month number by lower-cased word ("feb" → 2). */
export const MONTHS = table<number>(lex.months)
/** Month names written in full ("March", not "Mar."): no full stop of their own. */
export const FULL_MONTHS: ReadonlySet<string> = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'])
/** ISO weekday number by lower-cased word ("monday" → 1). */
export const WEEKDAYS = table<number>(lex.weekdays)
const UNITS = table<string>(lex.units)
const SEASONS = table<string>(lex.seasons)
const PARTS_OF_DAY = table<string>(lex.partsOfDay)

/** Present/past/future reference phrases ("now", "recently", "the future"). */
export const REFS = new Phrases<string>(lex.refs)
/** SET adverbs ("daily", "annually"). */
export const SETS = new Phrases<string>(lex.sets)
/** Holidays ("Thanksgiving", "New Year's Day"). */
export const HOLIDAYS = new Phrases<string>(lex.holidays)
/** Modifiers before a time expression ("early", "the end of", "more than"). */
export const PRE_MODS = new Phrases<true>(toRecord(lex.preMods))
/** Modifiers that TimeML keeps inside the span. */
export const SPAN_MODS = new Set(lex.spanMods)
/** Vague quantities ("several", "a few", "a couple of"). */
export const VAGUE = new Phrases<string | number>(lex.vague)

/** Month number of a word (with or without the abbreviation dot), else 0. */
export function monthOf(t: Tok | undefined): number {
  return t?.kind === 'w' ? (MONTHS.get(t.l) ?? 0) : 0
}

/** Whether the month word is a short or ambiguous form ("May", "Aug", "March"). */
export function isAmbiguousMonth(t: Tok): boolean {
  return lex.ambiguousMonths.includes(t.l)
}

/** ISO weekday number of a capitalised weekday word, else 0. */
export function weekdayOf(t: Tok | undefined): number {
  if (!t || t.kind !== 'w' || !t.cap) return 0
  return WEEKDAYS.get(t.l) ?? 0
}

/** Time unit of a word ("years" → Y). */
export function unitOf(t: Tok | undefined): string | undefined {
  return t?.kind === 'w' ? UNITS.get(t.l) : undefined
}

/** Whether a unit word is plural ("years"). */
export function isPluralUnit(t: Tok): boolean {
  return t.l.endsWith('s') || t.l === 'centuries' || t.l === 'millennia'
}

/** Season code of a word ("summer" → SU). */
export function seasonOf(t: Tok | undefined): string | undefined {
  return t?.kind === 'w' ? SEASONS.get(t.l) : undefined
}

/** Part-of-day code of a word ("morning" → MO). */
export function partOf(t: Tok | undefined): string | undefined {
  return t?.kind === 'w' ? PARTS_OF_DAY.get(t.l) : undefined
}

/** Whether token `i` has the lower-cased text `w`. */
export function is(toks: Tok[], i: number, ...w: string[]): boolean {
  const t = toks[i]
  return t !== undefined && w.includes(t.l)
}

/** Skip an optional abbreviation dot glued to token `i - 1`. */
export function skipDot(toks: Tok[], i: number): number {
  return toks[i]?.l === '.' && !toks[i]!.sp ? i + 1 : i
}

/** Whether the token is a plausible four-digit year as written (no separators). */
export function yearOf(t: Tok | undefined): number {
  if (!t || t.kind !== 'n' || t.t.length !== 4) return 0
  const n = Number(t.t)
  return n >= 1000 && n <= 2100 ? n : 0
}
