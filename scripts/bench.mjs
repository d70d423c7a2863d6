#!/usr/bin/env node
/**
 * Speed benchmark (issue 7): Newsmark's full tagging against a bare remark
 * parse and the peers, on inputs generated deterministically in memory from
 * `examples/poland-ottawa.md`.
 *
 * Usage: `npm run bench` (production build first), or
 *   node scripts/bench.mjs [--quick] [--articles N] [--peer-articles K]
 *                          [--profile | --no-profile] [--no-check] [--no-write]
 *
 * Inputs: a 10,000-character article, a 100,000- and a 1,000,000-character
 * Markdown file (sections of varied paragraphs, some as quotes and lists),
 * and N articles (default 10,000), each a variant of the example (names,
 * places, numbers, months and paragraph order changed by a seeded PRNG).
 *
 * Systems, timed in one run on the same strings: a bare
 * `unified().use(remarkParse).parse()`, Newsmark's own parser (remark-parse +
 * front matter + GFM + directives, `createProcessor().parse()`), Newsmark's
 * full `analyzeSync`, compromise (`nlp(text)` + `.people()`, `.places()`,
 * `.organizations()`) and chrono-node (`chrono.parse(text, date)`).
 * Single documents: warm-up runs, then repetitions taken round-robin over the
 * systems, median reported. Articles: one timed pass
 * per system after a warm-up on the first articles (compromise only over the
 * first K articles, default 1,000: it runs at ~0.1 MB/s).
 *
 * Also: scaling (time ratio for 10x input), one-character edits in the 1 MB
 * file (after analysing it once, with the per-process cache; every other
 * analysis is cold, the cache off), `newsmark check` over the N articles
 * written as files with `--jobs 1` and one thread per core (`--no-check` to
 * skip), memory for the 1 MB file (in a fresh child process: RSS, peak
 * RSS, heap), and the heap as 1,200 articles open and close one after
 * another (`scripts/open-close.mjs`, another child). When tagging misses the 3x target on 1 MB (or with `--profile`), a
 * child analyses the 1 MB file under `node --cpu-prof` on an unminified build
 * and the top self-time functions are listed.
 *
 * Runs on the production build `dist/core.mjs` (copied to `out/bench/` first,
 * so a concurrent rebuild cannot swap it mid-run). Writes the tables into
 * `docs/benchmark.md` between its `bench` markers unless `--no-write`.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import v8 from 'node:v8'
import vm from 'node:vm'
import {makeArticle, makeDocument} from './bench-inputs.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outDir = path.join(root, 'out/bench')
const argv = process.argv.slice(2)
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback)
const quick = argv.includes('--quick')

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc')

// ---------------------------------------------------------------------------
// Children: memory and profile

if (argv.includes('--child')) {
  const kind = option('--child')
  if (kind === 'sample') {
    // Print an input, to look at: `--child sample --size 3000` or `--article 7`.
    console.log(argv.includes('--article') ? makeArticle(Number(option('--article'))) : makeDocument(Number(option('--size', 3000)), 1))
    process.exit(0)
  }

  const rssBase = process.memoryUsage().rss
  const child = await import(pathToFileURL(option('--core')).href)
  const {setAnalysisCache} = child
  const childBatch = child.createNewsmark?.({caches: false})
  const analyzeSync = childBatch ? (value) => childBatch.analyzeSync(value) : child.analyzeSync
  // A cold analysis: the generated file repeats sentences, which a cache
  // would not analyse twice. (`analyzeSync` keeps nothing; cores before
  // `createNewsmark` had a per-process cache, turned off here.)
  setAnalysisCache?.(false)
  const size = Number(option('--size', 1_000_000))
  const text = makeDocument(size, 1)
  if (kind === 'memory') {
    gc()
    const before = process.memoryUsage()
    const started = performance.now()
    const file = analyzeSync(text)
    const ms = performance.now() - started
    // What the result holds: V8 frees part of an analysis's garbage (tens
    // of MB for 1 MB) only a few full collections after it.
    for (let index = 0; index < 5; index++) {
      gc()
      await new Promise((resolve) => setTimeout(resolve, 0))
    }

    const after = process.memoryUsage()
    const peakRss = process.resourceUsage().maxRSS * 1024
    const n = file.data.newsmark
    console.log(
      JSON.stringify({
        ms,
        rssBase,
        rssBefore: before.rss,
        rssAfter: after.rss,
        heapBefore: before.heapUsed,
        heapAfter: after.heapUsed,
        peakRss,
        entities: n.entities.length,
        dates: n.dates.length,
        claims: n.claims.length
      })
    )
  } else if (kind === 'profile') {
    analyzeSync(makeDocument(10_000, 2))
    const started = performance.now()
    analyzeSync(text)
    console.log(JSON.stringify({ms: performance.now() - started}))
  }

  process.exit(0)
}

// ---------------------------------------------------------------------------
// Main

const articleCount = Number(option('--articles', quick ? 300 : 10_000))
const peerArticles = Math.min(articleCount, Number(option('--peer-articles', quick ? 100 : 1_000)))
const distCore = path.join(root, 'dist/core.mjs')
if (!fs.existsSync(distCore)) {
  console.error('newsmark bench: dist/core.mjs is missing: run `node esbuild.mjs --production` first (`npm run bench` does).')
  process.exit(2)
}

const distSource = fs.readFileSync(distCore, 'utf8')
const minified = distSource.split('\n').length < 1000
if (!minified) {
  console.error('newsmark bench: warning: dist/core.mjs does not look minified; `npm run bench` builds with --production.')
}

fs.mkdirSync(outDir, {recursive: true})
const corePath = path.join(outDir, 'core.mjs')
fs.writeFileSync(corePath, distSource)

// The unminified build to profile, made now from the same src/ as dist/ (a
// later build could see other engineers' newer edits).
const profileCore = path.join(outDir, 'core.profile.mjs')
if (!argv.includes('--no-profile')) {
  const esbuild = await import('esbuild')
  await esbuild.build({
    entryPoints: [path.join(root, 'src/core/index.ts')],
    outfile: profileCore,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: false,
    logLevel: 'silent',
    banner: {js: "import {createRequire as __nmCreateRequire} from 'node:module';const require = __nmCreateRequire(import.meta.url);"}
  })
}

const core = await import(pathToFileURL(corePath).href)
const {createNewsmark, createProcessor, setAnalysisCache} = core
// Cold analyses of documents throughout (the generated inputs repeat
// sentences: a cache would skip them), but for the edits below; what is
// learnt of words is kept, as a batch of articles keeps it
// (`createNewsmark({caches: false})`; cores before it had a per-process
// cache, turned off here but for words).
setAnalysisCache?.(false)
const batch = createNewsmark?.({caches: false})
const analyzeSync = batch ? (value) => batch.analyzeSync(value) : core.analyzeSync
const {unified} = await import('unified')
const {default: remarkParse} = await import('remark-parse')
const {default: nlp} = await import('compromise')
const chrono = await import('chrono-node')

const version = (name) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version
const bare = unified().use(remarkParse).freeze()
const newsmarkParser = createProcessor()
const chronoReference = new Date('2026-01-16T12:00:00')

let sink = 0
const systems = [
  {id: 'bare', name: 'bare remark parse (`unified().use(remarkParse).parse()`)', run: (text) => bare.parse(text).children.length},
  {id: 'parser', name: 'Newsmark’s full parser (`createProcessor().parse()`: remark-parse + front matter + all of GFM + directives; `analyzeSync` parses with only the constructs a document may hold, in slices of 64 K characters from 128 K on)', run: (text) => newsmarkParser.parse(text).children.length},
  {
    id: 'newsmark',
    name: '**Newsmark `analyzeSync`** (full tagging)',
    run(text) {
      const data = analyzeSync(text).data.newsmark
      return data.entities.length + data.dates.length + data.claims.length
    }
  },
  {
    id: 'compromise',
    name: `compromise ${version('compromise')} (people, places, organizations)`,
    run(text) {
      const doc = nlp(text)
      return doc.people().length + doc.places().length + doc.organizations().length
    }
  },
  {id: 'chrono', name: `chrono-node ${version('chrono-node')} (\`chrono.parse\`)`, run: (text) => chrono.parse(text, chronoReference).length}
]

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Time every system on one string: warm-up runs each (at least `warmup`, and
 * until `warmupMs` have passed, so the JIT has settled on small inputs), then
 * `reps` rounds over the systems. No GC is forced between runs: a forced
 * full GC shrinks V8's young generation and makes the next parse of a 10 KB
 * article several times slower (measured: 1.6 ms -> 12 ms for a bare parse),
 * which is not what a long-running editor or CLI sees.
 */
