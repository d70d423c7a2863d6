/**
 * The peers Newsmark is measured against, each as `load()` -> `predict(line)`,
 * where `line` is a gold line of `../shared/eval` (`{id, text, dct?}`) and the
 * result is a prediction line for `score.mjs` (`{id, spans}` or `{id, label}`).
 *
 * Each system is loaded lazily and used in its own process (see `predict.mjs`):
 * `compromise-dates` is a plugin that changes the shared `compromise` instance,
 * so it must not run in the process that scores plain `compromise`.
 *
 * Offsets are JavaScript string indices (UTF-16 code units) into `text`, end
 * exclusive. Every peer span is checked against the text before it is written
 * (`checkSpan`), and trailing punctuation or whitespace that a peer includes in
 * its match (chrono's `Friday,`) is trimmed off, as are leading/trailing spaces.
 */

/** @typedef {{id: string, text: string, dct?: string}} GoldLine */
/** @typedef {{start: number, end: number, label: string, value?: string}} Span */

/** Peers, by name: task, title, the package whose version is shown, the packages used, a note on how it is run, and the loader. */
export const systems = {
  compromise: {
    task: 'ner',
    title: 'compromise',
    package: 'compromise',
    packages: ['compromise'],
    note: '`.people()`, `.organizations()`, `.places()` -> PER, ORG, LOC',
    load: loadCompromise
  },
  'compromise-dates': {
    task: 'timex',
    title: 'compromise-dates',
    package: 'compromise-dates',
    packages: ['compromise', 'compromise-dates'],
    note: '`.dates()` DATE, `.times()` TIME, `.durations()` DURATION, values from their start/end/unit',
    load: loadCompromiseDates
  },
  'wink-nlp': {
    task: 'timex',
    title: 'wink-nlp',
    package: 'wink-nlp',
    packages: ['wink-nlp', 'wink-eng-lite-web-model'],
    note: 'DATE, TIME, DURATION entities of `wink-eng-lite-web-model`, no values',
    load: loadWink
  },
  'chrono-node': {
    task: 'timex',
    title: 'chrono-node',
    package: 'chrono-node',
    packages: ['chrono-node'],
    note: '`chrono.parse(text, dct)`: DATE spans, value from the known components',
    load: loadChrono
  },
  recognizers: {
    task: 'timex',
    title: '@microsoft/recognizers-text-date-time',
    package: '@microsoft/recognizers-text-date-time',
    packages: ['@microsoft/recognizers-text-date-time'],
    note: '`recognizeDateTime(text, en-us, dct)`: type date/daterange -> DATE, time/datetime(range) -> TIME, duration -> DURATION, set -> SET; its TIMEX as value, an underspecified one (`XXXX-WXX-5`) completed from its own (past) resolution, and a range `(start,end,P3M)` taken as the DURATION `P3M`',
    load: loadRecognizers
  },
  'claims-rule': {
    task: 'claims',
    title: 'rule: number or reporting verb',
    packages: [],
    note: 'label 1 when the sentence has a number (digits or a number word) or a reporting verb',
    load: loadClaimsRule
  }
}

/** Failures a peer survived, printed by `predict.mjs`. */
export const stats = {documentsRetried: 0, paragraphsFailed: 0}

// ---------------------------------------------------------------------------
// Offsets

