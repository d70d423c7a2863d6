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
import {format, parseArgs} from 'node:util'
import * as esbuild from 'esbuild'
import {createRunDir, createWorkspace, launchBrowser, root, say, startCodeServer, tail, whyNotInstalled, withTimeout} from './harness.mjs'

const {values: flags} = parseArgs({
  options: {
    grep: {type: 'string'},
    verbose: {type: 'boolean', default: false},
    timeout: {type: 'string', default: process.env.NEWSMARK_VSCODE_TIMEOUT || '240'},
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
say('node --test test/vscode/grammar.test.mjs test/vscode/timex.test.ts')
try {
  execFileSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=dot', 'test/vscode/grammar.test.mjs', 'test/vscode/timex.test.ts'], {cwd: root, stdio: 'inherit'})
} catch {
  console.error('test/vscode: the plain Node tests failed')
  process.exit(1)
}

// 2. The extension bundle and the test bundle.
say('building dist/extension.cjs')
execFileSync(process.execPath, ['esbuild.mjs'], {cwd: root, stdio: 'inherit'})
if (!fs.existsSync(path.join(root, 'dist/extension.cjs'))) {
  console.error('test/vscode: cannot run: the build did not write dist/extension.cjs')
  process.exit(2)
}
const testsOut = path.join(root, 'out/vscode-tests')
fs.rmSync(testsOut, {recursive: true, force: true})
const suiteDir = path.join(root, 'test/vscode/suite')
await esbuild.build({
  entryPoints: fs.readdirSync(suiteDir).filter((name) => name.endsWith('.ts')).map((name) => path.join(suiteDir, name)),
  outdir: testsOut,
  outExtension: {'.js': '.cjs'},
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  // `mocha` resolves from the repository's node_modules; `vscode` is the host's.
  external: ['vscode', 'mocha'],
  logLevel: 'warning'
})

// 3. A fresh run folder and workspace, the editor and its window.
const run = createRunDir('tests')
const workspace = createWorkspace(run.dir)
say(`run folder ${run.dir}`)
const environment = {NEWSMARK_TEST_GREP: flags.grep ?? ''}
fs.writeFileSync(path.join(testsOut, 'environment.json'), JSON.stringify(environment))

let code = 2
/** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
let server
/** @type {Awaited<ReturnType<typeof launchBrowser>> | undefined} */
let browser
try {
  server = await startCodeServer({run, testDriver: true})
  say(`code-server on ${server.base}`)
  browser = await launchBrowser(run)
  const {page} = browser
  const exited = new Promise((resolve) => {
    // Called by the workbench when it runs extension tests (as @vscode/test-web does).
    const noise = /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Ignoring fetching additional builtin|Updating additional builtin|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\])/
    let done = false
    void page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown[]} */ args) => {
      // Extension host output arrives printf-style ('%s%s', …).
      const line = format(...args)
      if (done || (!flags.verbose && noise.test(line))) return
      if (type === 'error') console.error(line)
      else console.log(line)
    })
    void page.exposeFunction('codeAutomationExit', (/** @type {number} */ exitCode) => {
      done = true
      resolve(exitCode)
    })
  })
  page.on('pageerror', (error) => console.error('[page error]', error.message))
  if (flags.verbose) page.on('console', (message) => console.error('[browser]', message.type(), message.text()))
  await page.goto(
    server.url(workspace, [
      ['extensionDevelopmentPath', server.remote(root)],
      ['extensionTestsPath', server.remote(path.join(testsOut, 'index.cjs'))],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true']
    ])
  )
  say('workbench loading; tests run in the extension host')
  code = Number(await withTimeout(exited, Number(flags.timeout) * 1000, 'the extension host to finish the tests (is the payload honoured? is --vscode-option enable-smoke-test-driver supported?)'))
  say(`extension host exited with ${code}`)
  if (code !== 0) {
    await page.screenshot({path: path.join(run.dir, 'failure.png')}).catch(() => {})
  }
} catch (error) {
  console.error(`test/vscode: harness error: ${error instanceof Error ? error.message : String(error)}`)
  if (server) console.error(`code-server log (${server.log}):\n${tail(server.log)}`)
  if (browser) await browser.page.screenshot({path: path.join(run.dir, 'failure.png')}).catch(() => {})
  code = 2
} finally {
  await browser?.close().catch(() => {})
  await server?.stop()
  if (code === 0 && !flags.keep) fs.rmSync(run.dir, {recursive: true, force: true})
  else say(`kept ${run.dir} (logs${code === 0 ? '' : ', failure.png'})`)
}
process.exit(code)
