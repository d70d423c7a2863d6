/**
 * No catastrophic backtracking and no time super-linear in the input: on
 * long adversarial runs (capitals, initials, dots, quotes, digits, times,
 * colons, …) a full analysis takes a bounded multiple of a bare remark
 * parse of the same text, and four times the text takes about four times
 * as long, not sixteen. Times are CPU times of this process (the least of
 * a few runs, `cpu-time.ts`), and bounds are generous ratios, not
 * milliseconds, so a busy machine does not fail them; a run measured again
 * reports every try.
 *
 * Inputs on which remark itself is quadratic (runs of `*`, `[`, `>`, and
 * of `]` in a document with footnotes: `docs/upstream.md`) are left out:
 * the parser is not ours to fix. The editor runs analyses in a
 * worker and stops one past `newsmark.analysis.timeout`
 * (`test/extension/analysis-worker.test.ts`).
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {analyzeSync} from '../../src/core/analyze.ts'
import type {PlacedMention, RuleContext, SentenceInfo, SourceToken} from '../../src/core/rules/context.ts'
import inconsistentDate, {actorAt, nearest} from '../../src/core/rules/inconsistent-date.ts'
import type {DateTag, Entity} from '../../src/core/types.ts'
import {bareParser, leastCpuTime, tryMeasure} from './cpu-time.ts'

// A run is a repeated unit, analysed at 10 and 40 KB, or at a smaller size
// and 4 times it where a regression would take minutes at 40 KB.
const runs: Record<string, string | {unit: string; size: number}> = {
  capitals: 'A',
  'capital words': 'Aa ',
  'spaced capitals': 'A ',
  initials: 'A. ',
  dots: '.',
  'spaced dots': '. ',
  ellipses: '... ',
  'straight quotes': '"',
  'curly quotes': '“',
  'opening quotes': '“a ',
  apostrophes: "'",
  parentheses: '(a ',
  dashes: '— ',
  digits: '1',
  'digit groups': '1,',
  decimals: '1.',
  money: '$1,000 ',
  percentages: '5% ',
  times: '12:30 ',
  years: '1997 ',
  dates: 'February 20, ',
  'event dates': 'Poland will leave on February 20, ',
  months: 'January ',
  'number words': 'twenty five ',
  colons: ':a',
  // remark-directive nested these 2,000 deep at 10 KB: 20 s.
  'container directives': {unit: ':::a\n', size: 2500},
  'leaf directives': '::a[b]\n',
  'directive names': ':person[',
  'directive attributes': ':claim[a]{verdict=',
  // micromark-extension-gfm-footnote looked back through the paragraph at
  // each `]`: 50 KB took 12 s. A URL turns on all of GFM.
  'brackets after a URL': {unit: 'https://example.org ' + ']'.repeat(500), size: 2500},
  'link ends': '](https://example.org) ',
  hyphens: 'a-',
  acronyms: 'NATO ',
  'table cells': '| a ',
  'a name and a verb': 'Tomczyk said ',
  'titles and names': 'Deputy Defense Minister Cezary Tomczyk said ',
  'a long word': 'a',
  mixed: 'Mr. A. B. "C" 1,2.3 $4 ’s '
}

/**
 * Check one adversarial run (CPU time, least of some runs).
 *
 * @param name
 *   Name of the run.
 * @param run
 *   Repeated text, or the text and the smaller size (default: 10,000).
 * @param runs
 *   Times each input is analysed (the least counts).
 * @returns
 *   What failed, and a line with what was measured.
 */
