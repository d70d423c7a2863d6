/// <reference types="mocha" />
/**
 * Newsmark in a real VS Code: every feature through the public VS Code API
 * (hover, diagnostics, symbols, references, code actions) or the extension's
 * own (the tree), on a copy of `examples/poland-ottawa.md`.
 */
import assert from 'node:assert/strict'
import * as vscode from 'vscode'
import type {NewsmarkApi} from '../../../src/extension/extension.ts'
import {api, children, entityNames, hoverText, open, positionOf, timeline, until} from './helpers.ts'

suite('Newsmark in a real VS Code', () => {
  let newsmark: NewsmarkApi
  let document: vscode.TextDocument

  suiteSetup(async () => {
    document = await open('poland-ottawa.md')
    newsmark = await api()
  })

  test('activates on Markdown and runs in the Node extension host', () => {
    const extension = vscode.extensions.getExtension('newsmark.newsmark')
    assert.ok(extension?.isActive)
    assert.equal(document.languageId, 'markdown')
    console.log(`    VS Code ${vscode.version}, ${vscode.env.appHost}, Node ${process.version}`)
  })

  test('hover on “Tomczyk”: the person, role, mentions and claims', async () => {
    const text = await hoverText(document, positionOf(document, 'Tomczyk linked', 3))
    assert.match(text, /\*\*Cezary Tomczyk\*\* · Person/)
    assert.match(text, /Deputy Defense Minister/)
    assert.match(text, /\d+ mentions.*first on \[line \d+\]/)
    assert.match(text, /Speaker of \d+ claims?/)
  })

  test('hover on a date: normalised value, weekday and distance', async () => {
    const text = await hoverText(document, positionOf(document, 'February 20', 2))
    assert.match(text, /\*\*2026\\-02\\-20\*\* · Friday · date/)
    assert.match(text, /35 days after the article date \(2026-01-16\)/)
  })

  test('hover on a country: offline facts', async () => {
    const text = await hoverText(document, positionOf(document, 'Poland has announced', 1))
    assert.match(text, /Place/)
    assert.match(text, /ISO 3166 `PL` · capital Warsaw · Europe/)
  })

  test('hover on a claim: kind, check-worthiness and speaker', async () => {
    const text = await hoverText(document, positionOf(document, 'European governments use these claims', 10))
    assert.match(text, /\*\*Claim\*\* · [a-z ]+ · check-worthiness \d\.\d\d/)
    assert.match(text, /Speaker: \*\*Kremlin\*\* \(According to\)/)
  })

  test('findings reach the Problems panel with rule, link and severity', async () => {
    const diagnostics = await until(
      vscode.languages.onDidChangeDiagnostics,
      () => {
        const found = vscode.languages.getDiagnostics(document.uri).filter((item) => item.source === 'newsmark')
        // Linked to the bundled docs once they are read (the web address until then).
        const linked = found.every((item) => typeof item.code === 'object' && item.code.target.scheme !== 'https')
        return found.length > 0 && linked && found
      },
      'Newsmark diagnostics on poland-ottawa.md, linked to the bundled docs'
    )
    const analysis = newsmark.analyzer.peek(document)
    assert.ok(analysis)
    assert.equal(diagnostics.length, analysis.messages.length)
    for (const diagnostic of diagnostics) {
      assert.ok(typeof diagnostic.code === 'object', 'code links to the rule documentation')
      assert.match(String(diagnostic.code.value), /^[a-z]+(-[a-z]+)*$/)
      // The rule's section in the docs/rules.md shipped with the extension.
      assert.match(diagnostic.code.target.path, /\/docs\/rules\.md$/)
      assert.match(diagnostic.code.target.fragment, /^L\d+$/)
    }
    const relative = diagnostics.find((item) => typeof item.code === 'object' && item.code.value === 'relative-date')
    assert.ok(relative, 'a relative-date finding')
    assert.equal(relative.severity, vscode.DiagnosticSeverity.Information)
    assert.equal(document.getText(relative.range), 'next month')
  })

  test('severities come from the settings (`information` as `info`); `off` hides a rule', async () => {
    const config = vscode.workspace.getConfiguration('newsmark')
    const ofRule = () =>
      vscode.languages.getDiagnostics(document.uri).filter((item) => typeof item.code === 'object' && item.code.value === 'relative-date')
    try {
      await config.update('diagnostics.severity', {'relative-date': 'error'}, vscode.ConfigurationTarget.Global)
      await until(vscode.languages.onDidChangeDiagnostics, () => ofRule().length > 0 && ofRule().every((item) => item.severity === vscode.DiagnosticSeverity.Error), 'relative-date as errors')
      // VS Code's name for `info`, taken too.
      await config.update('diagnostics.severity', {'relative-date': 'information'}, vscode.ConfigurationTarget.Global)
      await until(vscode.languages.onDidChangeDiagnostics, () => ofRule().length > 0 && ofRule().every((item) => item.severity === vscode.DiagnosticSeverity.Information), 'relative-date as information')
      await config.update('diagnostics.severity', {'relative-date': 'off'}, vscode.ConfigurationTarget.Global)
      await until(vscode.languages.onDidChangeDiagnostics, () => ofRule().length === 0, 'relative-date turned off')
    } finally {
      await config.update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Global)
    }
    await until(vscode.languages.onDidChangeDiagnostics, () => ofRule().length > 0, 'relative-date back')
  })

  test('quick fixes from `expected` replace the text', async function () {
    const analysis = await newsmark.analyzer.get(document)
    const fixable = analysis?.messages.find((message) => message.expected && message.expected.length > 0 && message.expected[0])
    // The core's rules decide which findings have a fix; none, no test.
    if (!fixable) this.skip()
    const diagnostic = vscode.languages
      .getDiagnostics(document.uri)
      .find((item) => typeof item.code === 'object' && item.code.value === fixable.ruleId && item.range.start.line === (fixable.line ?? 0) - 1)
    assert.ok(diagnostic, `diagnostic for ${fixable.ruleId}`)
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)
    const fix = actions.find((action) => action.title === `Replace with “${fixable.expected![0]}”`)
    assert.ok(fix?.edit, actions.map((action) => action.title).join(', '))
    await vscode.window.showTextDocument(document)
    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit))
      assert.equal(document.getText(new vscode.Range(diagnostic.range.start, diagnostic.range.start.translate(0, fixable.expected![0]!.length))), fixable.expected![0])
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert')
    }
  })

  test('a finding that points elsewhere has related information', async function () {
    const analysis = await newsmark.analyzer.get(document)
    const pointing = analysis?.messages.find((message) => message.cause && typeof message.cause === 'object' && 'place' in message.cause)
    if (!pointing) this.skip()
    const diagnostic = vscode.languages
      .getDiagnostics(document.uri)
      .find((item) => typeof item.code === 'object' && item.code.value === pointing.ruleId && item.message.startsWith(pointing.reason))
    assert.ok(diagnostic?.relatedInformation?.length, 'related information')
    assert.equal(diagnostic.relatedInformation[0]!.location.uri.toString(), document.uri.toString())
  })

  test('document symbols: Entities, Timeline, Claims, Findings', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)
    const names = symbols.map((symbol) => symbol.name)
    for (const name of ['Entities', 'Timeline', 'Claims']) assert.ok(names.includes(name), `${name} in ${names.join(', ')}`)
    const people = symbols.find((symbol) => symbol.name === 'Entities')?.children.find((symbol) => symbol.name === 'People')
    assert.ok(people?.children.some((symbol) => symbol.name === 'Cezary Tomczyk'))
    const dates = symbols.find((symbol) => symbol.name === 'Timeline')?.children.map((symbol) => symbol.name) ?? []
    assert.ok(dates.includes('2026-02-20'))
    // A person is their first mention.
    const tomczyk = people!.children.find((symbol) => symbol.name === 'Cezary Tomczyk')!
    assert.equal(document.getText(tomczyk.selectionRange), 'Cezary Tomczyk')
    // No symbol of Newsmark's spans more than its own words: sticky scroll
    // takes the outline whose symbols span the most lines, and keeps the
    // Markdown headings at the top of the editor only if it is not ours.
    const ours = symbols.filter((symbol) => ['Entities', 'Timeline', 'Claims', 'Findings'].includes(symbol.name))
    const all = (list: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => list.flatMap((symbol) => [symbol, ...all(symbol.children)])
    for (const symbol of all(ours)) assert.ok(symbol.range.isEqual(symbol.selectionRange), symbol.name)
  })

  test('a long document: the outline lists a thousand of each, the sidebar 500 at a time, then how many more', async () => {
    // 1,200 paragraphs, each a claim with a finding or two.
    const content = Array.from({length: 1200}, (_, index) => `The plant in Kowal${index} produced ${(index + 1) * 10} shells in 2025.`).join('\n\n')
    const long = await vscode.workspace.openTextDocument({language: 'markdown', content})
    await vscode.window.showTextDocument(long)
    try {
      await newsmark.analyzer.get(long)
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', long.uri)
      const claims = symbols.find((symbol) => symbol.name === 'Claims')!
      assert.equal(claims.detail, '1200')
      assert.equal(claims.children.length, 1001)
      const more = claims.children[1000]!
      assert.equal(more.name, '… 200 more')
      assert.equal(long.getText(more.selectionRange), 'The plant in Kowal1000 produced 10010 shells in 2025.')
      const findings = symbols.find((symbol) => symbol.name === 'Findings')!
      assert.ok(Number(findings.detail) > 1000 && findings.children.length === 1001)

      // The sidebar lists them 500 at a time.
      const {tree} = newsmark
      await until(tree.onDidChangeTreeData, () => tree.document === long && children(tree).length > 0, 'the tree to show the long document')
      const section = children(tree).find(([label]) => label === 'Claims')![1]
      assert.equal(tree.getTreeItem(section).description, '1200')
      const first = children(tree, section)
      assert.equal(first.length, 501)
      assert.equal(first[500]![0], '… 700 more')
      const second = children(tree, first[500]![1])
      assert.equal(second.length, 501)
      assert.match(second[0]![0], /Kowal500 produced/)
      assert.equal(second[500]![0], '… 200 more')
      const third = children(tree, second[500]![1])
      assert.equal(third.length, 200)
      assert.match(third[199]![0], /Kowal1199 produced/)
      assert.deepEqual(tree.getParent(second[500]![1]), first[500]![1])
      assert.deepEqual(tree.getParent(first[500]![1]), section)
      // An item is the child of the page that lists it (for `reveal`).
      assert.deepEqual(tree.getParent(first[499]![1]), section)
      assert.deepEqual(tree.getParent(second[0]![1]), first[500]![1])
      assert.deepEqual(tree.getParent(third[199]![1]), second[500]![1])
      const ids = [...first, ...second, ...third].map(([, node]) => tree.getTreeItem(node).id)
      assert.equal(new Set(ids).size, ids.length, 'every item has its own id')
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor')
    }
  })

  test('the bundled rule documentation is read, not analysed', async () => {
    const extension = vscode.extensions.getExtension('newsmark.newsmark')!
    const docs = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules.md'))
    await vscode.window.showTextDocument(docs)
    try {
      assert.equal(docs.languageId, 'markdown')
      assert.equal(await newsmark.analyzer.get(docs), undefined)
      // An article in the same window still is.
      assert.ok(await newsmark.analyzer.get(document))
      assert.deepEqual(vscode.languages.getDiagnostics(docs.uri).filter((item) => item.source === 'newsmark'), [])
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor')
    }
  })

  test('references on an entity: this article and the rest of the workspace', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, 'Tomczyk linked', 2))
    const here = locations.filter((location) => location.uri.toString() === document.uri.toString())
    const elsewhere = locations.filter((location) => location.uri.path.endsWith('/follow-up.md'))
    assert.ok(here.length >= 2, `${here.length} mentions here`)
    assert.ok(here.some((location) => document.getText(location.range) === 'Cezary Tomczyk'))
    assert.ok(elsewhere.length >= 1, 'mentions in follow-up.md')
    const other = await vscode.workspace.openTextDocument(elsewhere[0]!.uri)
    assert.match(other.getText(elsewhere[0]!.range), /Tomczyk/)
  })

  test('the sidebar tree lists the sample’s entities and a chronological timeline', async () => {
    const {tree} = newsmark
    await until(tree.onDidChangeTreeData, () => tree.document === document && entityNames(tree).length > 0, 'the tree to show poland-ottawa.md')
    // The suites run with every rule (`strict`): the claims to check come first.
    assert.deepEqual(children(tree).map(([label]) => label), ['Claims to check', 'Sources', 'Entities', 'Timeline', 'Claims', 'Findings'])
    const names = entityNames(tree)
    for (const name of ['Cezary Tomczyk', 'Maria Zakharova', 'Poland', 'NATO', 'Ottawa Convention']) {
      assert.ok(names.includes(name), `${name} in ${names.join(', ')}`)
    }
    // Nationalities in a group of their own, last, folded.
    const entities = children(tree).find(([label]) => label === 'Entities')![1]
    const groups = children(tree, entities)
    assert.equal(groups.at(-1)?.[0], 'Nationalities and groups', groups.map(([label]) => label).join(', '))
    assert.equal(tree.getTreeItem(groups.at(-1)![1]).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed)
    const nationalities = children(tree, groups.at(-1)![1]).map(([label]) => label)
    assert.ok(nationalities.includes('Polish') && nationalities.includes('Russian'), nationalities.join(', '))
    for (const [, group] of groups.slice(0, -1)) assert.ok(!children(tree, group).some(([label]) => label === 'Polish'))
    const dates = timeline(tree)
    assert.ok(dates.indexOf('1997') < dates.indexOf('2025-12'), dates.join(', '))
    assert.ok(dates.indexOf('2025-12') < dates.indexOf('2026-02-20'), dates.join(', '))
  })

  test('typing updates the tree and the diagnostics; stale runs are dropped', async () => {
    const {tree, analyzer} = newsmark
    const editor = await vscode.window.showTextDocument(document)
    const before = timeline(tree).length
    const typed = () =>
      vscode.languages.getDiagnostics(document.uri).some((item) => document.getText(item.range) === 'next week')
    try {
      // Word by word, as a reader types: each edit is a new version.
      for (const word of ['\n\nThe ', 'first ', 'mines ', 'ship ', 'next ', 'week.']) {
        await editor.edit((edit) => edit.insert(document.lineAt(document.lineCount - 1).range.end, word))
      }
      await until(tree.onDidChangeTreeData, () => timeline(tree).length === before + 1, 'the typed date in the Timeline')
      await until(vscode.languages.onDidChangeDiagnostics, typed, 'a finding on the typed “next week”')
      const analysis = await analyzer.get(document)
      assert.equal(analysis?.version, document.version)
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert')
    }
    await until(tree.onDidChangeTreeData, () => timeline(tree).length === before, 'the reverted Timeline')
    await until(vscode.languages.onDidChangeDiagnostics, () => !typed(), 'the reverted diagnostics')
  })

  test('a document over newsmark.analysis.maxFileSize is skipped, not parsed', async () => {
    const {analyzer} = newsmark
    const config = vscode.workspace.getConfiguration('newsmark')
    const ours = () => vscode.languages.getDiagnostics(document.uri).filter((item) => item.source === 'newsmark')
    try {
      await config.update('analysis.maxFileSize', 1, vscode.ConfigurationTarget.Global)
      const analysis = await until(analyzer.onDidChange, () => analyzer.peek(document), 'the skipped analysis')
      assert.match(analysis.skipped?.reason ?? '', /over newsmark\.analysis\.maxFileSize \(1 KiB\)/)
      assert.equal(analysis.result.entities.length, 0)
      await until(vscode.languages.onDidChangeDiagnostics, () => ours().length === 0, 'no diagnostics for the skipped file')
    } finally {
      await config.update('analysis.maxFileSize', undefined, vscode.ConfigurationTarget.Global)
    }
    await until(analyzer.onDidChange, () => analyzer.peek(document) && !analyzer.peek(document)?.skipped, 'the analysis again')
    await until(vscode.languages.onDidChangeDiagnostics, () => ours().length > 0, 'the diagnostics again')
  })

  test('presets: recommended leaves the noisy rules out and lists the claims to check in the sidebar only; strict has them all', async () => {
    const {analyzer} = newsmark
    const config = vscode.workspace.getConfiguration('newsmark')
    const rules = () => new Set((analyzer.peek(document)?.messages ?? []).map((message) => message.ruleId))
    try {
      // The suites run with `strict` (test/vscode/run-tests.mjs).
      await until(analyzer.onDidChange, () => rules().has('unattributed-claim') && rules().has('claim-to-check'), 'every rule')
      await config.update('diagnostics.preset', 'recommended', vscode.ConfigurationTarget.Global)
      await until(analyzer.onDidChange, () => analyzer.peek(document) !== undefined && !rules().has('unattributed-claim') && !rules().has('claim-to-check') && !rules().has('loaded-verb'), 'the recommended rules')
      // The claims to check stay in the sidebar, out of the Problems panel.
      assert.ok((analyzer.peek(document)?.result.toCheck?.length ?? 0) > 0, 'claims to check listed')
    } finally {
      await config.update('diagnostics.preset', 'strict', vscode.ConfigurationTarget.Global)
    }
    await until(analyzer.onDidChange, () => rules().has('unattributed-claim'), 'every rule again')
  })

  test('files: a README is no article; newsmark.files.include narrows what is analysed', async () => {
    const {analyzer} = newsmark
    const folder = vscode.workspace.workspaceFolders![0]!.uri
    const readme = vscode.Uri.joinPath(folder, 'readme.md')
    // A lower-case readme is a project document too.
    await vscode.workspace.fs.writeFile(readme, new TextEncoder().encode('# Notes\n\nOutput will rise by 25 times, officials said.\n'))
    const config = vscode.workspace.getConfiguration('newsmark')
    try {
      const notes = await vscode.workspace.openTextDocument(readme)
      await vscode.window.showTextDocument(notes)
      const skipped = await until(analyzer.onDidChange, () => analyzer.peek(notes)?.skipped, 'README.md skipped')
      assert.equal(skipped.setting, 'newsmark.files.exclude')
      assert.match(skipped.reason, /readme/)
      await vscode.window.showTextDocument(document)
      // Globs relative to the workspace folder, as a reader writes them.
      await config.update('files.include', ['articles/**'], vscode.ConfigurationTarget.Global)
      const narrowed = await until(analyzer.onDidChange, () => analyzer.peek(document)?.skipped, 'the article left out by include')
      assert.equal(narrowed.setting, 'newsmark.files.include')
      await config.update('files.include', ['poland-*.md'], vscode.ConfigurationTarget.Global)
      await until(analyzer.onDidChange, () => analyzer.peek(document) && !analyzer.peek(document)?.skipped, 'the article included by a relative glob')
    } finally {
      await config.update('files.include', undefined, vscode.ConfigurationTarget.Global)
      await vscode.workspace.fs.delete(readme)
    }
    await until(analyzer.onDidChange, () => analyzer.peek(document) && !analyzer.peek(document)?.skipped, 'the article analysed again')
  })

  test('files: a .newsmarkrc’s files: leaves an article out, and says which file to change', async () => {
    const {analyzer} = newsmark
    const folder = vscode.workspace.workspaceFolders![0]!.uri
    const rc = vscode.Uri.joinPath(folder, '.newsmarkrc')
    await vscode.window.showTextDocument(document)
    try {
      await vscode.workspace.fs.writeFile(rc, new TextEncoder().encode('files:\n  exclude: ["poland-*.md"]\n'))
      const skipped = await until(analyzer.onDidChange, () => analyzer.peek(document)?.skipped, 'the article left out by .newsmarkrc')
      assert.equal(skipped.configFile?.toString(), rc.toString())
      assert.equal(skipped.setting, undefined)
      assert.match(skipped.reason, /matches `poland-\*\.md` in files\.exclude of \.newsmarkrc/)
      await vscode.workspace.fs.writeFile(rc, new TextEncoder().encode('files:\n  include: ["*.md"]\n'))
      await until(analyzer.onDidChange, () => analyzer.peek(document) && !analyzer.peek(document)?.skipped, 'included again by the .newsmarkrc')
    } finally {
      await vscode.workspace.fs.delete(rc)
    }
    await until(analyzer.onDidChange, () => analyzer.peek(document) && !analyzer.peek(document)?.skipped, 'the article analysed again')
  })

  test('Toggle Highlights flips the setting', async () => {
    const enabled = () => vscode.workspace.getConfiguration('newsmark').get<boolean>('highlights.enable')
    assert.equal(enabled(), true)
    await vscode.commands.executeCommand('newsmark.toggleHighlights')
    assert.equal(enabled(), false)
    await vscode.commands.executeCommand('newsmark.toggleHighlights')
    assert.equal(enabled(), true)
  })
})
