/**
 * Atomic writes of sidecars (Node side, `src/node/`): a child process is
 * killed between the steps of a write, and the file must hold either the
 * old or the new content.
 */
import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import test from 'node:test'
import {fileURLToPath} from 'node:url'
import {serializeSidecar, tagSelection} from '../../src/core/annotations/index.ts'
import {writeFileAtomic, WriteError, type WriteStep} from '../../src/node/atomic-write.ts'
import {staleTemps, tempName} from '../../src/node/temp-files.ts'
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

/** A pid no process has: that of a process that has ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}).stdout)
}

/** Set a file's modification time `ms` in the past. */
function age(file: string, ms: number) {
  const then = new Date(Date.now() - ms)
  fs.utimesSync(file, then, then)
}

test('atomic write: a 0600 or 0640 file keeps its mode', async () => {
  for (const mode of [0o600, 0o640, 0o755]) {
    const file = path.join(temp, `mode-${mode.toString(8)}.json`)
    fs.writeFileSync(file, 'old\n')
    fs.chmodSync(file, mode)
    await writeFileAtomic(file, 'new\n')
    assert.equal(fs.statSync(file).mode & 0o777, mode)
    assert.equal(fs.readFileSync(file, 'utf8'), 'new\n')
  }
})

test('atomic write: the file keeps its owner and group', {skip: process.getuid?.() === 0 ? false : 'only root can give a file to another user'}, async () => {
  const file = path.join(temp, 'owned.json')
  fs.writeFileSync(file, 'old\n')
  fs.chownSync(file, 4321, 4322)
  await writeFileAtomic(file, 'new\n')
  const stat = fs.statSync(file)
  assert.deepEqual([stat.uid, stat.gid], [4321, 4322])
  assert.equal(fs.readFileSync(file, 'utf8'), 'new\n')
})

test('atomic write: a file with two hard links is written in place, and both names see it', async () => {
  const file = path.join(temp, 'linked.json')
  const other = path.join(temp, 'linked-too.json')
  fs.writeFileSync(file, 'old content, longer than the new one\n')
  fs.linkSync(file, other)
  await writeFileAtomic(file, 'new\n')
  assert.equal(fs.readFileSync(other, 'utf8'), 'new\n')
  assert.equal(fs.statSync(file).nlink, 2)
  assert.equal(fs.statSync(file).ino, fs.statSync(other).ino)
  assert.deepEqual(fs.readdirSync(temp).filter((name) => name.startsWith('.linked.json.tmp-')), [])
})

test('atomic write: a symbolic link stays, its target is replaced', async () => {
  const file = path.join(temp, 'real.json')
  const link = path.join(temp, 'link.json')
  fs.writeFileSync(file, 'old\n')
  fs.symlinkSync('real.json', link)
  await writeFileAtomic(link, 'new\n')
  assert.ok(fs.lstatSync(link).isSymbolicLink())
  assert.equal(fs.readFileSync(file, 'utf8'), 'new\n')
})

test('atomic write: a read-only file is refused, and left as it was', async () => {
  const file = path.join(temp, 'read-only.json')
  fs.writeFileSync(file, 'old\n')
  fs.chmodSync(file, 0o444)
  await assert.rejects(
    writeFileAtomic(file, 'new\n'),
    new WriteError(`Unexpected read-only file \`${file}\`, expected a writable file: make it writable to replace it`)
  )
  assert.equal(fs.readFileSync(file, 'utf8'), 'old\n')
  assert.equal(fs.statSync(file).mode & 0o777, 0o444)
  assert.deepEqual(fs.readdirSync(temp).filter((name) => name.startsWith('.read-only.json.tmp-')), [])
})

test('atomic write: the temporary files of killed writes are removed by the next write', async () => {
  const file = path.join(temp, 'killed.json')
  fs.writeFileSync(file, 'old content\n')
  // A real `kill -9` halfway: its temporary file stays.
  await killAt([file, 'plain', 'temp-synced'], 'paused')
  const [left] = fs.readdirSync(temp).filter((name) => name.startsWith('.killed.json.tmp-'))
  assert.ok(left, 'the killed write left its temporary file')
  age(path.join(temp, left), 2 * 60_000)

  const dead = deadPid()
  const names = {
    deadOld: tempName('killed.json', dead, 'aaaa1111'),
    deadFresh: tempName('killed.json', dead, 'bbbb2222'),
    aliveOld: tempName('killed.json', process.pid, 'cccc3333'),
    anonymousOld: '.killed.json.tmp-m3x8k2p1-q7w2e9',
    anonymousFresh: '.killed.json.tmp-m3x8k2p2-q7w2e0',
    otherFile: tempName('other.json', dead, 'dddd4444')
  }
  for (const name of Object.values(names)) fs.writeFileSync(path.join(temp, name), 'x')
  for (const name of [names.deadOld, names.aliveOld, names.otherFile]) age(path.join(temp, name), 2 * 60_000)
  age(path.join(temp, names.anonymousOld), 11 * 60_000)
  age(path.join(temp, names.anonymousFresh), 2 * 60_000)

  await writeFileAtomic(file, 'new content\n')
  const remaining = fs.readdirSync(temp).filter((name) => (name.includes('.tmp-') && name.includes('killed.json')) || name === names.otherFile)
  assert.deepEqual(remaining.sort(), [names.aliveOld, names.anonymousFresh, names.deadFresh, names.otherFile].sort())
})

test('temporary files: which are left over', () => {
  const now = 10_000_000
  const entries = [
    {name: '.a.json.tmp-100-ab12cd34', mtimeMs: now - 61_000},
    {name: '.a.json.tmp-200-ab12cd34', mtimeMs: now - 61_000},
    {name: '.a.json.tmp-100-ef56ab78', mtimeMs: now - 59_000},
    {name: '.a.json.tmp-lq2x9a0b-k3j4h5', mtimeMs: now - 601_000},
    {name: '.a.json.tmp-lq2x9a0b-k3j4h6', mtimeMs: now - 599_000},
    {name: '.a.json.tmp-100', mtimeMs: 0},
    {name: '.a.json.bak-2026', mtimeMs: 0},
    {name: '.b.json.tmp-100-ab12cd34', mtimeMs: 0},
    {name: 'a.json', mtimeMs: 0}
  ]
  assert.deepEqual(staleTemps('a.json', entries, now, (pid) => pid === 200), ['.a.json.tmp-100-ab12cd34', '.a.json.tmp-lq2x9a0b-k3j4h5'])
  assert.equal(tempName('a.json', 42, 'ff00'), '.a.json.tmp-42-ff00')
})

test.after(() => fs.rmSync(temp, {recursive: true, force: true}))
