/// <reference types="mocha" />
/**
 * The Markdown preview and inlay hints (issue 20), in a real VS Code: the
 * built-in Markdown extension renders the sample article
 * (`markdown.api.render`, through the markdown-it plugin Newsmark returns
 * from `activate`) with highlight spans and tooltips, which **Toggle
 * Highlights** removes and brings back; a render while an edit is being
 * analysed keeps its highlights in place; relative dates get inlay hints
 * (`vscode.executeInlayHintProvider`), which `newsmark.inlayHints.enable`
 * turns off.
 */
import assert from 'node:assert/strict'
import * as vscode from 'vscode'
import type {NewsmarkApi} from '../../../src/extension/extension.ts'
import {api, open, positionOf, until} from './helpers.ts'

/**
 * The HTML of a document (or a string) as the Markdown preview renders it.
 * @param input
 *   A document, or Markdown.
 * @returns
 *   HTML.
 */
async function render(input: vscode.TextDocument | string): Promise<string> {
  return vscode.commands.executeCommand<string>('markdown.api.render', input)
}

/** The inlay hints of a whole document, as `label@line:character`. */
async function hints(document: vscode.TextDocument): Promise<string[]> {
  const range = new vscode.Range(0, 0, document.lineCount, 0)
  const found = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range)
  return found.map((hint) => {
    const label = typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')
    return `${label}@${hint.position.line}:${hint.position.character}`
  })
}

suite('Newsmark preview and inlay hints', () => {
  let newsmark: NewsmarkApi
  let document: vscode.TextDocument

  suiteSetup(async () => {
    document = await open('poland-ottawa.md')
    newsmark = await api()
    assert.ok(await newsmark.analyzer.get(document), 'the sample is analysed')
  })

  test('the preview shows the highlights, with tooltips and claim markers', async () => {
    const html = await render(document)
    const analysis = newsmark.analyzer.peek(document)
    assert.ok(analysis)
    assert.match(html, /<span class="newsmark newsmark-person" title="Person: Cezary Tomczyk\nDeputy Defense Minister(\n\n[^"]*)?">Tomczyk<\/span>/)
    assert.match(html, /<span class="newsmark newsmark-place" title="Place: Poland[^"]*">Poland<\/span>/)
    assert.match(html, /<span class="newsmark newsmark-date" title="Date: 2026-02 \(Feb 2026\)\nRelative to the article date, 2026-01-16[^"]*">next month<\/span>/)
    assert.match(html, /title="Claim: [a-z ]+\n(Speaker: [^"\n]+|No speaker or source found)/)
    assert.equal(html.match(/newsmark-claim-start/g)?.length, analysis.result.claims.length, 'one marker per claim')
    const mentions = analysis.result.entities.reduce((count, entity) => count + entity.mentions.length, 0)
    assert.equal(html.match(/class="newsmark newsmark-(person|organization|place|misc)"/g)?.length, mentions, 'every mention')
    // What the preview does besides (line numbers for scroll sync) is untouched.
    assert.match(html, /<p data-line="\d+" class="code-line" dir="auto">/)
  })

  test('Toggle Highlights turns them off in the preview, and on again', async () => {
    await vscode.commands.executeCommand('newsmark.toggleHighlights')
    try {
      assert.equal(vscode.workspace.getConfiguration('newsmark').get('highlights.enable'), false)
      const html = await render(document)
      assert.doesNotMatch(html, /class="newsmark/)
      assert.match(html, /Deputy Defense Minister Cezary Tomczyk confirmed/)
    } finally {
      await vscode.commands.executeCommand('newsmark.toggleHighlights')
    }
    assert.match(await render(document), /<span class="newsmark newsmark-person"[^>]*>Tomczyk<\/span>/)
  })

  test('a render of the text as a string finds its document', async () => {
    assert.match(await render(document.getText()), /<span class="newsmark newsmark-date"[^>]*>next month<\/span>/)
    assert.doesNotMatch(await render('Poland and Tomczyk, next month.'), /class="newsmark/, 'text of no open document')
  })

  test('while an edit is analysed, the last highlights stay in place', async () => {
    const draft = await vscode.workspace.openTextDocument({language: 'markdown', content: document.getText()})
    await vscode.window.showTextDocument(draft)
    try {
      assert.ok(await newsmark.analyzer.get(draft))
      const before = await render(draft)
      // (Tomczyk is in a claim: its span closes and opens again around him.)
      assert.match(before, /newsmark-person[^>]*>Cezary Tomczyk<\/span><\/span><span[^>]*> confirmed/)
      const at = positionOf(draft, 'Deputy Defense Minister Cezary', 0)
      const edit = new vscode.WorkspaceEdit()
      edit.insert(draft.uri, at, 'Meanwhile in Ottawa, ')
      assert.ok(await vscode.workspace.applyEdit(edit))
      // Rendered before the edit is analysed: the marks moved over it.
      assert.equal(newsmark.analyzer.peek(draft), undefined, 'not analysed yet')
      const during = await render(draft)
      assert.match(during, /Meanwhile in Ottawa, <span class="newsmark newsmark-claim newsmark-claim-start"[^>]*>Deputy Defense Minister <\/span><span[^>]*><span class="newsmark newsmark-person"[^>]*>Cezary Tomczyk<\/span>/)
      assert.match(during, /<span class="newsmark newsmark-date"[^>]*>next month<\/span>/)
      await until(newsmark.analyzer.onDidChange, () => newsmark.analyzer.peek(draft), 'the analysis of the edit')
      assert.match(await render(draft), /newsmark-person[^>]*>Cezary Tomczyk<\/span><\/span><span[^>]*> confirmed/)
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor')
    }
  })

  test('inlay hints after relative dates, as readers write them', async () => {
    await vscode.window.showTextDocument(document)
    const found = await hints(document)
    const after = (text: string) => {
      const start = positionOf(document, text, 0)
      return `${start.line}:${start.character + text.length}`
    }
    assert.deepEqual(
      found.filter((hint) => hint.startsWith('→')),
      [`→ Feb 2026@${after('next month')}`, `→ 20 Feb 2026@${after('February 20')}`, `→ week of 5 Jan 2026@${after('last week')}`, `→ Dec 2025@${after('late December')}`]
    )
    const config = vscode.workspace.getConfiguration('newsmark')
    await config.update('inlayHints.enable', false, vscode.ConfigurationTarget.Global)
    try {
      assert.deepEqual((await hints(document)).filter((hint) => hint.startsWith('→')), [])
    } finally {
      await config.update('inlayHints.enable', undefined, vscode.ConfigurationTarget.Global)
    }
    assert.equal((await hints(document)).filter((hint) => hint.startsWith('→')).length, 4)
  })
})
