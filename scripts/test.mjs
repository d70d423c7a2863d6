#!/usr/bin/env node
/**
 * `npm test`: every test group, each run even when one before it failed,
 * and every failure reported at the end.
 *
 *   node scripts/test.mjs [--only types,unit,…]
 *
 * Groups, in order: `types` (tsc), `build` (esbuild), `unit` (core, CLI,
 * extension helpers and scripts, in plain Node, two files at a time),
 * `timing` (the unit test files that measure CPU time, heap or timeouts,
 * one at a time), `editor-install`
 * (code-server and Chromium under `.vscode-host/`), `editor` (the
 * integration tests in a real VS Code), `ui` (a reader's clicks, with
 * screenshots) and `web` (the browser entry in a web worker extension
 * host). A group that needs one that failed (the editor tests need the
 * editor installed) is reported as not run, and counts as a failure.
 *
 * The last line counts tests over all groups (`tests: N passed, N failed`);
 * the exit code is 1 when any group failed.
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values: flags} = parseArgs({options: {only: {type: 'string'}}})
const node = process.execPath

const unitFiles = testFiles(['test/core', 'test/cli', 'test/node', 'test/service', 'test/server', 'test/extension', 'test/scripts'])
// Files whose tests measure CPU time, heap or a timeout against a clock: they
// run one at a time, after the others (which run two at a time), so that no
// other test file competes with what they measure.
const measuring = new Set([
  'test/cli/check-jobs.test.ts',
  'test/core/annotations-anchor.test.ts',
  'test/core/claims.test.ts',
  'test/core/redos.test.ts',
  'test/core/retention.test.ts',
  'test/extension/preview-highlight.test.ts',
  'test/node/analysis-worker.test.ts',
  'test/server/server.test.ts'
])
for (const file of measuring) if (!unitFiles.includes(file)) throw new Error(`scripts/test.mjs: ${file} is listed as measuring but is not a test file`)

/** @type {Array<{name: string, command: string[], needs?: string[]}>} */
const groups = [
  {name: 'types', command: [node, path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit']},
  {name: 'build', command: [node, 'esbuild.mjs']},
  {
    name: 'unit',
    needs: ['build'],
    command: [node, '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...unitFiles.filter((file) => !measuring.has(file))]
  },
  {
    name: 'timing',
    needs: ['build'],
    command: [node, '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...unitFiles.filter((file) => measuring.has(file))]
  },
  {name: 'editor-install', command: ['bash', 'test/vscode/install.sh']},
  {name: 'editor', needs: ['build', 'editor-install'], command: [node, 'test/vscode/run-tests.mjs']},
  {name: 'ui', needs: ['build', 'editor-install'], command: [node, 'test/vscode/ui.mjs']},
  {name: 'web', needs: ['build', 'editor-install'], command: [node, 'test/vscode/run-web.mjs']}
]

const only = flags.only ? new Set(flags.only.split(',')) : undefined
/** @type {Map<string, {ok: boolean, passed: number, failed: number, seconds: number, note: string}>} */
const outcomes = new Map()

for (const group of groups) {
  if (only && !only.has(group.name)) continue
  const missing = (group.needs ?? []).filter((name) => outcomes.has(name) && !outcomes.get(name)?.ok)
  if (missing.length > 0) {
    console.log(`\n=== ${group.name}: not run: ${missing.join(' and ')} failed`)
    outcomes.set(group.name, {ok: false, passed: 0, failed: 1, seconds: 0, note: `not run: needs ${missing.join(', ')}`})
    continue
  }

  console.log(`\n=== ${group.name}: ${group.command.map((part) => (part === node ? 'node' : path.isAbsolute(part) ? path.relative(root, part) : part)).join(' ')}`)
  const started = performance.now()
  const {code, output} = await run(group.command)
  const counted = count(output)
  const ok = code === 0
  outcomes.set(group.name, {
    ok,
    // A group whose runner prints no counts counts as one test.
    passed: counted ? counted.passed : ok ? 1 : 0,
    failed: counted ? Math.max(counted.failed, ok ? 0 : 1) : ok ? 0 : 1,
    seconds: (performance.now() - started) / 1000,
    note: ok ? '' : `exit code ${code}`
  })
}

console.log('\n=== summary')
let passed = 0
let failed = 0
for (const [name, outcome] of outcomes) {
  passed += outcome.passed
  failed += outcome.failed
  const status = outcome.ok ? 'ok' : `FAILED (${outcome.note})`
  console.log(`${name.padEnd(15)} ${status.padEnd(28)} ${String(outcome.passed).padStart(4)} passed ${String(outcome.failed).padStart(3)} failed ${outcome.seconds.toFixed(0).padStart(5)} s`)
}

const failedGroups = [...outcomes].filter(([, outcome]) => !outcome.ok).map(([name]) => name)
if (failedGroups.length > 0) console.log(`\nFailed groups: ${failedGroups.join(', ')} (their output is above, under "=== name")`)
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failedGroups.length > 0 ? 1 : 0)

/**
 * The test files (`*.test.ts`) of folders, sorted (Node 20's `--test` takes
 * no globs).
 *
 * @param {string[]} folders
 *   Folders, relative to the repository.
 * @returns {string[]}
 *   Paths, relative to the repository.
 */
function testFiles(folders) {
  return folders.flatMap((folder) =>
    fs
      .readdirSync(path.join(root, folder))
      .filter((name) => name.endsWith('.test.ts'))
      .sort()
      .map((name) => `${folder}/${name}`)
  )
}

/**
 * Run a command in the repository, its output shown as it comes and kept.
 *
 * @param {string[]} command
 *   Program and arguments.
 * @returns {Promise<{code: number, output: string}>}
 *   Exit code (1 for a signal) and output.
 */
function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), {cwd: root, stdio: ['ignore', 'pipe', 'pipe']})
    let output = ''
    // Whole characters: a `ℹ` split between two chunks is still one.
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (chunk) => {
      output += chunk
      process.stdout.write(chunk)
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
      process.stderr.write(chunk)
    })
    child.on('error', (error) => {
      output += String(error)
      console.error(`could not run ${command[0]}: ${error.message}`)
      resolve({code: 1, output})
    })
    child.on('close', (code) => resolve({code: code ?? 1, output}))
  })
}

/**
 * Test counts in a runner's output: node's test runner (`ℹ pass N`,
 * `# pass N`), mocha (`N passing`, `N failing`) and the UI script
 * (`ui: N passed, N failed`); the counts of every runner in the output add
 * up.
 *
 * @param {string} output
 *   Output.
 * @returns {{passed: number, failed: number} | undefined}
 *   Counts, if the output has any.
 */
function count(output) {
  let passed = 0
  let failed = 0
  let found = false
  const add = (/** @type {RegExp} */ pattern, /** @type {'passed' | 'failed'} */ key) => {
    for (const match of output.matchAll(pattern)) {
      found = true
      if (key === 'passed') passed += Number(match[1])
      else failed += Number(match[1])
    }
  }

  add(/^[ℹ#] pass (\d+)$/gm, 'passed')
  add(/^[ℹ#] fail (\d+)$/gm, 'failed')
  add(/^\s*(\d+) passing\b/gm, 'passed')
  add(/^\s*(\d+) failing\b/gm, 'failed')
  add(/^ui: (\d+) passed/gm, 'passed')
  add(/^ui: \d+ passed, (\d+) failed/gm, 'failed')
  return found ? {passed, failed} : undefined
}