function timeDocument(label, text, {warmup, warmupMs, reps}) {
  process.stderr.write(`${label} (${text.length.toLocaleString('en')} chars): warm-up`)
  for (const system of systems) {
    const until = performance.now() + warmupMs
    for (let i = 0; i < warmup || performance.now() < until; i++) sink += system.run(text)
  }

  const times = new Map(systems.map((system) => [system.id, []]))
  for (let round = 0; round < reps; round++) {
    process.stderr.write(` ${round + 1}`)
    for (const system of systems) {
      const cpu = process.cpuUsage()
      const started = performance.now()
      sink += system.run(text)
      const wall = performance.now() - started
      const used = process.cpuUsage(cpu)
      times.get(system.id).push([wall, (used.user + used.system) / 1000])
    }
  }

  process.stderr.write('\n')
  return new Map(
    [...times].map(([id, values]) => [
      id,
      {
        ms: median(values.map(([wall]) => wall)),
        min: Math.min(...values.map(([wall]) => wall)),
        cpu: median(values.map(([, cpu]) => cpu)),
        chars: text.length
      }
    ])
  )
}

const loadStart = os.loadavg()
const started = performance.now()
const sizes = [
  {id: '10k', label: 'article, 10 KB', size: 10_000, warmup: 5, warmupMs: quick ? 500 : 1500, reps: quick ? 7 : 21},
  {id: '100k', label: 'file, 100 KB', size: 100_000, warmup: 2, warmupMs: quick ? 0 : 1000, reps: quick ? 3 : 7},
  {id: '1m', label: 'file, 1 MB', size: 1_000_000, warmup: 1, warmupMs: 0, reps: quick ? 1 : 3}
]
/** @type {Map<string, Map<string, {ms: number, chars: number, runs?: number[]}>>} */
const results = new Map()
const texts = new Map()
for (const input of sizes) {
  const text = makeDocument(input.size, 1)
  texts.set(input.id, text)
  results.set(input.id, timeDocument(input.label, text, input))
}