const trailingJunk = /[\s,.;:!?'"”’)\]]+$/u
const leadingJunk = /^[\s'"“‘(\[]+/u

/**
 * Trim whitespace and punctuation that a peer includes at the edges of a match.
 *
 * @param {string} text
 * @param {number} start
 * @param {number} end
 * @returns {[number, number]}
 */
export function trimSpan(text, start, end) {
  const slice = text.slice(start, end)
  const lead = slice.match(leadingJunk)?.[0].length ?? 0
  const trail = slice.slice(lead).match(trailingJunk)?.[0].length ?? 0
  return [start + lead, end - trail]
}

/**
 * Throw when a span does not lie inside `text` (a bug in the offset mapping,
 * not something to score).
 *
 * @param {string} text
 * @param {Span} span
 * @param {string} [expected] Text the peer says it matched (compared loosely).
 */
function checkSpan(text, span, expected) {
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= text.length && span.start < span.end)) {
    throw new Error(`span ${span.start}-${span.end} outside the text (${text.length} chars)`)
  }

  if (expected !== undefined) {
    const loose = (s) => s.toLowerCase().replace(/\s+/g, ' ')
    if (!loose(expected).includes(loose(text.slice(span.start, span.end)))) {
      throw new Error(`span ${span.start}-${span.end} is ${JSON.stringify(text.slice(span.start, span.end))}, the peer said ${JSON.stringify(expected)}`)
    }
  }
}

/**
 * Character offsets of every term of a compromise document, by term id.
 * compromise keeps each term's `pre` and `post` (punctuation, whitespace), so
 * walking them rebuilds the text; terms are located with `indexOf` from the
 * running cursor so that any normalisation in `pre`/`post` cannot shift them.
 * Implicit terms (contractions: the `not` of `can't`) have empty text and get
 * an empty range at the cursor.
 *
 * @param {any} doc compromise View
 * @param {string} text
 * @returns {Map<string, [number, number]>}
 */
function compromiseTermOffsets(doc, text) {
  const offsets = new Map()
  let cursor = 0
  for (const sentence of doc.document) {
    for (const term of sentence) {
      const word = term.text
      if (!word) {
        offsets.set(term.id, [cursor, cursor])
        continue
      }

      const at = text.indexOf(word, cursor)
      if (at < 0 || at - cursor > (term.pre?.length ?? 0) + 200) {
        throw new Error(`compromise term ${JSON.stringify(word)} not found after offset ${cursor}`)
      }

      offsets.set(term.id, [at, at + word.length])
      cursor = at + word.length
    }
  }

  return offsets
}

/**
 * Spans of the matches of a compromise View, from their first to their last
 * non-empty term (so without the match's leading or trailing punctuation),
 * each with the index of its match (to pair it with `view.json()[index]`).
 *
 * @param {any} view
 * @param {Map<string, [number, number]>} offsets
 * @returns {Array<{start: number, end: number, index: number}>}
 */
function compromiseSpans(view, offsets) {
  const spans = []
  view.docs.forEach((terms, index) => {
    const ranges = terms.map((term) => offsets.get(term.id)).filter((range) => range && range[1] > range[0])
    if (ranges.length === 0) return
    spans.push({start: ranges[0][0], end: ranges.at(-1)[1], index})
  })
  return spans
}

// ---------------------------------------------------------------------------
// compromise (entities)

async function loadCompromise() {
  const {default: nlp} = await import('compromise')
  /** @param {GoldLine} line */
  return (line) => {
    const doc = nlp(line.text)
    const offsets = compromiseTermOffsets(doc, line.text)
    /** @type {Span[]} */
    const spans = []
    for (const [label, view] of [
      ['PER', doc.people()],
      ['ORG', doc.organizations()],
      ['LOC', doc.places()]
    ]) {
      for (const {start, end} of compromiseSpans(view, offsets)) {
        const span = {start, end, label}
        checkSpan(line.text, span)
        spans.push(span)
      }
    }

    return {id: line.id, spans: spans.sort((a, b) => a.start - b.start)}
  }
}

// ---------------------------------------------------------------------------
// compromise-dates

const pad = (n, width = 2) => String(n).padStart(width, '0')

/** ISO 8601 week (`YYYY-Www`) of a UTC date. */
function isoWeek(date) {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
  const weekday = day.getUTCDay() || 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday)
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1))
  const week = Math.ceil(((day - yearStart) / 86_400_000 + 1) / 7)
  return `${day.getUTCFullYear()}-W${pad(week)}`
}

