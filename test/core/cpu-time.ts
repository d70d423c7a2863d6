/**
 * Timing for tests on a busy machine: CPU time of this process (user and
 * system), never wall-clock time, compared as ratios (to a bare remark
 * parse of the same input, or to a quarter of the input), with every try
 * reported.
 *
 * Other processes on the machine stretch wall-clock time, not the CPU time
 * this process spends; what is left (caches, clock speed) is noise that a
 * generous bound and the least of a few runs absorb.
 */
import remarkParse from 'remark-parse'
import {unified} from 'unified'

/** A bare remark parser: the yardstick. */
export const bareParser = unified().use(remarkParse).freeze()

/**
 * The CPU time a function takes.
 *
 * @param run
 *   Work to measure.
 * @returns
 *   Milliseconds of CPU time (user and system) of this process.
 */
export function cpuTime(run: () => void): number {
  const start = process.cpuUsage()
  run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/**
 * The least CPU time of some runs.
 *
 * @param run
 *   Work to measure.
 * @param runs
 *   How many times to run it.
 * @returns
 *   Milliseconds.
 */
export function leastCpuTime(run: () => void, runs: number): number {
  let best = Infinity
  for (let index = 0; index < runs; index++) best = Math.min(best, cpuTime(run))
  return best
}

/**
 * Run a measurement up to `tries` times, until it passes.
 *
 * @param tries
 *   Most tries.
 * @param measure
 *   Gets the try number (from 1) and returns what failed in that try (empty:
 *   it passed) and a line that says what was measured.
 * @returns
 *   Every try's line (so that a pass after a failure is reported too) and
 *   the failures of the last try.
 */
export function tryMeasure(
  tries: number,
  measure: (attempt: number) => {failures: string[]; line: string}
): {lines: string[]; failures: string[]} {
  const lines: string[] = []
  let failures: string[] = []
  for (let attempt = 1; attempt <= tries; attempt++) {
    const result = measure(attempt)
    lines.push(`try ${attempt}: ${result.line}${result.failures.length > 0 ? ' (failed: ' + result.failures.join('; ') + ')' : ''}`)
    failures = result.failures
    if (failures.length === 0) break
  }

  return {lines, failures}
}
