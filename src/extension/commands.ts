/**
 * Commands: reveal a range (used by the tree and hover links), toggle
 * highlights, analyse again, show the log.
 */
import * as vscode from 'vscode'
import type {Analyzer} from './analyzer.ts'
import type {Decorations} from './decorations.ts'
import type {Log} from './log.ts'

/** A range as hover links pass it: `[startLine, startCharacter, endLine, endCharacter]`. */
type RangeTuple = [number, number, number, number]

/**
 * Register Newsmark's commands.
 * @param analyzer
 *   The shared analysis.
 * @param decorations
 *   The highlights.
 * @param log
 *   The log.
 * @returns
 *   The registrations.
 */
export function registerCommands(analyzer: Analyzer, decorations: Decorations, log: Log): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('newsmark.reveal', (uri: vscode.Uri | string, range: vscode.Range | RangeTuple) => reveal(uri, range)),
    vscode.commands.registerCommand('newsmark.toggleHighlights', () => decorations.toggle()),
    vscode.commands.registerCommand('newsmark.refresh', () => analyzer.refresh()),
    vscode.commands.registerCommand('newsmark.showLog', () => log.show())
  )
}

async function reveal(uri: vscode.Uri | string, range: vscode.Range | RangeTuple): Promise<void> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri
  const selection = Array.isArray(range) ? new vscode.Range(...range) : range
  const editor = await vscode.window.showTextDocument(target, {selection, preserveFocus: false})
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport)
}
