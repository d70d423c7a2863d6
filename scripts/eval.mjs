#!/usr/bin/env node
/**
 * Score Newsmark on the dev splits of `../shared/eval` (optional data: this
 * script says so and exits when it is absent).
 *
 * Usage: `npm run eval` (builds first), or `node scripts/eval.mjs [--task ner|timex|claims|attribution] [--split train]`.
 * Predictions go to `out/eval/`; the scorer's output is printed per task.
 * `--split train` scores the train split instead of dev (for checking a
 * rule on more than dev; the learnt models were trained on it, so their
 * own numbers there are flattering: compare changes, not levels).
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const evalRoot = path.resolve(root, '../shared/eval')
const scorer = path.join(evalRoot, 'score.mjs')
const cli = path.join(root, 'dist/cli.mjs')

const tasks = [
  {task: 'ner', gold: 'data/conll2003/dev.jsonl', flags: []},
  {task: 'timex', gold: 'data/tempeval3/dev.jsonl', flags: []},
  {task: 'claims', gold: 'data/checkthat2024/dev.jsonl', flags: []},
  {task: 'attribution', gold: 'data/polnear/dev.jsonl', flags: [], scorer: 'score-attribution.mjs'}
]

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
