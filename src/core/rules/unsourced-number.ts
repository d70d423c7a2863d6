/**
 * Flags a statistic that the article states as fact with no source: a
 * share (“8%”), a sum of money (“$60 billion”), a multiple (“25 times”) or
 * a count of people or things (“300 soldiers”, “4,000 Minnesotans”), in
 * a sentence that attributes it to no one, next to sentences that do not
 * either.
 *
 * ## Why
 *
 * Numbers carry authority and are easy to get wrong, inflate or take out of
 * context. A number the article does not source cannot be traced; a reader
 * should know who counted. A wrong warning costs the reader more than a
 * missing one, so the rule flags only figures an editor would query.
 *
 * A figure is sourced when its sentence has a speaker (“…, Tomczyk said”,
 * “according to the UN”), a link or footnote, a cue such as “a report by”,
 * a body that keeps the record or found it (“charged by the Justice
 * Department”, “the Water Authority signed 30 contracts”, “Caltrans crews
 * placed 80 barriers”, “Acme Research examined …”, “a study found …”), or
 * when the sentence just before or after cites its source (“according to”,
 * a link, an organisation that said it). A figure that someone says in
 * quotation marks is their own. No statistics: number words and vague
 * magnitudes (“twice”, “thousands of people”), bare numbers (ages, scores,
 * clock times, street and episode numbers), years, dates and durations,
 * measurements and specifications (“100 miles”, “90 degrees”, “a capacity
 * of 50 megawatts”), conversions in brackets, numbers in names (“Article
 * 5”, “COVID-19”), a figure that describes a known thing (“the $3 billion
 * project”, “its 222 members”), and sentences about one person's own
 * figures (“he earned $9 an hour”) or that advise the reader (“you can
 * save 10%”). Headings, table cells and text that does not end as a
 * sentence does (captions, teasers, credit lines) are left out, and so are
 * articles whose genre attributes nothing by custom (a game story's scores,
 * a recipe's quantities: see `unattributed-claim`).
 *
 * ## Default severity
 *
 * `warning`.
 *
 * ## Fix
 *
 * Say where the number comes from (“…, according to Landmine Monitor”) or
 * link to it.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   According to him, output will rise by 25 times in the coming period.
 *
 *   The treaty was adopted in 1997 and took effect within 48 hours of the vote.
 *
 *   Landmines have killed [5,757 people](https://example.com/monitor) in a year.
 *
 *   As a result, they have killed or injured thousands of people long after wars ended.
 *
 *   The depot is 100 miles from the border, and the $3 billion plan would move it.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   About 70% of the valley's water goes to farms.
 *
 *   Output will rise by 25 times in the coming period.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:7-1:10: Unexpected number `70%` with no source, expected an attribution (“according to …”) or a link
 *   3:21-3:29: Unexpected number `25 times` with no source, expected an attribution (“according to …”) or a link
 */
import {expectsAttribution} from '../genre.ts'
import type {Quantity} from '../facts/quantity.ts'
import type {Quote} from '../types.ts'
import type {RuleContext, SentenceInfo, SourceToken} from './context.ts'
import type {Rule} from './rule.ts'
import {SpanIndex} from './span-index.ts'
import {code, quantitiesOf} from './util.ts'

// Words before a number that make it part of a name or a reference.
const labels: ReadonlySet<string> = new Set([
  'article', 'section', 'chapter', 'paragraph', 'no.', 'number', 'page', 'point', 'phase', 'round', 'level', 'grade',
  'stage', 'resolution', 'amendment', 'flight', 'route', 'highway', 'room', 'category', 'class', 'type', 'version',
  'model', 'item', 'line', 'step', 'part', 'volume', 'vol.', 'p.', 'pp.', 'no', 'seat', 'district', 'gate', 'block', 'act',
  '#', 'episode', 'season', 'suite', 'unit', 'apt', 'apt.', 'exit', 'interstate', 'channel', 'game', 'week', 'match'
])

// Nouns that measure, time or score rather than count what a story is
// about: a distance, a weight, a temperature, an age, a score.
const measures: ReadonlySet<string> = new Set([
  'mile', 'miles', 'kilometer', 'kilometers', 'kilometre', 'kilometres', 'km', 'meter', 'meters', 'metre', 'metres',
  'm', 'cm', 'mm', 'feet', 'foot', 'ft', 'inch', 'inches', 'yard', 'yards', 'lb', 'lbs', 'ounce', 'ounces', 'oz',
  'gram', 'grams', 'g', 'kilogram', 'kilograms', 'kg', 'ton', 'tons', 'tonne', 'tonnes', 'degree', 'degrees', 'celsius',
  'fahrenheit', 'mph', 'kph', 'knots', 'acre', 'acres', 'hectare', 'hectares', 'gallon', 'gallons', 'liter', 'liters',
  'litre', 'litres', 'ml', 'cup', 'cups', 'tablespoon', 'tablespoons', 'tbsp', 'teaspoon', 'teaspoons', 'tsp', 'square',
  'cubic', 'kw', 'kwh', 'watt', 'watts', 'volts', 'hz', 'gb', 'mb', 'tb', 'pixels', 'year', 'years', 'month',
  'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'minute', 'minutes', 'second', 'seconds', 'decade', 'decades',
  'century', 'centuries', 'a.m.', 'p.m.', 'am', 'pm', 'goals', 'goal', 'runs', 'wickets', 'rebounds', 'assists',
  'touchdowns', 'innings', 'laps', 'strokes', 'wins', 'losses', 'games', 'seasons', 'points', 'shots', 'saves'
])

