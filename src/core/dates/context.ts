/**
 * What the words around a time expression say about how to read it, within
 * one block of text: inside a quotation, in a generic statement such as
 * opening hours ("Open Thursday-Sunday 10 a.m.-8 p.m."), a heading of
 * its own ("Sunday"), the narrative "now" ("It's Thursday"), the date of a
 * quoted post ("— name (@handle) March 22, 2023"), an idiom ("at the end of
 * the day"), or a date that names a known event ("the Jan. 6 defendants").
 *
 * Known limits: quotation marks are counted per paragraph (a quote that
 * runs over paragraphs is lost after the first), and generic statements are
 * only told by their ranges of weekdays or hours.
 */
import lex from './lexicon.json' with {type: 'json'}
import type {Ymd} from './calendar.ts'
import {Phrases, is, weekdayOf} from './match.ts'
import {isToday, type Cand, type CalSem} from './sem.ts'
import {tenseAt} from './tense.ts'
import type {Tok} from './tokenize.ts'

/** How to read one candidate. */
export interface Reading {
  /** Inside quotation marks. */
  quoted?: true
  /** In a generic or habitual statement: a weekday or an hour of no particular day. */
  generic?: true
  /** "Today, she describes herself …": nowadays, when the story has told of a year long gone and named no day since (the resolver knows). */
  nowAfterPast?: true
  /** The only words of its block (a heading). */
  alone?: true
  /** Says what day it is now ("It's Thursday"): later deictic words resolve against it. */
  now?: true
  /** The date of the post the block quotes: its deictic words resolve against it. */
  posted?: Ymd
  /** Not a date here (an idiom, a hypothetical "next day"). */
  drop?: true
  /** The date of a photo caption ("…, Dec. 7, 2021. (Name/AP)"): no day the story is at. */
  caption?: true
}

// idioms, and names that hold a date word ("March Madness", "the Sunday Times"), written capitalised
const IDIOMS = new Phrases<true>(Object.fromEntries(lex.idioms.map((p) => [p, true])))
const NAMES = new Phrases<true>(Object.fromEntries(lex.names.map((p) => [p, true])))
const GENERIC_AFTER_TOMORROW = new Set(lex.genericAfterTomorrow)
const RANGE = new Set(['-', '\u2013', '\u2014'])
const HABITUAL = new Set(lex.habitualCues)
const QUANTIFIERS = new Set(['many', 'most', 'some', 'few', 'more', 'all', 'nearly', 'almost'])
/** Adjectives of how things stand that, right before "today", make it "nowadays" ("what's normal today"). */
const STATES_OF_THE_TIMES = new Set(['normal', 'common', 'commonplace', 'rare', 'popular', 'urgent', 'relevant', 'familiar', 'typical', 'prevalent', 'widespread', 'unthinkable', 'unimaginable', 'acceptable', 'fashionable'])
const BE_NOW = new Set(['is', 'are', 'was', 'were'])
/** Words after "to date" that make it a verb ("to date from", "to date her"). */
const DATE_VERB_AFTER = new Set(['from', 'back', 'to', 'her', 'him', 'them', 'me', 'you', 'us', 'someone', 'anyone', 'somebody', 'anybody', 'each', 'one', 'other', 'others', 'women', 'men', 'people', 'a', 'an', 'the', 'his', 'my', 'their', 'your', 'our'])
/** Words before "to date" that make it a verb ("thought to date", "wants to date"). */
const DATE_VERB_BEFORE = new Set(['thought', 'believed', 'said', 'likely', 'want', 'wants', 'wanted', 'refuse', 'refused', 'refuses', 'begin', 'began', 'begins', 'start', 'started', 'starts', 'going', 'used', 'continue', 'continued', 'agree', 'agreed', 'decide', 'decided', 'stopped', 'try', 'tried', 'ask', 'asked', 'allow', 'allowed', 'able', 'hard', 'easy', 'difficult', 'possible', 'impossible', 'how', 'appear', 'appears', 'appeared', 'seem', 'seems', 'seemed', 'not', 'never'])
/** Subjects that open a clause after "Today," ("Today, she describes herself …"). */
const SUBJECTS = new Set(['she', 'he', 'they'])
/** What "today's" qualifies when it means "nowadays" ("today's youth", "today's business landscape"). */
const NOWADAYS_NOUNS = new Set([
  'world', 'society', 'landscape', 'economy', 'market', 'markets', 'culture', 'youth', 'kids', 'children', 'teens', 'teenagers',
  'standards', 'technology', 'age', 'era', 'times', 'generation', 'generations', 'industry', 'business', 'politics', 'media',
  'leaders', 'leading', 'young', 'modern', 'digital', 'political', 'global', 'climate', 'environment', 'workforce', 'workplace',
  'students', 'parents', 'consumers', 'families', 'audiences', 'reality', 'fast-paced', 'ever-changing', 'competitive', 'social'
])
const NAME_BEFORE = new Set(['at', 'from', 'of', 'the', 'by'])
const COMPANY = new Set(['inc', 'corp', 'co', 'llc', 'ltd', 'stores', 'store', 'chain', 'shop'])
const HYPOTHETICAL = new Set(['if', 'whenever', 'unless'])

