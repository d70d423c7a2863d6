/**
 * The browser's bundle (`dist/web/extension.cjs`, the manifest's `browser`
 * entry; plain Node, after `node esbuild.mjs`): nothing in it needs Node.
 * Its metafile names every module bundled and every import left out; the
 * bundle itself is evaluated in a context that has no `process`, `Buffer`
 * or `require` but the one of `vscode`, as a web worker extension host
 * gives it.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {builtinModules} from 'node:module'
import test from 'node:test'
import vm from 'node:vm'

const root = new URL('../../', import.meta.url)
const manifest = JSON.parse(fs.readFileSync(new URL('package.json', root), 'utf8'))
const bundle = new URL('dist/web/extension.cjs', root)
const metafile = new URL('dist/web/meta.json', root)

interface Metafile {
  inputs: Record<string, {imports: Array<{path: string; external?: boolean}>}>
}

const built = fs.existsSync(metafile)
const skip = built ? false : 'dist/web/meta.json is missing: run `node esbuild.mjs` first'

/** What a browser's extension host and its workers have of the globals a bundle may use (no `require`, `process` or `Buffer`). */
const webGlobals = {console, TextDecoder, TextEncoder, URL, performance, setTimeout, clearTimeout, crypto, queueMicrotask}

test('web: the manifest names the bundle, and the package ships it', () => {
  assert.equal(manifest.browser, './dist/web/extension.cjs')
  const ignore = fs.readFileSync(new URL('.vscodeignore', root), 'utf8').split('\n')
  assert.ok(ignore.includes('!dist/web/extension.cjs'), '.vscodeignore ships it')
})

test('web: the bundle imports nothing but `vscode`, and bundles no Node-only module', {skip}, () => {
  const meta = JSON.parse(fs.readFileSync(metafile, 'utf8')) as Metafile
  const node = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)])
  const external = new Set<string>()
  for (const [input, {imports}] of Object.entries(meta.inputs)) {
    for (const item of imports) {
      assert.ok(!node.has(item.path) && !node.has(item.path.split('/')[0]!), `${input} imports ${item.path}`)
      if (item.external) external.add(item.path)
    }
  }
  assert.deepEqual([...external], ['vscode'])
  const inputs = Object.keys(meta.inputs)
  // Pure helpers of `src/node/` may come in (temporary files' names); the
  // writer, the lock, the reader, the importer and the worker may not.
  for (const nodeOnly of ['src/node/atomic-write.ts', 'src/node/file-lock.ts', 'src/node/bounded-read.ts', 'src/node/importer.ts', 'src/extension/analysis-worker.ts', 'src/extension/import.ts']) {
    assert.ok(!inputs.includes(nodeOnly), `${nodeOnly} is not bundled`)
  }
  assert.ok(inputs.includes('src/core/analyze.ts'), 'the whole core is bundled (no other file loads)')
})

test('web: the bundle loads with no Node globals, and exports activate', {skip}, () => {
  const required: string[] = []
  // Any property of `vscode` is a function whose properties are functions.
  const stub = (): unknown =>
    new Proxy(function () {}, {
      get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : key === 'prototype' ? {} : stub()),
      construct: () => stub() as object,
      apply: () => stub()
    })
  const vscode = new Proxy({}, {get: () => stub()})
  const module = {exports: {} as Record<string, unknown>}
  const context = vm.createContext({
    module,
    exports: module.exports,
    require(name: string) {
      required.push(name)
      if (name === 'vscode') return Object.create(vscode)
      throw new Error(`Cannot require ${name} in a web worker`)
    },
    ...webGlobals
  })
  vm.runInContext(fs.readFileSync(bundle, 'utf8'), context, {filename: 'dist/web/extension.cjs'})
  assert.equal(typeof module.exports.activate, 'function')
  assert.equal(typeof module.exports.deactivate, 'function')
  assert.deepEqual([...new Set(required)], ['vscode'])
  assert.match(String(module.exports.importInBrowser), /needs the desktop VS Code/)
})

test('web: the bundle takes packages\' worker builds (no DOM in a web worker)', {skip}, () => {
  // decode-named-character-reference's `browser` build decodes with `document`.
  assert.doesNotMatch(fs.readFileSync(bundle, 'utf8'), /\bdocument\.createElement\(/)
})

test('web: the analysis worker (dist/web/core-worker.js) runs as a classic script with no Node, and answers as the core does', {skip}, async () => {
  const meta = JSON.parse(fs.readFileSync(new URL('dist/web/core-worker-meta.json', root), 'utf8')) as Metafile
  for (const [input, {imports}] of Object.entries(meta.inputs)) {
    for (const item of imports) assert.ok(!item.external, `${input} imports ${item.path}, which a Web Worker cannot load`)
  }
  const ignore = fs.readFileSync(new URL('.vscodeignore', root), 'utf8').split('\n')
  assert.ok(ignore.includes('!dist/web/core-worker.js'), '.vscodeignore ships it')
  // A dedicated worker's scope: `onmessage`, `postMessage`, no `require`, `process` or `Buffer`.
  const posted: unknown[] = []
  const scope: {onmessage?: (event: {data: unknown}) => void} & Record<string, unknown> = {
    postMessage: (message: unknown) => posted.push(structuredClone(message)),
    ...webGlobals
  }
  const context = vm.createContext(scope)
  vm.runInContext(fs.readFileSync(new URL('dist/web/core-worker.js', root), 'utf8'), context, {filename: 'dist/web/core-worker.js'})
  assert.deepEqual([...posted], [{ready: true}])
  assert.equal(typeof scope.onmessage, 'function')
  const value = 'Deputy Defense Minister Cezary Tomczyk said on Monday that Poland will leave the Ottawa Convention next month.'
  scope.onmessage!({data: {type: 'analyze', id: 1, path: '/a.md', value, options: {referenceDate: '2026-01-16'}}})
  const answer = posted[1] as {id: number; result: {entities: Array<{name: string}>}; messages: unknown[]}
  assert.equal(answer.id, 1)
  const {analyze} = await import('../../src/core/index.ts')
  const here = await analyze({value, path: '/b.md'}, {referenceDate: '2026-01-16'})
  assert.deepEqual(answer.result, JSON.parse(JSON.stringify(here.data.newsmark)))
  assert.equal(answer.messages.length, here.messages.length)
  scope.onmessage!({data: {type: 'directives', id: 2, value: 'It :claim[rose]{verdict=false}.'}})
  assert.deepEqual((posted[2] as {id: number}).id, 2)
})
