/**
 * Newsmark in the web worker extension host (`extensionDevelopmentKind`
 * web: the manifest's `browser` entry, as on vscode.dev), run by
 * `test/vscode/run-web.mjs`. No mocha (a web worker loads one file): a few
 * checks in order, each printed, the first failure rejects.
 *
 * It opens the sample article and awaits its diagnostics, reads a hover,
 * tags a span by hand (the sidecar, written through `workspace.fs` with no
 * lock) and runs **Import Article** (a message: it needs the desktop VS Code).
 */
import * as vscode from 'vscode'
import {until} from '../suite/helpers.ts'

/** The extension's API, as far as these checks read it. */
interface Api {
  readonly log: {readonly stats: {readonly errors: number}}
  readonly analyzer: {core(): Promise<unknown>; get(document: vscode.TextDocument): Promise<{file?: {messages: unknown[]}} | undefined>}
}

/**
 * Run the checks.
 * @returns
 *   Resolves when all passed.
 */
export async function run(): Promise<void> {
  const checks: Array<[string, () => Promise<void>]> = []
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri
  if (!folder) throw new Error('No workspace folder: the harness opens one')
  const article = vscode.Uri.joinPath(folder, 'poland-ottawa.md')
  let document: vscode.TextDocument
  let api: Api

  checks.push(['runs in a web worker, from the browser entry', async () => {
    const extension = vscode.extensions.getExtension<Api>('newsmark.newsmark')
    if (!extension) throw new Error('newsmark.newsmark is not loaded')
    const self = globalThis as {process?: {versions?: unknown}; importScripts?: unknown; location?: {href: string}}
    console.log(`    process: ${typeof self.process}, importScripts: ${typeof self.importScripts}, location: ${self.location?.href}, kind: ${extension.extensionKind}, main: ${String(extension.packageJSON.main)}`)
    assert(typeof (globalThis as {process?: unknown}).process === 'undefined', 'no Node `process` here')
    assert(typeof (globalThis as {importScripts?: unknown}).importScripts === 'function', 'a web worker (importScripts)')
    assert(extension.extensionKind === vscode.ExtensionKind.UI, `extensionKind UI, got ${extension.extensionKind}`)
    document = await vscode.workspace.openTextDocument(article)
    await vscode.window.showTextDocument(document)
    api = await extension.activate()
    console.log(`    VS Code ${vscode.version}, ${vscode.env.appHost}, uiKind ${vscode.env.uiKind === vscode.UIKind.Web ? 'Web' : 'Desktop'}, ${article.scheme}:`)
  }])

  checks.push(['diagnostics on the sample article', async () => {
    // The analysis itself first: its error, if any, says more than a time-out.
    const started = performance.now()
    await api.analyzer.core().catch((error: unknown) => {
      throw new Error(`the core did not load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    })
    const analysis = await api.analyzer.get(document)
    console.log(`    analysed in ${((performance.now() - started) / 1000).toFixed(1)} s: ${analysis ? 'done' : 'none'}, ${api.log.stats.errors} errors logged`)
    const diagnostics = await until(
      vscode.languages.onDidChangeDiagnostics,
      () => {
        const found = vscode.languages.getDiagnostics(article).filter((item) => item.source === 'newsmark')
        return found.length > 0 ? found : undefined
      },
      'Newsmark diagnostics on poland-ottawa.md',
      90_000
    )
    console.log(`    ${diagnostics.length} diagnostics, first: ${diagnostics[0]!.range.start.line + 1}: ${diagnostics[0]!.message.split('\n')[0]}`)
  }])

  checks.push(['hover on “Tomczyk”: the person', async () => {
    const at = document.positionAt(document.getText().indexOf('Tomczyk linked') + 3)
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', article, at)
    const text = hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n')
    assert(/\*\*Cezary Tomczyk\*\* · Person/.test(text), `a person hover, got: ${text.slice(0, 200)}`)
  }])

  checks.push(['Tag as Organisation writes the sidecar through workspace.fs', async () => {
    const editor = await vscode.window.showTextDocument(document)
    const start = document.getText().indexOf('BELMA plant')
    editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + 'BELMA plant'.length))
    await vscode.commands.executeCommand('newsmark.tagOrganization', {role: 'state-owned arms maker'})
    const sidecar = vscode.Uri.joinPath(folder, 'poland-ottawa.md.newsmark.json')
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar))) as {total: number; first: {items: Array<{target: {selector: Array<{exact?: string}>}}>}}
    assert(json.total === 1, `one annotation, got ${json.total}`)
    assert(json.first.items[0]!.target.selector[0]!.exact === 'BELMA plant', 'on “BELMA plant”')
  }])

  checks.push(['Import Article says it needs the desktop VS Code', async () => {
    const result = await vscode.commands.executeCommand('newsmark.importArticle', {url: 'https://example.org/'})
    assert(result === undefined, 'nothing imported')
  }])

  checks.push(['no error in the log', async () => {
    assert(api.log.stats.errors === 0, `${api.log.stats.errors} errors logged`)
  }])

  let failed = 0
  for (const [name, check] of checks) {
    try {
      await check()
      console.log(`  ✔ ${name}`)
    } catch (error) {
      failed++
      console.log(`  ✘ ${name}: ${error instanceof Error ? error.message : String(error)}`)
      break
    }
  }
  console.log(`\nvscode web: ${checks.length - failed} checked, ${failed} failed`)
  if (failed > 0) throw new Error('A web check failed')
}

function assert(value: boolean, message: string): asserts value {
  if (!value) throw new Error(message)
}