// One-character edits, as the editor analyses them: the file analysed once,
// then edit after edit (each on the text the last one left), with what the
// core keeps of the last analysis (the last tree, which `reparse` splices
// the edited blocks into; per block its prose and date expressions; per
// sentence its tokens, entity tags, mentions, attribution and what the
// rules read of it).
/**
 * Time one-character edits of a text: a letter replaced (the rest of the
 * file stays where it was), or a letter typed (what follows moves by one).
 *
 * @param {string} text
 * @param {number} count
 * @param {boolean} [insert]
 * @returns {{wall: number[], cpu: number[]}}
 */
function timeEdits(text, count, insert = false) {
  const wall = []
  const cpu = []
  // As the editor runs: one instance that keeps what an edit leaves alone
  // (a per-process cache in cores before `createNewsmark`).
  setAnalysisCache?.(false)
  setAnalysisCache?.(true)
  const newsmark = createNewsmark?.()
  const run = (value) => {
    const data = (newsmark ? newsmark.analyzeSync(value) : analyzeSync(value)).data.newsmark
    return data.entities.length + data.dates.length + data.claims.length
  }
  sink += run(text)
  let current = text
  for (const at of [0.25, 0.5, 0.75, 0.4, 0.6].slice(0, count)) {
    let position = Math.floor(current.length * at)
    while (!/[a-z]/.test(current[position])) position++
    current = insert
      ? current.slice(0, position) + 'e' + current.slice(position)
      : current.slice(0, position) + (current[position] === 'e' ? 'a' : 'e') + current.slice(position + 1)
    const before = process.cpuUsage()
    const t = performance.now()
    sink += run(current)
    wall.push(performance.now() - t)
    const used = process.cpuUsage(before)
    cpu.push((used.user + used.system) / 1000)
  }

  return {wall, cpu}
}

const big = texts.get('1m')
const edits100k = timeEdits(texts.get('100k'), quick ? 1 : 5)
const {wall: editTimes, cpu: editCpu} = timeEdits(big, quick ? 1 : 5)
const typed = timeEdits(big, quick ? 1 : 5, true)
setAnalysisCache?.(false)

