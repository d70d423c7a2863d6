/// <reference types="mocha" />
/**
 * The reader's annotations in a real VS Code (issue 5): tag a selection
 * through the commands, keep it in the sidecar (W3C Web Annotations) or
 * inline, re-anchor it as the text changes, show orphans, verdicts in the
 * hover and the tree, export, and a corrupt sidecar (diagnostic, backup).
 *
 * Works on `annotated.md` and `corrupt.md`, copies of the sample, so that
 * the other suites see the sample as it is; every wait is on an event.
 */
import assert from 'node:assert/strict'
import * as vscode from 'vscode'
import type {Analysis} from '../../../src/extension/analyzer.ts'
import type {NewsmarkApi} from '../../../src/extension/extension.ts'
import {api, children, entityNames, hoverText, positionOf, readText, until, untilAsync, watchFile} from './helpers.ts'

suite('Annotations', () => {
  let newsmark: NewsmarkApi
  let folder: vscode.Uri
  let document: vscode.TextDocument
  let editor: vscode.TextEditor
  let sidecar: vscode.Uri
  const created: vscode.Uri[] = []

  suiteSetup(async () => {
    newsmark = await api()
    folder = vscode.workspace.workspaceFolders![0]!.uri
    const sample = await readText(vscode.Uri.joinPath(folder, 'poland-ottawa.md'))
    const uri = vscode.Uri.joinPath(folder, 'annotated.md')
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(sample))
    sidecar = vscode.Uri.joinPath(folder, 'annotated.md.newsmark.json')
    created.push(uri, sidecar)
    document = await vscode.workspace.openTextDocument(uri)
    editor = await vscode.window.showTextDocument(document)
    await vscode.workspace.getConfiguration('newsmark').update('annotations.creator', 'Test Reader', vscode.ConfigurationTarget.Global)
  })

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('newsmark').update('annotations.creator', undefined, vscode.ConfigurationTarget.Global)
    for (const tab of vscode.window.tabGroups.all.flatMap((group) => group.tabs)) {
      if (tab.input instanceof vscode.TabInputText && created.some((uri) => uri.toString() === (tab.input as vscode.TabInputText).uri.toString())) {
        await vscode.window.showTextDocument(tab.input.uri, {preview: false})
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor')
      }
    }
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => {})
  })

  /** Select the first occurrence of a text in the editor. */
  function select(text: string, within: vscode.TextEditor = editor): vscode.Range {
    const start = positionOf(within.document, text, 0)
    const range = new vscode.Range(start, start.translate(0, text.length))
    within.selection = new vscode.Selection(range.start, range.end)
    return range
  }

  /** The analysis of the current version, once it satisfies `check`. */
  function analysed<T>(check: (analysis: Analysis) => T | undefined | false, what: string, of = document): Promise<T> {
    return until(newsmark.analyzer.onDidChange, () => {
      const analysis = newsmark.analyzer.peek(of)
      return analysis ? check(analysis) : undefined
    }, what)
  }

  const annotationOn = (text: string) => (analysis: Analysis) =>
    analysis.review.anchored.find((item) => item.annotation.target.exact === text)

  test('Tag as Organisation (sidecar): a W3C annotation in the sidecar, shown in the hover and the tree', async () => {
    select('BELMA plant')
    await vscode.commands.executeCommand('newsmark.tagOrganization', {role: 'state-owned arms maker'})
    const json = JSON.parse((await readText(sidecar)) ?? 'null')
    assert.equal(json.type, 'AnnotationCollection')
    assert.equal(json.total, 1)
    const [annotation] = json.first.items
    assert.equal(annotation.type, 'Annotation')
    assert.equal(annotation.motivation, 'identifying')
    assert.equal(annotation.creator.name, 'Test Reader')
    assert.deepEqual(annotation.body[0], {type: 'TextualBody', purpose: 'classifying', value: 'ORG'})
    const [quote, position] = annotation.target.selector
    assert.equal(quote.type, 'TextQuoteSelector')
    assert.equal(quote.exact, 'BELMA plant')
    assert.ok(quote.prefix.endsWith('the state-owned '))
    assert.equal(position.type, 'TextPositionSelector')
    assert.equal(position.start, document.getText().indexOf('BELMA plant'))

    await analysed(annotationOn('BELMA plant'), 'the tag applied')
    const hover = await hoverText(document, positionOf(document, 'BELMA plant', 3))
    assert.match(hover, /\*\*BELMA plant\*\* · Organisation · tagged by hand/)
    assert.match(hover, /state\\-owned arms maker/)
    assert.match(hover, /tagged by hand as Organisation .* · sidecar/)
    await until(newsmark.tree.onDidChangeTreeData, () => newsmark.tree.document === document && entityNames(newsmark.tree).includes('BELMA plant'), 'BELMA plant in the tree')
  })

  test('an edit before it: still on the same words; saved selectors follow; deleting the words makes an orphan', async () => {
    const inserted = 'A sentence typed before it. '
    const before = document.getText().indexOf('BELMA plant')
    await editor.edit((edit) => edit.insert(positionOf(document, 'Meanwhile, Poland has also', 0), inserted))
    const moved = await analysed((analysis) => analysis.version === document.version && annotationOn('BELMA plant')(analysis), 'the re-anchored tag')
    assert.equal(moved.annotation.target.start, before + inserted.length)
    assert.equal(document.getText(new vscode.Range(document.positionAt(moved.annotation.target.start), document.positionAt(moved.annotation.target.end))), 'BELMA plant')
    assert.match(await hoverText(document, positionOf(document, 'BELMA plant', 3)), /tagged by hand/)

    // Saving writes the fresh position back to the sidecar.
    const {event, watcher} = watchFile(sidecar)
    try {
      await document.save()
      await untilAsync(event, async () => (await readText(sidecar))?.includes(`"start": ${before + inserted.length}`), 'the new position in the sidecar')
    } finally {
      watcher.dispose()
    }

    const words = select('the state-owned BELMA plant in Bydgoszcz')
    await editor.edit((edit) => edit.replace(words, 'a factory'))
    await analysed((analysis) => analysis.version === document.version && analysis.review.orphans.some((item) => item.annotation.target.exact === 'BELMA plant'), 'the orphan')
    const section = await until(newsmark.tree.onDidChangeTreeData, () => children(newsmark.tree).find(([label]) => label === 'Orphaned annotations'), 'the Orphaned annotations section')
    const orphans = children(newsmark.tree, section[1])
    assert.deepEqual(orphans.map(([label]) => label), ['“BELMA plant”'])
    assert.equal(newsmark.tree.getTreeItem(orphans[0]![1]).contextValue, 'orphan')

    // Back to the saved text: the orphan is placed again.
    await vscode.commands.executeCommand('workbench.action.files.revert')
    await analysed((analysis) => analysis.version === document.version && analysis.review.orphans.length === 0 && annotationOn('BELMA plant')(analysis), 'the tag placed again')
  })

  test('Set Verdict…: the hover and the tree show the verdict, its source and note', async () => {
    // Part of a claim: the verdict goes to the claim, on those words.
    select('European governments use these claims')
    await vscode.commands.executeCommand('newsmark.setVerdict', {verdict: 'unverifiable', source: 'https://example.org/belma-capacity', note: 'BELMA has published no capacity figures.'})
    assert.match((await readText(sidecar)) ?? '', /"motivation": "assessing"/)
    const claim = await analysed((analysis) => analysis.result.claims.find((item) => item.verdict?.verdict === 'unverifiable'), 'the verdict applied')
    assert.equal(claim.verdict?.text, 'European governments use these claims')
    assert.match(claim.text, /^According to the Kremlin, European governments/)
    const hover = await hoverText(document, positionOf(document, 'European governments', 3))
    assert.match(hover, /Verdict: \*\*unverifiable\*\* on “European governments use these claims” · by Test Reader/)
    assert.match(hover, /Source: \[https:\/\/example\\\.org\/belma\\-capacity\]\(https:\/\/example\.org\/belma-capacity\)/)
    assert.match(hover, /Note: BELMA has published no capacity figures\\\./)
    const claims = children(newsmark.tree).find(([label]) => label === 'Claims')!
    const item = children(newsmark.tree, claims[1]).map(([, node]) => newsmark.tree.getTreeItem(node)).find((entry) => String(entry.label).includes('According to the Kremlin'))
    assert.match(String(item?.description), /^unverifiable · [a-z]+/)

    // A second verdict on the same words replaces the first.
    await vscode.commands.executeCommand('newsmark.setVerdict', {verdict: 'false'})
    await analysed((analysis) => analysis.result.claims.some((entry) => entry.verdict?.verdict === 'false'), 'the new verdict')
    const json = JSON.parse((await readText(sidecar)) ?? 'null')
    assert.equal(json.first.items.filter((entry: {motivation: string}) => entry.motivation === 'assessing').length, 1)
  })

  test('Reject Tag for the workspace: gone from every article; Remove Annotation brings it back', async () => {
    const sample = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'poland-ottawa.md'))
    await newsmark.analyzer.get(sample)
    editor = await vscode.window.showTextDocument(document)
    editor.selection = new vscode.Selection(positionOf(document, 'Kremlin', 2), positionOf(document, 'Kremlin', 2))
    await vscode.commands.executeCommand('newsmark.rejectTag', {scope: 'workspace'})
    const kremlin = (analysis: Analysis) => analysis.result.entities.some((entity) => entity.name === 'Kremlin')
    await analysed((analysis) => !kremlin(analysis), 'Kremlin rejected here')
    await analysed((analysis) => !kremlin(analysis), 'Kremlin rejected in poland-ottawa.md too', sample)
    assert.match(await hoverText(document, positionOf(document, 'Kremlin', 2)), /“Kremlin” is not an entity: rejected by hand in the whole workspace/)

    await vscode.commands.executeCommand('newsmark.removeAnnotation')
    await analysed((analysis) => kremlin(analysis), 'Kremlin back here')
    await analysed((analysis) => kremlin(analysis), 'Kremlin back in poland-ottawa.md', sample)
  })

  test('inline storage: Tag and Set Verdict write directives, Remove Annotation unwraps them', async () => {
    const config = vscode.workspace.getConfiguration('newsmark')
    await config.update('annotations.storage', 'inline', vscode.ConfigurationTarget.Global)
    try {
      select('Radio Zet')
      await vscode.commands.executeCommand('newsmark.tagOrganization', {})
      assert.match(document.getText(), /Speaking to :org\[Radio Zet\], he said/)
      await analysed((analysis) => analysis.version === document.version && analysis.review.anchored.find((item) => item.annotation.inline && item.annotation.target.exact === 'Radio Zet'), 'the directive read back')
      assert.match(await hoverText(document, positionOf(document, 'Radio Zet', 2)), /tagged by hand as Organisation · inline directive/)

      select('they have killed or injured thousands of people')
      await vscode.commands.executeCommand('newsmark.setVerdict', {verdict: 'needs-checking', source: 'https://example.org/landmine-monitor'})
      assert.match(document.getText(), /:claim\[they have killed or injured thousands of people\]\{verdict=needs-checking source="https:\/\/example.org\/landmine-monitor"\}/)
      await analysed((analysis) => analysis.version === document.version && analysis.result.claims.some((claim) => claim.verdict?.verdict === 'needs-checking'), 'the inline verdict')

      editor.selection = new vscode.Selection(positionOf(document, 'Radio Zet', 2), positionOf(document, 'Radio Zet', 2))
      await vscode.commands.executeCommand('newsmark.removeAnnotation')
      assert.match(document.getText(), /Speaking to Radio Zet, he said/)
      assert.doesNotMatch(document.getText(), /:org\[/)
      // The sidecar was not touched.
      assert.doesNotMatch((await readText(sidecar)) ?? '', /Radio Zet|needs-checking/)
    } finally {
      await config.update('annotations.storage', undefined, vscode.ConfigurationTarget.Global)
      await vscode.commands.executeCommand('workbench.action.files.revert')
    }
  })

  test('Export… to JSON, notes and CSV writes files that parse; an existing file is not replaced', async () => {
    const core = await newsmark.analyzer.core()
    const out = (name: string) => {
      const uri = vscode.Uri.joinPath(folder, name)
      created.push(uri)
      return uri
    }
    const jsonFile = await vscode.commands.executeCommand<vscode.Uri>('newsmark.export', {format: 'json', scope: 'article', uri: out('annotated.tags.json')})
    assert.ok(jsonFile)
    const json = JSON.parse((await readText(jsonFile)) ?? 'null')
    assert.equal(json.file, 'annotated.md')
    assert.equal(json.positions, 'code points')
    assert.ok(json.entities.some((entity: {name: string; origin: string}) => entity.name === 'BELMA plant' && entity.origin === 'human'))
    assert.ok(json.claims.some((claim: {verdicts?: Array<{verdict: string; source?: string}>}) => claim.verdicts?.some((entry) => entry.verdict === 'false')))
    assert.equal(json.annotations.length, 2)

    const notesFile = await vscode.commands.executeCommand<vscode.Uri>('newsmark.export', {format: 'notes', scope: 'article', uri: out('annotated.notes.md')})
    const notes = (await readText(notesFile)) ?? ''
    const headings = core.createParser().parse(notes).children.filter((node) => node.type === 'heading')
    assert.ok(headings.length >= 3, 'headings in the notes')
    assert.match(notes, /^# Poland to leave the Ottawa Convention/)
    assert.match(notes, /\*\*Verdict: false\*\* on “European governments use these claims”, by Test Reader/)
    assert.match(notes, /\*\*BELMA plant\*\*, state-owned arms maker/)

    const csvFile = await vscode.commands.executeCommand<vscode.Uri>('newsmark.export', {format: 'csv', scope: 'workspace', uri: out('workspace.csv')})
    const rows = ((await readText(csvFile)) ?? '').split('\r\n').filter(Boolean)
    assert.equal(rows[0], 'file,kind,type,id,text,start,end,line,name,role,value,speaker,verb,verdict,verdict_source,note,origin,reviewer')
    const files = new Set(rows.slice(1).map((row) => row.split(',')[0]))
    for (const name of ['annotated.md', 'poland-ottawa.md', 'follow-up.md']) assert.ok(files.has(name), `${name} in ${[...files].join(', ')}`)

    // Given as an argument, an existing file is only replaced with `overwrite`.
    const refused = await vscode.commands.executeCommand<vscode.Uri | undefined>('newsmark.export', {format: 'csv', scope: 'article', uri: jsonFile})
    assert.equal(refused, undefined)
    assert.deepEqual(JSON.parse((await readText(jsonFile)) ?? 'null').file, 'annotated.md')
    await vscode.commands.executeCommand('newsmark.export', {format: 'csv', scope: 'article', uri: jsonFile, overwrite: true})
    assert.match((await readText(jsonFile)) ?? '', /^file,kind,type/)
  })

  test('a corrupt sidecar: a diagnostic on the article; backed up before it is replaced', async () => {
    const uri = vscode.Uri.joinPath(folder, 'corrupt.md')
    const broken = vscode.Uri.joinPath(folder, 'corrupt.md.newsmark.json')
    created.push(uri, broken)
    const corrupt = '{"type": "AnnotationCollection", "first": {"items": [\n  {"id": "urn:x", "type": "Annotation",\n}'
    await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode(corrupt))
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode((await readText(vscode.Uri.joinPath(folder, 'poland-ottawa.md')))!))
    const article = await vscode.workspace.openTextDocument(uri)
    const other = await vscode.window.showTextDocument(article)
    const problem = () =>
      vscode.languages.getDiagnostics(uri).find((item) => typeof item.code === 'object' && item.code.value === 'sidecar-invalid')
    const diagnostic = await until(vscode.languages.onDidChangeDiagnostics, problem, 'the sidecar-invalid diagnostic')
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error)
    assert.match(diagnostic.message, /annotation sidecar corrupt\.md\.newsmark\.json \(1 problem\)/)
    assert.match(diagnostic.message, /not valid JSON: line 3/)
    assert.equal((diagnostic.code as {target: vscode.Uri}).target.toString(), broken.toString())

    select('NATO', other)
    await vscode.commands.executeCommand('newsmark.tagOrganization', {})
    const backups = (await vscode.workspace.fs.readDirectory(folder)).filter(([name]) => name.startsWith('corrupt.md.newsmark.json.bak-'))
    assert.equal(backups.length, 1, 'one backup')
    const backup = vscode.Uri.joinPath(folder, backups[0]![0])
    created.push(backup)
    assert.equal(await readText(backup), corrupt)
    assert.equal(JSON.parse((await readText(broken)) ?? 'null').total, 1)
    await until(vscode.languages.onDidChangeDiagnostics, () => !problem(), 'the diagnostic gone')
  })
})
