#!/usr/bin/env node
/**
 * Score Newsmark and its peers on the DEV splits of `../shared/eval`, with the
 * shared scorer, and print one Markdown table (also written into
 * `docs/accuracy.md` between its `peers` markers).
 *
 * Usage: `npm run peers`, or
 *   node scripts/peers/run.mjs [--only NAME,NAME] [--no-build] [--no-write]
 *
 * - builds `dist/` (`node esbuild.mjs`) unless `--no-build`, then takes
 *   Newsmark's rows from `node dist/cli.mjs eval --task ner|timex|claims`;
 * - runs each peer of `systems.mjs` in its own process (`predict.mjs`);
 * - scores every prediction file with `../shared/eval/score.mjs --json`.
 * Predictions and the scorer's JSON go to `out/peers/`.
 * `--only` takes system names (`newsmark`, `compromise`, `chrono-node`, ...).
 * Exits 2 when `../shared/eval` is absent.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {systems} from './systems.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const evalRoot = path.resolve(root, '../shared/eval')
const scorer = path.join(evalRoot, 'score.mjs')
const outDir = path.join(root, 'out/peers')
const docPath = path.join(root, 'docs/accuracy.md')
const argv = process.argv.slice(2)
const only = argv.includes('--only') ? new Set(argv[argv.indexOf('--only') + 1].split(',')) : undefined
const command = ['node scripts/peers/run.mjs', ...argv].join(' ')

if (!fs.existsSync(scorer)) {
  console.error(
    `newsmark peers: ${evalRoot} is absent: the gold data and its scorer (score.mjs) live in ../shared/eval beside the repository. Nothing to score.`
  )
  process.exit(2)
}

/** Gold sets, by task. */
const sets = {
  ner: {name: 'CoNLL-2003 dev', gold: 'data/conll2003/dev.jsonl'},
  timex: {name: 'TempEval-3 dev', gold: 'data/tempeval3/dev.jsonl'},
  claims: {name: 'CheckThat! 2024 dev', gold: 'data/checkthat2024/dev.jsonl'}
}

/** The peers' TEST scores as `../shared/eval/README.md` gives them (not ours). */
const readmeTest = {
  compromise: '48.3 / 59.2 / –',
  'compromise-dates': '65.6 / 78.0 / 38.6',
  'wink-nlp': '64.1 / 86.3 / 0',
  'chrono-node': '51.2 / 69.8 / 33.5',
  recognizers: '68.3 / 80.3 / 54.6',
  'claims-rule': '45.5 / – / –'
}

/**
 * Rows, in table order: `run` writes the prediction file, `flags` go to the
 * scorer.
 */
const rows = [
  {task: 'ner', system: 'compromise', flags: ['--labels', 'PER,ORG,LOC'], scope: 'PER+ORG+LOC'},
  {task: 'ner', system: 'newsmark', flags: ['--labels', 'PER,ORG,LOC'], scope: 'PER+ORG+LOC'},
  {task: 'ner', system: 'newsmark', flags: [], scope: 'PER+ORG+LOC+MISC'},
  {task: 'timex', system: 'compromise-dates', flags: []},
  {task: 'timex', system: 'wink-nlp', flags: []},
  {task: 'timex', system: 'chrono-node', flags: []},
  {task: 'timex', system: 'recognizers', flags: []},
  {task: 'timex', system: 'newsmark', flags: []},
  {task: 'claims', system: 'claims-rule', flags: []},
  {task: 'claims', system: 'newsmark', flags: []}
].filter((row) => !only || only.has(row.system))

fs.mkdirSync(outDir, {recursive: true})

const needsNewsmark = rows.some((row) => row.system === 'newsmark')
if (needsNewsmark && !argv.includes('--no-build')) {
  console.error('$ node esbuild.mjs')
  execFileSync(process.execPath, ['esbuild.mjs'], {cwd: root, stdio: 'inherit'})
}