/** Whether each token is inside double quotation marks (“…”, "…", ``…''; reset at each paragraph). */
function quotedTokens(toks: Tok[]): boolean[] {
  const inside: boolean[] = []
  let open = false
  let prev: Tok | undefined
  for (const t of toks) {
    if (t.par) open = false
    if (t.t === '\u201C' || (t.t === '`' && t.sp)) open = true
    else if (t.t === '\u201D' || (t.t === "'" && prev?.t === "'" && !t.sp)) open = false
    else if (t.t === '"') open = !open
    inside.push(open)
    prev = t
  }
  return inside
}

/** Whether a photo credit closes the sentence of tokens `[i, j)`: "…, Dec. 7, 2021. (J. Doe/AP)", "(AP Photo/J. Doe)". */
function captioned(toks: Tok[], j: number): boolean {
  let k = j
  while (k < j + 3 && toks[k] && toks[k]!.t !== '(') k++
  if (toks[k]?.t !== '(' || toks.slice(j, k).some((t) => t.kind === 'w')) return false
  for (let n = k + 1; n < k + 12 && toks[n] && toks[n]!.t !== ')'; n++) if (toks[n]!.t === '/' || toks[n]!.l === 'photo') return true
  return false
}

/** A weekday, a time of day or both, of no given date ("Sunday", "11 a.m.", "Saturday 5 p.m."). */
function dayOrHour(c: Cand): boolean {
  const s = c.sem
  return s.k === 'cal' && s.y === undefined && s.m === undefined && s.d === undefined && (s.wd !== undefined || s.time !== undefined)
}

/**
 * A weekday that starts a name: a photo credit ("(Sunday Alamba/AP)") or a
 * shop ("shopping at Tuesday Morning", "Tuesday Morning Corp.").
 */
function weekdayName(toks: Tok[], c: Cand): boolean {
  const s = c.sem
  if (s.k !== 'cal' || s.wd === undefined || s.d !== undefined || s.time !== undefined) return false
  const first = toks[c.i]!
  const next = toks[c.i + 1]
  if (!weekdayOf(first) || !next || next.kind !== 'w' || !next.cap || !next.sp) return false
  // a credit: "Sunday Alamba/AP"
  if (c.j === c.i + 1 && (toks[c.i + 2]?.t === '/' || (is(toks, c.i + 2, 'for') && toks[c.i + 3]?.cap))) return true
  // a shop: two capitalised words after "at", or before "Inc."
  const after = toks[c.j]
  return first.cap && c.j === c.i + 2 && (NAME_BEFORE.has(toks[c.i - 1]?.l ?? '') || (after !== undefined && COMPANY.has(after.l)) || (after?.l === "'" && is(toks, c.j + 1, 's')))
}

/** An hour of no given day ("10:30 p.m.", "noon"). */
function hourOnly(c: Cand): boolean {
  const s = c.sem
  return s.k === 'cal' && s.time !== undefined && s.y === undefined && s.m === undefined && s.d === undefined && s.wd === undefined
}

