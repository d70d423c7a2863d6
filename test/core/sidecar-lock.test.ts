/**
 * Concurrent writers of one sidecar (`src/node/file-lock.ts`,
 * `updateSidecarFile`): two processes that each add annotations keep all of
 * them, and a lock left by a process that died does not block the next
 * writer.
 */
import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import test from 'node:test'
import {fileURLToPath} from 'node:url'
import {parseSidecar, tagSelection} from '../../src/core/annotations/index.ts'
import {isStale, LockError, withFileLock} from '../../src/node/file-lock.ts'
import {updateSidecarFile} from '../../src/node/sidecar-file.ts'

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-lock-'))
const source = 'The mayor of Lakeside said the new bridge would open in May.\n'
const module = fileURLToPath(new URL('../../src/node/sidecar-file.ts', import.meta.url))
const annotations = fileURLToPath(new URL('../../src/core/annotations/index.ts', import.meta.url))
const child = path.join(temp, 'child.mts')
fs.writeFileSync(
  child,
  `import {updateSidecarFile} from ${JSON.stringify(module)}
import {tagSelection} from ${JSON.stringify(annotations)}
const [article, who, count] = process.argv.slice(2)
const source = ${JSON.stringify(source)}
for (let index = 0; index < Number(count); index++) {
  const start = index % 40
  const made = tagSelection(source, {start, end: start + 5}, 'MISC', {id: 'urn:x:' + who + '-' + index, now: '2026-03-01T00:00:00.000Z'})
  await updateSidecarFile(article, source, (current) => [...current, made])
}
`
)

/** Run the child: add `count` annotations as `who`. */
function add(article: string, who: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', child, article, who, String(count)], {stdio: ['ignore', 'inherit', 'pipe']})
    let errors = ''
    process_.stderr.on('data', (chunk: Buffer) => (errors += String(chunk)))
    process_.on('error', reject)
    process_.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`child ${who} exited with ${code}: ${errors}`))))
  })
}

test('sidecar lock: two processes adding 200 annotations each keep all 400', async () => {
  const article = path.join(temp, 'two-writers.md')
  fs.writeFileSync(article, source)
  await Promise.all([add(article, 'a', 200), add(article, 'b', 200)])
  const {annotations, problems} = parseSidecar(fs.readFileSync(article + '.newsmark.json', 'utf8'), source)
  assert.deepEqual(problems, [])
  assert.equal(annotations.length, 400)
  assert.equal(new Set(annotations.map((item) => item.id)).size, 400)
  assert.deepEqual(
    fs.readdirSync(temp).filter((name) => name.startsWith('.two-writers') || name.includes('.lock') || name.includes('.bak-')),
    [],
    'no lock, temporary file or backup is left'
  )
})

test('sidecar lock: the change gets what is on disk, not what was read before', async () => {
  const article = path.join(temp, 'fresh.md')
  fs.writeFileSync(article, source)
  const first = tagSelection(source, {start: 4, end: 9}, 'PER', {id: 'urn:x:first'})
  const second = tagSelection(source, {start: 13, end: 21}, 'LOC', {id: 'urn:x:second'})
  await updateSidecarFile(article, source, (current) => [...current, first])
  const result = await updateSidecarFile(article, source, (current) => {
    assert.deepEqual(current.map((item) => item.id), ['urn:x:first'])
    return [...current, second]
  })
  assert.deepEqual(result.annotations.map((item) => item.id), ['urn:x:first', 'urn:x:second'])
})

test('sidecar lock: a lock left by a process that died is taken over', async () => {
  const file = path.join(temp, 'dead.json')
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'})
  const pid = Number(dead.stdout)
  fs.writeFileSync(file + '.lock', JSON.stringify({pid, host: os.hostname(), token: 'old', time: new Date().toISOString()}))
  const value = await withFileLock(file, async () => 'ran', {wait: 2000})
  assert.equal(value, 'ran')
  assert.equal(fs.existsSync(file + '.lock'), false, 'released')
})

test('sidecar lock: a live lock makes a writer wait, then fail with a clear error', async () => {
  const file = path.join(temp, 'busy.json')
  fs.writeFileSync(file + '.lock', JSON.stringify({pid: process.pid, host: os.hostname(), token: 'other', time: '2026-03-01T00:00:00.000Z'}))
  await assert.rejects(
    withFileLock(file, async () => 'ran', {wait: 100}),
    (error: unknown) =>
      error instanceof LockError &&
      error.message ===
        `Unexpected lock \`${file}.lock\` held by process ${process.pid} on ${os.hostname()} since 2026-03-01T00:00:00.000Z, ` +
          'expected it to be released within 0 s: if no Newsmark is writing this file, delete the lock file'
  )
  assert.ok(fs.existsSync(file + '.lock'), 'another’s lock is left alone')

  // Released while we wait: we get it.
  setTimeout(() => fs.rmSync(file + '.lock'), 50)
  assert.equal(await withFileLock(file, async () => 'ran', {wait: 2000}), 'ran')
})

test('sidecar lock: a lock not touched for `stale` ms is stale, whoever holds it', () => {
  const owner = {pid: process.pid, host: os.hostname(), token: 't', time: ''}
  assert.equal(isStale(owner, 10, 1000), false, 'alive and fresh')
  assert.equal(isStale(owner, 1001, 1000), true, 'alive but untouched')
  assert.equal(isStale(owner, 10, 1000, () => false), true, 'its process ended')
  assert.equal(isStale({...owner, host: 'elsewhere'}, 10, 1000, () => false), false, 'another host: by age only')
  assert.equal(isStale(undefined, 10, 1000), false, 'being written')
})

test('sidecar lock: a holder that lost its lock does not write', async () => {
  const article = path.join(temp, 'lost.md')
  fs.writeFileSync(article, source)
  const made = tagSelection(source, {start: 4, end: 9}, 'PER', {id: 'urn:x:lost'})
  await assert.rejects(
    updateSidecarFile(article, source, (current) => {
      // Another process took the lock over (as stale) meanwhile.
      fs.writeFileSync(article + '.newsmark.json.lock', JSON.stringify({pid: 1, host: 'elsewhere', token: 'thief', time: ''}))
      return [...current, made]
    }),
    LockError
  )
  assert.equal(fs.existsSync(article + '.newsmark.json'), false)
  assert.ok(fs.existsSync(article + '.newsmark.json.lock'), 'the other’s lock is not removed')
})

test.after(() => fs.rmSync(temp, {recursive: true, force: true}))