const cli = path.join(root, 'dist/cli.mjs')
if (needsNewsmark && !fs.existsSync(cli)) {
  console.error('newsmark peers: dist/cli.mjs is missing: run `node esbuild.mjs` first (or drop --no-build).')
  process.exit(2)
}

const version = (name) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version
const ownVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version

/** Prediction files already made this run, by `task:system`. */
const made = new Map()

/**
 * Make the prediction file of a system on a task.
 *
 * @returns {{file: string, seconds: number, stats: object}}
 */
function predict(task, system) {
  const key = `${task}:${system}`
  if (made.has(key)) return made.get(key)
  const gold = path.join(evalRoot, sets[task].gold)
  const file = path.join(outDir, `${system}-${task}-dev.jsonl`)
  const started = performance.now()
  let stats = {}
  if (system === 'newsmark') {
    console.error(`$ node dist/cli.mjs eval --task ${task} ${path.relative(root, gold)} > ${path.relative(root, file)}`)
    const output = execFileSync(process.execPath, [cli, 'eval', '--task', task, gold], {cwd: root, maxBuffer: 1 << 28})
    fs.writeFileSync(file, output)
  } else {
    console.error(`$ node scripts/peers/predict.mjs ${system} ${path.relative(root, gold)} ${path.relative(root, file)}`)
    const output = execFileSync(process.execPath, [path.join(root, 'scripts/peers/predict.mjs'), system, gold, file], {
      cwd: root,
      maxBuffer: 1 << 20
    })
    stats = JSON.parse(String(output))
  }

  const result = {file, seconds: (performance.now() - started) / 1000, stats}
  made.set(key, result)
  return result
}

