/**
 * No catastrophic backtracking and no time super-linear in the input: on
 * long adversarial runs (capitals, initials, dots, quotes, digits, times,
 * colons, …) a full analysis takes a bounded multiple of a bare remark
 * parse of the same text, and four times the text takes about four times
 * as long, not sixteen. Times are the fastest of a few runs, and bounds
 * are ratios, not milliseconds, so a busy machine does not fail them.
 *
 * Inputs on which remark itself is quadratic (runs of `*`, `[`, `>`) are
 * left out: the parser is not ours to fix. The editor runs analyses in a
 * worker and stops one past `newsmark.analysis.timeout`
 * (`test/extension/analysis-worker.test.ts`).
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {analyzeSync, setAnalysisCache} from '../../src/core/analyze.ts'

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

const parser = unified().use(remarkParse)

/** The fastest of some runs, in milliseconds. */
function fastest(run: () => void, runs: number): number {
  let best = Infinity
  for (let index = 0; index < runs; index++) {
    const start = performance.now()
    run()
    best = Math.min(best, performance.now() - start)
  }

  return best
}

/**
 * Check one adversarial run.
 *
 * @param name
 *   Name of the run.
 * @param unit
 *   Repeated text.
 * @param runs
 *   Times each input is analysed (the fastest counts).
 * @returns
 *   What failed.
 */
function check(name: string, unit: string, runs: number): string[] {
  const text = (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
  const small = text(10_000)
  const big = text(40_000)
  const ours = [fastest(() => analyzeSync(small), runs), fastest(() => analyzeSync(big), runs)]
  const bare = fastest(() => parser.parse(big), runs)
  // Linear: 4×; quadratic: 16×. Small inputs carry fixed costs, so
  // linear shows as less than 4×.
  const growth = ours[1] / ours[0]
  // A news article takes about 8 times a bare parse; the worst of these
  // runs about 80 times (2 ms of parse, so the floor of 100 ms).
  const budget = Math.max(250 * bare, 100)
  const failures: string[] = []
  if (growth > 8) failures.push(`${name}: 4× the text took ${growth.toFixed(1)}× the time`)
  if (ours[1] > budget) failures.push(`${name}: ${Math.round(ours[1])} ms, ${Math.round(ours[1] / bare)}× a bare parse`)
  return failures
}

test('redos: adversarial runs take linear time, a bounded multiple of a bare parse', () => {
  setAnalysisCache(false)
  try {
    // Warm up (compilation, models).
    analyzeSync('Poland said on Monday that 25 people left.')
    const failures: string[] = []
    for (const [name, unit] of Object.entries(runs)) {
      // Other tests run beside this one: a run that fails is measured again,
      // longer, before it counts (a quadratic one fails both times).
      const found = check(name, unit, 3)
      if (found.length > 0) failures.push(...check(name, unit, 7))
    }

    assert.deepEqual(failures, [])
  } finally {
    setAnalysisCache(true)
  }
})