// N articles: one pass per system, per-article times kept.
process.stderr.write(`${articleCount.toLocaleString('en')} articles: generating`)
const articles = Array.from({length: articleCount}, (_, i) => makeArticle(i))
const articleChars = articles.reduce((n, article) => n + article.length, 0)
const peerChars = articles.slice(0, peerArticles).reduce((n, article) => n + article.length, 0)
const articleTimes = new Map()
const articleCpu = new Map()
for (const system of systems) {
  const count = system.id === 'compromise' ? peerArticles : articleCount
  process.stderr.write(`, ${system.id}`)
  for (const article of articles.slice(0, Math.min(20, count))) sink += system.run(article)
  const each = new Float64Array(count)
  const cpu = process.cpuUsage()
  for (let i = 0; i < count; i++) {
    const t = performance.now()
    sink += system.run(articles[i])
    each[i] = performance.now() - t
  }

  const used = process.cpuUsage(cpu)
  articleTimes.set(system.id, each)
  articleCpu.set(system.id, (used.user + used.system) / 1000)
}

process.stderr.write('\n')
const sum = (values, count = values.length) => {
  let total = 0
  for (let i = 0; i < count; i++) total += values[i]
  return total
}

// `newsmark check` over the same articles, as files: one thread, then one per
// core (worker threads), timed by /usr/bin/time when there is one (CPU time
// and peak RSS of all threads).
const cores = os.availableParallelism()
const check = {runs: [], identical: undefined}
const distCli = path.join(root, 'dist/cli.mjs')
if (!argv.includes('--no-check') && fs.existsSync(distCli)) {
  process.stderr.write(`check: writing ${articleCount.toLocaleString('en')} files`)
  const folder = path.join(outDir, 'articles')
  fs.rmSync(folder, {recursive: true, force: true})
  fs.mkdirSync(folder, {recursive: true})
  for (const [index, article] of articles.entries()) {
    fs.writeFileSync(path.join(folder, `article-${String(index).padStart(5, '0')}.md`), article)
  }

  const cliPath = path.join(outDir, 'cli.mjs')
  fs.copyFileSync(distCli, cliPath)
  const timer = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined
  const reports = []
  for (const jobs of [...new Set([1, cores])]) {
    process.stderr.write(`, --jobs ${jobs}`)
    const command = [process.execPath, cliPath, 'check', '--jobs', String(jobs), folder]
    const started = performance.now()
    const result = timer
      ? spawnSync(timer, ['-f', '%U %S %M', ...command], {encoding: 'utf8', maxBuffer: 1 << 30})
      : spawnSync(command[0], command.slice(1), {encoding: 'utf8', maxBuffer: 1 << 30})
    const wall = performance.now() - started
    let stderr = result.stderr
    let cpu
    let peakRss
    if (timer) {
      const lines = stderr.trimEnd().split('\n')
      const [user, system, maxKb] = lines.pop().split(' ').map(Number)
      cpu = (user + system) * 1000
      peakRss = maxKb * 1024
      stderr = lines.join('\n')
    }

    reports.push(stderr)
    check.runs.push({jobs, wall, cpu, peakRss, code: result.status})
  }

  check.identical = reports.every((report) => report === reports[0])
  process.stderr.write('\n')
}

// Memory of the 1 MB file, in a fresh process.
process.stderr.write('memory (child process)\n')
const memory = JSON.parse(
  execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', 'memory', '--core', corePath, '--size', '1000000'], {
    encoding: 'utf8'
  })
)

// What the caches keep as articles open and close one after another (each
// analysed with its path, then \`forget\`), in a fresh process.
const openCloseCount = quick ? 120 : 1200
process.stderr.write(`open and close ${openCloseCount} articles (child process)\n`)
const openClose = JSON.parse(
  execFileSync(process.execPath, [path.join(root, 'scripts', 'open-close.mjs'), String(openCloseCount), corePath, '--json'], {
    encoding: 'utf8'
  })
)

// ---------------------------------------------------------------------------
// Tables

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`
const rate = (chars, ms) => {
  const perSecond = (chars / ms) * 1000
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M` : `${Math.round(perSecond).toLocaleString('en')}`
}

