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
 * Inputs on which remark itself is quadratic (runs of `*`, `[`, `>`) are
 * left out: the parser is not ours to fix. The editor runs analyses in a
 * worker and stops one past `newsmark.analysis.timeout`
 * (`test/extension/analysis-worker.test.ts`).
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {analyzeSync, setAnalysisCache} from '../../src/core/analyze.ts'
import {bareParser, leastCpuTime, tryMeasure} from './cpu-time.ts'

const runs: Record<string, string> = {
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
  months: 'January ',
  'number words': 'twenty five ',
  colons: ':a',
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
 * @param unit
 *   Repeated text.
 * @param runs
 *   Times each input is analysed (the least counts).
 * @returns
 *   What failed, and a line with what was measured.
 */
function check(name: string, unit: string, runs: number): {failures: string[]; line: string} {
  const text = (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
  const small = text(10_000)
  const big = text(40_000)
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
  const line = `${name}: ${ours.map((time) => time.toFixed(1)).join(' / ')} ms of CPU for 10 / 40 KB, a bare parse ${bare.toFixed(1)} ms`
  return {failures, line}
}

test('redos: adversarial runs take linear time, a bounded multiple of a bare parse', (t) => {
  setAnalysisCache(false)
  try {
    // Warm up (compilation, models).
    analyzeSync('Poland said on Monday that 25 people left.')
    const failures: string[] = []
    for (const [name, unit] of Object.entries(runs)) {
      // Other work on the machine adds noise: a run that fails is measured
      // again, longer, before it counts (a quadratic one fails every time).
      // Every try is reported.
      const tried = tryMeasure(2, (attempt) => check(name, unit, attempt === 1 ? 3 : 7))
      if (tried.lines.length > 1) for (const line of tried.lines) t.diagnostic(line)
      if (tried.failures.length > 0) failures.push(tried.lines.join('\n'))
    }

    assert.deepEqual(failures, [])
  } finally {
    setAnalysisCache(true)
  }
})