// Words before a quantity that make it a specification, not a statistic.
const specifications: ReadonlySet<string> = new Set(['capacity', 'weighing', 'measuring', 'rated', 'sized', 'aged', 'age'])

// Words that may stand between a quantity and what makes it known or a
// specification: “the nearly $3 billion project”, “a capacity of up to 50”.
const hedges: ReadonlySet<string> = new Set([
  'about', 'around', 'some', 'nearly', 'almost', 'over', 'more', 'less', 'fewer', 'than', 'up', 'to', 'roughly',
  'approximately', 'at', 'least', 'most', 'just', 'only', 'an', 'estimated', 'of', 'under', 'below', 'above'
])

// Determiners that make a figure a known thing's description (“the $3
// billion project”, “its 222 members”), not a figure the sentence states.
const definite: ReadonlySet<string> = new Set(['the', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your'])

// A sentence about one person's own life: their wage, their spending.
const personal: ReadonlySet<string> = new Set(['he', 'she', 'his', 'her', 'him'])

// Prepositions before an organisation that make it no source of a figure
// (“$3 million to Acme”, “a grant from the county”); “by” makes it the source.
const prepositions: ReadonlySet<string> = new Set([
  'to', 'from', 'for', 'at', 'of', 'with', 'in', 'on', 'into', 'against', 'between', 'among', 'about', 'than', 'like', 'within'
])

// Last words of the names of bodies that keep the records their figures
// come from: “the Justice Department”, “the Diversion Authority”.
const bodies: ReadonlySet<string> = new Set([
  'department', 'authority', 'agency', 'administration', 'commission', 'bureau', 'ministry', 'office', 'service',
  'services', 'marshals', 'police', 'patrol', 'council', 'board', 'committee', 'court', 'government', 'institute',
  'center', 'centers', 'centre', 'organization', 'organisation', 'association', 'bank', 'fund', 'survey', 'corps', 'guard'
])

// People through whom a body acts: “Caltrans crews placed 80 barriers”.
const staff: ReadonlySet<string> = new Set([
  'crews', 'officers', 'officials', 'workers', 'staff', 'agents', 'troopers', 'investigators', 'inspectors', 'employees',
  'teams', 'firefighters', 'deputies', 'researchers', 'scientists', 'analysts'
])

// Verbs of finding out: “the institute examined …, finding that …”.
const findingVerbs: ReadonlySet<string> = new Set([
  'examined', 'analyzed', 'analysed', 'found', 'finding', 'finds', 'counted', 'estimated', 'estimates', 'tallied',
  'recorded', 'surveyed', 'reported', 'reports', 'measured', 'tracked', 'calculated', 'showed', 'shows', 'studied'
])

// Documents that report figures: “a study found”, “the census counted”.
const studies: ReadonlySet<string> = new Set([
  'study', 'report', 'survey', 'poll', 'analysis', 'census', 'data', 'review', 'research', 'audit', 'researchers', 'scientists'
])

// A sentence ends with a full stop, a question or exclamation mark, or a
// closing quote or bracket after one; text that does not (a caption, a
// teaser, a credit line) states nothing.
const terminal = /[.!?]["'”’)\]]*\s*$/

const rule: Rule = {
  id: 'unsourced-number',
  severity: 'warning',
  check(context, report) {
    if (!expectsAttribution(context.kind.genre)) return
    const dates = new SpanIndex(context.result.dates)
    const sentences = context.sentences
    for (const [index, sentence] of sentences.entries()) {
      if (sentence.speaker || sentence.cited || sentence.heading || sentence.table) continue
      const quantities = quantitiesOf(sentence)
      if (quantities.length === 0) continue
      const tokens = sentence.tokens
      if (!terminal.test(context.source.slice(sentence.start, sentence.end))) continue
      let checked: boolean | undefined
      for (const quantity of quantities) {
        const start = tokens[quantity.first].start
        const end = tokens[quantity.last - 1].end
        if (!statistic(quantity, tokens, context.source.slice(start, end))) continue
        if (dates.overlaps(start, end) || context.quotesOverlapping(start, end).some(quoted)) continue
        if (known(tokens, quantity.first)) continue
        // What holds for the whole sentence, read once and only for a
        // sentence with a statistic in it.
        checked ??= unsourcedSentence(context, sentences, index)
        if (!checked) break
        const text = context.source.slice(start, end)
        report({
          start,
          end,
          actual: text,
          reason: `Unexpected number ${code(text)} with no source, expected an attribution (“according to …”) or a link`
        })
      }
    }
  }
}

export default rule

/**
 * Whether a quote makes a figure in it someone's own words: all in
 * quotation marks, or with a source.
 */
function quoted(quote: Quote): boolean {
  return quote.kind === 'direct' || Boolean(quote.source)
}

/**
 * Whether a quantity is a statistic: a share, a sum of money, a multiple or a
 * count of people or things, written in digits; not a measurement, an age,
 * a score, a vague magnitude (“thousands of”), a number in a name or a
 * bare number.
 */
function statistic(quantity: Quantity, tokens: ReadonlyArray<SourceToken>, text: string): boolean {
  if (quantity.year || quantity.max !== undefined || !/\d/.test(text)) return false
  const before = tokens[quantity.first - 1]
  if (before && (labels.has(before.lower) || (/^\p{Lu}/u.test(before.text) && quantity.first > 1 && !quantity.unit))) return false
  // A number run into letters or a colon: “17:04”, “COVID-19”, “4K”.
  const after = tokens[quantity.last]
  if (after && after.start === tokens[quantity.last - 1].end && /^[:\-/]/.test(after.text)) return false
  if (before && before.end === tokens[quantity.first].start && /[:\-/#]$/.test(before.text)) return false
  // A conversion in brackets: “100 miles (161 kilometers)”.
  if (before?.text === '(') return false
  const unit = quantity.unit
  if (unit === 'percent' || unit === 'percentage points' || unit === 'times' || (unit && /^[A-Z]{3}$/.test(unit))) return true
  if (unit) return false
  if (quantity.noun) return !measures.has(quantity.noun.toLowerCase())
  // “4,000 Minnesotans”: a count of people named by where they live.
  return Boolean(after && /^\p{Lu}\p{Ll}+s$/u.test(after.text) && quantity.value >= 2)
}

/**
 * Whether a figure describes a thing the reader already knows (“the $3
 * billion project”) or specifies it (“a capacity of 50 megawatts”).
 */
function known(tokens: ReadonlyArray<SourceToken>, first: number): boolean {
  let at = first - 1
  while (at >= 0 && hedges.has(tokens[at].lower)) {
    if (specifications.has(tokens[at - 1]?.lower ?? '')) return true
    at--
  }

  const word = tokens[at]
  if (!word) return false
  return definite.has(word.lower) || /['’]s$/.test(word.lower) || specifications.has(word.lower)
}

/**
 * Whether nothing in a sentence with a statistic, or right around it, says
 * where its figures come from: advice to the reader, a person's own
 * figures, an organisation that reports them, a source in the sentence
 * before or after.
 */
function unsourcedSentence(context: RuleContext, sentences: ReadonlyArray<SentenceInfo>, index: number): boolean {
  const sentence = sentences[index]
  const tokens = sentence.tokens
  for (const [at, token] of tokens.entries()) {
    // Advice to the reader (“you can”), a person’s own wage or spending.
    if (token.lower === 'you' || token.lower === 'your' || personal.has(token.lower)) return false
    if (token.lower === 'according' && tokens[at + 1]?.lower === 'to') return false
    // A name that found the figure or whose people acted (“Climate Watch
    // examined …”, “CalTrans crews placed …”), though no entity was read.
    if (at > 0 && (findingVerbs.has(token.lower) || staff.has(token.lower))) {
      const before = tokens[at - 1]
      if (/^\p{Lu}/u.test(before.text) || studies.has(before.lower)) return false
    }
  }

  // An organisation that keeps the record or found the figure, not the
  // object of a preposition (“$3 million to Acme”): “the Diversion
  // Authority reached 30 agreements”, “charged by the Justice Department”,
  // “Caltrans crews placed 80 barriers”, “the institute examined …,
  // finding that …”.
  let from = 0
  let finds: boolean | undefined
  for (const mention of context.mentionsIn(sentence.start, sentence.end)) {
    if (mention.entity.type !== 'ORG') continue
    while (from < tokens.length && tokens[from].start < mention.start) from++
    let at = from - 1
    while (at >= 0 && (tokens[at].lower === 'the' || tokens[at].lower === 'a')) at--
    if (at >= 0 && prepositions.has(tokens[at].lower)) continue
    let last = from
    while (last + 1 < tokens.length && tokens[last + 1].end <= mention.end) last++
    if (bodies.has(tokens[last].lower) || staff.has(tokens[last + 1]?.lower ?? '')) return false
    finds ??= tokens.some((token) => findingVerbs.has(token.lower))
    if (finds) return false
  }

  // A source in the sentence before or after: “… according to the CDC. A
  // total of 68 people …”.
  for (const near of [sentences[index - 1], sentences[index + 1]]) {
    if (!near || near.heading || near.table) continue
    if (near.cited) return false
    const speaker = near.speaker?.entity ? context.entity(near.speaker.entity) : undefined
    if (speaker?.type === 'ORG') return false
  }

  return true
}