const ratio = (x) => (x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(1)}×`)
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2))

const speed = [
  '| input | system | median ms | min ms | CPU ms | chars/s | time ÷ bare remark parse |',
  '|---|---|---|---|---|---|---|'
]
for (const input of sizes) {
  const byId = results.get(input.id)
  const bareMs = byId.get('bare').ms
  for (const system of systems) {
    const r = byId.get(system.id)
    speed.push(
      `| ${input.label} (${r.chars.toLocaleString('en')} chars) | ${system.name} | ${ms(r.ms)} | ${ms(r.min)} | ${ms(r.cpu)} | ${rate(r.chars, r.ms)} | ${ratio(r.ms / bareMs)} |`
    )
  }
}

const bareArticles = articleTimes.get('bare')
for (const system of systems) {
  const each = articleTimes.get(system.id)
  const count = each.length
  const chars = count === articleCount ? articleChars : peerChars
  const total = sum(each)
  const label = `${count.toLocaleString('en')} articles (${(chars / 1e6).toFixed(1)} M chars, one pass)`
  speed.push(
    `| ${label} | ${system.name} | ${ms(total)} total | ${ms(median([...each]))} median per article | ${ms(articleCpu.get(system.id))} | ${rate(chars, total)} | ${ratio(total / sum(bareArticles, count))} |`
  )
}

const scaling = [
  '| system | 10 KB → 100 KB: wall / CPU time ratio | 100 KB → 1 MB: wall / CPU time ratio |',
  '|---|---|---|'
]
/** Time ratio of two inputs (median wall or CPU time), normalised to exactly 10× the characters. */
const scale = (id, from, to, key = 'ms') => {
  const small = results.get(from).get(id)
  const large = results.get(to).get(id)
  return (large[key] / small[key]) * ((10 * small.chars) / large.chars)
}
const both = (id, from, to) => `${ratio(scale(id, from, to))} / ${ratio(scale(id, from, to, 'cpu'))}`
for (const system of systems) {
  scaling.push(`| ${system.name} | ${both(system.id, '10k', '100k')} | ${both(system.id, '100k', '1m')} |`)
}

const at1m = (id, key = 'ms') => results.get('1m').get(id)[key] / results.get('1m').get('bare')[key]
const newsmark1m = at1m('newsmark')
const newsmark1mCpu = at1m('newsmark', 'cpu')
const compromise1m = at1m('compromise')
const worstScale = Math.max(scale('newsmark', '10k', '100k'), scale('newsmark', '100k', '1m'))
const worstScaleCpu = Math.max(scale('newsmark', '10k', '100k', 'cpu'), scale('newsmark', '100k', '1m', 'cpu'))
const verdict = (wall, cpu, limit) =>
  wall <= limit && cpu <= limit ? '**met**' : wall > limit && cpu > limit ? '**not met**' : `**${cpu <= limit ? 'met on CPU time' : 'met on wall time'} only**`
const newsmarkArticlesMs = sum(articleTimes.get('newsmark'))
const newsmarkArticlesRate = (articleChars / newsmarkArticlesMs) * 1000
const yes = (ok) => (ok ? '**met**' : '**not met**')
function checkTarget() {
  const label = `| \`newsmark check\` over ${articleCount.toLocaleString('en')} articles > 1 MB/s (both cores) |`
  const single = `one thread of \`analyzeSync\`: ${(newsmarkArticlesRate / 1e6).toFixed(2)} M chars/s`
  if (check.runs.length === 0) return `${label} not measured (\`--no-check\` or no \`dist/cli.mjs\`); ${single} | |`
  const bytes = Buffer.byteLength(articles.join(''))
  const runs = check.runs.map(
    (run) =>
      `\`--jobs ${run.jobs}\`: ${(bytes / 2 ** 20 / (run.wall / 1000)).toFixed(2)} MB/s (${Math.round((articleCount / run.wall) * 1000)} articles/s, ${(run.wall / 1000).toFixed(1)} s${run.cpu === undefined ? '' : `, CPU ${(run.cpu / 1000).toFixed(1)} s`}${run.peakRss === undefined ? '' : `, peak RSS ${mb(run.peakRss)}`})`
  )
  const best = Math.max(...check.runs.map((run) => bytes / 2 ** 20 / (run.wall / 1000)))
  return `${label} ${runs.join('; ')}; reports ${check.identical ? 'identical' : '**differ**'}; ${single} | ${yes(best > 1)} |`
}
const targets = [
  '| issue 7 target | measured | |',
  '|---|---|---|',
  `| full tagging ≤ 3× a bare remark parse on the 1 MB file | ${ratio(newsmark1m)} wall, ${ratio(newsmark1mCpu)} CPU time (compromise alone: ${ratio(compromise1m)} wall) | ${verdict(newsmark1m, newsmark1mCpu, 3)} |`,
  `| linear: 10× input → ≤ 11× time | wall / CPU: ${both('newsmark', '10k', '100k')} (10 KB → 100 KB), ${both('newsmark', '100k', '1m')} (100 KB → 1 MB) | ${verdict(worstScale, worstScaleCpu, 11)} |`,
  `| re-analysis after a one-character edit in the 1 MB file ≤ 50 ms | a letter replaced: ${editTimes.map(ms).join(', ')} ms wall (${editCpu.map(ms).join(', ')} ms CPU); a letter typed (the rest of the file moves): ${typed.wall.map(ms).join(', ')} ms wall: five edits each, in a row, after analysing the file once. The edited blocks are parsed again and spliced into the last tree; unchanged blocks keep their prose and dates (a block that moved keeps its offset maps, counted from a new base), unchanged sentences their tokens (moved in place when the sentence moved), entity tags, mentions, attribution (replayed when it resolved a pronoun) and what each rule reads of their words; clustering, the claims and the rules still pass over every sentence of the file, about 1 µs each per stage. On the 100 KB file: ${edits100k.wall.map(ms).join(', ')} ms wall | ${yes(Math.max(...editTimes, ...typed.wall) <= 50)} |`,
  `| < 200 MB resident for the 1 MB file | peak RSS ${mb(memory.peakRss)}; RSS ${memory.rssBase ? `${mb(memory.rssBase)} (Node alone) → ` : ''}${mb(memory.rssBefore)} (bundle loaded) → ${mb(memory.rssAfter)} (+${mb(memory.rssAfter - memory.rssBefore)}); heapUsed ${mb(memory.heapBefore)} → ${mb(memory.heapAfter)} with the result held | ${yes(memory.peakRss < 200 * 2 ** 20)} |`,
  `| the editor keeps results only for open documents | heap in use, ${openClose.articles.toLocaleString('en')} distinct articles opened and closed one after another (each analysed with its path, then \`forget\`): ${mb(openClose.before)} after the first → ${openClose.marks.map(([, bytes]) => mb(bytes)).join(', ')} (\`scripts/open-close.mjs\`; the extension's own results: \`test/vscode\`) | ${yes(openClose.after - openClose.before < 10 * 2 ** 20)} |`,
  checkTarget()
]

