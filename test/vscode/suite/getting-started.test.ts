/// <reference types="mocha" />
/**
 * What a new reader meets: the default keybindings take no key VS Code (or
 * a built-in extension) already binds.
 */
import assert from 'node:assert/strict'
import * as vscode from 'vscode'

suite('Getting started', () => {
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
