/// <reference types="mocha" />
/**
 * What a new reader meets: the walkthrough's sample article opens from the
 * reader's own copy, and the default keybindings take no key VS Code (or a
 * built-in extension) already binds.
 */
import assert from 'node:assert/strict'
import * as vscode from 'vscode'
import {api} from './helpers.ts'

suite('Getting started', () => {
  test('Open Sample Article: a copy in global storage, analysed, the cursor on the first name', async () => {
    const newsmark = await api()
    const editor = (await vscode.commands.executeCommand('newsmark.openSample')) as vscode.TextEditor | undefined
    assert.ok(editor, 'an editor')
    const {document} = editor
    assert.equal(document.languageId, 'markdown')
    assert.match(document.uri.path, /\/sample\/poland-ottawa\.md$/)
    assert.ok(!document.uri.path.includes('/examples/'), 'not the packaged file')
    assert.equal(document.getText(document.getWordRangeAtPosition(editor.selection.active)), 'Cezary')
    const analysis = await newsmark.analyzer.get(document)
    assert.ok(analysis && !analysis.skipped && analysis.result.entities.length > 0, 'analysed')
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor')
  })

  test('the default keybindings clash with none of VS Code’s', async () => {
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile')
    const editor = vscode.window.activeTextEditor
    assert.ok(editor, 'the default keybindings')
    // JSON with `//` comments; our own bindings are listed there too.
    const text = editor.document.getText().replace(/^\s*\/\/.*$/gm, '')
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor')
    const defaults = (JSON.parse(text) as Array<{key: string; command: string}>).filter((binding) => !binding.command.startsWith('newsmark.') && binding.command !== 'workbench.view.extension.newsmark')
    assert.ok(defaults.length > 300, `${defaults.length} default bindings`)
    const manifest = vscode.extensions.getExtension('newsmark.newsmark')?.packageJSON as {contributes: {keybindings: Array<{key: string; mac: string}>}}
    // This host runs on Linux: `key` is what applies; a chord clashes with a
    // binding of its first key too.
    const clashes = []
    for (const {key} of manifest.contributes.keybindings) {
      const first = key.split(' ')[0]
      for (const binding of defaults) {
        if (binding.key === key || binding.key === first || binding.key.split(' ')[0] === key) clashes.push(`${key}: ${binding.command}`)
      }
    }
    assert.deepEqual(clashes, [])
  })
})
