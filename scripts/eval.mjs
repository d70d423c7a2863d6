#!/usr/bin/env node
/**
 * Score Newsmark on the dev splits of `../shared/eval` (optional data: this
 * script says so and exits when it is absent).
 *
 * Usage: `npm run eval` (builds first), or `node scripts/eval.mjs [--task ner|timex|claims|attribution|sources] [--split train]`.
 * Predictions go to `out/eval/`; the scorer's output is printed per task.
 * `sources` judges the Sources view on the PolNeAR articles against their
 * gold speakers (`judgeSources`: no scorer of `../shared/eval` does).
 * `--split train` scores the train split instead of dev (for checking a
 * rule on more than dev; the learnt models were trained on it, so their
 * own numbers there are flattering: compare changes, not levels).
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const evalRoot = path.resolve(root, '../shared/eval')
const scorer = path.join(evalRoot, 'score.mjs')
const cli = path.join(root, 'dist/cli.mjs')

const tasks = [
  {task: 'ner', gold: 'data/conll2003/dev.jsonl', flags: []},
  {task: 'timex', gold: 'data/tempeval3/dev.jsonl', flags: []},
  {task: 'claims', gold: 'data/checkthat2024/dev.jsonl', flags: []},
  {task: 'attribution', gold: 'data/polnear/dev.jsonl', flags: [], scorer: 'score-attribution.mjs'},
  {task: 'sources', gold: 'data/polnear/dev.jsonl', flags: []}
]

// Words of a name that say nothing of who it is.
const titleWords = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'the', 'president', 'of', 'and'])

if (!fs.existsSync(scorer)) {
  console.error(`newsmark eval: ${evalRoot} is absent: the gold data and scorer live in ../shared/eval beside the repository. Nothing to score.`)
  process.exit(2)
}

if (!fs.existsSync(cli)) {
  console.error('newsmark eval: dist/cli.mjs is missing: run `npm run build` first (`npm run eval` does).')
  process.exit(2)
}

const only = process.argv.includes('--task') ? process.argv[process.argv.indexOf('--task') + 1] : undefined
const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : 'dev'
if (split !== 'dev' && split !== 'train') {
  console.error(`newsmark eval: unexpected split \`${split}\`, expected \`dev\` or \`train\` (test is held apart)`)
  process.exit(2)
}
fs.mkdirSync(path.join(root, 'out/eval'), {recursive: true})

for (const {task, gold, flags, scorer: own} of tasks) {
  if (only && task !== only) continue
  const goldFile = gold.replace(/dev\.jsonl$/, `${split}.jsonl`)
  const goldPath = path.join(evalRoot, goldFile)
  if (!fs.existsSync(goldPath)) {
    console.log(`\n## ${task}: ${goldFile} is absent, skipped`)
    continue
  }

  if (task === 'sources') {
    await judgeSources(goldPath, goldFile)
    continue
  }

  const predictions = path.join(root, 'out/eval', `${task}-${split}.jsonl`)
  const started = performance.now()
  const output = execFileSync(process.execPath, [cli, 'eval', '--task', task, goldPath], {maxBuffer: 1 << 28})
  const seconds = (performance.now() - started) / 1000
  fs.writeFileSync(predictions, output)
  console.log(`\n## ${task}: ${goldFile} (${seconds.toFixed(1)} s)\n`)
  const scoring = own ? path.join(evalRoot, own) : scorer
  console.log(`$ node ../shared/eval/${own ?? 'score.mjs'} ${path.join('../shared/eval', goldFile)} out/eval/${task}-${split}.jsonl ${flags.join(' ')}`)
  process.stdout.write(execFileSync(process.execPath, [scoring, goldPath, predictions, ...flags]))
  if (task === 'attribution') {
    // Each line also holds `rules`: what the claim tagger attributed before
    // the quotation model (claim sentence and speaker name), the baseline.
    const rules = path.join(root, 'out/eval', `${task}-rules-${split}.jsonl`)
    const lines = String(output).split('\n').filter(Boolean).map((line) => JSON.parse(line))
    fs.writeFileSync(rules, lines.map(({id, rules}) => JSON.stringify({id, quotes: rules})).join('\n') + '\n')
    for (const kind of [[], ['--kind', 'direct,mixed']]) {
      if (kind.length > 0) {
        console.log(`\n$ node ../shared/eval/${own} ${path.join('../shared/eval', goldFile)} out/eval/${task}-${split}.jsonl ${kind.join(' ')}  # the quotation model`)
        process.stdout.write(execFileSync(process.execPath, [scoring, goldPath, predictions, ...kind]))
      }
      console.log(`\n$ node ../shared/eval/${own} ${path.join('../shared/eval', goldFile)} out/eval/${task}-rules-${split}.jsonl ${kind.join(' ')}  # rule baseline: the claim tagger's attribution`)
      process.stdout.write(execFileSync(process.execPath, [scoring, goldPath, rules, ...kind]))
    }
  }
}

/**
 * Judge the Sources view (`sourcesOf`) of each PolNeAR article against its
 * gold quotes: a source is right when at least half of its quotes that
 * overlap a gold quote have a gold speaker it names (its span overlaps the
 * speaker's, or a word of its name, less titles, is a word of the
 * speaker's words or aliases); wrong when fewer do (a gold quote with no
 * speaker counts against it); noise when none of its quotes is a gold
 * quote. Lenient by design: it tells sources that are clearly someone
 * else's or no one's, not whether a name is written well.
 *
 * @param {string} goldPath
 *   PolNeAR JSONL.
 * @param {string} goldFile
 *   Its path under `../shared/eval`.
 */
