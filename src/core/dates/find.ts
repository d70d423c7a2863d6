/**
 * Find time-expression spans: run every grammar rule at each token, keep the
 * longest match, and take in a leading modifier ("late", "more than", "the
 * end of") or determiner when TimeML keeps it in the span.
 */
import lex from './lexicon.json' with {type: 'json'}
import {PRE_MODS, SPAN_MODS, yearOf} from './match.ts'
import {calendarRule, readDay} from './rules-calendar.ts'
import {durationRule} from './rules-duration.ts'
import {periodRule} from './rules-period.ts'
import {relativeRule} from './rules-relative.ts'
import {setRule} from './rules-set.ts'
import {timeRule} from './rules-time.ts'
import type {Cand} from './sem.ts'
import {tokenize, type Tok} from './tokenize.ts'

/** Grammar rules, in order of preference when two matches are equally long. */
const RULES = [timeRule, calendarRule, periodRule, relativeRule, setRule, durationRule]

/** Function words that can start a rule besides the lexicon entries. */
const STARTERS = ['the', 'a', 'an', 'its', 'their', 'that', 'every', 'each', 'once', 'twice', 'thrice', 'fiscal', 'year', 'half', 'q', 'overnight', 'prior', 'previous', 'comparable', 'corresponding', 'same', 'latest', 'recent', 'most', 'final', 'first', 'remaining', 'initial', 'ensuing', 'preceding', 'intervening', 'entire', 'whole', 'full', 'closing', 'opening', 'early', 'per']

/** Lower-cased words that can start a time expression: the first word of every lexicon entry. */
const START = new Set<string>(STARTERS)
for (const table of [lex.months, lex.weekdays, lex.numbers, lex.multipliers, lex.ordinals, lex.vague, lex.units, lex.seasons, lex.partsOfDay, lex.clockWords, lex.deictic, lex.refs, lex.sets, lex.holidays, lex.decadeWords, lex.relWords]) {
  for (const key of Object.keys(table)) START.add(tokenize(key)[0]!.l)
}
for (const key of lex.preMods) START.add(tokenize(key)[0]!.l)
for (const key of Object.keys(lex.weekdays)) START.add(`${key}s`)

/** The longest candidate of all rules at token `i` (earlier rules win ties). */
function bestAt(toks: Tok[], i: number): Cand | null {
  let best: Cand | null = null
  for (const rule of RULES) {
    const c = rule(toks, i)
    if (c && c.j > i && (!best || c.j > best.j)) best = c
  }
  return best
}

/** Whether a determiner "the" before this candidate belongs to its span ("the third quarter", "the 1990s"). */
function takesThe(c: Cand): boolean {
  const s = c.sem
  if (s.k === 'cal') return s.q !== undefined || s.h !== undefined || s.dec !== undefined || s.cent !== undefined || (s.se !== undefined && s.se !== 'WE')
  // durations decide about "the" themselves ("the nine months", but "the 24-hour news cycle")
  return false
}

/** All candidate time expressions over `toks`, left to right, not overlapping. */
export function findCandidates(toks: Tok[]): Cand[] {
  const out: Cand[] = []
  let i = 0
  while (i < toks.length) {
    const t = toks[i]!
    if ((t.kind === 'p' && t.l !== "'") || (t.kind === 'w' && !START.has(t.l))) {
      i++
      continue
    }
    let c = bestAt(toks, i)
    // a modifier before: "late December", "more than four hours", "the end of 1990", "within 48 hours"
    const mod = PRE_MODS.match(toks, i)
    if (mod) {
      const inner = bestAt(toks, mod.j)
      if (inner && (!c || inner.j > c.j)) {
        const words = toks.slice(i, mod.j).map((x) => x.l).join(' ').replace(' -', '-').replace(/-$/, '')
        const keep = SPAN_MODS.has(words) || SPAN_MODS.has(words.replace(/-$/, ''))
        c = keep ? {...inner, i} : inner
      }
    }
    if (t.l === 'the') {
      const inner = bestAt(toks, i + 1)
      if (inner && takesThe(inner) && (!c || inner.j > c.j)) c = {...inner, i}
    }
    if (!c) {
      i++
      continue
    }
    if (!c.drop) out.push(c)
    i = c.j
    // "April 24 and 25", "March 24-26": the second day is a date of the same month
    const second = c.drop ? null : secondDay(toks, c)
    if (second) {
      // "June 1 to 3, 2024": the year is both days'
      if (c.sem.k === 'cal' && c.sem.y === undefined && second.sem.k === 'cal' && second.sem.y !== undefined) c.sem = {...c.sem, y: second.sem.y}
      out.push(second)
      i = second.j
    }
  }
  return out
}

const DAY_LINK = new Set(['and', 'or', 'to', 'through', 'thru', '-', '\u2013'])
/** Words that may follow the second day of "April 24 and 25" (not "25 percent", "25 people"). */
const AFTER_DAY = new Set(['in', 'at', 'on', 'and', 'or', 'to', 'of', 'for', 'with', 'when', 'as', 'from', 'before', 'after', 'during', 'that', 'but', 'while'])

/** The second day of a month-day pair at `c.j`: "24 and 25", "24-26", "1 to 3". */
function secondDay(toks: Tok[], c: Cand): Cand | null {
  const s = c.sem
  if (s.k !== 'cal' || s.m === undefined || s.d === undefined || s.wd !== undefined || s.time !== undefined || s.part !== undefined) return null
  // the day must end the first date ("April 24 and 25", not "April 24, 2023 and 25")
  if (s.y !== undefined && toks[c.j - 1]?.kind === 'n' && yearOf(toks[c.j - 1])) return null
  const link = toks[c.j]
  if (!link || !DAY_LINK.has(link.l)) return null
  // "rose on June 1 to 15": a change to a number, not a second day.
  if (link.l === 'to' && changedBefore(toks, c.i)) return null
  const day = readDay(toks, c.j + 1)
  if (!day || day.d <= s.d || toks[c.j + 1]!.kind !== 'n') return null
  const next = toks[day.j]
  if (next && next.kind === 'w' && !next.cap && !AFTER_DAY.has(next.l)) return null
  if (next && next.kind === 'n' && !yearOf(next)) return null
  // a year after the second day is the pair's ("June 1 to 3, 2024")
  let j = day.j
  let y = s.y
  if (next?.t === ',' && yearOf(toks[day.j + 1])) {
    y = yearOf(toks[day.j + 1])
    j = day.j + 2
  } else if (yearOf(next)) {
    y = yearOf(next)
    j = day.j + 1
  }
  return {i: c.j + 1, j, type: 'DATE', sem: {k: 'cal', m: s.m, d: day.d, ...(y !== undefined ? {y} : {})}, follows: true}
}

/** Verbs of a change in amount ("rose to 15"). */
const CHANGE_VERBS = new Set(['rose', 'rise', 'rises', 'risen', 'fell', 'fall', 'falls', 'fallen', 'climbed', 'climb', 'dropped', 'drop', 'jumped', 'grew', 'grow', 'surged', 'slid', 'slipped', 'increased', 'decreased', 'declined', 'gained', 'lost', 'raised', 'cut', 'reduced', 'soared', 'plunged', 'tumbled', 'edged', 'went', 'up', 'down'])

/** Whether a verb of change comes shortly before a token ("rose on June 1 to 15"). */
function changedBefore(toks: Tok[], at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 4; k--) {
    const tok = toks[k]!
    if (tok.t === '.' || tok.t === ';') return false
    if (CHANGE_VERBS.has(tok.l)) return true
  }
  return false
}