/**
 * TimeML value of a compromise-dates `dates` object: its `unit` (or, without
 * one, its duration) says the granularity of `start`.
 */
function compromiseDateValue(info) {
  if (!info?.start) return undefined
  const iso = info.start.slice(0, 10)
  const start = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(start.getTime())) return undefined
  const d = info.duration ?? {}
  const unit =
    info.unit ??
    (d.years === 1 && !d.months && !d.days ? 'year' : d.months === 1 && !d.years && !d.days ? 'month' : d.days === 7 ? 'week' : 'day')
  switch (unit) {
    case 'year':
      return iso.slice(0, 4)
    case 'quarter':
      return `${iso.slice(0, 4)}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`
    case 'season':
    case 'month':
      return iso.slice(0, 7)
    case 'week':
      return isoWeek(start)
    case 'decade':
      return iso.slice(0, 3)
    case 'century':
      return iso.slice(0, 2)
    default:
      return iso
  }
}

const durationUnits = [
  ['years', 'year', 'Y', false],
  ['months', 'month', 'M', false],
  ['weeks', 'week', 'W', false],
  ['days', 'day', 'D', false],
  ['hours', 'hour', 'H', true],
  ['minutes', 'minute', 'M', true],
  ['seconds', 'second', 'S', true]
]

/** TimeML duration (`P3M`, `PT24H`) of a compromise-dates duration object. */
function compromiseDurationValue(duration) {
  if (!duration) return undefined
  let date = ''
  let time = ''
  for (const [plural, singular, letter, isTime] of durationUnits) {
    const n = duration[plural] ?? duration[singular]
    if (!n) continue
    if (isTime) time += `${n}${letter}`
    else date += `${n}${letter}`
  }

  if (!date && !time) return undefined
  return `P${date}${time ? `T${time}` : ''}`
}

async function loadCompromiseDates() {
  const {default: nlp} = await import('compromise')
  const {default: datesPlugin} = await import('compromise-dates')
  nlp.plugin(datesPlugin)

  /**
   * @param {string} text
   * @param {string | undefined} dct
   * @param {number} shift Offset of `text` in the document.
   * @returns {Span[]}
   */
  const tag = (text, dct, shift) => {
    const options = {today: dct, timezone: 'UTC'}
    const doc = nlp(text)
    const offsets = compromiseTermOffsets(doc, text)
    /** @type {Span[]} */
    const spans = []
    const add = (view, label, value) => {
      const json = view.json()
      if (json.length !== view.docs.length) throw new Error('compromise-dates: json() and docs disagree')
      for (const {start, end, index} of compromiseSpans(view, offsets)) {
        const span = {start: start + shift, end: end + shift, label}
        const v = value(json[index])
        if (v !== undefined) span.value = v
        spans.push(span)
      }
    }

    add(doc.dates(options), 'DATE', (item) => compromiseDateValue(item.dates))
    add(doc.times(options), 'TIME', (item) => {
      const [hour, minute] = item.time?.['24h']?.split(':') ?? []
      return hour !== undefined && dct ? `${dct}T${pad(hour)}:${pad(minute ?? 0)}` : undefined
    })
    add(doc.durations(options), 'DURATION', (item) => compromiseDurationValue(item.duration))
    return spans
  }

  /** @param {GoldLine} line */
  return (line) => {
    let spans
    try {
      spans = tag(line.text, line.dct, 0)
    } catch {
      // compromise-dates 3.9 throws on some documents (`t.isValid is not a
      // function` in spacetime): tag them paragraph by paragraph instead, and
      // count the paragraphs that still throw (they get no spans).
      stats.documentsRetried++
      spans = []
      for (const paragraph of line.text.matchAll(/[^\n]+/g)) {
        try {
          spans.push(...tag(paragraph[0], line.dct, paragraph.index))
        } catch {
          stats.paragraphsFailed++
        }
      }
    }

    for (const span of spans) checkSpan(line.text, span)
    return {id: line.id, spans: spans.sort((a, b) => a.start - b.start)}
  }
}

