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
const folder = path.join(temp, 'articles')

test.before(() => {
  if (!fs.existsSync(cli)) spawnSync(process.execPath, ['esbuild.mjs'], {stdio: 'inherit'})
  const article = fs.readFileSync('examples/poland-ottawa.md', 'utf8')
  fs.writeFileSync(big, article.repeat(200))
  fs.mkdirSync(folder)
  // About 230 KB of report each: the reader may take a few buffers' worth
  // before it goes away.
  for (const name of ['a.md', 'b.md', 'c.md']) fs.writeFileSync(path.join(folder, name), article.repeat(60))
})

test.after(() => fs.rmSync(temp, {recursive: true, force: true}))

/**
 * Run the CLI and close its `stream` after the first chunk, as `| head -1`
 * does.
 *
 * @param stream
 *   The output the reader closes.
 * @param args
 *   Arguments.
 * @returns
 *   Exit code, signal, and what came on the other output.
 */
function closeEarly(stream: 'stdout' | 'stderr', ...args: string[]) {
  return new Promise<{code: number | null; signal: string | null; other: string}>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {stdio: ['ignore', 'pipe', 'pipe']})
    const closed = child[stream]
    const open = stream === 'stdout' ? child.stderr : child.stdout
    let other = ''
    open.setEncoding('utf8')
    open.on('data', (chunk: string) => {
      other += chunk
    })
    closed.once('data', () => closed.destroy())
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({code, signal, other}))
  })
}

test('output: a reader that closes stdout early ends the command quietly', async () => {
  const cases = [
    ['tag', big],
    ['tag', '--preset', 'strict', '--format', 'text', big],
    ['export', big, '--to', 'json']
  ]
  for (const args of cases) {
    const {code, signal, other} = await closeEarly('stdout', ...args)
    assert.equal(other, '', `${args.join(' ')}: nothing on stderr`)
    assert.equal(code, 141, args.join(' '))
    assert.equal(signal, null)
  }
})

test('output: a reader that closes the report (stderr) early ends `check` quietly', async () => {
  for (const jobs of ['1', '2']) {
    const {code, signal, other} = await closeEarly('stderr', 'check', '--preset', 'strict', '--jobs', jobs, folder)
    assert.equal(code, 141, `--jobs ${jobs}`)
    assert.equal(signal, null)
    assert.equal(other, '')
  }
})

test('output: a full disk behind stdout is one line, exit 2', (t) => {
  if (!fs.existsSync('/dev/full')) return t.skip('no /dev/full')
  const full = fs.openSync('/dev/full', 'w')
  try {
    const result = spawnSync(process.execPath, [cli, 'tag', big], {stdio: ['ignore', full, 'pipe'], encoding: 'utf8'})
    assert.equal(result.status, 2)
    assert.equal(result.stderr, 'newsmark: cannot write the output (ENOSPC)\n')
  } finally {
    fs.closeSync(full)
  }
})