function check(name: string, run: string | {unit: string; size: number}, runs: number): {failures: string[]; line: string} {
  const {unit, size} = typeof run === 'string' ? {unit: run, size: 10_000} : run
  const text = (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
  const small = text(size)
  const big = text(4 * size)
  const options = {referenceDate: '2026-01-16'}
  const ours = [leastCpuTime(() => analyzeSync(small, options), runs), leastCpuTime(() => analyzeSync(big, options), runs)]
  const bare = leastCpuTime(() => bareParser.parse(big), runs)
  // Linear: 4×; quadratic: 16×. Small inputs carry fixed costs, so
  // linear shows as less than 4×.
  const growth = ours[1] / ours[0]
  // A news article takes about 8 times a bare parse; the worst of these
  // runs about 80 times (2 ms of parse, so the floor of 100 ms).
  const budget = Math.max(250 * bare, 100)
  const failures: string[] = []
  if (growth > 8) failures.push(`4× the text took ${growth.toFixed(1)}× the time`)
  if (ours[1] > budget) failures.push(`${Math.round(ours[1] / bare)}× a bare parse`)
  const line = `${name}: ${ours.map((time) => time.toFixed(1)).join(' / ')} ms of CPU for ${size} / ${4 * size} characters, a bare parse ${bare.toFixed(1)} ms`
  return {failures, line}
}

test('redos: adversarial runs take linear time, a bounded multiple of a bare parse', (t) => {
  // Warm up (compilation, models).
  analyzeSync('Poland said on Monday that 25 people left.')
  const failures: string[] = []
  for (const [name, unit] of Object.entries(runs)) {
    // Warm up on this run's text (compiled paths of its own), untimed.
    const {unit: text, size} = typeof unit === 'string' ? {unit, size: 10_000} : unit
    analyzeSync(text.repeat(Math.ceil(size / text.length)).slice(0, size), {referenceDate: '2026-01-16'})
    // One analysis of each size first; other work on the machine adds
    // noise, so a run that fails is measured again, the least of 3 and then
    // of 7, before it counts (a quadratic one fails every time). Every try
    // is reported.
    const tried = tryMeasure(3, (attempt) => check(name, unit, [1, 3, 7][attempt - 1]))
    if (tried.lines.length > 1) for (const line of tried.lines) t.diagnostic(line)
    if (tried.failures.length > 0) failures.push(tried.lines.join('\n'))
  }

  assert.deepEqual(failures, [])
})

/**
 * A rule context of one sentence of `n` statements “Poland will leave on
 * February 20,” (tokens, mentions and dates as the tagger gives them).
 *
 * @param n
 *   Statements.
 * @returns
 *   Context (what `inconsistent-date` reads of it).
 */
function oneLongSentence(n: number): RuleContext {
  const unit = ['Poland', 'will', 'leave', 'on', 'February', '20', ',']
  const tokens: SourceToken[] = []
  const mentions: PlacedMention[] = []
  const dates: DateTag[] = []
  const entity = {id: 'e1', name: 'Poland', type: 'LOC', mentions: []} as unknown as Entity
  let offset = 0
  for (let index = 0; index < n; index++) {
    const at = tokens.length
    for (const text of unit) {
      tokens.push({start: offset, end: offset + text.length, text, lower: text.toLowerCase()})
      offset += text.length + 1
    }

    mentions.push({entity, start: tokens[at].start, end: tokens[at].end})
    const [month, day] = [tokens[at + 4], tokens[at + 5]]
    dates.push({start: month.start, end: day.end, text: 'February 20', type: 'DATE', value: '2026-02-20', relative: true})
  }

  const sentence = {view: {memo: []}, start: 0, end: offset, tokens} as unknown as SentenceInfo
  return {
    result: {entities: [entity], dates, claims: []},
    sentences: [sentence],
    datesIn: () => dates,
    mentionsIn: () => mentions
  } as unknown as RuleContext
}

test('redos: inconsistent-date stays linear in one sentence of many statements', (t) => {
  // Each statement looked through every mention and date of its sentence:
  // 0.8 MB of one sentence took 5.8 s, 1.6 MB 25–46 s.
  const contexts = [oneLongSentence(5000), oneLongSentence(20_000)]
  const tried = tryMeasure(2, (attempt) => {
    const times = contexts.map((context) => leastCpuTime(() => inconsistentDate.check(context, () => {}), attempt === 1 ? 3 : 5))
    const growth = times[1] / times[0]
    return {
      failures: growth > 8 ? [`4× the statements took ${growth.toFixed(1)}× the time`] : [],
      line: `${times.map((time) => time.toFixed(1)).join(' / ')} ms of CPU for 5,000 / 20,000 statements`
    }
  })
  if (tried.lines.length > 1) for (const line of tried.lines) t.diagnostic(line)
  assert.deepEqual(tried.failures, [], tried.lines.join('\n'))
})

test('redos: the actor and the date of a statement are the ones a scan finds', () => {
  // `actorAt` and `nearest` search; a scan of the list is the reference.
  const random = (() => {
    let seed = 2026
    return (below: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % below
  })()
  for (let round = 0; round < 500; round++) {
    const spans: Array<{start: number; end: number}> = []
    let offset = random(4)
    for (let count = random(8); count > 0; count--) {
      const start = offset + random(3)
      spans.push({start, end: start + 1 + random(4)})
      offset = spans.at(-1)!.end
    }

    for (let at = 0; at <= offset + 2; at++) {
      const actor = spans.filter((span) => span.end <= at).at(-1) ?? spans.find((span) => span.start > at)
      assert.equal(actorAt(spans, at), actor)
      if (spans.length === 0) continue
      let best = spans[0]
      const distance = (span: {start: number; end: number}) => Math.min(Math.abs(span.start - at), Math.abs(span.end - at))
      for (const span of spans) if (distance(span) < distance(best)) best = span
      assert.equal(nearest(spans, at), best, JSON.stringify({spans, at}))
    }
  }
})
