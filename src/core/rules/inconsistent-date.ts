/**
 * Flags dates that disagree after resolution: a weekday that does not fall
 * on the date it names (“Monday, January 20, 2026” is a Tuesday), and two
 * dates for the same event (“Poland will exit the treaty on February 20” …
 * “Poland’s exit takes effect on March 1”).
 *
 * ## Why
 *
 * Relative and partial dates hide errors: “next month” and “on March 1”
 * look compatible until both are resolved. A wrong weekday is a sign that a
 * date was changed in one place and not the other.
 *
 * Two statements are about the same event when they use a word of the same
 * event family (`data/events.json`: withdraw / exit / leave, adopt / pass,
 * take effect / come into force, …) with the same actor (the nearest name
 * before the event word, else the first after it). Each statement’s date
 * is the date nearest to its event word, leaving out a date after it
 * in a clause of its own (after “which”, “who”, “where” or “following”,
 * until a comma: that clause's verb has it). Dates agree when one holds the
 * other (“next month” holds “February 20”).
 *
 * ## Default severity
 *
 * `warning`.
 *
 * ## Fix
 *
 * Check which date is right and correct the other; for a weekday, the
 * quick fix puts in the weekday of the date.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   ---
 *   date: 2026-01-16
 *   ---
 *
 *   Poland will withdraw from the Ottawa Convention next month. Poland will exit the treaty on Friday, February 20.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   ---
 *   date: 2026-01-16
 *   ---
 *
 *   Poland will withdraw from the Ottawa Convention next month. Poland will exit the treaty on March 1.
 *
 *   The vote took place on Monday, January 20, 2026.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   5:92-5:99: Unexpected date `March 1` (`2026-03-01`) for the withdrawal of Poland, expected `2026-02` as stated earlier
 *   7:24-7:30: Unexpected weekday `Monday` for `2026-01-20`, expected `Tuesday`
 */
import lexicon from './data/events.json' with {type: 'json'}
import {partOfDay, utcDay} from '../dates/calendar.ts'
import {Cache} from '../incremental/memory.ts'
import type {DateTag} from '../types.ts'
import type {RuleContext, SentenceInfo} from './context.ts'
import type {Rule, RuleFinding} from './rule.ts'
import {code, indexPhrases, longestPhraseAt, matchCase, perSentence} from './util.ts'
import {firstIndex} from '../sorted.ts'

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
const families = new Map<string, string>()
for (const [family, words] of Object.entries(lexicon.families)) {
  for (const word of words) families.set(word, family)
}

const phrases = indexPhrases([...families.keys()])

/**
 * The event phrases of a sentence with their families, each the longest at
 * its token (kept per sentence, see `perSentence`).
 */
const eventsOf = perSentence((tokens) => {
  const found: Array<{index: number; length: number; family: string}> = []
  for (let index = 0; index < tokens.length; index++) {
    const length = longestPhraseAt(tokens, index, phrases)
    if (length === 0) continue
    const words = tokens.slice(index, index + length).map((token) => token.lower).join(' ')
    found.push({index, length, family: families.get(words)!})
  }

  return found
})

const rule: Rule = {
  id: 'inconsistent-date',
  severity: 'warning',
  check(context, report) {
    for (const date of context.result.dates) checkWeekday(date, report)
    checkEvents(context, report)
  }
}

export default rule

/** Report a weekday that does not match its date. */
function checkWeekday(date: DateTag, report: (finding: RuleFinding) => void): void {
  const dayValue = withoutPartOfDay(date.value)
  const match = /^\d{4}-\d{2}-\d{2}$/.test(dayValue)
    ? /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i.exec(date.text)
    : null
  if (!match) return
  const day = new Date(dayValue + 'T00:00:00Z').getUTCDay()
  if (weekdays[day] === match[1].toLowerCase()) return
  const expected = matchCase(match[1], weekdays[day])
  report({
    start: date.start + match.index,
    end: date.start + match.index + match[1].length,
    actual: match[1],
    expected: [expected],
    reason: `Unexpected weekday ${code(match[1])} for ${code(date.value)}, expected ${code(expected)}`
  })
}

/** An event statement: family, actor and date. */
interface Statement {
  date: DateTag
  range: [number, number]
}

