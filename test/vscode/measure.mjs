#!/usr/bin/env node
/**
 * Measure the extension in a real VS Code (not a test: nothing fails on a
 * slow machine): activation (loading `dist/extension.cjs` and `activate`),
 * loading the core, analysing the sample, and hovers answered from the
 * cache (target: under 1 ms), and in the 1 MB file of `npm run bench`,
 * a letter typed: the analysis again, and the time until the Problems panel
 * has the new findings. Each run starts a fresh code-server, so
 * activation is measured cold once per run; the table gives the median over
 * the runs.
 *
 *   node test/vscode/measure.mjs [--runs 3] [--iterations 2000] [--json out/measure.json] [--profile]
 *
 * Builds with `--production` first (what `npm run package` ships).
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {root, runPayload, say, whyNotInstalled} from './harness.mjs'

const {values: flags} = parseArgs({
  options: {
    runs: {type: 'string', default: '3'},
    iterations: {type: 'string', default: '2000'},
    json: {type: 'string'},
    profile: {type: 'boolean', default: false},
    verbose: {type: 'boolean', default: false}
  }
})
const missing = whyNotInstalled()
if (missing) {
  console.error(`test/vscode/measure: cannot run: ${missing}`)
  process.exit(2)
}

// `--profile`: an unminified build, and a CPU profile of the letters typed
// in the 1 MB file (`out/measure/big.cpuprofile`).
const build = flags.profile ? ['esbuild.mjs'] : ['esbuild.mjs', '--production']
say(`node ${build.join(' ')}`)
execFileSync(process.execPath, build, {cwd: root, stdio: 'inherit'})
// The 1 MB file of `npm run bench`, for edits in a large document.
const {makeDocument} = await import('../../scripts/bench-inputs.mjs')
const bigFile = path.join(root, 'out/measure/big.md')
fs.mkdirSync(path.dirname(bigFile), {recursive: true})
fs.writeFileSync(bigFile, makeDocument(1_000_000, 1))

/** @type {Array<Record<string, any>>} */
const results = []
for (let index = 0; index < Number(flags.runs); index++) {
  say(`run ${index + 1} of ${flags.runs}`)
  const code = await runPayload({
    name: 'measure',
    entryPoints: [path.join(root, 'test/vscode/measure/index.ts')],
    environment: {iterations: Number(flags.iterations), bigFile, profile: flags.profile ? path.join(root, 'out/measure/big.cpuprofile') : undefined},
    settings: {'files.autoSave': 'off', 'newsmark.analysis.delay': 0},
    verbose: flags.verbose,
    onLine(line) {
      const match = /^NEWSMARK_MEASURE (.*)$/.exec(line)
      if (match) results.push(JSON.parse(match[1]))
      else if (flags.verbose || /error/i.test(line)) console.error(line)
    }
  })
  if (code !== 0) process.exit(code)
}
if (results.length === 0) {
  console.error('test/vscode/measure: the payload printed no measurement')
  process.exit(2)
}

/** Median over the runs of a number picked from each. */
const median = (/** @type {(result: Record<string, any>) => number} */ pick) => {
  const values = results.map(pick).sort((a, b) => a - b)
  return values[Math.floor(values.length / 2)]
}
const ms = (/** @type {number} */ value) => (value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(1)} ms`)
const range = (/** @type {(result: Record<string, any>) => number} */ pick) =>
  results.length > 1 ? ` (${ms(Math.min(...results.map(pick)))}–${ms(Math.max(...results.map(pick)))})` : ''

const first = results[0]
const rows = [
  ['loading `dist/extension.cjs` (`require`, cold)', ms(median((r) => r.load)) + range((r) => r.load)],
  ['`activate()`', ms(median((r) => r.activateCall)) + range((r) => r.activateCall)],
  ['**activation: the two above**', ms(median((r) => r.load + r.activateCall)) + range((r) => r.load + r.activateCall)],
  ['VS Code’s `extension.activate()` after loading (context, state from the window, `activate()`)', ms(median((r) => r.activation)) + range((r) => r.activation)],
  ['loading the core (first analysis only)', ms(median((r) => r.coreLoad)) + range((r) => r.coreLoad)],
  [`first analysis of the sample (${first.characters} characters)`, ms(median((r) => r.firstAnalysis)) + range((r) => r.firstAnalysis)],
  ['analysis again after a one-character edit (median of 8)', ms(median((r) => r.reanalysis.median))]
]
for (const name of Object.keys(first.hoverFromCache)) {
  rows.push([
    `hover from cache, ${name} (median / p95 of ${first.hoverFromCache[name].n})`,
    `${ms(median((r) => r.hoverFromCache[name].median))} / ${ms(median((r) => r.hoverFromCache[name].p95))}`
  ])
}
rows.push(['hover through VS Code (`executeHoverProvider`, all providers, IPC; median of 30)', ms(median((r) => r.hoverRoundTrip.median))])
if (first.big) {
  const {characters, messages} = first.big
  rows.push(
    [`first analysis of the 1 MB file of \`npm run bench\` (${characters.toLocaleString('en-US')} characters, ${messages.toLocaleString('en-US')} findings)`, ms(median((r) => r.big.first))],
    ['1 MB: analysis after a letter typed (`analyzer.get`, median of 6)', ms(median((r) => r.big.typed.median)) + range((r) => r.big.typed.median)],
    ['1 MB: from a letter typed to its findings in the Problems panel’s collection (`onDidChangeDiagnostics`, `newsmark.analysis.delay` 0; median of 6)', ms(median((r) => r.big.diagnostics.median)) + range((r) => r.big.diagnostics.median)]
  )
  for (const name of Object.keys(first.big.hovers ?? {})) {
    rows.push([
      `1 MB: hover from cache, ${name} (median / p95 of ${first.big.hovers[name].n})`,
      `${ms(median((r) => r.big.hovers[name].median))} / ${ms(median((r) => r.big.hovers[name].p95))}`
    ])
  }
}

rows.push(['extension host resident memory after the above', `${Math.round(median((r) => r.memory.rss) / 1e6)} MB`])

const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
const kB = (/** @type {number} */ bytes) => `${Math.round(bytes / 1000).toLocaleString('en-US')} kB`
console.log(
  `\nNewsmark extension, ${results.length} run(s) in code-server (${os.cpus().length} × ${cpu}, Node ${process.version} here), ` +
    `production build: dist/extension.cjs ${kB(first.bundleBytes)}, dist/extension-core.cjs ${kB(first.coreBytes)}\n`
)
console.log('| measure | median (min–max over runs) |\n| --- | --- |')
for (const [name, value] of rows) console.log(`| ${name} | ${value} |`)
if (first.wasActive) console.log('\n(note: the extension was already active before the payload; activation was not measured cold)')
if (flags.json) {
  fs.mkdirSync(path.dirname(path.resolve(flags.json)), {recursive: true})
  fs.writeFileSync(flags.json, JSON.stringify(results, null, 2))
}
