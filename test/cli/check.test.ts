/**
 * `checkFiles` on several threads: a worker that dies hands its files back
 * to the main thread, which checks them, whenever it dies.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import test from 'node:test'
import {pathToFileURL} from 'node:url'
import {checkFiles} from '../../src/cli/check.ts'

test('check: the files of a worker that dies at once are checked by the main thread', {timeout: 60_000}, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-check-'))
  try {
    // A worker that exits on its first file, before answering.
    const crash = path.join(folder, 'crash.mjs')
    fs.writeFileSync(crash, "import {parentPort} from 'node:worker_threads'\nparentPort.on('message', () => process.exit(1))\n")
    const names = Array.from({length: 5}, (_, index) => {
      const name = path.join(folder, `article-${index}.md`)
      fs.writeFileSync(name, `# Article ${index}\n\nCezary Tomczyk said 25 people came on Monday.\n`)
      return name
    })
    const outcomes = await checkFiles(names, {maxSize: 1_000_000, analyzeOptions: {}}, 2, pathToFileURL(crash).href)
    assert.equal(outcomes.length, names.length)
    for (const [index, outcome] of outcomes.entries()) {
      assert.ok('file' in outcome, `file ${index}: ${JSON.stringify(outcome)}`)
      assert.equal(outcome.file.path, names[index])
    }
  } finally {
    fs.rmSync(folder, {recursive: true, force: true})
  }
})

test('check --timeout: workers that die before they are ready make every file an error, never a loop', {timeout: 60_000}, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-check-'))
  try {
    // A worker that exits as it starts (a broken install), before `ready`.
    const crash = path.join(folder, 'crash-at-start.mjs')
    fs.writeFileSync(crash, 'process.exit(1)\n')
    const names = Array.from({length: 3}, (_, index) => {
      const name = path.join(folder, `article-${index}.md`)
      fs.writeFileSync(name, `# Article ${index}\n\nCezary Tomczyk said 25 people came on Monday.\n`)
      return name
    })
    const outcomes = await checkFiles(names, {maxSize: 1_000_000, analyzeOptions: {}, timeout: 5}, 2, pathToFileURL(crash).href)
    assert.equal(outcomes.length, names.length)
    for (const [index, outcome] of outcomes.entries()) {
      assert.ok('error' in outcome, `file ${index}: ${JSON.stringify(outcome)}`)
      assert.match(outcome.error, /no analysis thread could start/)
    }
  } finally {
    fs.rmSync(folder, {recursive: true, force: true})
  }
})