// ---------------------------------------------------------------------------
// wink-nlp

async function loadWink() {
  const {default: winkNLP} = await import('wink-nlp')
  const {default: model} = await import('wink-eng-lite-web-model')
  const nlp = winkNLP(model)
  const its = nlp.its
  const keep = new Set(['DATE', 'TIME', 'DURATION'])
  /** @param {GoldLine} line */
  return (line) => {
    const text = line.text
    const doc = nlp.readDoc(text)
    // Token offsets: wink is lossless (preceding spaces + token values rebuild
    // the text); tokens are still located with indexOf from the cursor.
    const values = doc.tokens().out()
    const offsets = []
    let cursor = 0
    for (const value of values) {
      const at = text.indexOf(value, cursor)
      if (at < 0) throw new Error(`wink token ${JSON.stringify(value)} not found after offset ${cursor}`)
      offsets.push([at, at + value.length])
      cursor = at + value.length
    }

    const details = doc.entities().out(its.detail)
    const ranges = doc.entities().out(its.span)
    /** @type {Span[]} */
    const spans = []
    details.forEach((entity, i) => {
      if (!keep.has(entity.type)) return
      const [first, last] = ranges[i]
      const [start, end] = trimSpan(text, offsets[first][0], offsets[last][1])
      const span = {start, end, label: entity.type}
      checkSpan(text, span, entity.value)
      spans.push(span)
    })
    return {id: line.id, spans}
  }
}

// ---------------------------------------------------------------------------
// chrono-node

/**
 * TimeML value from chrono's known (certain) components: year only -> YYYY,
 * year+month (or month with implied year) -> YYYY-MM, a day or weekday ->
 * YYYY-MM-DD, and with an hour -> YYYY-MM-DDTHH:MM. Unknown components take
 * chrono's implied values (resolved against `dct`). Every span is labelled
 * DATE: chrono knows the hour of "now" and "tonight" too, which TimeML types
 * DATE, so typing hour-bearing results TIME costs more than it gains
 * (measured on dev: TIME 5 exact of 167 predicted).
 *
 * @param {any} components chrono ParsedComponents
 * @returns {{value: string, label: string}}
 */
export function chronoValue(components) {
  const known = (name) => components.isCertain(name)
  const year = pad(components.get('year'), 4)
  const month = pad(components.get('month'))
  const day = pad(components.get('day'))
  if (known('hour')) {
    return {value: `${year}-${month}-${day}T${pad(components.get('hour'))}:${pad(components.get('minute') ?? 0)}`, label: 'DATE'}
  }

  if (known('day') || known('weekday')) return {value: `${year}-${month}-${day}`, label: 'DATE'}
  if (known('month')) return {value: `${year}-${month}`, label: 'DATE'}
  if (known('year')) return {value: year, label: 'DATE'}
  return {value: `${year}-${month}-${day}`, label: 'DATE'}
}

async function loadChrono() {
  const chrono = await import('chrono-node')
  /** @param {GoldLine} line */
  return (line) => {
    const reference = line.dct ? new Date(`${line.dct}T12:00:00`) : new Date()
    /** @type {Span[]} */
    const spans = []
    for (const result of chrono.parse(line.text, reference)) {
      const [start, end] = trimSpan(line.text, result.index, result.index + result.text.length)
      if (end <= start) continue
      const {value, label} = chronoValue(result.start)
      const span = {start, end, label, value}
      checkSpan(line.text, span, result.text)
      spans.push(span)
    }

    return {id: line.id, spans}
  }
}

// ---------------------------------------------------------------------------
// @microsoft/recognizers-text-date-time