/** Report two dates for the same event. */
function checkEvents(context: RuleContext, report: (finding: RuleFinding) => void): void {
  const seen = new Map<string, Statement>()

  for (const sentence of context.sentences) {
    const found = eventsOf(sentence)
    if (found.length === 0) continue
    const dates = context
      .datesIn(sentence.start, sentence.end)
      .filter((date) => date.type === 'DATE' && rangeOf(date.value))
    if (dates.length === 0) continue
    const inSentence = context.mentionsIn(sentence.start, sentence.end)
    // After a statement, the next phrase starts after it.
    let from = 0
    for (const {index, length, family} of found) {
      if (index < from) continue
      const at = sentence.tokens[index].start
      const actor = actorAt(inSentence, at)
      if (!actor) continue
      from = index + length
      // A date in a clause that opens after the event word dates that
      // clause's verb: “the repair plans it launched, following a
      // takeover of a lab in November 2022” dates the takeover.
      // The dates before it, and the first after it in its own clause.
      const next = firstIndex(dates.length, (each) => dates[each].start > at)
      const around = dates.slice(Math.max(0, next - 2), next)
      const own = ownDateAfter(sentence, index + length, dates.slice(next, next + maxSkipped))
      if (own) around.push(own)
      if (around.length === 0) continue
      const date = nearest(around, at)
      const key = family + '|' + actor.entity.id
      const statement: Statement = {date, range: rangeOf(date.value)!}
      const earlier = seen.get(key)
      if (!earlier) {
        seen.set(key, statement)
        continue
      }

      if (earlier.date === date || overlap(earlier.range, statement.range)) continue
      report({
        start: date.start,
        end: date.end,
        actual: date.text,
        reason: `Unexpected date ${code(date.text)} (${code(date.value)}) for the ${family} of ${actor.entity.name}, expected ${code(earlier.date.value)} as stated earlier`,
        related: {start: earlier.date.start, end: earlier.date.end, reason: `Stated as ${code(earlier.date.value)} here`}
      })
    }
  }

}

/** Most dates of other clauses passed over after an event word. */
const maxSkipped = 4

// Words that open a clause of its own, with a verb of its own (its dates
// are that verb's), until a comma closes it: relative pronouns, and
// “following” before a noun of an event.
const clauseOpeners: ReadonlySet<string> = new Set(['which', 'who', 'whom', 'whose', 'where', 'following'])

/**
 * For each token of a sentence, the index of the clause opener whose
 * clause it is in (no comma between them), or -1 (kept per sentence).
 */
const openClause = perSentence((tokens) => {
  const opener = new Int32Array(tokens.length).fill(-1)
  let open = -1
  for (const [index, token] of tokens.entries()) {
    if (clauseOpeners.has(token.lower)) open = index
    else if (token.text === ',' || token.text === ';') open = -1
    opener[index] = open
  }

  return opener
})

/**
 * The first of the dates after an event word that is its own: not in a
 * clause opened after it, unless that clause already had its date (“withdrew
 * following the 2016 referendum on January 31, 2020”: 2016 is the
 * referendum's, January 31 the withdrawal's).
 *
 * @param sentence
 *   Sentence.
 * @param after
 *   Index of the token after the event word.
 * @param dates
 *   Dates after the event word, in order.
 * @returns
 *   Date, if any.
 */
function ownDateAfter(sentence: SentenceInfo, after: number, dates: ReadonlyArray<DateTag>): DateTag | undefined {
  const dated = new Set<number>()
  for (const date of dates) {
    const opener = openerOf(sentence, after, date)
    if (opener < 0 || dated.has(opener)) return date
    dated.add(opener)
  }

  return undefined
}

/**
 * The clause opener of a date after an event word, when it stands in a
 * clause that opened after it (“…, which it joined in 1973, on April 12”: 1973 is the joining's,
 * April 12 the event's; “repair plans it launched following a takeover of a
 * lab in November 2022”). A date before the event word is its own (“On
 * March 9, after a long debate, the mayor signed …”).
 *
 * @param sentence
 *   Sentence.
 * @param after
 *   Index of the token after the event word.
 * @param date
 *   Date of the sentence.
 * @returns
 *   Index of the opener, or -1.
 */
