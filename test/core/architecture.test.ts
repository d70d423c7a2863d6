import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import test from 'node:test'
import {importCycles, importGraph, specifiers} from '../../scripts/lib/import-graph.ts'

function files(folder: string): string[] {
  return fs.readdirSync(folder, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(folder, entry.name)
    return entry.isDirectory() ? files(full) : [full]
  })
}

test('architecture: src/core never imports vscode', () => {
  const sources = files('src/core').filter((file) => file.endsWith('.ts'))
  assert.ok(sources.length > 10)
  for (const file of sources) {
    const text = fs.readFileSync(file, 'utf8')
    assert.doesNotMatch(text, /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\)/, file)
  }
})

test('architecture: src/core imports nothing from src/extension or src/cli', () => {
  for (const file of files('src/core').filter((file) => file.endsWith('.ts'))) {
    const text = fs.readFileSync(file, 'utf8')
    assert.doesNotMatch(text, /from\s+['"][./]*\/(extension|cli)\//, file)
  }
})

test('architecture: src/service imports neither vscode nor Node built-ins, nor the editor or the CLI', () => {
  const sources = files('src/service').filter((file) => file.endsWith('.ts'))
  assert.ok(sources.length >= 8)
  for (const file of sources) {
    for (const name of specifiers(fs.readFileSync(file, 'utf8'))) {
      assert.ok(name !== 'vscode' && !name.startsWith('node:') && !/\/(extension|cli|server|node)\//.test(name), `${file} imports ${name}`)
    }
  }
})

test('architecture: no import cycle among the files of src', () => {
  const graph = importGraph('src')
  assert.ok(graph.size > 150)
  assert.deepEqual(importCycles(graph), [])
})

test('architecture: the cycle finder finds cycles, long and short, and reads every form of import', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts', 'd.ts']],
    ['d.ts', []],
    ['e.ts', ['e.ts']]
  ])
  assert.deepEqual(importCycles(graph), [['a.ts', 'b.ts', 'c.ts'], ['e.ts']])
  assert.deepEqual(importCycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]])), [])
  const source = [
    "import a from './a.ts'",
    'import {',
    '  b,',
    '  type C',
    "} from './b.ts'",
    "import type {D} from './d.ts'",
    "export {e} from './e.ts'",
    "export * from './f.ts'",
    "import './g.ts'",
    "type H = typeof import('./h.ts')",
    "// import x from './commented.ts'",
    "/** import y from './documented.ts' */",
    "const url = 'https://example.org/from/here'"
  ].join('\n')
  assert.deepEqual(specifiers(source).sort(), ['./a.ts', './b.ts', './d.ts', './e.ts', './f.ts', './g.ts', './h.ts'])
})