const recognizerLabels = {
  date: 'DATE',
  daterange: 'DATE',
  time: 'TIME',
  timerange: 'TIME',
  datetime: 'TIME',
  datetimerange: 'TIME',
  duration: 'DURATION',
  set: 'SET'
}

/**
 * Label and value of a recognizers result. The value is its TIMEX
 * (`1998-W01`, `PRESENT_REF`, `P3M`, `1996-01-08`), with two format
 * conversions to TimeML:
 * - a TIMEX left underspecified (`XXXX-WXX-5` for "Friday", `XXXX-10` for
 *   "October") takes the date from the recognizer's own resolution against the
 *   reference date; of its two candidates (the past one first, then the
 *   future one) the past one, as news mostly reports what happened;
 *   `rawValue` keeps the TIMEX as it was, scored separately in the notes;
 * - a range's `(start,end,duration)` is not a TimeML value: TimeML annotates
 *   "the past three months" as a DURATION, so the label is DURATION and the
 *   duration is the value.
 */
export function recognizerValue(result) {
  const type = result.typeName.replace(/^datetimeV2\./, '')
  const resolved = result.resolution?.values ?? []
  const timex = resolved[0]?.timex
  let label = recognizerLabels[type]
  let value = timex
  const range = typeof timex === 'string' ? timex.match(/^\((.*),(.*),(P[^,]*)\)$/) : null
  if (range) {
    label = 'DURATION'
    value = range[3]
  } else if (typeof timex === 'string' && timex.startsWith('XXXX')) {
    const past = resolved[0]
    const moment = [past.value, past.start, past.end].find((v) => typeof v === 'string' && /^\d{4}-\d\d-\d\d/.test(v))
    if (moment) {
      const date = moment.slice(0, 10)
      const month = timex.match(/^XXXX-(\d\d)$/)
      const time = timex.match(/T(\d\d)(?::(\d\d))?/)
      if (month) value = `${date.slice(0, 4)}-${month[1]}`
      else if (/^XXXX-(WXX-\d|\d\d-\d\d)/.test(timex)) value = time ? `${date}T${time[1]}:${time[2] ?? '00'}` : date
    }
  }

  return {label, value, rawValue: timex}
}

async function loadRecognizers() {
  const recognizers = await import('@microsoft/recognizers-text-date-time')
  const {recognizeDateTime, Culture} = recognizers.default ?? recognizers
  /** @param {GoldLine} line */
  return (line) => {
    const reference = line.dct ? new Date(`${line.dct}T00:00:00`) : new Date()
    /** @type {Span[]} */
    const spans = []
    for (const result of recognizeDateTime(line.text, Culture.English, undefined, reference)) {
      const {label, value, rawValue} = recognizerValue(result)
      if (!label) continue
      // `end` is inclusive.
      const [start, end] = trimSpan(line.text, result.start, result.end + 1)
      if (end <= start) continue
      const span = {start, end, label}
      if (value !== undefined) span.value = value
      if (rawValue !== value) span.rawValue = rawValue
      checkSpan(line.text, span, result.text)
      spans.push(span)
    }

    return {id: line.id, spans}
  }
}

// ---------------------------------------------------------------------------
// CheckThat! rule baseline

const numberWord =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|percent)\b/i
const reportingVerb =
  /\b(?:say|says|said|saying|tell|tells|told|report|reports|reported|state|states|stated|claim|claims|claimed|announce|announces|announced|according to|estimate|estimates|estimated|show|shows|showed|shown|find|finds|found|confirm|confirms|confirmed|reveal|reveals|revealed|warn|warns|warned|admit|admits|admitted|deny|denies|denied|note|notes|noted|add|adds|added|explain|explains|explained|insist|insists|insisted)\b/i

async function loadClaimsRule() {
  /** @param {GoldLine} line */
  return (line) => ({
    id: line.id,
    label: /\d/.test(line.text) || numberWord.test(line.text) || reportingVerb.test(line.text) ? 1 : 0
  })
}
