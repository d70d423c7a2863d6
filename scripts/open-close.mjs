#!/usr/bin/env node
/**
 * The heap over many articles opened and closed one after another, as the
 * editor does (each analysed with its path, then `forgetDocument`): the
 * caches keep only what open documents read, so it must not grow with the
 * number of articles seen.
 *
 *   node esbuild.mjs --production && node scripts/open-close.mjs [articles] [core]
 *
 * Articles: the seeded variants of `npm run bench` (each one distinct).
 * Prints the heap in use (after a few collections) six times over the run.
 */
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import v8 from 'node:v8'
import vm from 'node:vm'
import {makeArticle} from './bench-inputs.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const total = Number(process.argv[2] ?? 1200)
const core = await import(pathToFileURL(path.resolve(root, process.argv[3] ?? 'dist/core.mjs')).href)
v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc')

/** Heap in use, in MB, once the garbage of the last analyses is collected. */
async function used() {
  // V8 frees part of an analysis's garbage only a few collections after it.
  for (let index = 0; index < 4; index++) {
    gc()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }

  return process.memoryUsage().heapUsed / 2 ** 20
}

// One article first, so that the models are loaded before the baseline.
core.analyzeSync({value: makeArticle(0), path: '/articles/0.md'})
core.forgetDocument('/articles/0.md')
const marks = [`before: ${(await used()).toFixed(0)} MB`]
const every = Math.max(1, Math.round(total / 6))
for (let index = 1; index <= total; index++) {
  const file = `/articles/${index}.md`
  core.analyzeSync({value: makeArticle(index), path: file})
  core.forgetDocument(file)
  if (index % every === 0 || index === total) marks.push(`${index}: ${(await used()).toFixed(0)} MB`)
}

console.log(`heap in use, articles opened and closed: ${marks.join(', ')}`)
