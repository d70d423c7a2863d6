/**
 * **Newsmark: Import Article from URL or HTML File…**: asks for an address
 * or a saved page, imports it (`src/node/importer.ts`, loaded on the first
 * import), writes `<slug of the headline>.md` into the workspace (next to
 * the active article, else in the first folder; with no folder open, a
 * save dialog asks where) and opens it, so its analysis runs as for any
 * article.
 *
 * The only network Newsmark uses: the address given and its redirects,
 * through `http.proxy` (and `http.noProxy`) when set, else the
 * environment's `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY`; the download can be
 * cancelled and stops after `newsmark.import.timeout` seconds. An existing
 * file is replaced only when the reader says so (a modal warning).
 */
import * as vscode from 'vscode'
import {getImportConfig} from './config.ts'
import {basename, dirname, exists, writeText} from './files.ts'
import type {Log} from './log.ts'

/** Answers the command can be given instead of asking (keybindings, tests). */
export interface ImportOptions {
  /** The page's address. */
  readonly url?: string
  /** A saved page. */
  readonly file?: vscode.Uri | string
  /** Where to write (default: from the headline, in the workspace). */
  readonly target?: vscode.Uri | string
  /** Replace `target` if it exists without asking (default: `false`: ask). */
  readonly overwrite?: boolean
}

type Importer = typeof import('../node/importer.ts')

/**
 * Register the import command.
 * @param log
 *   The log.
 * @returns
 *   The registration.
 */
export function registerImport(log: Log): vscode.Disposable {
  let importer: Promise<Importer> | undefined
  const load = () => (importer ??= import('../node/importer.ts'))
  return vscode.commands.registerCommand('newsmark.importArticle', async (arg?: unknown) => {
    const given = arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? (arg as ImportOptions) : arg instanceof vscode.Uri ? {file: arg} : {}
    try {
      return await runImport(load, log, given)
    } catch (error) {
      if (error instanceof vscode.CancellationError) return undefined
      const message = error instanceof Error ? error.message : String(error)
      log.info(`newsmark.importArticle: ${message}`)
      void vscode.window.showErrorMessage(`Newsmark: could not import: ${message}`)
      return undefined
    }
  })
}

async function runImport(load: () => Promise<Importer>, log: Log, given: ImportOptions): Promise<vscode.Uri | undefined> {
  const source = given.url !== undefined || given.file !== undefined ? given : await askSource()
  if (!source) return undefined
  const importer = await load()
  const retrieved = today()
  const article = await vscode.window.withProgress(
    {location: vscode.ProgressLocation.Notification, title: `Newsmark: importing ${source.url ?? basename(toUri(source.file!))}`, cancellable: true},
    async (_progress, token) => {
      if (source.url !== undefined) {
        const config = getImportConfig()
        const settings = config.proxy ? {httpProxy: config.proxy, httpsProxy: config.proxy, noProxy: config.noProxy} : importer.proxyFromEnv(process.env)
        const proxied = settings.httpProxy || settings.httpsProxy ? importer.proxiedFetch(settings) : undefined
        const controller = new AbortController()
        const listener = token.onCancellationRequested(() => controller.abort(new vscode.CancellationError()))
        try {
          const page = await importer.fetchPage(source.url, {timeout: config.timeout * 1000, fetch: proxied?.fetch, signal: controller.signal})
          if (page.redirects.length > 0) log.info(`Import: ${source.url} redirected to ${page.url}`)
          return importer.importArticle(page.html, {url: page.url, retrieved})
        } finally {
          listener.dispose()
          await proxied?.close()
        }
      }
      const file = toUri(source.file!)
      const stat = await vscode.workspace.fs.stat(file)
      if (stat.size > importer.defaultMaxBytes) throw new Error(`${basename(file)} is over the ${importer.defaultMaxBytes / 1048576} MB limit.`)
      const html = importer.decodeHtml(await vscode.workspace.fs.readFile(file), '')
      return importer.importArticle(html, {retrieved})
    }
  )

  const target = await chooseTarget(given, article.slug)
  if (!target) return undefined
  await writeText(target, article.markdown)
  log.info(`Imported ${source.url ?? toUri(source.file!).toString(true)} to ${target.toString(true)} (${article.words} words)`)
  for (const warning of article.warnings) log.info(`Import: ${warning}`)
  await vscode.window.showTextDocument(target)
  if (article.warnings.length > 0) {
    void vscode.window.showWarningMessage(`Newsmark: imported ${basename(target)}; check: ${article.warnings.join('; ')}.`)
  }
  return target
}

