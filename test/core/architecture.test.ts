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

// What src/core may set up at module level and fill or set at run time:
// models and lexicons loaded on first use and never changed after, and the
// memory of the running analysis. Anything else that a module fills at run
// time (a cache, the last document seen) belongs in a `Memory`
// (`src/core/incremental/memory.ts`), which a `createNewsmark` instance owns.
const moduleState = new Map([
  ['src/core/incremental/memory.ts', ['current', 'slots']],
  ['src/core/claims/classifier.ts', ['scorer']],
  ['src/core/claims/features.ts', ['phrases']],
  ['src/core/entities/tagger.ts', ['model']],
  ['src/core/quotes/tagger.ts', ['shipped']],
  ['src/core/rules/report.ts', ['urls']],
  ['src/core/rules/inconsistent-date.ts', ['families']],
  ['src/core/entities/gazetteer.ts', ['byName', 'words']]
])

test('architecture: src/core keeps no state at module level but models, lexicons and the running analysis’s memory', () => {
  const found: string[] = []
  for (const file of files('src/core').filter((file) => file.endsWith('.ts'))) {
    const text = fs.readFileSync(file, 'utf8')
    // A `let`, or an empty map, set or LRU (filled later), at the top level.
    const pattern = /^(?:export )?(?:let ([\w$]+)|const ([\w$]+)(?:: [^=\n]+)? = new (?:Map|Set|Lru)(?:<[^\n]*>)?\(\))/gm
    for (const match of text.matchAll(pattern)) {
      const name = match[1] ?? match[2]!
      if (!moduleState.get(file.split(path.sep).join('/'))?.includes(name)) found.push(`${file}: ${name}`)
    }
  }

  assert.deepEqual(found, [])
})

test('architecture: the module-state check finds a module-level cache', () => {
  const pattern = /^(?:export )?(?:let ([\w$]+)|const ([\w$]+)(?:: [^=\n]+)? = new (?:Map|Set|Lru)(?:<[^\n]*>)?\(\))/gm
  const names = (text: string) => [...text.matchAll(pattern)].map((match) => match[1] ?? match[2])
  assert.deepEqual(names('let last: string | undefined\nconst seen = new Map<string, number>()\nconst kept: Map<string, number> = new Map()\n'), ['last', 'seen', 'kept'])
  assert.deepEqual(names("const months = new Set(['may'])\nfunction f() {\n  let local = 1\n  const map = new Map()\n}\n"), [])
})
