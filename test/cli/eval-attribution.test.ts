/**
 * `newsmark eval --task attribution`, in process: one prediction line per
 * gold line, in the shape of `score-attribution.mjs`, with the rule
 * baseline beside it.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import test from 'node:test'
import {evaluate} from '../../src/cli/eval.ts'

test('eval: attribution predictions', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-eval-'))
  const file = path.join(folder, 'gold.jsonl')
  const text = 'Mayor Ines Ortega spoke on Monday.\n\n“We will,” she said, “open the bridge in May.”'
  fs.writeFileSync(file, JSON.stringify({id: 'a', text, quotes: []}) + '\n')
  const lines: string[] = []
  await evaluate('attribution', file, (line) => lines.push(line))
  fs.rmSync(folder, {recursive: true})
  assert.equal(lines.length, 1)
  const prediction = JSON.parse(lines[0]) as {
    id: string
    quotes: Array<{start: number; end: number; parts?: number[][]; speaker: {start: number; end: number; text: string} | null; cue: {text: string} | null}>
    rules: unknown[]
  }
  assert.equal(prediction.id, 'a')
  assert.ok(Array.isArray(prediction.rules))
  const quote = prediction.quotes.find((each) => text.slice(each.start, each.end).includes('We will'))
  assert.ok(quote, `Unexpected no quote, expected one in ${lines[0]}`)
  assert.equal(quote.parts?.length, 2)
  assert.equal(quote.cue?.text, 'said')
  // The speaker's span, and the name it resolves to as its text.
  assert.equal(text.slice(quote.speaker!.start, quote.speaker!.end), 'she')
  assert.match(quote.speaker!.text, /Ines Ortega/)
})