/** Whether a candidate ties its sentence to a particular day or period ("Tuesday", "yesterday", "March 3", "next week"). */
function particular(c: Cand): boolean {
  const s = c.sem
  if (s.k === 'shift' || s.k === 'ana') return true
  return s.k === 'cal' && (s.wd !== undefined || s.d !== undefined || s.m !== undefined || s.y !== undefined || s.part !== undefined || s.hol !== undefined)
}

/** A season with no year or determiner in a habitual sentence ("pollen season usually runs from early spring to late fall"). */
function genericSeason(toks: Tok[], words: Sentences, c: Cand): boolean {
  const s = c.sem
  if (s.k !== 'cal' || s.se === undefined || s.se === 'WE' || s.y !== undefined || s.dir !== undefined) return false
  if (is(toks, c.i - 1, 'this', 'last', 'next', 'the', 'that') || is(toks, c.i, 'the', 'this', 'last', 'next')) return false
  const sentence = words.of(c.i)
  return sentence.has('in general') || [...HABITUAL].some((w) => sentence.has(w))
}

/** The words of each sentence, as sets, made once per block (and "in general" as one word). */
class Sentences {
  readonly #sets = new Map<number, Set<string>>()

  constructor(toks: Tok[], readonly ids: Int32Array) {
    for (const [k, t] of toks.entries()) {
      const set = this.#sets.get(ids[k]!) ?? new Set<string>()
      this.#sets.set(ids[k]!, set)
      set.add(t.l)
      if (t.l === 'in' && is(toks, k + 1, 'general')) set.add('in general')
    }
  }

  /** The words of the sentence of token `i`. */
  of(i: number): ReadonlySet<string> {
    return this.#sets.get(this.ids[i]!) ?? new Set()
  }
}

/** Known events named by their day ("Jan. 6" with "Capitol" or "rioters" in its sentence). */
function eventYear(words: Sentences, c: Cand): number | undefined {
  const s = c.sem
  if (s.k !== 'cal' || s.y !== undefined || s.d === undefined || s.wd !== undefined) return undefined
  const sentence = words.of(c.i)
  return lex.events.find((event) => event.m === s.m && event.d === s.d && event.cues.some((cue) => sentence.has(cue)))?.y
}

/**
 * Read the candidates of one block in their context.
 *
 * @param toks
 *   Tokens of the block.
 * @param ids
 *   Sentence index of each token.
 * @param cands
 *   Candidates, in order (a known event's year goes into its meaning as `ev`).
 * @returns
 *   One reading per candidate.
 */