async function judgeSources(goldPath, goldFile) {
  // As `newsmark eval --task attribution` reads them: plain text, not
  // Markdown (an indented line is no code block), no dates.
  const {analyzeText, sourcesOf} = await import(pathToFileURL(path.join(root, 'dist/core.mjs')).href)
  const articles = fs.readFileSync(goldPath, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
  const started = performance.now()
  const counts = {listed: 0, right: 0, wrong: 0, noise: 0}
  const byKind = new Map()
  for (const article of articles) {
    const result = analyzeText(article.text, {dates: false}).data.newsmark
    for (const source of sourcesOf(result)) {
      const verdict = judgeSource(source, article.quotes)
      counts.listed++
      counts[verdict]++
      const kind = byKind.get(source.kind) ?? {listed: 0, right: 0}
      kind.listed++
      if (verdict === 'right') kind.right++
      byKind.set(source.kind, kind)
    }
  }

  const seconds = (performance.now() - started) / 1000
  const share = (part, whole) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`)
  console.log(`\n## sources: the Sources view on ${goldFile} (${articles.length} articles, ${seconds.toFixed(1)} s)\n`)
  console.log(`sources listed ${counts.listed}: right ${share(counts.right, counts.listed)}, someone else's ${counts.wrong}, no gold quote ${counts.noise}`)
  console.log(`by kind: ${[...byKind].map(([kind, {listed, right}]) => `${kind} ${share(right, listed)} of ${listed}`).join(', ')}`)
}

/**
 * Words of a name, lower-cased, less titles and one-letter words.
 *
 * @param {string} text
 *   Name.
 * @returns {string[]}
 *   Words.
 */
function nameWords(text) {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length > 1 && !titleWords.has(word))
}

/**
 * The verdict on one source (`judgeSources`).
 *
 * @param {{name: string, quotes: Array<{start: number, end: number, source?: {start: number, end: number}}>}} source
 *   Source of the Sources view.
 * @param {Array<{start: number, end: number, speaker: {start: number, end: number, text: string, aliases?: string[]} | null}>} gold
 *   Gold quotes of its article.
 * @returns {'right' | 'wrong' | 'noise'}
 *   Verdict.
 */
function judgeSource(source, gold) {
  const mine = nameWords(source.name)
  let matched = 0
  let named = 0
  for (const quote of source.quotes) {
    const truth = gold.find((each) => each.start < quote.end && quote.start < each.end)
    if (!truth) continue
    matched++
    const speaker = truth.speaker
    if (!speaker) continue
    const overlaps = quote.source !== undefined && quote.source.start < speaker.end && speaker.start < quote.source.end
    const words = new Set([speaker.text, ...(speaker.aliases ?? [])].flatMap(nameWords))
    if (overlaps || mine.some((word) => words.has(word))) named++
  }

  if (matched === 0) return 'noise'
  return named * 2 >= matched ? 'right' : 'wrong'
}
