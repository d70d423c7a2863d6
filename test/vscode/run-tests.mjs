#!/usr/bin/env node
/**
 * Run the integration tests (`test/vscode/suite/*.test.ts`, mocha) inside
 * the extension host of a real VS Code: code-server loads the extension from
 * the repository (`extensionDevelopmentPath`) and the bundled tests
 * (`extensionTestsPath`), headless Chromium is its window.
 *
 *   node test/vscode/run-tests.mjs [--grep TEXT] [--verbose] [--timeout SECONDS]
 *
 * Exit code: 0 when every test passed, 1 when one failed, 2 when the harness
 * could not run them (not installed, time-out, crash), with the reason.
 */
import fs from 'node:fs'
import path from 'node:path'
import {execFileSync} from 'node:child_process'
import {parseArgs} from 'node:util'
import {root, runPayload, say, whyNotInstalled} from './harness.mjs'

const {values: flags} = parseArgs({
  options: {
    grep: {type: 'string'},
    verbose: {type: 'boolean', default: false},
    // The whole suite: about 3 minutes quiet; generous for a busy machine.
    timeout: {type: 'string', default: process.env.NEWSMARK_VSCODE_TIMEOUT || '480'},
    keep: {type: 'boolean', default: false}
  }
})

const missing = whyNotInstalled()
if (missing) {
  console.error(`test/vscode: cannot run: ${missing}`)
  process.exit(2)
}

// 1. Plain Node first (fast, no editor): the grammar, tokenized by the host's
//    own vscode-textmate, and the extension's pure helpers.
say('node --test test/vscode/grammar.test.mjs')
try {
  execFileSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=dot', 'test/vscode/grammar.test.mjs'], {cwd: root, stdio: 'inherit'})
} catch {
  console.error('test/vscode: the plain Node tests failed')
  process.exit(1)
}

// 2. The extension bundle.
say('building dist/extension.cjs')
execFileSync(process.execPath, ['esbuild.mjs'], {cwd: root, stdio: 'inherit'})
if (!fs.existsSync(path.join(root, 'dist/extension.cjs'))) {
  console.error('test/vscode: cannot run: the build did not write dist/extension.cjs')
  process.exit(2)
}

// 3. The suites, bundled, in the extension host of a fresh editor.
const suiteDir = path.join(root, 'test/vscode/suite')
const code = await runPayload({
  name: 'tests',
  entryPoints: fs.readdirSync(suiteDir).filter((name) => name.endsWith('.ts')).map((name) => path.join(suiteDir, name)),
  environment: {NEWSMARK_TEST_GREP: flags.grep ?? ''},
  // Auto save is on by default in the web workbench: typed test edits would be
  // written to disk (and reverts would restore nothing).
  // Every rule: the suites test what each rule shows in the editor (the
  // default preset, `recommended`, is tested in ui.mjs and the unit tests).
  settings: {'files.autoSave': 'off', 'newsmark.diagnostics.preset': 'strict'},
  timeout: Number(flags.timeout),
  verbose: flags.verbose,
  keep: flags.keep
})
process.exit(code)
