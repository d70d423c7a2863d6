/**
 * Evaluate the time-expression tagger on TempEval-3 style JSONL
 * (`{"id", "text", "dct", "spans"}` a line): writes `out/timex-pred.jsonl`
 * and prints the scorer's output.
 *
 *   node --import tsx scripts/eval-timex.ts [GOLD.jsonl] [--errors] [--half A|B]
 *
 * With `--half A` or `--half B`, only the documents of that half: a
 * document is in half A when the FNV-1a hash (32-bit) of its id is even,
 * else in B. Developing on the errors of half A alone leaves half B as an
 * honest measure of what carries over.
 *
 * With `--errors`, also writes `out/timex-errors.tsv` (missed, spurious and
 * wrong-value spans with context) for error analysis.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {tagTimex} from '../src/core/dates/index.ts'

const SCORER = '/work/shared/eval/score.mjs'
const args = process.argv.slice(2)
const gold = args.find((a, n) => !a.startsWith('--') && args[n - 1] !== '--half') ?? '/work/shared/eval/data/tempeval3/dev.jsonl'
if (!fs.existsSync(gold)) {
  console.error(`eval-timex: gold file not found: ${gold}\n(pass a TempEval-3 JSONL file as the first argument)`)
  process.exit(2)
}
interface GoldSpan {start: number; end: number; label: string; value?: string}
interface Row {id: string; text: string; dct?: string; spans?: GoldSpan[]}
const halfAt = args.indexOf('--half')
const half = halfAt >= 0 ? args[halfAt + 1]?.toUpperCase() : undefined
if (half !== undefined && half !== 'A' && half !== 'B') {
  console.error('eval-timex: --half takes A or B')
  process.exit(2)
}
/** FNV-1a, 32-bit: the half of a document, fixed by its id. */
function halfOf(id: string): 'A' | 'B' {
  let h = 0x811c9dc5
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193) >>> 0
  return h % 2 === 0 ? 'A' : 'B'
}
const rows: Row[] = fs.readFileSync(gold, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row).filter((row) => !half || halfOf(row.id) === half)

const outDir = path.resolve('out')
fs.mkdirSync(outDir, {recursive: true})
const predFile = path.join(outDir, 'timex-pred.jsonl')
const errors: string[] = []
let chars = 0
const t0 = performance.now()
let scoredGold = gold
if (half) {
  scoredGold = path.join(outDir, `timex-gold-half-${half}.jsonl`)
  fs.writeFileSync(scoredGold, rows.map((row) => JSON.stringify(row)).join('\n') + '\n')
}
const lines = rows.map((row) => {
  chars += row.text.length
  const found = tagTimex(row.text, row.dct ? {referenceDate: row.dct} : {})
  if (args.includes('--errors')) dumpErrors(row, found)
  return JSON.stringify({id: row.id, spans: found.map((t) => ({start: t.start, end: t.end, label: t.type, value: t.value}))})
})
const ms = performance.now() - t0
fs.writeFileSync(predFile, lines.join('\n') + '\n')
console.log(`${half ? `half ${half}: ` : ''}${rows.length} docs, ${chars} chars, tagged in ${ms.toFixed(0)} ms (${((chars / ms) * 1000 / 1e6).toFixed(2)} M chars/s)\n`)
console.log(execFileSync(process.execPath, [SCORER, scoredGold, predFile], {encoding: 'utf8'}))
if (args.includes('--errors')) {
  fs.writeFileSync(path.join(outDir, 'timex-errors.tsv'), errors.join('\n') + '\n')
  console.log(`errors: ${path.join(outDir, 'timex-errors.tsv')} (${errors.length} lines)`)
}

function dumpErrors(row: Row, found: ReturnType<typeof tagTimex>): void {
  const ctx = (s: number, e: number) => row.text.slice(Math.max(0, s - 70), e + 70).replace(/\s+/g, ' ')
  const used = new Set<number>()
  for (const g of row.spans ?? []) {
    const gt = row.text.slice(g.start, g.end)
    const k = found.findIndex((p, n) => !used.has(n) && p.start < g.end && p.end > g.start)
    if (k < 0) {
      errors.push(`MISS\t${g.label}\t${gt}\t${g.value}\t${row.dct}\t${ctx(g.start, g.end)}`)
      continue
    }
    used.add(k)
    const p = found[k]!
    if (p.type !== g.label) errors.push(`TYPE\t${g.label}>${p.type}\t${gt} | ${p.text}\t${g.value} | ${p.value}\t${row.dct}\t${ctx(g.start, g.end)}`)
    else if (p.value !== g.value) errors.push(`VAL\t${g.label}\t${gt} | ${p.text}\t${g.value} | ${p.value}\t${row.dct}\t${ctx(g.start, g.end)}`)
  }
  found.forEach((p, n) => {
    if (!used.has(n)) errors.push(`FP\t${p.type}\t${p.text}\t${p.value}\t${row.dct}\t${ctx(p.start, p.end)}`)
  })
}
