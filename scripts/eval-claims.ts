/**
 * Score the check-worthy claim classifier on a labelled JSONL set.
 *
 *   node --import tsx scripts/eval-claims.ts [GOLD.jsonl] [--out PRED.jsonl]
 *
 * GOLD defaults to the CheckThat! 2024 English dev split. Writes one
 * `{"id", "label", "score"}` line per sentence to `out/claims-pred.jsonl`
 * (or `--out`), then runs `node /work/shared/eval/score.mjs GOLD PRED` and
 * prints its output, plus the classifier's throughput.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {CLAIM_THRESHOLD, checkWorthiness} from '../src/core/claims/classifier.ts'

const DEFAULT_GOLD = '/work/shared/eval/data/checkthat2024/dev.jsonl'
const SCORER = '/work/shared/eval/score.mjs'
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const argv = process.argv.slice(2)
let goldPath = DEFAULT_GOLD
let predPath = path.join(root, 'out/claims-pred.jsonl')
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i] as string
  if (arg === '--out') predPath = path.resolve(argv[++i] ?? predPath)
  else goldPath = arg
}
if (!fs.existsSync(goldPath)) {
  console.error(`eval-claims: gold data not found: ${goldPath}`)
  process.exit(2)
}

const rows = fs
  .readFileSync(goldPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as {id: string | number; text: string})

const t0 = performance.now()
const lines = rows.map((row) => {
  const score = checkWorthiness(row.text)
  return JSON.stringify({id: row.id, label: score >= CLAIM_THRESHOLD ? 1 : 0, score: Math.round(score * 1e4) / 1e4})
})
const seconds = (performance.now() - t0) / 1000
fs.mkdirSync(path.dirname(predPath), {recursive: true})
fs.writeFileSync(predPath, lines.join('\n') + '\n')

console.log(`eval-claims: ${rows.length} sentences, threshold ${CLAIM_THRESHOLD}, ${Math.round(rows.length / seconds)} sentences/s`)
console.log(`predictions: ${path.relative(process.cwd(), predPath) || predPath}`)
console.log(`$ node ${SCORER} ${goldPath} ${predPath}`)
if (!fs.existsSync(SCORER)) {
  console.error(`eval-claims: scorer not found: ${SCORER}`)
  process.exit(2)
}
const result = spawnSync(process.execPath, [SCORER, goldPath, predPath], {stdio: 'inherit'})
process.exit(result.status ?? 1)
