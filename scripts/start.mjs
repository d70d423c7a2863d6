#!/usr/bin/env node
/**
 * `npm start`: Newsmark in a real VS Code, in your browser.
 *
 * Builds and packages the extension, installs the editor if needed
 * (`test/vscode/install.sh`: code-server and Node 24 under `.vscode-host/`),
 * starts code-server on 127.0.0.1 with the extension installed and
 * `examples/poland-ottawa.md` open, and prints the address to open. Settings
 * and UI state persist in `.vscode-host/start/` between runs. Stop with
 * Ctrl+C.
 *
 *   npm start [-- --port 8080]
 *
 * If the editor cannot start, says why and exits non-zero. With a desktop
 * VS Code, `code --extensionDevelopmentPath=. examples` works too.
 */
import {execFileSync} from 'node:child_process'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {createRunDir, hostDir, installExtension, root, startCodeServer, whyNotInstalled} from '../test/vscode/harness.mjs'

const {values: flags} = parseArgs({options: {port: {type: 'string', default: process.env.PORT || '8080'}}})

/**
 * Stop with a reason.
 * @param {string} reason
 *   Why the editor cannot start.
 * @returns {never}
 */
function fail(reason) {
  console.error(`npm start: the editor cannot start: ${reason}`)
  process.exit(1)
}

try {
  console.error('Packaging the extension (npm run package)…')
  execFileSync('npm', ['run', '--silent', 'package'], {cwd: root, stdio: ['ignore', 'ignore', 'inherit']})
} catch {
  fail('`npm run package` failed (see above)')
}

if (whyNotInstalled()) {
  console.error('Installing the editor (test/vscode/install.sh; a few minutes the first time)…')
  try {
    execFileSync('bash', [path.join(root, 'test/vscode/install.sh')], {stdio: 'inherit'})
  } catch {
    fail('`bash test/vscode/install.sh` failed (see above); it needs the npm registry, and apt-get (as root) for Chromium')
  }
  const missing = whyNotInstalled()
  if (missing) fail(missing)
}

const run = createRunDir('start', path.join(hostDir, 'start'))
try {
  await installExtension(run, path.join(root, 'out/newsmark.vsix'))
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}

/** @type {Awaited<ReturnType<typeof startCodeServer>>} */
let server
try {
  server = await startCodeServer({run, port: Number(flags.port)})
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}

const examples = path.join(root, 'examples')
const url = server.url(examples, [['openFile', server.remote(path.join(examples, 'poland-ottawa.md'))]])
try {
  const response = await fetch(`${server.base}/healthz`)
  if (!response.ok) fail(`code-server answers ${response.status} on /healthz; log: ${server.log}`)
} catch (error) {
  fail(`code-server does not answer on ${server.base}: ${error instanceof Error ? error.message : String(error)}`)
}

console.log(`
Newsmark is running in VS Code (code-server on 127.0.0.1:${server.port}).
Open this address in a browser on this machine (or forward port ${server.port}):

  ${url}

Log: ${server.log}
Stop with Ctrl+C.`)

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    void server.stop().then(() => process.exit(0))
  })
}
