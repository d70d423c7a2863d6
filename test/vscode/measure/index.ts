/**
 * Measurement payload (`test/vscode/measure.mjs` runs it in the extension
 * host of a fresh code-server): activation, loading the core, analysing the
 * sample, and hovers answered from the cache. Prints one
 * `NEWSMARK_MEASURE {json}` line; no assertions, no targets enforced here.
 */
import fs from 'node:fs'
import inspector from 'node:inspector'
import {createRequire} from 'node:module'
import path from 'node:path'
import * as vscode from 'vscode'
import type {NewsmarkApi} from '../../../src/extension/extension.ts'
import {NewsmarkHover} from '../../../src/extension/hover.ts'

/** Hover positions: text to find, characters into it. */
const targets: Array<[string, string, number]> = [
  ['person', 'Tomczyk linked', 3],
  ['date', 'February 20', 2],
  ['country', 'Poland has announced', 1],
  ['claim', 'output will rise by 25 times', 10],
  ['nothing', 'Importantly', 3]
]

/**
 * Run the measurements.
 * @returns
 *   Resolves when printed.
 */
export async function run(): Promise<void> {
  const environment = JSON.parse(fs.readFileSync(path.join(__dirname, 'environment.json'), 'utf8')) as {
    iterations: number
    bigFile?: string
    profile?: string
  }
  const iterations = environment.iterations || 2000
  const extension = vscode.extensions.getExtension<NewsmarkApi>('newsmark.newsmark')
  if (!extension) throw new Error('newsmark.newsmark is not loaded')
  const bundle = path.join(extension.extensionPath, extension.packageJSON.main as string)
  const core = path.join(path.dirname(bundle), 'extension-core.cjs')
  const result: Record<string, unknown> = {
    bundleBytes: fs.statSync(bundle).size,
    coreBytes: fs.existsSync(core) ? fs.statSync(core).size : 0,
    wasActive: extension.isActive
  }

  // Activation, as VS Code does it on the first Markdown document: load
  // `dist/extension.cjs` (timed here first, cold; VS Code then finds it in
  // the module cache), make the extension context (its state comes from
  // the window), call `activate`.
  let started = performance.now()
  createRequire(__filename)(bundle)
  result.load = performance.now() - started
  started = performance.now()
  const api = await extension.activate()
  result.activation = performance.now() - started
  result.activateCall = api.activationTime

  // The core loads on the first analysis.
  const folder = vscode.workspace.workspaceFolders![0]!.uri
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'poland-ottawa.md'))
  const profiler = environment.profile ? await startProfile() : undefined
  started = performance.now()
  await api.analyzer.core()
  result.coreLoad = performance.now() - started
  started = performance.now()
  const analysis = await api.analyzer.get(document)
  result.firstAnalysis = performance.now() - started
  if (profiler) await profiler.stop(environment.profile!.replace(/big\.cpuprofile$/, 'first.cpuprofile'))
  result.characters = document.getText().length
  result.tags = analysis && {entities: analysis.result.entities.length, dates: analysis.result.dates.length, claims: analysis.result.claims.length}

  // Analysis again after a one-character edit (the whole article: no
  // incremental analysis in the core yet).
  const again: number[] = []
  const at = document.positionAt(document.getText().indexOf('Importantly'))
  for (let index = 0; index < 8; index++) {
    const edit = new vscode.WorkspaceEdit()
    if (index % 2 === 0) edit.insert(document.uri, at, 'x')
    else edit.delete(document.uri, new vscode.Range(at, at.translate(0, 1)))
    await vscode.workspace.applyEdit(edit)
    started = performance.now()
    await api.analyzer.get(document)
    again.push(performance.now() - started)
  }
  result.reanalysis = summary(again)

  // Hovers from the cache: the provider's own work, without VS Code's IPC.
  const editor = await vscode.window.showTextDocument(document)
  await api.analyzer.get(editor.document)
  const hover = new NewsmarkHover(api.analyzer)
  const token = new vscode.CancellationTokenSource().token
  const hovers: Record<string, unknown> = {}
  for (const [name, needle, delta] of targets) {
    const position = document.positionAt(document.getText().indexOf(needle) + delta)
    const found = await hover.provideHover(document, position, token)
    const times: number[] = []
    for (let index = 0; index < iterations; index++) {
      const start = performance.now()
      await hover.provideHover(document, position, token)
      times.push(performance.now() - start)
    }
    hovers[name] = {...summary(times), sections: found?.contents.length ?? 0}
  }
  result.hoverFromCache = hovers

  // The same through VS Code (`executeHoverProvider`: a round trip to the
  // window, every hover provider for Markdown included).
  const position = document.positionAt(document.getText().indexOf('Tomczyk linked') + 3)
  const trips: number[] = []
  for (let index = 0; index < 30; index++) {
    started = performance.now()
    await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position)
    trips.push(performance.now() - started)
  }
  result.hoverRoundTrip = summary(trips)
  result.memory = {rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed}
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor')
  if (environment.bigFile) result.big = await measureBig(api, vscode.Uri.file(environment.bigFile), environment.profile)
  console.log(`NEWSMARK_MEASURE ${JSON.stringify(result)}`)
}

