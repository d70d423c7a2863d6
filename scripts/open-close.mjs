#!/usr/bin/env node
/**
 * The heap over many articles opened and closed one after another, as the
 * editor does (each analysed with its path, then `forget`): the
 * caches keep only what open documents read, so it must not grow with the
 * number of articles seen.
 *
 *   node esbuild.mjs --production && node scripts/open-close.mjs [articles] [core] [--json]
 *
 * Articles: the seeded variants of `npm run bench` (each one distinct).
 * Prints the heap in use (after a few collections) six times over the run;
 * with `--json`, `{articles, before, after, marks}` in bytes (`npm run bench`).
 */
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {makeArticle} from './bench-inputs.mjs'
import {heapInUse as used} from './lib/heap.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const [count, corePath] = process.argv.slice(2).filter((value) => !value.startsWith('--'))
const json = process.argv.includes('--json')
const total = Number(count ?? 1200)
const core = await import(pathToFileURL(path.resolve(root, corePath ?? 'dist/core.mjs')).href)
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`

// One article first, so that the models are loaded before the baseline.
// One instance, as the editor keeps (cores before `createNewsmark` kept a
// per-process cache, with `forgetDocument`).
const newsmark = core.createNewsmark ? core.createNewsmark() : {analyzeSync: core.analyzeSync, forget: core.forgetDocument}
newsmark.analyzeSync({value: makeArticle(0), path: '/articles/0.md'})
newsmark.forget('/articles/0.md')
const before = await used()
const marks = []
const every = Math.max(1, Math.round(total / 6))
for (let index = 1; index <= total; index++) {
  const file = `/articles/${index}.md`
  newsmark.analyzeSync({value: makeArticle(index), path: file})
  newsmark.forget(file)
  if (index % every === 0 || index === total) marks.push([index, await used()])
}

if (json) {
  console.log(JSON.stringify({articles: total, before, after: marks.at(-1)[1], marks}))
} else {
  const text = marks.map(([index, bytes]) => `${index}: ${mb(bytes)}`)
  console.log(`heap in use, articles opened and closed: before: ${mb(before)}, ${text.join(', ')}`)
}
