/// <reference types="mocha" />
/**
 * Issue 6 in a real VS Code: `.newsmarkrc` severities and the fact base
 * reach the diagnostics (and follow changes to the files, through the
 * watchers), a broken configuration is shown on the article, the
 * “Ignore/Disable <rule>” quick fixes, and the rule links to the bundled
 * `docs/rules.md`. Every file written is removed, and every wait is on an
 * event.
 */
import assert from 'node:assert/strict'
import * as vscode from 'vscode'
import {api, open, readText, until} from './helpers.ts'

suite('Configuration, quick fixes and rule docs', () => {
  let folder: vscode.Uri
  let document: vscode.TextDocument
  const created: vscode.Uri[] = []

  suiteSetup(async () => {
    await api()
    folder = vscode.workspace.workspaceFolders![0]!.uri
    document = await open('poland-ottawa.md')
  })

  suiteTeardown(async () => {
    for (const uri of created.reverse()) await vscode.workspace.fs.delete(uri, {recursive: true}).then(undefined, () => {})
    await until(vscode.languages.onDidChangeDiagnostics, () => ofRule('loaded-verb').every((item) => item.severity === vscode.DiagnosticSeverity.Warning) && ofRule('fact-contradiction').length === 0 && ofRule('config-invalid').length === 0, 'the defaults back')
  })

  const ofRule = (id: string) =>
    vscode.languages.getDiagnostics(document.uri).filter((item) => typeof item.code === 'object' && item.code.value === id)

  async function write(path: string, text: string): Promise<void> {
    const uri = vscode.Uri.joinPath(folder, path)
    if (!created.some((item) => item.toString() === uri.toString())) created.push(uri)
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text))
  }

  test('.newsmarkrc severities apply, and follow edits of the file', async () => {
    const {analyzer} = await api()
    await until(vscode.languages.onDidChangeDiagnostics, () => ofRule('loaded-verb').length > 0, 'loaded-verb findings')
    assert.ok(ofRule('loaded-verb').every((item) => item.severity === vscode.DiagnosticSeverity.Warning))
    // While the article is analysed again, the views keep its last result:
    // the sidebar never falls back to its welcome view in between.
    const gaps: number[] = []
    const watch = analyzer.onDidChange((uri) => {
      if (uri.toString() === document.uri.toString() && !analyzer.latest(uri)) gaps.push(Date.now())
    })
    try {
      await write('.newsmarkrc.yaml', 'rules:\n  loaded-verb: error\n  hedging: off\n')
      await until(vscode.languages.onDidChangeDiagnostics, () => ofRule('loaded-verb').length > 0 && ofRule('loaded-verb').every((item) => item.severity === vscode.DiagnosticSeverity.Error), 'loaded-verb as errors')
      await write('.newsmarkrc.yaml', 'rules:\n  loaded-verb: off\n')
      await until(vscode.languages.onDidChangeDiagnostics, () => ofRule('loaded-verb').length === 0, 'loaded-verb off')
    } finally {
      watch.dispose()
    }
    assert.deepEqual(gaps, [], 'no moment without a result for the shown article')
  })

  test('a broken .newsmarkrc is shown on the article, which keeps the defaults', async () => {
    await write('.newsmarkrc.yaml', 'rules:\n  loaded-verbs: error\n')
    const [problem] = await until(vscode.languages.onDidChangeDiagnostics, () => ofRule('config-invalid').length > 0 && ofRule('config-invalid'), 'the config-invalid diagnostic')
    assert.match(problem!.message, /\.newsmarkrc\.yaml:2:3: Unexpected rule id `loaded-verbs`/)
    assert.equal(problem!.relatedInformation?.[0]?.location.uri.path, vscode.Uri.joinPath(folder, '.newsmarkrc.yaml').path)
    assert.ok(ofRule('loaded-verb').length > 0, 'the rules run with their defaults')
    await write('.newsmarkrc.yaml', 'rules: {}\n')
    await until(vscode.languages.onDidChangeDiagnostics, () => ofRule('config-invalid').length === 0, 'the problem gone')
  })

  test('the fact base: a claim that contradicts a fact', async () => {
    await write('.newsmark/facts.yaml', '- subject: Ottawa Convention\n  property: adopted\n  value: 1998\n  source: https://example.org/treaty\n')
    const [finding] = await until(vscode.languages.onDidChangeDiagnostics, () => ofRule('fact-contradiction').length > 0 && ofRule('fact-contradiction'), 'a fact-contradiction finding')
    assert.match(finding!.message, /Unexpected `1997` for Ottawa Convention adopted, expected `1998`/)
    assert.equal(document.getText(finding!.range), '1997')
    await write('.newsmark/facts.yaml', '- subject: Ottawa Convention\n  property: adopted\n  value: 1997\n  source: https://example.org/treaty\n')
    await until(vscode.languages.onDidChangeDiagnostics, () => ofRule('fact-contradiction').every((item) => item.severity !== vscode.DiagnosticSeverity.Warning), 'the contradiction gone')
  })

  test('quick fixes: ignore a rule in the paragraph, disable it for the file', async () => {
    await write('.newsmarkrc.yaml', 'rules: {}\n')
    await until(vscode.languages.onDidChangeDiagnostics, () => ofRule('loaded-verb').length === 2, 'two loaded-verb findings')
    const [first] = ofRule('loaded-verb')
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, first!.range, vscode.CodeActionKind.QuickFix.value)
    const titles = actions.map((action) => action.title)
    assert.ok(titles.includes('Ignore loaded-verb in this paragraph'), titles.join(', '))
    assert.ok(titles.includes('Disable loaded-verb for this file'), titles.join(', '))
    await vscode.window.showTextDocument(document)
    try {
      assert.ok(await vscode.workspace.applyEdit(actions.find((action) => action.title === 'Ignore loaded-verb in this paragraph')!.edit!))
      assert.match(document.getText(), /\n<!-- newsmark ignore loaded-verb -->\nImportantly, Tomczyk linked/)
      await until(vscode.languages.onDidChangeDiagnostics, () => ofRule('loaded-verb').length === 1, 'one loaded-verb finding left')
      // (An `ignore` inside a `disable`d stretch enables the rule again after its
      // block: unified-message-control. So the second fix starts from the file.)
      await vscode.commands.executeCommand('workbench.action.files.revert')
      await until(vscode.languages.onDidChangeDiagnostics, () => ofRule('loaded-verb').length === 2, 'two loaded-verb findings again')
      const [second] = ofRule('loaded-verb')
      const more = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, second!.range, vscode.CodeActionKind.QuickFix.value)
      assert.ok(await vscode.workspace.applyEdit(more.find((action) => action.title === 'Disable loaded-verb for this file')!.edit!))
      assert.match(document.getText(), /^---\n[\s\S]*?\n---\n<!-- newsmark disable loaded-verb -->\n\n# Poland/)
      await until(vscode.languages.onDidChangeDiagnostics, () => ofRule('loaded-verb').length === 0, 'no loaded-verb finding left')
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert')
    }
  })

  test('a rule’s code links to its section in the bundled docs/rules.md', async () => {
    const diagnostic = await until(vscode.languages.onDidChangeDiagnostics, () => ofRule('loaded-verb').find((item) => typeof item.code === 'object' && item.code.target.scheme !== 'https'), 'a diagnostic linking to the bundled docs')
    const target = (diagnostic.code as {target: vscode.Uri}).target
    assert.ok(target.path.endsWith('/docs/rules.md'), target.toString())
    const line = Number(/^L(\d+)$/.exec(target.fragment)?.[1])
    const docs = (await readText(target.with({fragment: ''})))!.split('\n')
    assert.equal(docs[line - 1], '## loaded-verb')
    // Opened as a link is: the file, at the rule's heading.
    await vscode.commands.executeCommand('vscode.open', target)
    const editor = await until(vscode.window.onDidChangeActiveTextEditor, () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/docs/rules.md') && vscode.window.activeTextEditor, 'docs/rules.md in an editor')
    assert.equal(editor.selection.start.line, line - 1)
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor')
  })
})
