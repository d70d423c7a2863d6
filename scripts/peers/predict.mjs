#!/usr/bin/env node
/**
 * Run one peer over a gold JSONL file and write its predictions as JSONL.
 *
 * Usage: `node scripts/peers/predict.mjs SYSTEM GOLD.jsonl OUT.jsonl`
 * (systems: see `systems.mjs`). One process per peer, so plugins that change
 * a shared library instance (compromise-dates) cannot leak into another peer.
 * Prints `{"docs", "chars", "seconds", "loadSeconds", ...stats}` as JSON on stdout.
 */
import fs from 'node:fs'
import {stats, systems} from './systems.mjs'

const [name, goldPath, outPath] = process.argv.slice(2)
const system = systems[name]
if (!system || !goldPath || !outPath) {
  console.error(`usage: node scripts/peers/predict.mjs <${Object.keys(systems).join('|')}> GOLD.jsonl OUT.jsonl`)
  process.exit(2)
}

const lines = fs
  .readFileSync(goldPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line))

const loadStarted = performance.now()
const predict = await system.load()
const started = performance.now()
const out = []
let chars = 0
for (const line of lines) {
  try {
    out.push(JSON.stringify(predict(line)))
  } catch (error) {
    throw new Error(`${name} on ${line.id}: ${error.message}`, {cause: error})
  }

  chars += line.text.length
}

const seconds = (performance.now() - started) / 1000
fs.writeFileSync(outPath, out.join('\n') + '\n')
console.log(JSON.stringify({docs: lines.length, chars, seconds, loadSeconds: (started - loadStarted) / 1000, ...stats}))
