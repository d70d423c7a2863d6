#!/usr/bin/env node
/**
 * The small, repeatable measurement behind the speed work of issue 7: one
 * script run before and after each change, on the same inputs as
 * `scripts/bench.mjs` (`scripts/bench-inputs.mjs`), on a private production
 * build of `src/` (`out/perf/`, so a concurrent `node esbuild.mjs` cannot
 * swap it mid-run).
 *
 * Usage:
 *   node scripts/perf-steps.mjs [--label NAME] [--only core,articles,check,edit,memory]
 *                               [--articles N] [--check-articles N] [--reps N] [--no-build]
 *
 * - core: the 1 MB file, a bare remark parse and `analyzeSync`, median wall
 *   and CPU time (process.cpuUsage) of `--reps` runs after a warm-up.
 * - articles: `analyzeSync` over N articles (default 300), one thread.
 * - check: `newsmark check --jobs J` over a folder of N articles (default
 *   400), J = 1 and 2, timed by /usr/bin/time (wall, user + sys of all
 *   threads, peak RSS); the reports are compared byte for byte.
 * - edit: one-character edits at 25 %, 50 % and 75 % of the 1 MB file after
 *   it was analysed once (the editor's case).
 * - memory: a fresh process: RSS after importing the bundle, then peak RSS
 *   and heap after analysing the 1 MB file.
 *
 * Prints a summary and writes `out/perf/<label>.json`. CPU time is the
 * figure to compare on this shared machine; the load average is printed.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {makeArticle, makeDocument} from './bench-inputs.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outDir = path.join(root, 'out/perf')
const argv = process.argv.slice(2)
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback)
const corePath = process.env.PERF_CORE ?? path.join(outDir, "core.mjs")
const cliPath = path.join(outDir, 'cli.mjs')

if (argv[0] === '--child-memory') {
  // Fresh process: the cost of loading the bundle, then of one 1 MB analysis.
  const text = makeDocument(1_000_000, 1)
  const base = process.memoryUsage().rss
  const {analyzeSync} = await import(pathToFileURL(corePath).href)
  const loaded = process.memoryUsage()
  const started = performance.now()
  const file = analyzeSync(text)
  const ms = performance.now() - started
  const after = process.memoryUsage()
  console.log(
    JSON.stringify({
      rssBase: base,
      rssLoaded: loaded.rss,
      heapLoaded: loaded.heapUsed,
      rssAfter: after.rss,
      heapAfter: after.heapUsed,
      peakRss: process.resourceUsage().maxRSS * 1024,
      ms,
      tags: file.data.newsmark.entities.length + file.data.newsmark.dates.length + file.data.newsmark.claims.length
    })
  )
  process.exit(0)
}

const label = option('--label', 'run')
const only = new Set(option('--only', 'core,articles,check,edit,memory').split(','))
const reps = Number(option('--reps', 3))
const articleCount = Number(option('--articles', 300))
const checkCount = Number(option('--check-articles', 400))
fs.mkdirSync(outDir, {recursive: true})

if (!argv.includes('--no-build')) {
  const esbuild = await import('esbuild')
  const requireShim =
    "import {createRequire as __nmCreateRequire} from 'node:module';const require = __nmCreateRequire(import.meta.url);"
  const {jsonAsString} = await import('./build-plugins.mjs')
  // As `node esbuild.mjs --production`.
  const common = {bundle: true, platform: 'node', target: 'node20', format: 'esm', minify: true, logLevel: 'silent', plugins: [jsonAsString]}
  await esbuild.build({...common, entryPoints: [path.join(root, 'src/core/index.ts')], outfile: corePath, banner: {js: requireShim}})
  await esbuild.build({...common, entryPoints: [path.join(root, 'src/cli/cli.ts')], outfile: cliPath, banner: {js: '#!/usr/bin/env node\n' + requireShim}})
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const cpuNow = () => {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1000
}

/** Wall and CPU ms of one call. */
function time(fn) {
  const cpu = cpuNow()
  const started = performance.now()
  const value = fn()
  return {wall: performance.now() - started, cpu: cpuNow() - cpu, value}
}

