/// <reference types="mocha" />
/**
 * Newsmark stays up (issue 7): rapid edits, an edit or a close during a run,
 * a failing document, a file deleted on disk, a 50 MB file; results kept only
 * for open documents; errors in the log, one notification per cause.
 *
 * Every wait is on an event (the analyzer's `onDidRun`, diagnostics, file
 * watcher), never on a timer. A core that waits or throws for one document is
 * injected with `analyzer.useCore`.
 */
import assert from 'node:assert/strict'
import * as vscode from 'vscode'
import type {Core, RunEvent} from '../../../src/extension/analyzer.ts'
import type {NewsmarkApi} from '../../../src/extension/extension.ts'
import {api, hoverText, positionOf, until} from './helpers.ts'

suite('Newsmark stays up', () => {
  let newsmark: NewsmarkApi
  let folder: vscode.Uri
  let real: Core
  const created: vscode.Uri[] = []
  const disposables: vscode.Disposable[] = []

  suiteSetup(async () => {
    newsmark = await api()
    folder = vscode.workspace.workspaceFolders![0]!.uri
    real = await newsmark.analyzer.core()
  })

  teardown(async () => {
    for (const disposable of disposables.splice(0)) disposable.dispose()
    // Revert each editor: closing an edited one would ask to save.
    for (const tab of vscode.window.tabGroups.all.flatMap((group) => group.tabs)) {
      if (tab.input instanceof vscode.TabInputText) {
        await vscode.window.showTextDocument(tab.input.uri, {preview: false})
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor')
      }
    }
  })

  suiteTeardown(async () => {
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => {})
  })

  /** Write a Markdown file into the workspace and open it in an editor. */
  async function openNew(name: string, text: string): Promise<{document: vscode.TextDocument; editor: vscode.TextEditor}> {
    const uri = vscode.Uri.joinPath(folder, name)
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text))
    created.push(uri)
    const document = await vscode.workspace.openTextDocument(uri)
    const editor = await vscode.window.showTextDocument(document)
    return {document, editor}
  }

  /** Record the runs of one document from now on. */
  function recordRuns(document: vscode.TextDocument): RunEvent[] {
    const runs: RunEvent[] = []
    disposables.push(
      newsmark.analyzer.onDidRun((run) => {
        if (run.uri.toString() === document.uri.toString()) runs.push(run)
      })
    )
    return runs
  }

  /** Check, every time the analysis of `document` changes, that it is of its current version. */
  function neverStale(document: vscode.TextDocument): {shown: number[]; stale: string[]} {
    const seen = {shown: [] as number[], stale: [] as string[]}
    disposables.push(
      newsmark.analyzer.onDidChange((uri) => {
        if (uri.toString() !== document.uri.toString()) return
        const analysis = newsmark.analyzer.latest(uri)
        if (!analysis) return
        seen.shown.push(analysis.version)
        if (analysis.version !== document.version) seen.stale.push(`v${analysis.version} shown at v${document.version}`)
      })
    )
    return seen
  }

  /**
   * Use a core that, for files whose path ends with `name`, waits for
   * `release()` (or throws, with `fail`); the real core for the others.
   */
  function injectCore(name: string, fail = false): {entered: Promise<void>; release: () => void} {
    let entered!: () => void
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const started = new Promise<void>((resolve) => (entered = resolve))
    const core: Core = {
      ...real,
      async analyze(file, options) {
        // The extension passes a VFile whose path is the document's.
        if (String((file as {path?: string}).path).endsWith(name)) {
          if (fail) throw new Error(`Injected failure for ${name}`)
          entered()
          await gate
        }
        return real.analyze(file, options)
      }
    }
    disposables.push(newsmark.analyzer.useCore(async () => core))
    return {entered: started, release}
  }

  const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((item) => item.source === 'newsmark')
  const sample = () => vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'poland-ottawa.md')).then((bytes) => new TextDecoder().decode(bytes))

  test('dozens of edits in a row: one analysis, of the last version; nothing stale shown', async () => {
    const {document, editor} = await openNew('rapid.md', await sample())
    const {analyzer} = newsmark
    await until(analyzer.onDidChange, () => analyzer.peek(document), 'the first analysis of rapid.md')
    // A long pause, so that a slow edit on a busy machine cannot end it early.
    const config = vscode.workspace.getConfiguration('newsmark')
    await config.update('analysis.delay', 1000, vscode.ConfigurationTarget.Global)
    disposables.push(new vscode.Disposable(() => void config.update('analysis.delay', undefined, vscode.ConfigurationTarget.Global)))
    await until(vscode.workspace.onDidChangeConfiguration, () => vscode.workspace.getConfiguration('newsmark').get('analysis.delay') === 1000, 'the delay setting')
    const runs = recordRuns(document)
    const seen = neverStale(document)
    const words = 'Poland will also leave the convention on cluster munitions next week , Tomczyk said on Tuesday in Warsaw to reporters .'.split(' ')
    await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount - 1, 0), '\n'))
    for (const word of [...words, ...words]) {
      await editor.edit((edit) => edit.insert(document.lineAt(document.lineCount - 1).range.end, ` ${word}`))
    }
    const last = document.version
    assert.ok(runs.length === 0, `no run while typing: ${JSON.stringify(runs)}`)
    await until(analyzer.onDidRun, () => runs.length > 0, 'the analysis after typing')
    assert.deepEqual(runs.map(({version, outcome}) => ({version, outcome})), [{version: last, outcome: 'done'}], `${words.length * 2 + 1} edits`)
    assert.deepEqual(seen.stale, [])
    assert.deepEqual(seen.shown, [last])
    // Everything reads the last version: symbols and diagnostics included.
    await until(vscode.languages.onDidChangeDiagnostics, () => ours(document.uri).some((item) => document.getText(item.range) === 'next week'), 'a finding on the typed “next week”')
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)
    assert.ok(symbols.some((symbol) => symbol.name === 'Timeline'))
    assert.equal(runs.length, 1, 'the outline did not start another run')
  })

  test('an edit during a run: the run’s result is dropped, never shown', async () => {
    const {document, editor} = await openNew('stale.md', await sample())
    const {analyzer} = newsmark
    await until(analyzer.onDidChange, () => analyzer.peek(document), 'the first analysis of stale.md')
    const runs = recordRuns(document)
    const seen = neverStale(document)
    const gate = injectCore('stale.md')
    await gate.entered
    const first = document.version
    await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount - 1, 0), 'Tomczyk spoke again next week.\n'))
    gate.release()
    await until(analyzer.onDidRun, () => runs.some((run) => run.outcome === 'done'), 'the analysis of the edited text')
    assert.deepEqual(runs.map(({version, outcome}) => ({version, outcome})), [
      {version: first, outcome: 'stale'},
      {version: document.version, outcome: 'done'}
    ])
    assert.deepEqual(seen.stale, [])
    assert.deepEqual(seen.shown, [document.version])
    await until(vscode.languages.onDidChangeDiagnostics, () => ours(document.uri).length > 0, 'diagnostics of the edited text')
  })

  test('closing a document mid-analysis: no error, no diagnostics, nothing kept', async () => {
    const {analyzer, log} = newsmark
    const errors = log.stats.errors
    const document = await vscode.workspace.openTextDocument({language: 'markdown', content: await sample()})
    const runs = recordRuns(document)
    const gate = injectCore(document.uri.path)
    await vscode.window.showTextDocument(document)
    await gate.entered
    const closed = until(vscode.workspace.onDidCloseTextDocument, () => document.isClosed, 'the untitled document to close')
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor')
    await closed
    gate.release()
    await until(analyzer.onDidRun, () => runs.length > 0, 'the interrupted run to end')
    assert.deepEqual(runs.map(({outcome}) => outcome), ['stale'])
    assert.equal(log.stats.errors, errors, 'nothing logged as an error')
    assert.deepEqual(ours(document.uri), [])
    assert.equal(analyzer.latest(document.uri), undefined)
    assert.ok(!analyzer.documents().includes(document.uri.toString()), 'not cached')
  })

  test('results are kept only for open documents', async () => {
    const {analyzer} = newsmark
    const document = await vscode.workspace.openTextDocument({language: 'markdown', content: await sample()})
    await vscode.window.showTextDocument(document)
    assert.ok(await analyzer.get(document))
    await until(vscode.languages.onDidChangeDiagnostics, () => ours(document.uri).length > 0, 'diagnostics of the untitled article')
    assert.ok(analyzer.documents().includes(document.uri.toString()))
    const closed = until(vscode.workspace.onDidCloseTextDocument, () => document.isClosed, 'the untitled document to close')
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor')
    await closed
    assert.ok(!analyzer.documents().includes(document.uri.toString()), 'its result is dropped')
    assert.deepEqual(ours(document.uri), [])
    const open = new Set(vscode.workspace.textDocuments.map((item) => item.uri.toString()))
    for (const uri of analyzer.documents()) assert.ok(open.has(uri), `${uri} is cached but not open`)
  })

  test('one failing document never breaks the others; one notification per cause', async () => {
    const {analyzer, log} = newsmark
    const good = (await openNew('good.md', await sample())).document
    const {document: broken, editor} = await openNew('broken.md', await sample())
    await until(analyzer.onDidChange, () => analyzer.peek(broken), 'the first analysis of broken.md')
    const before = log.stats
    const runs = recordRuns(broken)
    injectCore('broken.md', true)
    // The visible document is analysed again with the failing core.
    await until(analyzer.onDidRun, () => runs.length > 0, 'the failing run')
    assert.equal(await analyzer.get(broken), undefined)
    assert.ok((await analyzer.get(good))?.result.entities.length, 'the other document is analysed')
    // The broken one fails on every edit; logged each time, notified once.
    for (const word of [' One.', ' Two.', ' Three.']) {
      await editor.edit((edit) => edit.insert(broken.lineAt(broken.lineCount - 1).range.end, word))
      assert.equal(await analyzer.get(broken), undefined)
    }
    assert.ok(runs.length >= 4, `${runs.length} runs`)
    assert.ok(runs.every(({outcome}) => outcome === 'failed'), runs.map(({outcome}) => outcome).join(', '))
    assert.equal(log.stats.errors - before.errors, runs.length, 'each failure is in the log')
    const notified = log.stats.notified.filter((cause) => cause === 'analysis')
    assert.equal(notified.length, 1, `one notification for the cause: ${log.stats.notified.join(', ')}`)
    assert.ok(log.stats.notified.length - before.notified.length <= 1)
    assert.deepEqual(ours(broken.uri), [])
    assert.equal(newsmark.statusBar.shown, undefined, 'no counts for the failed document')
    // The others still work: diagnostics, hover, the status bar.
    await vscode.window.showTextDocument(good)
    await until(vscode.languages.onDidChangeDiagnostics, () => ours(good.uri).length > 0, 'diagnostics of good.md')
    assert.match(await hoverText(good, positionOf(good, 'Tomczyk linked', 3)), /Cezary Tomczyk/)
    await until(analyzer.onDidChange, () => /^Newsmark: (no findings|\d+ findings?)$/.test(newsmark.statusBar.shown?.text ?? ''), 'the findings of good.md')
  })

  test('an analysis past newsmark.analysis.timeout is stopped; the editor stays free and the others analysed', async function () {
    this.timeout(150_000)
    const {analyzer, log, statusBar} = newsmark
    const good = (await openNew('fine.md', await sample())).document
    await until(analyzer.onDidChange, () => analyzer.peek(good), 'the analysis of fine.md')
    const config = vscode.workspace.getConfiguration('newsmark')
    await config.update('analysis.timeout', 1, vscode.ConfigurationTarget.Global)
    disposables.push(new vscode.Disposable(() => void config.update('analysis.timeout', undefined, vscode.ConfigurationTarget.Global)))
    await until(vscode.workspace.onDidChangeConfiguration, () => vscode.workspace.getConfiguration('newsmark').get('analysis.timeout') === 1, 'the timeout setting')
    const errors = log.stats.errors
    // Thousands of nested quotes: the Markdown parser alone would take
    // seconds, more than quadratic in the depth.
    const uri = vscode.Uri.joinPath(folder, 'nested.md')
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('> '.repeat(60_000) + 'Tomczyk said.\n'))
    created.push(uri)
    const document = await vscode.workspace.openTextDocument(uri)
    const runs = recordRuns(document)
    // The extension host runs its timers while the worker works.
    let ticks = 0
    const ticker = setInterval(() => ticks++, 10)
    disposables.push(new vscode.Disposable(() => clearInterval(ticker)))
    const started = performance.now()
    await vscode.window.showTextDocument(document)
    await until(analyzer.onDidRun, () => runs.length > 0, 'the run of nested.md')
    const took = performance.now() - started
    clearInterval(ticker)
    assert.deepEqual(runs.map(({outcome}) => outcome), ['skipped'])
    assert.ok(ticks > 20, `${ticks} ticks of 10 ms in ${Math.round(took)} ms`)
    const skipped = analyzer.latest(uri)?.skipped
    assert.equal(skipped?.setting, 'newsmark.analysis.timeout')
    assert.match(skipped?.reason ?? '', /ran past newsmark\.analysis\.timeout \(1 s\) and was stopped/)
    // Said in the status bar, with the setting to raise; nothing in the log's errors.
    const shown = await until(analyzer.onDidChange, () => statusBar.shown, 'the status bar note')
    assert.match(shown.text, /not analysed \(too slow\)/)
    assert.deepEqual(typeof shown.command === 'object' && shown.command.arguments, ['newsmark.analysis.timeout'])
    assert.equal(log.stats.errors, errors)
    assert.deepEqual(ours(uri), [])
    // A new worker analyses the others.
    await vscode.window.showTextDocument(good)
    const editor = vscode.window.activeTextEditor!
    await editor.edit((edit) => edit.insert(good.lineAt(good.lineCount - 1).range.end, ' Tomczyk said so on Friday.'))
    const analysis = await analyzer.get(good)
    assert.equal(analysis?.version, good.version)
    assert.ok(analysis?.result.entities.some((entity) => entity.name === 'Cezary Tomczyk'))
    assert.match(await hoverText(good, positionOf(good, 'Tomczyk linked', 3)), /Cezary Tomczyk/)
    // Not left for the searches of the workspace in the next tests.
    await vscode.workspace.fs.delete(uri)
  })

  test('a file deleted on disk while open: still analysed, hovered and searched', async () => {
    const {analyzer, log} = newsmark
    const errors = log.stats.errors
    const {document, editor} = await openNew('deleted.md', await sample())
    await until(analyzer.onDidChange, () => analyzer.peek(document), 'the analysis of deleted.md')
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, 'deleted.md'), true, true, false)
    disposables.push(watcher)
    let gone = false
    disposables.push(watcher.onDidDelete(() => (gone = true)))
    const deleted = until(watcher.onDidDelete, () => gone, 'the deletion of deleted.md')
    await vscode.workspace.fs.delete(document.uri)
    await deleted
    assert.equal(document.isClosed, false)
    const runs = recordRuns(document)
    await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount - 1, 0), 'Tomczyk will visit Ottawa next week.\n'))
    const analysis = await analyzer.get(document)
    assert.equal(analysis?.version, document.version)
    assert.deepEqual(runs.map(({outcome}) => outcome), ['done'])
    await until(vscode.languages.onDidChangeDiagnostics, () => ours(document.uri).some((item) => document.getText(item.range) === 'next week'), 'a finding on the new text')
    assert.match(await hoverText(document, positionOf(document, 'Tomczyk will visit', 2)), /Cezary Tomczyk/)
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, 'Tomczyk linked', 2))
    assert.ok(references.some((location) => location.uri.path.endsWith('/follow-up.md')), 'the workspace is searched')
    assert.equal(log.stats.errors, errors, 'nothing logged as an error')
  })

  test('a 50 MB file is not analysed; the status bar says so and how to change it', async function () {
    this.timeout(240_000)
    const {analyzer, statusBar, log} = newsmark
    const errors = log.stats.errors
    const paragraph = (await sample()).split('\n\n')[2]! + '\n\n'
    const size = 50_000_000
    const text = paragraph.repeat(Math.ceil(size / paragraph.length)).slice(0, size)
    const uri = vscode.Uri.joinPath(folder, 'big.md')
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text))
    created.push(uri)
    const opening = performance.now()
    const document = await vscode.workspace.openTextDocument(uri)
    const opened = performance.now() - opening
    assert.equal(document.lineCount > 1000, true)
    const runs = recordRuns(document)
    await vscode.window.showTextDocument(document)
    await until(analyzer.onDidRun, () => runs.length > 0, 'the run of big.md')
    assert.deepEqual(runs.map(({outcome}) => outcome), ['skipped'])
    console.log(`      (VS Code opened it in ${(opened / 1000).toFixed(1)} s; Newsmark skipped it in ${runs[0]!.ms.toFixed(1)} ms)`)
    const shown = await until(analyzer.onDidChange, () => statusBar.shown, 'the status bar note')
    assert.match(shown.text, /not analysed/)
    const tooltip = typeof shown.tooltip === 'string' ? shown.tooltip : (shown.tooltip?.value ?? '')
    assert.match(tooltip, /48,829 KiB is over newsmark\.analysis\.maxFileSize \(2,048 KiB\)/)
    assert.match(tooltip, /raise the size \(in KiB\) of \[`newsmark\.analysis\.maxFileSize`\]\(command:workbench\.action\.openSettings\?/)
    assert.deepEqual(typeof shown.command === 'object' && [shown.command.command, shown.command.arguments], ['workbench.action.openSettings', ['newsmark.analysis.maxFileSize']])
    assert.deepEqual(ours(uri), [])
    // Features read the skipped analysis (no tags) instead of parsing. (Not
    // through `executeHoverProvider`: the built-in Markdown extension's own
    // hover parses the 50 MB for seconds.)
    assert.match((await analyzer.get(document))?.skipped?.reason ?? '', /over newsmark\.analysis\.maxFileSize/)
    assert.deepEqual(analyzer.latest(uri)?.result, {entities: [], dates: [], claims: [], unapplied: []})
    // Typing in it: skipped again, as cheaply.
    await vscode.window.activeTextEditor!.edit((edit) => edit.insert(new vscode.Position(0, 0), '# Big\n\n'))
    await until(analyzer.onDidRun, () => runs.length > 1, 'the run after an edit')
    assert.deepEqual(runs.map(({outcome}) => outcome), ['skipped', 'skipped'])
    assert.equal(log.stats.errors, errors)
    // Undone rather than reverted: a revert reads the 50 MB again.
    await vscode.commands.executeCommand('undo')
    assert.equal(document.isDirty, false)
    // Closed and deleted here rather than left to the teardown's revert,
    // which reads the 50 MB again.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor')
    await vscode.workspace.fs.delete(uri)
    // VS Code's own Markdown extension tokenizes the 50 MB in the extension
    // host and sends it to its language server: 10-20 s on a busy machine
    // (profiled; not Newsmark's doing). Its next request waits for that, so
    // wait here, in this test's time, rather than in the next suite's hover.
    await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', vscode.Uri.joinPath(folder, 'follow-up.md'))
  })
})