fs.writeFileSync(
  path.join(outDir, 'results.json'),
  JSON.stringify(
    {
      documents: Object.fromEntries([...results].map(([id, byId]) => [id, Object.fromEntries(byId)])),
      articles: Object.fromEntries(
        [...articleTimes].map(([id, each]) => [id, {count: each.length, totalMs: sum(each), cpuMs: articleCpu.get(id)}])
      ),
      articleChars,
      peerChars,
      editTimes,
      edits100k,
      editCpu,
      typed,
      check,
      memory,
      openClose
    },
    null,
    2
  ) + '\n'
)

// ---------------------------------------------------------------------------
// Profile (when the 1 MB target is missed, or asked for)

let profile = []
let profileNote = ''
if (argv.includes('--profile') || (!argv.includes('--no-profile') && newsmark1m > 3)) {
  process.stderr.write('profile: unminified build + node --cpu-prof on the 1 MB file\n')
  const profileDir = path.join(outDir, 'profile')
  fs.rmSync(profileDir, {recursive: true, force: true})
  try {
    const profiled = JSON.parse(
      execFileSync(
        process.execPath,
        ['--cpu-prof', '--cpu-prof-dir', profileDir, fileURLToPath(import.meta.url), '--child', 'profile', '--core', profileCore, '--size', '1000000'],
        {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}
      )
    )
    const file = fs.readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'))
    profile = summariseProfile(JSON.parse(fs.readFileSync(path.join(profileDir, file), 'utf8')), profileCore)
    profileNote = `\`node --cpu-prof\` of one \`analyzeSync\` on the 1 MB file (${ms(profiled.ms)} ms, after a 10 KB warm-up) on an unminified build of src/core (\`out/bench/core.profile.mjs\`; the profile is in \`out/bench/profile/\`, open it in Chrome DevTools or VS Code). Self time over the whole child process:`
  } catch (error) {
    profileNote = `Profile failed: ${String(error.stderr ?? error.message).split('\n').find((line) => /Error/.test(line)) ?? error.message}`
    console.error(profileNote)
  }
}

