/**
 * Sentence boundaries over tokens, and a cue-word guess of the tense around
 * a time expression ("said Tuesday" → past, "will exit on February 20" →
 * future), used to resolve weekdays and yearless dates.
 */
import lex from './lexicon.json' with {type: 'json'}
import {MONTHS} from './match.ts'
import type {Tense} from './normalize.ts'
import type {Tok} from './tokenize.ts'

const FUTURE = new Set(lex.futureCues)
// the present tense of a timetable ("So it starts Sunday") speaks of what is ahead
const SCHEDULE = new Set(lex.scheduleCues)
const PAST = new Set(lex.pastCues)
const ABBREV = new Set(lex.abbrevBeforeDot)
const NOT_PAST_ED = new Set(['scheduled', 'expected', 'planned', 'proposed', 'intended', 'need', 'red', 'bed', 'feed', 'speed', 'seed', 'bleed', 'breed', 'greed', 'hundred', 'based', 'united', 'limited', 'related', 'concerned', 'interested', 'indeed', 'armed', 'detailed', 'advanced', 'supposed', 'used'])
const WINDOW = 12
// modals of what may be, and the adverbs that come between them and a time
const MODAL = new Set(['could', 'might', 'may', 'can'])
const MAYBE = new Set(['might', 'may'])
const SOFT = new Set(['also', 'still', 'even', 'yet', 'perhaps', 'possibly', 'eventually'])
const PERFECT = new Set(['have', 'has', 'had', 've'])
const TIME_PREP = new Set(['on', 'by', 'until', 'before', 'after', 'in'])

/** Sentence index of every token. */
export function sentenceIds(toks: Tok[]): Int32Array {
  const ids = new Int32Array(toks.length)
  let s = 0
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!
    if (i > 0 && t.par) s++
    ids[i] = s
    if ((t.t === '.' || t.t === '!' || t.t === '?') && i + 1 < toks.length) {
      const prev = toks[i - 1]
      const next = toks[i + 1]!
      const abbrev = t.t === '.' && prev !== undefined && !t.sp && prev.kind === 'w' && (prev.t.length === 1 || ABBREV.has(prev.l) || monthAbbrev(prev.l))
      if (next.sp && !abbrev && (next.cap || next.kind !== 'w')) s++
    }
  }
  return ids
}

function monthAbbrev(w: string): boolean {
  return w.length <= 4 && MONTHS.has(w)
}

// verbs of intent that speak of what is ahead only with a "to" after them ("plans to build", "is set for"; "her holiday plans" is a noun)
const INTENT = new Set(['plans', 'plan', 'hopes', 'aims', 'intend', 'intends', 'set'])
// a forecast verb in the past tense is the day of forecasting ("the minister predicted Monday") unless "to" or "be" makes it the forecast
const FORECAST = new Set(['predicted', 'forecast', 'projected'])
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being'])
// a past auxiliary before a word of intent ("were planning", "was expected to") tells of a plan, not of the past
const PAST_AUX = new Set(['was', 'were', 'had'])

/** Classify one token as a tense cue. */
function cue(toks: Tok[], k: number): Tense {
  const t = toks[k]!
  if (t.kind !== 'w') return undefined
  const w = t.l
  if (w === 'll' && toks[k - 1]?.l === "'") return 'future'
  if (w === 'going' && toks[k + 1]?.l === 'to') return 'future'
  if (w === 'to' && toks[k - 1]?.l === 'going') return 'future'
  if (INTENT.has(w)) return toks[k + 1]?.l === 'to' || (w === 'set' && toks[k + 1]?.l === 'for') ? 'future' : undefined
  // "takes effect in January", "takes place on Sunday": a timetable's present
  if ((w === 'takes' || w === 'take') && (toks[k + 1]?.l === 'effect' || toks[k + 1]?.l === 'place')) return 'future'
  if (FORECAST.has(w)) return toks[k + 1]?.l === 'to' || BE.has(toks[k - 1]?.l ?? '') ? 'future' : w === 'forecast' ? undefined : 'past'
  if (PAST_AUX.has(w) && toks[k + 1] && cue(toks, k + 1) === 'future') return 'future'
  if ((FUTURE.has(w) && w !== 'going') || SCHEDULE.has(w)) return 'future'
  if (PAST.has(w)) return 'past'
  if (w.length <= 4 || !w.endsWith('ed') || w.endsWith('ceed') || NOT_PAST_ED.has(w)) return undefined
  // A word in -ed is a verb's past, unless it is a name's: a handle or a tag
  // (“on @PiersUncensored”, “#Unfiltered”), or a capital inside it
  // (“PiersUncensored”; not a headline's “Council Voted Thursday”).
  const prev = toks[k - 1]
  const named = prev?.t === '@' || prev?.t === '#' || /\p{Ll}\p{Lu}/u.test(t.t)
  return named || prev?.l === 'be' || prev?.l === 'been' ? undefined : 'past'
}

/**
 * Whether token `k` is an "until" that says nothing of the tense: one that
 * opens its sentence or follows "up" or "not" ("Until Tuesday, the police had
 * not…", "it was not until Tuesday that…"); "postponed until Tuesday" looks
 * ahead.
 */
function weakUntil(toks: Tok[], ids: Int32Array, k: number): boolean {
  if (toks[k]!.l !== 'until') return false
  const prev = toks[k - 1]
  return !prev || ids[k - 1] !== ids[k] || prev.l === 'up' || prev.l === 'not' || (prev.l === 't' && toks[k - 2]?.l === "'")
}

