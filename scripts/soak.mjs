#!/usr/bin/env node
/**
 * The heap over many edits of one large document, analysed one after the
 * other as the editor does (the analysis caches on, one path): what is kept
 * from one analysis to the next must not grow with each edit.
 *
 *   node esbuild.mjs --production && node scripts/soak.mjs [edits] [core]
 *
 * Edits (seeded): letters typed, deleted and replaced, and now and then a
 * new sentence, in the 1 MB file of `npm run bench`. Prints the heap in use
 * (after a few collections) every 40 edits.
 */
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {makeDocument} from './bench-inputs.mjs'
import {heapInUse} from './lib/heap.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const total = Number(process.argv[2] ?? 200)
const {analyzeSync} = await import(pathToFileURL(path.resolve(root, process.argv[3] ?? 'dist/core.mjs')).href)
/** Heap in use, in MB, once the garbage of the last analyses is collected. */
const used = async () => Math.round((await heapInUse()) / 2 ** 20)

let text = makeDocument(1_000_000, 1)
const file = '/virtual/soak.md'
analyzeSync({value: text, path: file})
const seen = [`start ${await used()}`]
let seed = 7
const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647
for (let index = 1; index <= total; index++) {
  let at = Math.floor(text.length * random())
  while (!/[a-z]/.test(text[at])) at++
  const kind = random()
  text =
    kind < 0.4
      ? text.slice(0, at) + 'e' + text.slice(at)
      : kind < 0.7
        ? text.slice(0, at) + text.slice(at + 1)
        : kind < 0.95
          ? text.slice(0, at) + 'a' + text.slice(at + 1)
          : text.slice(0, at) + '. Anna Nowak said 40 people left. ' + text.slice(at)
  analyzeSync({value: text, path: file})
  if (index % 40 === 0) seen.push(`${index} ${await used()}`)
}

console.log(`heap in use (MB) after n edits: ${seen.join(', ')}; resident ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`)
