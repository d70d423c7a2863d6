/**
 * Newsmark in the web worker extension host (`extensionDevelopmentKind`
 * web: the manifest's `browser` entry, as on vscode.dev), run by
 * `test/vscode/run-web.mjs`. No mocha (a web worker loads one file): a few
 * checks in order, each printed, the first failure rejects.
 *
 * It opens the sample article and awaits its diagnostics, reads a hover,
 * renders the article with markdown-it through Newsmark's plugin (as the
 * built-in Markdown preview does when it runs in the same host, as on
 * vscode.dev), tags a span by hand (the sidecar, written through
 * `workspace.fs` with no lock), runs **Import Article** (a message: it needs
 * the desktop VS Code) and opens an article the Markdown parser takes long
 * on: its analysis, in a Web Worker, is stopped past
 * `newsmark.analysis.timeout` while the extension host's timers run.
 */
import markdownIt from 'markdown-it'
import * as vscode from 'vscode'
import {until} from '../suite/helpers.ts'

/** The extension's API, as far as these checks read it. */
interface Api {
  readonly log: {readonly stats: {readonly errors: number}}
  readonly analyzer: {
    core(): Promise<unknown>
    get(document: vscode.TextDocument): Promise<{version: number; result: {entities: Array<{name: string}>; toCheck?: unknown[]}} | undefined>
    latest(uri: vscode.Uri): {skipped?: {setting: string; reason: string}} | undefined
    readonly onDidRun: vscode.Event<{uri: vscode.Uri; outcome: string; ms: number}>
  }
  extendMarkdownIt<T>(md: T): T
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
    assert((analysis?.result.toCheck?.length ?? 0) > 0, 'claims to check in the analysis')
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

  checks.push(['the preview’s markdown-it plugin highlights the article (markdown-it in this host, as the built-in preview on vscode.dev)', async () => {
    // What the built-in Markdown extension does with an extension that
    // declares `markdown.markdownItPlugins`: activate it, pass its
    // markdown-it to `extendMarkdownIt`, render with the document's URI.
    const extension = vscode.extensions.getExtension<Api>('newsmark.newsmark')!
    assert(extension.packageJSON.contributes['markdown.markdownItPlugins'] === true, 'the manifest declares the plugin')
    const md = (await extension.activate()).extendMarkdownIt(markdownIt({html: true}))
    const html = md.render(document.getText(), {currentDocument: document.uri})
    const people = html.match(/<span class="[^"]*\bnewsmark-person\b[^"]*"[^>]*title="Person: Cezary Tomczyk/g) ?? []
    assert(people.length > 0, `Tomczyk highlighted as a person, got: ${html.slice(0, 300)}`)
    assert(/class="[^"]*\bnewsmark-date\b[^"]*"[^>]*>next month</.test(html), '“next month” highlighted as a date')
    assert(/newsmark-claim-start/.test(html), 'a claim marker')
    // The built-in preview of this code-server runs in the Node extension
    // host (it ships no browser build of the Markdown extension), which
    // cannot reach an extension of the web worker host: said, not failed.
    const rendered = await vscode.commands.executeCommand<string>('markdown.api.render', document.getText()).then(
      (value) => value,
      (error: unknown) => `(markdown.api.render failed: ${error instanceof Error ? error.message : String(error)})`
    )
    console.log(`    ${people.length} person spans; markdown.api.render of this code-server: ${/newsmark-person/.test(rendered ?? '') ? 'highlighted' : 'plain (its Markdown extension runs in another extension host)'}`)
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

  checks.push(['an analysis past newsmark.analysis.timeout is stopped in its Web Worker; the extension host stays free; the next analysis runs', async () => {
    const config = vscode.workspace.getConfiguration('newsmark')
    await config.update('analysis.timeout', 2, vscode.ConfigurationTarget.Global)
    try {
      await until(vscode.workspace.onDidChangeConfiguration, () => vscode.workspace.getConfiguration('newsmark').get('analysis.timeout') === 2, 'the timeout setting')
      // Thousands of nested quotes: the Markdown parser alone takes far longer.
      const uri = vscode.Uri.joinPath(folder, 'nested.md')
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('> '.repeat(60_000) + 'Tomczyk said.\n'))
      const runs: Array<{outcome: string; ms: number}> = []
      const subscription = api.analyzer.onDidRun((run) => {
        if (run.uri.toString() === uri.toString()) runs.push(run)
      })
      let ticks = 0
      const ticker = setInterval(() => ticks++, 10)
      const started = performance.now()
      try {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri))
        await until(api.analyzer.onDidRun, () => runs.length > 0, 'the run of nested.md', 60_000)
      } finally {
        clearInterval(ticker)
        subscription.dispose()
      }
      const took = performance.now() - started
      console.log(`    ${runs.map((run) => `${run.outcome} after ${Math.round(run.ms)} ms`).join(', ')}; ${ticks} ticks of 10 ms in ${Math.round(took)} ms`)
      assert(runs[0]!.outcome === 'skipped', `stopped, got ${runs[0]!.outcome}`)
      assert(ticks > 40, `the extension host's timers ran meanwhile (${ticks} ticks)`)
      const skipped = api.analyzer.latest(uri)?.skipped
      assert(skipped?.setting === 'newsmark.analysis.timeout' && /ran past newsmark\.analysis\.timeout \(2 s\) and was stopped/.test(skipped.reason), `skipped for the time limit, got ${JSON.stringify(skipped)}`)
      // A new worker analyses the others.
      const editor = await vscode.window.showTextDocument(document)
      await editor.edit((edit) => edit.insert(document.lineAt(document.lineCount - 1).range.end, ' Tomczyk said so on Friday.'))
      const analysis = await api.analyzer.get(document)
      assert(analysis?.version === document.version && analysis.result.entities.some((entity) => entity.name === 'Cezary Tomczyk'), 'the next analysis runs')
      await vscode.workspace.fs.delete(uri)
    } finally {
      await config.update('analysis.timeout', undefined, vscode.ConfigurationTarget.Global)
    }
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
