/**
 * Atomic writes of sidecars (Node side, `src/node/`): a child process is
 * killed between the steps of a write, and the file must hold either the
 * old or the new content.
 */
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import test from 'node:test'
import {fileURLToPath} from 'node:url'
import {serializeSidecar, tagSelection} from '../../src/core/annotations/index.ts'
import {writeFileAtomic, type WriteStep} from '../../src/node/atomic-write.ts'
import {loadSidecarFile, saveSidecarFile} from '../../src/node/sidecar-file.ts'

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-write-'))
const module = fileURLToPath(new URL('../../src/node/atomic-write.ts', import.meta.url))
const child = path.join(temp, 'child.mts')
fs.writeFileSync(
  child,
  `import {writeFileAtomic} from ${JSON.stringify(module)}
const [file, mode, pauseAt] = process.argv.slice(2)
if (mode === 'loop') {
  const a = 'A'.repeat(1 << 20), b = 'B'.repeat(1 << 20)
  process.stdout.write('started\\n')
  for (let index = 0; ; index++) await writeFileAtomic(file, index % 2 ? a : b)
}
await writeFileAtomic(file, 'new content\\n', {
  backupIf: () => mode === 'backup',
  async onStep(step) {
    if (step !== pauseAt) return
    process.stdout.write('paused\\n')
    // Keep the event loop busy: an unsettled top-level await alone exits (code 13).
    await new Promise(() => setInterval(() => {}, 1000))
  }
})
`
)

/** Run the child until it prints `signal`, then kill it. */
function killAt(args: string[], signal: string, delay = 0): Promise<void> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', child, ...args], {stdio: ['ignore', 'pipe', 'inherit']})
    let output = ''
    process_.stdout.on('data', (chunk: Buffer) => {
      output += String(chunk)
      if (output.includes(signal)) setTimeout(() => process_.kill('SIGKILL'), delay)
    })
    process_.on('error', reject)
    process_.on('exit', (code, killed) => (killed === 'SIGKILL' ? resolve() : reject(new Error(`child exited with ${code}: ${output}`))))
  })
}

for (const step of ['temp-written', 'temp-synced', 'backed-up', 'renamed'] satisfies WriteStep[]) {
  test(`atomic write: killed after ${step}, the file is old or new, never partial`, async () => {
    const file = path.join(temp, `${step}.json`)
    fs.writeFileSync(file, 'old content\n')
    await killAt([file, step === 'backed-up' ? 'backup' : 'plain', step], 'paused')
    const content = fs.readFileSync(file, 'utf8')
    assert.equal(content, step === 'renamed' ? 'new content\n' : 'old content\n')
    const siblings = fs.readdirSync(temp).filter((name) => name.startsWith(step))
    if (step === 'backed-up') {
      const backup = siblings.find((name) => name.includes('.bak-'))
      assert.ok(backup, 'a backup was made before the rename')
      assert.equal(fs.readFileSync(path.join(temp, backup), 'utf8'), 'old content\n')
    }
  })
}

test('atomic write: killed at a random moment while writing 1 MB files over and over', async () => {
  const file = path.join(temp, 'loop.txt')
  fs.writeFileSync(file, 'A'.repeat(1 << 20))
  for (const delay of [20, 75, 160]) {
    await killAt([file, 'loop'], 'started', delay)
    const content = fs.readFileSync(file, 'utf8')
    assert.equal(content.length, 1 << 20)
    assert.ok(/^(?:A+|B+)$/.test(content), 'one whole version')
  }
})

test('atomic write: temp file is removed when the write fails', async () => {
  const file = path.join(temp, 'missing-folder', 'x.json')
  await assert.rejects(writeFileAtomic(file, 'x'), {code: 'ENOENT'})
  const folder = path.join(temp, 'is-a-folder')
  fs.mkdirSync(folder)
  await assert.rejects(writeFileAtomic(folder, 'x'))
  assert.deepEqual(fs.readdirSync(temp).filter((name) => name.includes('is-a-folder.tmp')), [])
})

test('sidecar file: load, save, and back up a broken or hand-edited sidecar', async () => {
  const article = path.join(temp, 'article.md')
  const source = 'Poland will leave the treaty, Cezary Tomczyk said.\n'
  fs.writeFileSync(article, source)
  const missing = await loadSidecarFile(article, source)
  assert.deepEqual(missing, {path: article + '.newsmark.json', exists: false, annotations: [], problems: []})

  const tag = tagSelection(source, {start: 30, end: 44}, 'PER', {id: 'urn:x:1', now: '2026-01-20T10:00:00.000Z'})
  const saved = await saveSidecarFile(article, source, [tag])
  assert.deepEqual(saved, {path: article + '.newsmark.json'})
  assert.equal(fs.readFileSync(saved.path, 'utf8'), serializeSidecar([tag], source, 'article.md'))
  const loaded = await loadSidecarFile(article, source)
  assert.deepEqual([loaded.exists, loaded.annotations, loaded.problems], [true, [tag], []])

  assert.equal((await saveSidecarFile(article, source, [])).backup, undefined, 'our own file is replaced without a backup')

  fs.writeFileSync(saved.path, '{"type": "AnnotationCollection", ')
  const broken = await loadSidecarFile(article, source)
  assert.equal(broken.problems.length, 1)
  const replaced = await saveSidecarFile(article, source, [tag])
  assert.match(replaced.backup ?? '', /article\.md\.newsmark\.json\.bak-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/)
  assert.equal(fs.readFileSync(replaced.backup!, 'utf8'), '{"type": "AnnotationCollection", ')

  const edited = JSON.parse(fs.readFileSync(saved.path, 'utf8'))
  edited.first.items[0].rights = 'CC-BY'
  fs.writeFileSync(saved.path, JSON.stringify(edited))
  assert.ok((await saveSidecarFile(article, source, [tag])).backup, 'a hand-edited sidecar is backed up too')
})

test.after(() => fs.rmSync(temp, {recursive: true, force: true}))