export function readContext(toks: Tok[], ids: Int32Array, cands: Cand[]): Reading[] {
  const quoted = quotedTokens(toks)
  const readings: Reading[] = cands.map((c) => (quoted[c.i] ? {quoted: true} : {}))
  // idioms: "at the end of the day", "a blast from the past", "tomorrow's technology"
  const idiom = new Uint8Array(toks.length)
  for (let k = 0; k < toks.length; k++) {
    const m = IDIOMS.match(toks, k) ?? (toks[k]!.cap ? NAMES.match(toks, k) : null)
    if (m) idiom.fill(1, k, m.j)
    if (toks[k]!.l === 'tomorrow' && toks[k + 1]?.l === "'" && is(toks, k + 2, 's') && GENERIC_AFTER_TOMORROW.has(toks[k + 3]?.l ?? '')) idiom[k] = 1
    // "the cities of tomorrow": the future, no day
    if (toks[k]!.l === 'tomorrow' && is(toks, k - 1, 'of') && toks[k - 2]?.kind === 'w' && !toks[k - 2]!.cap && toks[k + 1]?.l !== "'" && toks[k + 1]?.kind !== 'w') idiom[k] = 1
  }
  const schedule = new Set<number>()
  const words = new Sentences(toks, ids)
  let firstWord = toks.findIndex((t) => t.kind !== 'p')
  let lastWord = toks.findLastIndex((t) => t.kind !== 'p')
  if (firstWord < 0) firstWord = lastWord = 0
  for (const [n, c] of cands.entries()) {
    const r = readings[n]!
    if (idiom.subarray(c.i, c.j).includes(1) || weekdayName(toks, c) || genericSeason(toks, words, c)) r.drop = true
    // "on a Friday night": any Friday, no date
    if (c.sem.k === 'cal' && c.sem.wd !== undefined && c.sem.d === undefined && c.i > 0 && toks[c.i - 1]!.l === 'a') r.drop = true
    // "the next day" in a hypothetical or habitual sentence is no particular day
    const own = toks.slice(c.i, c.j).map((t) => t.l)
    if (own.includes('day') && (own.includes('next') || own.includes('following')) && [...HYPOTHETICAL].some((w) => words.of(c.i).has(w))) r.drop = true
    // "thought to date from the 12th century", "refused to date him": a verb
    if (c.sem.k === 'lit' && c.j - c.i === 2 && toks[c.i]!.l === 'to' && toks[c.i + 1]!.l === 'date' && dateVerb(toks, c)) r.drop = true
    // "Today(,) many countries rely on …", "artists of today", "today's
    // business landscape": the present of a generic statement, not one day;
    // "Today, she …" after a story of long ago, perhaps (the resolver knows)
    if (isToday(c.sem) && toks[c.i]!.l === 'today') {
      if (genericToday(toks, c)) c.sem = {k: 'lit', value: 'PRESENT_REF', rel: true}
      else if (presentOpener(toks, ids, c, quoted)) r.nowAfterPast = true
    }
    // "That January", after a year told: that year's
    if (c.sem.k === 'cal' && c.sem.m !== undefined && c.sem.y === undefined && c.sem.d === undefined && !c.sem.wd && toks[c.i - 1]?.l === 'that') c.sem = {...c.sem, same: true}
    const year = eventYear(words, c)
    if (year !== undefined) c.sem = {...(c.sem as CalSem), ev: year}
    // a range of weekdays or hours ("Wednesday-Saturday", "10 a.m.-8 p.m."): a schedule
    const next = cands[n + 1]
    if (next && next.i === c.j + 1 && RANGE.has(toks[c.j]!.t) && dayOrHour(c) && dayOrHour(next)) schedule.add(ids[c.i]!)
    const s = c.sem
    if (s.k === 'cal' && s.wd !== undefined && s.d === undefined && !s.time) {
      if ((is(toks, c.i - 3, 'it', 'today') && toks[c.i - 2]?.l === "'" && is(toks, c.i - 1, 's')) || (is(toks, c.i - 2, 'it', 'today') && is(toks, c.i - 1, 'is'))) r.now = true
    }
    if (c.i <= firstWord && c.j > lastWord) r.alone = true
    if (captioned(toks, c.j)) r.caption = true
  }
  for (const [n, c] of cands.entries()) if (schedule.has(ids[c.i]!) && dayOrHour(c)) readings[n]!.generic = true
  // an hour in a habitual sentence ("the ferry leaves daily at 7 a.m.", "a curfew runs every night from 10 p.m.")
  // or a range of hours of no particular day that is not told in the past ("the curfew runs from 10 p.m. to 6 a.m.")
  const sets = new Set<number>()
  const dated = new Set<number>()
  for (const c of cands) {
    if (c.type === 'SET') sets.add(ids[c.i]!)
    if (particular(c)) dated.add(ids[c.i]!)
  }
  for (const [n, c] of cands.entries()) {
    if (!hourOnly(c)) continue
    const sid = ids[c.i]!
    const sentence = words.of(c.i)
    const habitual = sets.has(sid) || [...HABITUAL].some((w) => sentence.has(w))
    const next = cands[n + 1]
    const prev = cands[n - 1]
    const from = is(toks, c.i - 1, 'from', 'between') && next !== undefined && hourOnly(next) && next.i === c.j + 1 && is(toks, c.j, 'to', 'until', 'till', 'and')
    const to = prev !== undefined && hourOnly(prev) && prev.j === c.i - 1 && is(toks, prev.j, 'to', 'until', 'till', 'and') && is(toks, prev.i - 1, 'from', 'between')
    const range = (from || to) && tenseAt(toks, ids, c.i, c.j) !== 'past'
    if ((habitual || range) && !dated.has(sid)) readings[n]!.generic = true
  }
  // an embedded post: "… — name (@handle) March 22, 2023" closes the block
  const last = cands.at(-1)
  if (last && last.sem.k === 'cal' && last.sem.y !== undefined && last.sem.m !== undefined && last.sem.d !== undefined && toks[last.i - 1]?.t === ')' && toks.slice(Math.max(0, last.i - 6), last.i).some((t) => t.t === '@')) {
    const posted = {y: last.sem.y, m: last.sem.m, d: last.sem.d}
    for (const r of readings.slice(0, -1)) r.posted = posted
  }
  return readings
}