/**
 * Self time by function and by source module of a `.cpuprofile`. The source
 * module of a bundle line is the `// src/...` comment esbuild writes before
 * each module.
 */
function summariseProfile(cpu, bundlePath) {
  const bundleLines = fs.readFileSync(bundlePath, 'utf8').split('\n')
  const moduleAt = []
  let current = '(bundle)'
  for (const line of bundleLines) {
    const match = line.match(/^\/\/ ((?:src|node_modules)\/\S+)$/)
    if (match) current = match[1]
    moduleAt.push(current)
  }

  const bundleUrl = pathToFileURL(bundlePath).href
  const nodes = new Map(cpu.nodes.map((node) => [node.id, node]))
  const self = new Map()
  for (let i = 0; i < cpu.samples.length; i++) {
    const delta = cpu.timeDeltas[i] ?? 0
    self.set(cpu.samples[i], (self.get(cpu.samples[i]) ?? 0) + delta)
  }

  const byFunction = new Map()
  const byModule = new Map()
  /** Line ticks per function, to name its hottest line. */
  const lineTicks = new Map()
  let total = 0
  for (const [id, micros] of self) {
    const {callFrame, positionTicks} = nodes.get(id)
    const inBundle = callFrame.url === bundleUrl
    const module = inBundle ? moduleAt[callFrame.lineNumber] ?? '(bundle)' : callFrame.url ? path.basename(callFrame.url) : `(${callFrame.functionName || 'native'})`
    const name = `${callFrame.functionName || '(anonymous)'} — ${module}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros)
    byModule.set(module, (byModule.get(module) ?? 0) + micros)
    total += micros
    if (inBundle) {
      const ticks = lineTicks.get(name) ?? new Map()
      for (const {line, ticks: count} of positionTicks ?? []) ticks.set(line, (ticks.get(line) ?? 0) + count)
      lineTicks.set(name, ticks)
    }
  }

  const hottestLine = (name) => {
    const ticks = [...(lineTicks.get(name) ?? [])]
    const all = ticks.reduce((n, [, count]) => n + count, 0)
    if (all === 0) return ''
    const [line, count] = ticks.sort((a, b) => b[1] - a[1])[0]
    const code = bundleLines[line - 1].trim()
    return `${Math.round((100 * count) / all)} % on \`${code.length > 110 ? `${code.slice(0, 107)}…` : code}\``
  }

  const top = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, micros]) => ({name, ms: micros / 1000, share: micros / total, line: hottestLine(name)}))
  return {functions: top(byFunction, 15), modules: top(byModule, 12), totalMs: total / 1000}
}

// ---------------------------------------------------------------------------
// Output

const elapsed = (performance.now() - started) / 1000
const cpus = os.cpus()
const machine = `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; load average at start ${loadStart.map((x) => x.toFixed(2)).join(' ')} (a shared machine)`
let revision = ''
try {
  revision = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8'}).trim()
  const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], {cwd: root, encoding: 'utf8'}).trim()
  if (dirty) revision += ' + uncommitted changes in src/'
} catch {}

