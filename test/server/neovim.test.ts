/**
 * A second real client: Neovim's built-in LSP client, headless, drives
 * `newsmark-language-server` on the sample article (`neovim-client.lua`)
 * and reports the diagnostics, a hover and the symbols it got.
 *
 * Needs `nvim` (0.7 or later) on the PATH; `.ci/run` installs Debian's
 * `neovim`. Without it, the test is skipped and says so.
 */
import assert from 'node:assert/strict'
import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import test from 'node:test'

function hasNeovim(): boolean {
  try {
    execFileSync('nvim', ['--version'], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
}

test('neovim: diagnostics, a hover and symbols from newsmark-language-server in Neovim', {skip: hasNeovim() ? false : 'nvim is not installed (apt-get install neovim): the Neovim client test cannot run'}, () => {
  const server = path.resolve('dist/server.mjs')
  assert.ok(fs.existsSync(server), 'dist/server.mjs is built (npm run build)')
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-nvim-'))
  try {
    const sample = fs.readFileSync('examples/poland-ottawa.md', 'utf8')
    const text = `${sample}\nThe minister slammed the plan.\n`
    const file = path.join(folder, 'poland-ottawa.md')
    fs.writeFileSync(file, text)
    const out = path.join(folder, 'out.json')
    const offset = text.indexOf('Maria Zakharova') + 2
    const before = text.slice(0, offset).split('\n')
    const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${path.resolve('test/server/neovim-client.lua')}`], {
      env: {
        ...process.env,
        HOME: folder,
        XDG_STATE_HOME: folder,
        XDG_DATA_HOME: folder,
        NEWSMARK_FILE: file,
        NEWSMARK_NODE: process.execPath,
        NEWSMARK_SERVER: server,
        NEWSMARK_OUT: out,
        NEWSMARK_LINE: String(before.length - 1),
        NEWSMARK_CHARACTER: String(before.at(-1)!.length)
      },
      encoding: 'utf8',
      timeout: 240_000
    })
    assert.ok(fs.existsSync(out), `Neovim wrote no result (status ${run.status}, signal ${run.signal}):\n${run.stdout}\n${run.stderr}`)
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      errors: string[]
      gotDiagnostics: boolean
      diagnostics: Array<{line: number; col: number; message: string; source: string; code?: string}>
      hover?: string
      symbols: string[]
    }
    assert.deepEqual(result.errors, [])
    assert.equal(result.gotDiagnostics, true)
    const loaded = result.diagnostics.find((item) => item.code === 'loaded-verb' && item.message.includes('slammed'))
    assert.ok(loaded, JSON.stringify(result.diagnostics))
    assert.equal(loaded.source, 'newsmark')
    assert.equal(loaded.line, text.split('\n').findIndex((line) => line.includes('slammed')))
    assert.match(result.hover ?? '', /^\*\*Maria Zakharova\*\* · Person/)
    assert.deepEqual(result.symbols.slice(0, 3), ['Entities', 'Timeline', 'Claims'])
  } finally {
    fs.rmSync(folder, {recursive: true, force: true})
  }
})
