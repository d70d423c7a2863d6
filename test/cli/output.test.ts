import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import test from 'node:test'

const cli = path.resolve('dist/cli.mjs')
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-output-'))
// Output well over a pipe's buffer (64 KiB), so the CLI is still writing
// when the reader goes away.
const big = path.join(temp, 'big.md')
const article = path.join(temp, 'article.md')
const folder = path.join(temp, 'articles')

test.before(() => {
  if (!fs.existsSync(cli)) spawnSync(process.execPath, ['esbuild.mjs'], {stdio: 'inherit'})
  const sample = fs.readFileSync('examples/poland-ottawa.md', 'utf8')
  fs.writeFileSync(article, sample)
  fs.writeFileSync(big, sample.repeat(80))
  fs.mkdirSync(folder)
  for (const name of ['a.md', 'b.md', 'c.md']) fs.writeFileSync(path.join(folder, name), sample)
})

test.after(() => fs.rmSync(temp, {recursive: true, force: true}))

/**
 * Run the CLI and close its `stream` after the first chunk, as `| head -1`
 * does, or at once, as `| true` does.
 *
 * @param stream
 *   The output the reader closes.
 * @param when
 *   When the reader closes it.
 * @param args
 *   Arguments.
 * @returns
 *   Exit code, signal, and what came on the other output.
 */
function closeEarly(stream: 'stdout' | 'stderr', when: 'after a chunk' | 'at once', ...args: string[]) {
  return new Promise<{code: number | null; signal: string | null; other: string}>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {stdio: ['ignore', 'pipe', 'pipe']})
    const closed = child[stream]
    const open = stream === 'stdout' ? child.stderr : child.stdout
    let other = ''
    open.setEncoding('utf8')
    open.on('data', (chunk: string) => {
      other += chunk
    })
    if (when === 'at once') closed.destroy()
    else closed.once('data', () => closed.destroy())
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({code, signal, other}))
  })
}

test('output: a reader that closes stdout early ends the command quietly', async () => {
  const cases: Array<[Parameters<typeof closeEarly>[1], ...string[]]> = [
    // While the CLI is still writing (1.3 MB of JSON).
    ['after a chunk', 'tag', big],
    // Before its first write (the reader of a pipe may take in a lot more
    // than its first chunk before it goes away: shorter outputs fit).
    ['at once', 'tag', '--preset', 'strict', '--format', 'text', article],
    ['at once', 'export', article, '--to', 'json']
  ]
  for (const [when, ...args] of cases) {
    const {code, signal, other} = await closeEarly('stdout', when, ...args)
    assert.equal(other, '', `${args.join(' ')}: nothing on stderr`)
    assert.equal(code, 141, args.join(' '))
    assert.equal(signal, null)
  }
})

test('output: a reader that closes the report (stderr) early ends `check` quietly', async () => {
  for (const jobs of ['1', '2']) {
    const {code, signal, other} = await closeEarly('stderr', 'at once', 'check', '--preset', 'strict', '--jobs', jobs, folder)
    assert.equal(code, 141, `--jobs ${jobs}`)
    assert.equal(signal, null)
    assert.equal(other, '')
  }
})

test('output: a full disk behind stdout is one line, exit 2', (t) => {
  if (!fs.existsSync('/dev/full')) return t.skip('no /dev/full')
  const full = fs.openSync('/dev/full', 'w')
  try {
    const result = spawnSync(process.execPath, [cli, 'tag', article], {stdio: ['ignore', full, 'pipe'], encoding: 'utf8'})
    assert.equal(result.status, 2)
    assert.equal(result.stderr, 'newsmark: cannot write the output (ENOSPC)\n')
  } finally {
    fs.closeSync(full)
  }
})