/** Ask for an address, or a saved page. */
async function askSource(): Promise<ImportOptions | undefined> {
  const choice = await vscode.window.showQuickPick(
    [
      {label: '$(globe) From a URL…', detail: 'Download the page (the only time Newsmark uses the network)', source: 'url' as const},
      {label: '$(file-code) From a saved HTML file…', detail: 'A page saved from a browser (Save Page As… › HTML)', source: 'file' as const}
    ],
    {placeHolder: 'Import a news article from…'}
  )
  if (!choice) return undefined
  if (choice.source === 'url') {
    const clipboard = await clipboardText()
    const url = await vscode.window.showInputBox({
      title: 'Import Article from URL',
      prompt: 'Address of the article (http: or https:)',
      placeHolder: 'https://…',
      ...(/^https?:\/\/\S+$/i.test(clipboard) ? {value: clipboard} : {}),
      ignoreFocusOut: true,
      validateInput: (value) => urlProblem(value)
    })
    return url ? {url: url.trim()} : undefined
  }
  const files = await vscode.window.showOpenDialog({
    title: 'Import Article from HTML File',
    openLabel: 'Import',
    canSelectMany: false,
    filters: {'Web pages': ['html', 'htm', 'xhtml']},
    ...(vscode.workspace.workspaceFolders?.[0] ? {defaultUri: vscode.workspace.workspaceFolders[0].uri} : {})
  })
  return files?.[0] ? {file: files[0]} : undefined
}

/**
 * The clipboard's text, to offer an address copied from the browser: only
 * in the desktop VS Code. In a browser (code-server, Codespaces), reading
 * the clipboard asks for a permission the page seldom has, and VS Code then
 * shows “Unable to read from the browser's clipboard” over the import.
 * @returns
 *   The text, trimmed, or `''`.
 */
async function clipboardText(): Promise<string> {
  if (vscode.env.uiKind !== vscode.UIKind.Desktop) return ''
  try {
    return (await vscode.env.clipboard.readText()).trim()
  } catch {
    return ''
  }
}

/**
 * Why an address cannot be imported, for the input box.
 * @param value
 *   What the reader typed.
 * @returns
 *   The problem, or `undefined` when it is an `http:`/`https:` URL.
 */
export function urlProblem(value: string): string | undefined {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return 'Expected an address such as https://news.example/story'
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : `Only http: and https: addresses, not ${url.protocol}`
}

/** Where to write: the given target, else `<slug>.md` in the workspace (asking before replacing). */
async function chooseTarget(given: ImportOptions, slug: string): Promise<vscode.Uri | undefined> {
  if (given.target) {
    const target = toUri(given.target)
    if (!given.overwrite && (await exists(target)) && !(await confirmReplace(target))) return undefined
    return target
  }
  const folder = targetFolder()
  if (!folder) {
    return vscode.window.showSaveDialog({title: 'Save the imported article', saveLabel: 'Save', filters: {Markdown: ['md']}})
  }
  const target = vscode.Uri.joinPath(folder, `${slug}.md`)
  if (!(await exists(target))) return target
  const answer = await vscode.window.showWarningMessage(
    `${vscode.workspace.asRelativePath(target)} already exists. Replace it with the imported article?`,
    {modal: true},
    'Replace',
    'Save As…'
  )
  if (answer === 'Replace') return target
  if (answer === 'Save As…') {
    return vscode.window.showSaveDialog({defaultUri: vscode.Uri.joinPath(folder, `${slug}-imported.md`), saveLabel: 'Save', filters: {Markdown: ['md']}})
  }
  return undefined
}

async function confirmReplace(target: vscode.Uri): Promise<boolean> {
  const answer = await vscode.window.showWarningMessage(`${basename(target)} already exists. Replace it with the imported article?`, {modal: true}, 'Replace')
  return answer === 'Replace'
}

/** The active article's folder if it is in the workspace, else the first workspace folder. */
function targetFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri
  if (active && vscode.workspace.getWorkspaceFolder(active)) return active.with({path: dirname(active)})
  return vscode.workspace.workspaceFolders?.[0]?.uri
}

function toUri(value: vscode.Uri | string): vscode.Uri {
  if (typeof value !== 'string') return value
  return /^[a-z][a-z\d+.-]+:/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value)
}

/** Today, in the local time zone, `YYYY-MM-DD`. */
function today(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}