function openerOf(sentence: SentenceInfo, after: number, date: DateTag): number {
  const tokens = sentence.tokens
  if (after === 0 || date.start < tokens[after - 1].end) return -1
  // The token right before the date.
  const last = firstIndex(tokens.length, (index) => tokens[index].start >= date.start) - 1
  const opener = last >= after ? openClause(sentence)[last] : -1
  return opener >= after ? opener : -1
}

// Day ranges by date value: a document repeats a few values.
const ranges = new Cache<string, [number, number] | undefined>(1024)

/**
 * The days a date value covers (`range`), kept per value.
 *
 * @param value
 *   TimeML date value.
 * @returns
 *   Range (shared: never change it).
 */
function rangeOf(value: string): [number, number] | undefined {
  return ranges.get(value, range)
}

/**
 * The actor of an event word: the last mention that ends before it, else
 * the first that starts after it.
 *
 * Binary search: a sentence can hold thousands of event words and
 * mentions, and a scan per word made the rule quadratic in it.
 *
 * @param mentions
 *   Mentions of the sentence, in order and not overlapping (so their ends
 *   are in order too).
 * @param at
 *   Offset of the event word.
 * @returns
 *   Mention, if any.
 */
export function actorAt<T extends {start: number; end: number}>(mentions: ReadonlyArray<T>, at: number): T | undefined {
  const before = firstIndex(mentions.length, (index) => mentions[index].end > at) - 1
  if (before >= 0) return mentions[before]
  return mentions[firstIndex(mentions.length, (index) => mentions[index].start > at)]
}

/**
 * The date nearest to an offset (by its nearer edge; the first of equals).
 *
 * Binary search, as `actorAt`: dates do not overlap, so the nearest is the
 * last that starts at or before `at` or the first after it; the one before
 * those can only tie with the first (when it ends where that starts).
 *
 * @param dates
 *   Dates in order, not overlapping; at least one.
 * @param at
 *   Offset.
 * @returns
 *   Date.
 */
export function nearest<T extends {start: number; end: number}>(dates: ReadonlyArray<T>, at: number): T {
  const after = firstIndex(dates.length, (index) => dates[index].start > at)
  const distance = (date: T) => Math.min(Math.abs(date.start - at), Math.abs(date.end - at))
  let best = dates[Math.max(0, after - 2)]
  for (let index = Math.max(0, after - 2) + 1; index <= after && index < dates.length; index++) {
    if (distance(dates[index]) < distance(best)) best = dates[index]
  }

  return best
}

/**
 * A day's value without its part of day (`2023-03-24TMO` → `2023-03-24`).
 *
 * @param value
 *   TimeML value.
 * @returns
 *   Value.
 */
function withoutPartOfDay(value: string): string {
  return partOfDay(value)?.day ?? value
}

/**
 * The days a TimeML date value covers, as `[first, last)` day numbers (a
 * part of day covers its day).
 *
 * @param value
 *   `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (with a part of day or not), `YYYY-Www` or `YYYY-Qn`.
 * @returns
 *   Range, or `undefined` for other values (seasons, `XXXX-…`).
 */
export function range(value: string): [number, number] | undefined {
  value = withoutPartOfDay(value)
  const day = (y: number, m: number, d: number) => utcDay(y, m - 1, d) / 86_400_000
  let match = /^(\d{4})$/.exec(value)
  if (match) return [day(+match[1], 1, 1), day(+match[1] + 1, 1, 1)]
  match = /^(\d{4})-(\d{2})$/.exec(value)
  if (match) return [day(+match[1], +match[2], 1), day(+match[1], +match[2] + 1, 1)]
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (match) return [day(+match[1], +match[2], +match[3]), day(+match[1], +match[2], +match[3]) + 1]
  match = /^(\d{4})-Q([1-4])$/.exec(value)
  if (match) return [day(+match[1], +match[2] * 3 - 2, 1), day(+match[1], +match[2] * 3 + 1, 1)]
  match = /^(\d{4})-W(\d{2})$/.exec(value)
  if (match) {
    // ISO week 1 holds January 4th.
    const jan4 = day(+match[1], 1, 4)
    const monday = jan4 - ((new Date(jan4 * 86_400_000).getUTCDay() + 6) % 7)
    const start = monday + (+match[2] - 1) * 7
    return [start, start + 7]
  }

  return undefined
}

function overlap(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1]
}