/**
 * Whether "to date" (`[c.i, c.j)`) is the verb (“thought to date from the
 * 12th century”, “refused to date him”), not “so far” (“her best album to
 * date”, “To date, 15 people have …”): a word after it that a verb takes, or
 * a verb of wanting, seeming or starting before it.
 */
function dateVerb(toks: Tok[], c: Cand): boolean {
  const next = toks[c.j]
  if (next?.kind === 'w' && (DATE_VERB_AFTER.has(next.l) || next.l.endsWith('ly'))) return true
  return DATE_VERB_BEFORE.has(toks[c.i - 1]?.l ?? '')
}

/**
 * Whether "today" (`[c.i, c.j)`) opens a sentence about how things are now,
 * set against a past told before it (the resolver knows): "Today, she
 * describes herself as …", "And today, fans are …" (a pronoun or a bare
 * plural after the comma, and the present tense; not in a quotation, where
 * "Today, I'm here to tell you" is a day; not a name or "the", as in a
 * day's schedule: "Today, the Senate votes").
 */
function presentOpener(toks: Tok[], ids: Int32Array, c: Cand, quoted: boolean[]): boolean {
  if (quoted[c.i] || toks[c.j]?.t !== ',') return false
  let start = c.i
  if (start > 0 && ids[start - 1] === ids[c.i] && (toks[start - 1]!.l === 'and' || toks[start - 1]!.l === 'but')) start--
  if (start > 0 && ids[start - 1] === ids[c.i]) return false
  const subject = toks[c.j + 1]
  if (!subject || subject.kind !== 'w') return false
  const named = SUBJECTS.has(subject.l) || (!subject.cap && subject.l.length > 3 && subject.l.endsWith('s') && !subject.l.endsWith('ss'))
  if (!named || tenseAt(toks, ids, c.i, c.j) !== undefined) return false
  // What is going on today (“Today, workers are protesting”) is the day.
  for (let k = c.j + 2; k < toks.length && ids[k] === ids[c.i]; k++) {
    if (BE_NOW.has(toks[k]!.l) && toks[k + 1]?.kind === 'w' && toks[k + 1]!.l.endsWith('ing')) return false
  }

  return true
}

/**
 * Whether "today" (`[c.i, c.j)`) is the present of a generic statement, not
 * one day: a quantifier after it ("Today(,) many countries rely …"), "of
 * today" closing a noun phrase ("the best artists of today"), a state of
 * the times before it ("what's normal today", "the star we know today"),
 * or "today's" before a noun of the times ("today's youth", "today's
 * business landscape").
 */
function genericToday(toks: Tok[], c: Cand): boolean {
  const after = toks[c.j]?.l === ',' ? c.j + 1 : c.j
  if (QUANTIFIERS.has(toks[after]?.l ?? '')) return true
  const closes = c.j >= toks.length || toks[c.j]!.kind === 'p'
  if (toks[c.i - 1]?.l === 'of' && closes) return true
  // "as we know it today", "the actor we know and love today": closing its clause
  const before = toks[c.i - 1]?.l ?? ''
  // (Not “what we know today”: the day's news.)
  const knows = before === 'know' || before === 'love' || (before === 'it' && toks[c.i - 2]?.l === 'know')
  const what = toks.slice(Math.max(0, c.i - 5), c.i).some((token) => token.l === 'what')
  if (knows && !what && (closes || BE_NOW.has(toks[c.j]!.l))) return true
  if (STATES_OF_THE_TIMES.has(before)) return true
  return toks[c.j]?.l === "'" && toks[c.j + 1]?.l === 's' && NOWADAYS_NOUNS.has(toks[c.j + 2]?.l ?? '')
}