const results = {label, date: new Date().toISOString(), loadStart: os.loadavg(), cores: os.availableParallelism()}
const log = (line) => process.stderr.write(line + '\n')
log(`perf-steps ${label}: load average ${results.loadStart.map((x) => x.toFixed(2)).join(' ')}, ${results.cores} cores`)

const big = makeDocument(1_000_000, 1)
let analyzeSync
// Cold runs: nothing kept (the generated inputs repeat sentences, which a
// cache would not redo even within one analysis). `analyzeSync` keeps
// nothing; cores before `createNewsmark` had a per-process cache, turned
// off with `setAnalysisCache`.
let cache = () => {}
let createNewsmark
if (only.has('core') || only.has('articles') || only.has('edit')) {
  const core = await import(pathToFileURL(corePath).href)
  // Words learnt once, documents cold (as a batch of articles runs).
  const batch = core.createNewsmark?.({caches: false})
  analyzeSync = batch ? (value) => batch.analyzeSync(value) : core.analyzeSync
  createNewsmark = core.createNewsmark
  if (core.setAnalysisCache) cache = core.setAnalysisCache
}

if (only.has('core')) {
  const {unified} = await import('unified')
  const {default: remarkParse} = await import('remark-parse')
  const bare = unified().use(remarkParse).freeze()
  cache(false)
  bare.parse(big)
  analyzeSync(big)
  const bareRuns = []
  const fullRuns = []
  for (let i = 0; i < reps; i++) {
    bareRuns.push(time(() => bare.parse(big)))
    fullRuns.push(time(() => analyzeSync(big)))
  }

  const pick = (runs, key) => median(runs.map((run) => run[key]))
  results.core = {
    bareWall: pick(bareRuns, 'wall'),
    bareCpu: pick(bareRuns, 'cpu'),
    wall: pick(fullRuns, 'wall'),
    cpu: pick(fullRuns, 'cpu'),
    wallRuns: fullRuns.map((run) => Math.round(run.wall)),
    cpuRuns: fullRuns.map((run) => Math.round(run.cpu))
  }
  results.core.ratioWall = results.core.wall / results.core.bareWall
  results.core.ratioCpu = results.core.cpu / results.core.bareCpu
  log(
    `core 1 MB: analyzeSync ${results.core.wall.toFixed(0)} ms wall / ${results.core.cpu.toFixed(0)} ms CPU (runs ${results.core.cpuRuns.join(', ')}), bare parse ${results.core.bareWall.toFixed(0)} / ${results.core.bareCpu.toFixed(0)}: ${results.core.ratioWall.toFixed(1)}x wall, ${results.core.ratioCpu.toFixed(1)}x CPU`
  )
}

if (only.has('articles')) {
  const articles = Array.from({length: articleCount}, (_, i) => makeArticle(i))
  const chars = articles.reduce((n, a) => n + a.length, 0)
  cache(false)
  for (const article of articles.slice(0, 20)) analyzeSync(article)
  const run = time(() => {
    for (const article of articles) analyzeSync(article)
  })
  results.articles = {count: articleCount, chars, wall: run.wall, cpu: run.cpu, charsPerCpuS: (chars / run.cpu) * 1000, charsPerS: (chars / run.wall) * 1000}
  log(
    `articles: ${articleCount} (${(chars / 1e6).toFixed(2)} M chars) in ${run.wall.toFixed(0)} ms wall / ${run.cpu.toFixed(0)} ms CPU: ${(results.articles.charsPerS / 1e6).toFixed(2)} M chars/s wall, ${(results.articles.charsPerCpuS / 1e6).toFixed(2)} M chars per CPU s`
  )
}

if (only.has('edit')) {
  // The file as the editor has it, analysed once; then one-character edits
  // (with one instance's memory, as the editor runs).
  cache(false)
  cache(true)
  const newsmark = createNewsmark?.()
  const analyzeWarm = newsmark ? (value) => newsmark.analyzeSync(value) : analyzeSync
  analyzeWarm(big)
  const edits = []
  // Edit after edit, each on the text the last one left (as in the editor).
  let current = big
  for (const at of [0.25, 0.5, 0.75]) {
    let position = Math.floor(current.length * at)
    while (!/[a-z]/.test(current[position])) position++
    const edited = current.slice(0, position) + (current[position] === 'e' ? 'a' : 'e') + current.slice(position + 1)
    edits.push(time(() => analyzeWarm(edited)))
    current = edited
  }

  results.edit = {wall: edits.map((e) => e.wall), cpu: edits.map((e) => e.cpu)}
  log(`edit 1 MB: ${results.edit.wall.map((x) => x.toFixed(0)).join(', ')} ms wall / ${results.edit.cpu.map((x) => x.toFixed(0)).join(', ')} ms CPU`)
}

