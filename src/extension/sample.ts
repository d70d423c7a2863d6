/**
 * `newsmark.openSample` (the walkthrough's first step): the sample article
 * shipped with the extension, opened from a copy of the reader's own in the
 * extension's global storage, so that verdicts and exports work on it (the
 * extension's folder is not the reader's to write in) and survive the next
 * opening. The cursor goes to the first name, ready for the hover step.
 */
import * as vscode from 'vscode'
import type {Log} from './log.ts'

/** The sample, in the package (`.vscodeignore` ships it). */
const sample = ['examples', 'poland-ottawa.md'] as const
/** Where the cursor goes: a person the hover knows (role, mentions, claims). */
const firstName = 'Cezary Tomczyk'

/**
 * Register the command.
 * @param context
 *   The extension context (its folder and global storage).
 * @param log
 *   The log.
 * @returns
 *   The registration.
 */
export function registerSample(context: vscode.ExtensionContext, log: Log): vscode.Disposable {
  return vscode.commands.registerCommand('newsmark.openSample', async () => {
    try {
      return await openSample(context)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      log.info(`newsmark.openSample: ${message}`)
      void vscode.window.showErrorMessage(`Newsmark: cannot open the sample article: ${message}`)
      return undefined
    }
  })
}

/**
 * Copy the sample unless the reader has a copy already, and open it.
 * @param context
 *   The extension context.
 * @returns
 *   The editor.
 */
async function openSample(context: vscode.ExtensionContext): Promise<vscode.TextEditor> {
  const folder = vscode.Uri.joinPath(context.globalStorageUri, 'sample')
  const copy = vscode.Uri.joinPath(folder, sample[1])
  const exists = await vscode.workspace.fs.stat(copy).then(
    () => true,
    () => false
  )
  if (!exists) {
    await vscode.workspace.fs.createDirectory(folder)
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(context.extensionUri, ...sample), copy)
  }
  const document = await vscode.workspace.openTextDocument(copy)
  const at = document.getText().indexOf(firstName)
  const selection = at < 0 ? undefined : new vscode.Selection(document.positionAt(at + 1), document.positionAt(at + 1))
  const editor = await vscode.window.showTextDocument(document, selection ? {selection} : {})
  if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport)
  return editor
}
