/**
 * False-positive rate of the claim-level rules on sentences labelled not
 * check-worthy (`"label":0`) in the CheckThat! 2024 English dev split: the
 * share of those sentences each rule flags. Sentences labelled check-worthy
 * are counted too, for contrast (a rule should fire more often there).
 *
 *   node --import tsx scripts/rules-fp.ts [GOLD.jsonl] [--examples N]
 *
 * Each sentence is tagged on its own as plain text (no reference date, no
 * fact base), and every rule runs on it. `--examples N` prints up to N
 * flagged label-0 sentences per rule.
 */
import fs from 'node:fs'
import {VFile} from 'vfile'
import {viewText} from '../src/core/document.ts'
import {normalizeOptions} from '../src/core/options.ts'
import {runRules} from '../src/core/rules/index.ts'
import {tagDocument} from '../src/core/tag.ts'

const DEFAULT_GOLD = '/work/shared/eval/data/checkthat2024/dev.jsonl'
const claimRules = ['unattributed-claim', 'unsourced-number', 'vague-source', 'loaded-verb', 'quote-without-speaker', 'hedging']

const argv = process.argv.slice(2)
let goldPath = DEFAULT_GOLD
let examples = 0
for (let index = 0; index < argv.length; index++) {
  if (argv[index] === '--examples') examples = Number(argv[++index])
  else goldPath = argv[index]
}

const rows = fs
  .readFileSync(goldPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as {id: string; text: string; label: number})

const settings = normalizeOptions({})
const counts = new Map<string, [number, number]>(claimRules.map((id) => [id, [0, 0]]))
const any: [number, number] = [0, 0]
const totals: [number, number] = [0, 0]
const shown = new Map<string, string[]>()
const failed: string[] = []
const t0 = performance.now()

for (const row of rows) {
  const label = row.label === 1 ? 1 : 0
  const file = new VFile({value: row.text})
  const document = viewText(row.text)
  try {
    file.data.newsmark = tagDocument(document, undefined, settings)
  } catch (error) {
    // A tagger bug on one sentence should not stop the measurement.
    failed.push(`${row.id}: ${error instanceof Error ? error.message : String(error)}`)
    continue
  }

  runRules(file, file.data.newsmark, null, {document})
  const fired = new Set(file.messages.map((message) => message.ruleId).filter((id) => id && counts.has(id)))
  totals[label]++
  if (fired.size > 0) any[label]++
  for (const id of fired) {
    counts.get(id!)![label]++
    if (label === 0 && examples > 0) {
      const list = shown.get(id!) ?? []
      if (list.length < examples) list.push(row.text)
      shown.set(id!, list)
    }
  }
}

const percent = (n: number, d: number) => (d === 0 ? '—' : ((100 * n) / d).toFixed(1) + '%')
console.log(`${goldPath}: ${totals[0]} sentences labelled 0, ${totals[1]} labelled 1 (${Math.round(performance.now() - t0)} ms)\n`)
console.log('rule                    flagged label 0 (FP rate)   flagged label 1')
for (const [id, [zero, one]] of [...counts, ['any claim-level rule', any] as const]) {
  console.log(`${id.padEnd(24)}${`${zero} (${percent(zero, totals[0])})`.padEnd(28)}${one} (${percent(one, totals[1])})`)
}

if (failed.length > 0) console.log(`\nSkipped (the tagger failed): ${failed.join('; ')}`)

for (const [id, list] of shown) {
  console.log(`\n${id}:`)
  for (const text of list) console.log('  ' + text)
}