/**
 * The tense around tokens `[i, j)`: "since" right before it is the past,
 * unless it opens its sentence or clause ("Since Monday is a holiday, the
 * office will close"); else the nearest cue word of its clause, then "as
 * early as" (the future: "could arrive as early as Monday", but "Officials
 * knew as early as Monday"), then the nearest cue of its sentence; an
 * "until" that says nothing of the tense, or an opening "since", only when
 * there is no other cue.
 */
export function tenseAt(toks: Tok[], ids: Int32Array, i: number, j: number): Tense {
  const sid = ids[i]!
  const before = toks[i - 1]?.l
  let weak: Tense
  if (before === 'since' && ids[i - 1] === sid) {
    const opener = toks[i - 2]
    if (opener && ids[i - 2] === sid && !CLAUSE_END.has(opener.l)) return 'past'
    weak = 'past'
  }
  const early = before === 'as' && (toks[i - 2]?.l === 'early' || toks[i - 2]?.l === 'soon') && toks[i - 3]?.l === 'as'
  // “could (also) one day have”, “might one day run”, “may arrive (on)
  // Monday”: a modal with its verb around the time speaks of what may
  // come, whatever the sentence reports; not “could have fled Tuesday”.
  if (modalAround(toks, ids, i, j)) return 'future'
  // first the clause ("The mayor, who resigned Tuesday, will speak"), then the sentence
  for (const clause of [true, false]) {
    let leftOpen = true, rightOpen = true
    let a = i
    for (let d = 1; d <= WINDOW; d++) {
      a--
      // In the sentence, over a relative clause before the time (“will
      // withdraw from the treaty, which it signed in 1998, on July 15”):
      // its verb is not the time's.
      // (only a comma right before the time or its preposition closes one:
      // “who stepped down as chairman, president … in March” is in it)
      if (!clause && a >= i - 2 && a >= 0 && toks[a]!.l === ',') a = relativeBefore(toks, ids, a)
      const b = j - 1 + d
      if (clause && a >= 0 && CLAUSE_END.has(toks[a]!.l)) leftOpen = false
      if (clause && b < toks.length && CLAUSE_END.has(toks[b]!.l)) rightOpen = false
      const left = leftOpen && a >= 0 && ids[a] === sid ? cue(toks, a) : undefined
      if (left && weakUntil(toks, ids, a)) weak ??= left
      else if (left) return left
      const right = rightOpen && b < toks.length && ids[b] === sid ? cue(toks, b) : undefined
      if (right && weakUntil(toks, ids, b)) weak ??= right
      else if (right) return right
    }
    if (clause && early) return 'future'
  }
  return weak
}

/** Words that open a relative clause. */
const RELATIVE = new Set(['which', 'who', 'whom', 'whose', 'where'])
/** A word that ends a time: a number, a weekday, a month, a part of the day. */
const TIME_WORD = /^(?:\d.*|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|march|mar|april|apr|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|morning|afternoon|evening|night|noon|midnight|today|yesterday|tomorrow|week|month|year)$/

/**
 * Where a relative clause that ends at a comma starts (“, which it signed
 * in 1998,”): the index of the comma before it, or `at` when the words
 * before the comma are no such clause.
 *
 * @param toks
 *   Tokens.
 * @param ids
 *   Sentence of each token.
 * @param at
 *   Index of a comma.
 * @returns
 *   Index to go on from.
 */
function relativeBefore(toks: Tok[], ids: Int32Array, at: number): number {
  const sid = ids[at]!
  // A list of times goes on (“, which met on Monday, Tuesday and …”).
  if (TIME_WORD.test(toks[at - 1]?.l ?? '')) return at
  for (let k = at - 1; k >= 0 && k > at - 3 * WINDOW && ids[k] === sid; k--) {
    if (CLAUSE_END.has(toks[k]!.l)) return toks[k]!.l === ',' && RELATIVE.has(toks[k + 1]?.l ?? '') ? k : at
  }
  return at
}

/**
 * Whether a modal of what may be stands with its verb around a time: right
 * before it (adverbs between: “could also one day have”), or “may” or
 * “might” before the verb that goes before it (“may arrive (on) Monday”),
 * not a perfect (“might have fled Tuesday”).
 *
 * @param toks
 *   Tokens.
 * @param ids
 *   Sentence of each token.
 * @param i
 *   First token of the time.
 * @param j
 *   Token after it.
 * @returns
 *   Whether one does.
 */
function modalAround(toks: Tok[], ids: Int32Array, i: number, j: number): boolean {
  const sid = ids[i]!
  const word = (k: number) => (k >= 0 && ids[k] === sid && toks[k]!.kind === 'w' ? toks[k]!.l : undefined)
  // The modal as written: lower case (“Theresa May Tuesday” is a name).
  const modalBefore = (k: number, modals: ReadonlySet<string>) => {
    while (SOFT.has(word(k) ?? '')) k--
    return modals.has(word(k) ?? '') && toks[k]!.t === toks[k]!.l
  }
  if (modalBefore(i - 1, MODAL) && word(j) !== undefined) return true
  // With a verb between, only “may” and “might”: “could” is also the past
  // of “can” (“residents could return on Tuesday”).
  const verb = TIME_PREP.has(word(i - 1) ?? '') ? i - 2 : i - 1
  const w = word(verb)
  return w !== undefined && !PERFECT.has(w) && !MODAL.has(w) && !SOFT.has(w) && !TIME_PREP.has(w) && modalBefore(verb - 1, MAYBE)
}

/** Punctuation that ends a clause. */
const CLAUSE_END = new Set([',', ';', ':', '(', ')', '"', '\u201c', '\u201d', '\u2013', '\u2014', '`', "''"])