/**
 * A large document open in an editor: its first analysis, then letters
 * typed, each timed to the analysis and to the Problems panel's update.
 * @param api
 *   The extension's API.
 * @param uri
 *   The 1 MB file.
 * @param profile
 *   Where to write a CPU profile of the letters typed, if anywhere.
 * @returns
 *   Times in ms.
 */
async function measureBig(api: NewsmarkApi, uri: vscode.Uri, profile?: string): Promise<Record<string, unknown>> {
  const editor = await vscode.window.showTextDocument(uri)
  const document = editor.document
  // The Newsmark sidebar open, as a reader has it: its tree follows each edit.
  await vscode.commands.executeCommand('newsmark.tags.focus')
  await vscode.window.showTextDocument(document)
  let started = performance.now()
  const analysis = await api.analyzer.get(document)
  const first = performance.now() - started
  const typed: number[] = []
  const diagnostics: number[] = []
  const text = document.getText()
  let profiler: Awaited<ReturnType<typeof startProfile>> | undefined
  for (let index = 0; index < 7; index++) {
    if (profile && index === 1) profiler = await startProfile()

    // A letter typed in the middle of a word, here and there in the file.
    let at = Math.floor(((index * 0.37 + 0.05) % 1) * text.length)
    while (!/[a-z]/.test(text[at])) at++
    const updated = new Promise<number>((resolve) => {
      const listener = vscode.languages.onDidChangeDiagnostics((event) => {
        // Newsmark's, from the analysis of the new version (not the built-in
        // Markdown extension's, which change too).
        if (api.analyzer.peek(document) && event.uris.some((changed) => changed.toString() === uri.toString())) {
          listener.dispose()
          resolve(performance.now())
        }
      })
    })
    started = performance.now()
    await editor.edit((builder) => builder.insert(document.positionAt(at), 'e'))
    const edited = performance.now()
    await api.analyzer.get(document)
    const analysed = performance.now()
    const shown = await Promise.race([updated, new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 10_000))])
    // The first edit warms the paths an edit takes: not counted.
    if (index === 0) continue
    typed.push(analysed - edited)
    diagnostics.push(shown - started)
  }

  if (profiler) await profiler.stop(profile!)

  // Hovers from the cache, two thirds of the way down: a person, a date.
  const latest = await api.analyzer.get(document)
  const hover = new NewsmarkHover(api.analyzer)
  const token = new vscode.CancellationTokenSource().token
  const hovers: Record<string, unknown> = {}
  const after = Math.floor(document.getText().length * 0.66)
  const person = latest?.result.entities.find((entity) => entity.type === 'PER')?.mentions.find((mention) => mention.start > after && !mention.pronoun)
  const date = latest?.result.dates.find((item) => item.start > after)
  for (const [name, at] of [['person', person?.start], ['date', date?.start]] as const) {
    if (at === undefined) continue
    const position = document.positionAt(at + 1)
    const times: number[] = []
    for (let index = 0; index < 300; index++) {
      const start = performance.now()
      await hover.provideHover(document, position, token)
      times.push(performance.now() - start)
    }
    hovers[name] = summary(times)
  }

  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor')
  return {
    characters: text.length,
    messages: analysis?.messages.length ?? 0,
    first,
    typed: summary(typed),
    diagnostics: summary(diagnostics),
    hovers
  }
}

/**
 * Start a CPU profile of the extension host.
 * @returns
 *   Stops it and writes it to a file.
 */
async function startProfile(): Promise<{stop(file: string): Promise<void>}> {
  const session = new inspector.Session()
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) => session.post(method, (error, value) => (error ? reject(error) : resolve(value))))
  session.connect()
  await post('Profiler.enable')
  await post('Profiler.start')
  return {
    async stop(file) {
      const {profile} = (await post('Profiler.stop')) as {profile: unknown}
      fs.writeFileSync(file, JSON.stringify(profile))
      session.disconnect()
    }
  }
}

/** Median, 95th percentile and maximum of times in ms. */
function summary(times: number[]): {median: number; p95: number; max: number; n: number} {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return {median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]!, n: sorted.length}
}