if (only.has('check')) {
  const folder = path.join(outDir, `articles-${checkCount}`)
  if (!fs.existsSync(folder)) {
    fs.mkdirSync(folder, {recursive: true})
    for (let i = 0; i < checkCount; i++) fs.writeFileSync(path.join(folder, `a${String(i).padStart(5, '0')}.md`), makeArticle(i))
  }

  const bytes = fs.readdirSync(folder).reduce((n, name) => n + fs.statSync(path.join(folder, name)).size, 0)
  const help = spawnSync(process.execPath, [cliPath, '--help'], {encoding: 'utf8'}).stdout
  const hasJobs = help.includes('--jobs')
  results.check = {count: checkCount, bytes, runs: {}}
  const reports = new Map()
  for (const jobs of hasJobs ? [1, 2] : [null]) {
    const runs = []
    for (let i = 0; i < 2; i++) {
      const args = ['-f', '%e %U %S %M', process.execPath, cliPath, 'check', ...(jobs ? ['--jobs', String(jobs)] : []), folder]
      const result = spawnSync('/usr/bin/time', args, {encoding: 'utf8', maxBuffer: 1 << 28})
      const lines = result.stderr.trimEnd().split('\n')
      const [wall, user, sys, maxKb] = lines.pop().split(' ').map(Number)
      reports.set(jobs, lines.join('\n'))
      runs.push({wall: wall * 1000, cpu: (user + sys) * 1000, peakRss: maxKb * 1024, code: result.status})
    }

    const summary = {
      wall: median(runs.map((r) => r.wall)),
      cpu: median(runs.map((r) => r.cpu)),
      peakRss: Math.max(...runs.map((r) => r.peakRss))
    }
    summary.articlesPerS = (checkCount / summary.wall) * 1000
    summary.mbPerS = bytes / 2 ** 20 / (summary.wall / 1000)
    results.check.runs[jobs ?? 'default'] = summary
    log(
      `check ${checkCount} articles (${(bytes / 2 ** 20).toFixed(2)} MB), jobs ${jobs ?? '(none: one thread)'}: ${summary.wall.toFixed(0)} ms wall, ${summary.cpu.toFixed(0)} ms CPU, ${summary.articlesPerS.toFixed(0)} articles/s, ${summary.mbPerS.toFixed(2)} MB/s, peak RSS ${(summary.peakRss / 2 ** 20).toFixed(0)} MB`
    )
  }

  if (hasJobs) {
    results.check.identical = reports.get(1) === reports.get(2)
    log(`check: --jobs 1 and --jobs 2 reports ${results.check.identical ? 'identical' : 'DIFFER'} (${reports.get(1).length} chars)`)
  }

  fs.writeFileSync(path.join(outDir, `${label}.check.txt`), [...reports.values()][0])
}

if (only.has('memory')) {
  const runs = []
  for (let i = 0; i < 2; i++) {
    runs.push(JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child-memory'], {encoding: 'utf8'})))
  }

  const mb = (x) => (x / 2 ** 20).toFixed(0)
  results.memory = runs
  for (const m of runs) {
    log(
      `memory: RSS ${mb(m.rssBase)} MB bare node -> ${mb(m.rssLoaded)} MB with the bundle (heap ${mb(m.heapLoaded)}) -> ${mb(m.rssAfter)} MB after 1 MB (heap ${mb(m.heapAfter)}), peak RSS ${mb(m.peakRss)} MB, ${m.ms.toFixed(0)} ms`
    )
  }
}

results.loadEnd = os.loadavg()
fs.writeFileSync(path.join(outDir, `${label}.json`), JSON.stringify(results, null, 2) + '\n')
log(`load average at the end ${results.loadEnd.map((x) => x.toFixed(2)).join(' ')}; wrote out/perf/${label}.json`)