/** Run the scorer (`--json`) on a prediction file. */
function score(task, file, flags) {
  const gold = path.join(evalRoot, sets[task].gold)
  const output = execFileSync(process.execPath, [scorer, gold, file, '--json', ...flags], {
    cwd: root,
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  return JSON.parse(String(output))
}

/**
 * Copy of a prediction file with `rawValue` as the value, when some span has
 * one (the recognizers' TIMEX as it was).
 */
function rawVariant(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
  if (!lines.some((line) => line.spans?.some((span) => 'rawValue' in span))) return undefined
  for (const line of lines) {
    for (const span of line.spans) {
      if ('rawValue' in span) span.value = span.rawValue
    }
  }

  const raw = file.replace(/\.jsonl$/, '.raw-timex.jsonl')
  fs.writeFileSync(raw, lines.map((line) => JSON.stringify(line)).join('\n') + '\n')
  return raw
}

const pct = (x) => (100 * x).toFixed(1)
const table = [
  '| task (dev split, this run) | system | exact F1 | lenient F1 | value F1 | peer on TEST, from shared/eval README: exact / lenient / value |',
  '|---|---|---|---|---|---|'
]
const notes = []

for (const row of rows) {
  const {file, seconds, stats} = predict(row.task, row.system)
  const result = score(row.task, file, row.flags)
  const isNewsmark = row.system === 'newsmark'
  const name = isNewsmark
    ? `**Newsmark ${ownVersion}** (\`dist/cli.mjs eval\`)`
    : `${systems[row.system].title} ${systems[row.system].package ? version(systems[row.system].package) : ''}`.trim()
  const task = `${sets[row.task].name}${row.scope ? ` ${row.scope}` : ''}`
  const scorerCommand = `node ../shared/eval/score.mjs ../shared/eval/${sets[row.task].gold} ${path.relative(root, file)} ${row.flags.join(' ')}`.trim()
  let cells
  if (result.kind === 'claims') {
    cells = [pct(result.positive.f1), '–', '–']
  } else {
    cells = [pct(result.micro.exact.f1), pct(result.micro.lenient.f1), result.value ? pct(result.value.f1.f1) : '–']
  }

  table.push(`| ${task} | ${name} | ${cells.join(' | ')} | ${isNewsmark ? '(ours: dev only)' : readmeTest[row.system]} |`)
  fs.writeFileSync(file.replace(/\.jsonl$/, `${row.scope ? `.${row.scope}` : ''}.score.json`), JSON.stringify(result, null, 2) + '\n')
  console.error(`  ${row.system} ${row.scope ?? ''}: ${cells.join(' / ')} (${seconds.toFixed(1)} s) — ${scorerCommand}`)

  if (!isNewsmark && !notes.some((note) => note.startsWith(`- ${systems[row.system].title}:`))) {
    let note = `- ${systems[row.system].title}: ${systems[row.system].note}.`
    if (stats.documentsRetried) {
      note += ` It threw on ${stats.documentsRetried} documents, which were then tagged paragraph by paragraph; ${stats.paragraphsFailed} paragraphs still threw and got no spans.`
    }

    const raw = rawVariant(file)
    if (raw) {
      const rawResult = score(row.task, raw, row.flags)
      note += ` With the TIMEX exactly as returned (no completion), value F1 is ${pct(rawResult.value.f1.f1)}.`
    }

    notes.push(note)
  }
}

const printed = table.join('\n')
console.log(printed)
console.log(`\nCommand: \`${command}\` (scorer: \`node ../shared/eval/score.mjs GOLD PRED [--labels PER,ORG,LOC]\`)`)

if (!argv.includes('--no-write') && !only) {
  const cpus = os.cpus()
  const machine = `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`
  let revision = ''
  try {
    revision = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8'}).trim()
    if (execFileSync('git', ['status', '--porcelain', '--', 'src'], {cwd: root, encoding: 'utf8'}).trim()) {
      revision += ' + uncommitted changes in src/'
    }
  } catch {}

  const section = [
    '<!-- peers:start (generated by `npm run peers`: edit scripts/peers/run.mjs, not this block) -->',
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine}${revision ? `; Newsmark at ${revision}` : ''}.`,
    '',
    'Command:',
    '',
    '```sh',
    command === 'node scripts/peers/run.mjs' ? 'npm run peers   # = node scripts/peers/run.mjs' : command,
    '```',
    '',
    printed,
    '',
    'F1 in %, micro-averaged; exact = same start, end and label; lenient = overlapping span, same label; value F1 = lenient match with the identical TimeML value (TempEval-3 style); CheckThat! F1 is of the positive class. Every number in the table comes from `../shared/eval/score.mjs` on the **dev** splits; the last column is copied from `../shared/eval/README.md` and is the peers’ score on the held-out **test** splits, which we do not have: compare the dev columns with each other, not with that column.',
    '',
    'Read with care:',
    '',
    '- Newsmark’s dev numbers are not held-out numbers. TempEval-3 dev is the only TIMEX data there is (the shared README: “use it to train too”) and the date rules were developed against it (`scripts/eval-timex.ts --errors`); `scripts/train-ner.ts` reports on CoNLL dev after training; the claim classifier is trained on CheckThat! train but evaluated on dev while it was developed. The peers never saw these splits. Expect Newsmark’s test scores to be lower, TIMEX most of all.',
    '- Dev and test differ: the same fixed rule scores far higher on CheckThat! dev than the README’s test figure, so a dev-vs-test gap in the last column is not (only) tuning.',
    '',
    'How each peer was run (`scripts/peers/systems.mjs`):',
    '',
    ...notes,
    '- All peers: spans are JavaScript string offsets into the gold text, checked against it; leading/trailing spaces and punctuation inside a peer’s match (chrono’s `Friday,`) are trimmed; no other post-editing.',
    '<!-- peers:end -->'
  ].join('\n')

  let doc = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : ''
  const block = /<!-- peers:start[\s\S]*?<!-- peers:end -->/
  if (block.test(doc)) {
    doc = doc.replace(block, () => section)
  } else {
    doc = `${doc ? `${doc.trimEnd()}\n\n` : '# Accuracy\n\n'}## Newsmark and its peers on the dev splits\n\n${section}\n`
  }

  fs.mkdirSync(path.dirname(docPath), {recursive: true})
  fs.writeFileSync(docPath, doc)
  console.error(`\nwrote ${path.relative(root, docPath)}`)
}
