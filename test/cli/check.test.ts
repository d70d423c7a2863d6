/**
 * `checkFiles` on several threads: a file whose worker dies is tried in a
 * new worker, then in the main thread; workers that cannot start never
 * make a loop.
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import test from 'node:test'
import {checkFiles} from '../../src/cli/check.ts'

test('check: a file whose worker dies, twice, is checked by the main thread', {timeout: 60_000}, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-check-'))
  try {
    // A worker that says it is ready, then exits on its first file, before answering.
    const crash = path.join(folder, 'crash.mjs')
    fs.writeFileSync(crash, "import {parentPort} from 'node:worker_threads'\nparentPort.postMessage({ready: true})\nparentPort.on('message', () => process.exit(1))\n")
    const names = Array.from({length: 5}, (_, index) => {
      const name = path.join(folder, `article-${index}.md`)
      fs.writeFileSync(name, `# Article ${index}\n\nCezary Tomczyk said 25 people came on Monday.\n`)
      return name
    })
    const outcomes = await checkFiles(names, {maxSize: 1_000_000, analyzeOptions: {}}, 2, crash)
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
    const outcomes = await checkFiles(names, {maxSize: 1_000_000, analyzeOptions: {}, timeout: 5}, 2, crash)
    assert.equal(outcomes.length, names.length)
    for (const [index, outcome] of outcomes.entries()) {
      assert.ok('error' in outcome, `file ${index}: ${JSON.stringify(outcome)}`)
      assert.match(outcome.error, /no analysis thread could start/)
    }
  } finally {
    fs.rmSync(folder, {recursive: true, force: true})
  }
})

test('check --timeout: a file whose worker dies twice is an error; a worker that dies once is replaced', {timeout: 60_000}, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-check-'))
  try {
    // The real analysis worker, but one that dies on a file named `crash`
    // and, once, on `flaky` (a marker file beside it says it died once).
    const marker = path.join(folder, 'died-once')
    const script = path.join(folder, 'worker.mjs')
    fs.writeFileSync(
      script,
      [
        "import fs from 'node:fs'",
        "import {parentPort} from 'node:worker_threads'",
        "parentPort.postMessage({ready: true})",
        "parentPort.on('message', (request) => {",
        "  if (request.value.includes('crash')) process.exit(3)",
        `  if (request.value.includes('flaky') && !fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); process.exit(4) }`,
        "  parentPort.postMessage({id: request.id, result: {entities: [], dates: [], claims: []}, messages: [{reason: 'checked in a worker', ruleId: 'test', fatal: false}]})",
        '})',
        ''
      ].join('\n')
    )
    const names = ['fine', 'crash', 'flaky'].map((word) => {
      const name = path.join(folder, `${word}.md`)
      fs.writeFileSync(name, `# ${word}\n`)
      return name
    })
    const outcomes = await checkFiles(names, {maxSize: 1_000_000, analyzeOptions: {}, timeout: 30}, 2, script)
    assert.deepEqual(
      outcomes.map((outcome) => ('error' in outcome ? outcome.error : outcome.file.messages.map((message) => message.reason))),
      [['checked in a worker'], `newsmark: ${names[1]}: unexpected error: the analysis stopped its thread twice\n`, ['checked in a worker']]
    )
  } finally {
    fs.rmSync(folder, {recursive: true, force: true})
  }
})

test('check: what could not be read with an article (a broken sidecar, a bad inline directive) is reported as the editor reports it, on one thread and on several', {timeout: 60_000}, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-check-'))
  try {
    const name = path.join(folder, 'article.md')
    fs.writeFileSync(name, '# An article\n\nThe mayor said :claim[taxes will fall]{verdict=maybe} next year.\n')
    fs.writeFileSync(path.join(folder, 'article.md.newsmark.json'), '{"not": "annotations"')
    const clean = path.join(folder, 'clean.md')
    fs.writeFileSync(clean, '# Another\n\nThe mayor spoke on Monday.\n')
    for (const jobs of [1, 2]) {
      const [outcome, other] = await checkFiles([name, clean], {maxSize: 1_000_000, analyzeOptions: {}}, jobs, path.resolve('dist/core-worker.cjs'))
      assert.ok(outcome && 'file' in outcome, JSON.stringify(outcome))
      const ours = outcome.file.messages.filter((message) => message.ruleId === 'sidecar-invalid' || message.ruleId === 'directive-invalid')
      assert.deepEqual(
        ours.map((message) => [message.ruleId, message.place && 'start' in message.place ? message.place.start : undefined, message.fatal]),
        [
          ['sidecar-invalid', {line: 1, column: 1}, true],
          ['directive-invalid', {line: 3, column: 16}, false]
        ],
        `jobs ${jobs}`
      )
      assert.match(ours[0]!.reason ?? '', /^Unexpected content in the annotation sidecar article\.md\.newsmark\.json \(1 problem\)/)
      assert.match(ours[1]!.reason ?? '', /^Unexpected `verdict=maybe`/)
      assert.ok(other && 'file' in other)
      assert.deepEqual(other.file.messages.filter((message) => /-invalid$/.test(message.ruleId ?? '')), [], 'nothing for an article with neither')
    }
  } finally {
    fs.rmSync(folder, {recursive: true, force: true})
  }
})

test('check: a sidecar that is a named pipe is said to be unreadable, never waited on', {timeout: 60_000, skip: process.platform === 'win32'}, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-check-'))
  try {
    const name = path.join(folder, 'article.md')
    fs.writeFileSync(name, '# An article\n\nThe mayor spoke on Monday.\n')
    execFileSync('mkfifo', [path.join(folder, 'article.md.newsmark.json')])
    const [outcome] = await checkFiles([name], {maxSize: 1_000_000, analyzeOptions: {}}, 1, path.resolve('dist/core-worker.cjs'))
    assert.ok(outcome && 'file' in outcome, JSON.stringify(outcome))
    const sidecar = outcome.file.messages.find((message) => message.ruleId === 'sidecar-invalid')
    assert.match(sidecar?.reason ?? '', /it could not be read: .*expected a regular file/)
  } finally {
    fs.rmSync(folder, {recursive: true, force: true})
  }
})