const command = ['node scripts/bench.mjs', ...argv].join(' ')
const lines = [
  'Wall-clock times; *min ms* is the fastest repetition and *CPU ms* the median process CPU time (user + system, all threads), which the other jobs on this shared machine disturb less than the wall clock. chars/s and the ratio use the median wall time.',
  '',
  speed.join('\n'),
  '',
  'Scaling (median time of the bigger input ÷ the smaller, scaled to exactly 10× the characters; linear is 10×). Wall time on a shared machine picks up other jobs; CPU time does not wait for them but counts GC helper threads, which weighs on the small inputs:',
  '',
  scaling.join('\n'),
  '',
  targets.join('\n')
]
if (profileNote && !profile.functions) lines.push('', profileNote)
if (profile.functions) {
  lines.push(
    '',
    profileNote,
    '',
    '| self ms | share | function — module | hottest line (share of the function’s ticks) |',
    '|---|---|---|---|',
    ...profile.functions.map(
      (f) => `| ${f.ms.toFixed(0)} | ${(100 * f.share).toFixed(1)} % | ${f.name.replaceAll('|', '\\|')} | ${f.line.replaceAll('|', '\\|')} |`
    ),
    '',
    '| self ms | share | module |',
    '|---|---|---|',
    ...profile.modules.map((f) => `| ${f.ms.toFixed(0)} | ${(100 * f.share).toFixed(1)} % | ${f.name} |`)
  )
}

const printed = lines.join('\n')
console.log(printed)
console.log(`\nCommand: \`${command}\` (${elapsed.toFixed(0)} s), on ${machine}.`)

if (!argv.includes('--no-write')) {
  const docPath = path.join(root, 'docs/benchmark.md')
  const section = [
    '<!-- bench:start (generated by `npm run bench`: edit scripts/bench.mjs, not this block) -->',
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine}; Newsmark ${revision ? `at ${revision}` : ''}, production build (\`dist/core.mjs\`${minified ? ', minified' : ', NOT minified'}), ${elapsed.toFixed(0)} s in all.`,
    '',
    '```sh',
    command === 'node scripts/bench.mjs' ? 'npm run bench   # = node esbuild.mjs --production && node scripts/bench.mjs' : `node esbuild.mjs --production && ${command}`,
    '```',
    '',
    `Inputs are generated in memory from \`examples/poland-ottawa.md\` (seeded, so every run sees the same strings): Markdown files of about 10,000, 100,000 and 1,000,000 characters, cut at a block boundary (front matter, a title, then sections of its paragraphs with names, places, months and numbers varied, some as quotes and lists), and ${articleCount.toLocaleString('en')} articles, each a variant of the whole example (${(articleChars / articleCount / 1000).toFixed(1)} K chars on average). Single files: ${sizes.map((s) => `${s.label.split(',')[1].trim()}: ≥ ${s.warmup} warm-up runs${s.warmupMs ? ` and ≥ ${s.warmupMs / 1000} s` : ''}, median of ${s.reps}`).join('; ')}, round-robin over the systems (no forced GC between runs: it would slow the next run several-fold). Articles: one timed pass per system after a 20-article warm-up${peerArticles < articleCount ? `; compromise over the first ${peerArticles.toLocaleString('en')} only, its ratio against the bare parse of those same articles` : ''}. Peers get the raw Markdown, as Newsmark does.`,
    '',
    printed,
    '<!-- bench:end -->'
  ].join('\n')
  let doc = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : ''
  const block = /<!-- bench:start[\s\S]*?<!-- bench:end -->/
  if (block.test(doc)) doc = doc.replace(block, () => section)
  else doc = `${doc ? `${doc.trimEnd()}\n\n` : '# Benchmark\n\n'}## Speed and memory (issue 7)\n\n${section}\n`
  fs.mkdirSync(path.dirname(docPath), {recursive: true})
  fs.writeFileSync(docPath, doc)
  console.error(`wrote ${path.relative(root, docPath)}`)

  // The summary in CONTRIBUTING.md: the machine, the command and the targets table.
  const summaryPath = path.join(root, 'CONTRIBUTING.md')
  const page = fs.readFileSync(summaryPath, 'utf8')
  const summary = /<!-- bench-summary:start[\s\S]*?<!-- bench-summary:end -->/
  if (summary.test(page)) {
    const text = [
      '<!-- bench-summary:start (generated by `npm run bench`) -->',
      `Measured on ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` on ${machine}, production build; every row and the peers are in [docs/benchmark.md](docs/benchmark.md).`,
      '',
      ...targets,
      '<!-- bench-summary:end -->'
    ].join('\n')
    fs.writeFileSync(summaryPath, page.replace(summary, () => text))
    console.error('wrote CONTRIBUTING.md')
  }
}

if (sink === 0.5) console.log('') // keep results observable
