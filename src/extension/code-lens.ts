/**
 * The header line above an article (a CodeLens on its first heading after
 * the front matter, else its first line): `5 sources · 3 claims to check ·
 * 12 findings`, from the shared analysis (`sources-view.ts` decides what it
 * says and where). Clicking it opens the Newsmark sidebar. Turned off by
 * `newsmark.codeLens.enable`, and by VS Code's own `editor.codeLens`.
 */
import * as vscode from 'vscode'
import type {Analyzer} from './analyzer.ts'
import {getConfig} from './config.ts'
import {guard, type Log} from './log.ts'
import {headerLine, headerLineNumber, sourcesOfResult} from '../service/sources.ts'
import {shownFindings} from './tag-tree.ts'

/**
 * Register the header line's CodeLens provider for Markdown.
 * @param analyzer
 *   The shared analysis.
 * @param log
 *   Where failures go.
 * @returns
 *   The registration and its listeners.
 */
export function registerCodeLens(analyzer: Analyzer, log: Log): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>()
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses: guard(log, 'provider', 'show the header line', async (document: vscode.TextDocument, token: vscode.CancellationToken) => {
      if (!getConfig(document).codeLens) return []
      const analysis = analyzer.peek(document) ?? (await analyzer.settled(document, token))
      if (!analysis || analysis.skipped || token.isCancellationRequested) return []
      const title = headerLine({
        sources: sourcesOfResult(analysis.result).length,
        toCheck: analysis.result.toCheck?.length ?? 0,
        // The claims to check are counted apart.
        findings: shownFindings(analysis).filter((message) => message.ruleId !== 'claim-to-check').length
      })
      const line = Math.min(headerLineNumber(document.getText()), document.lineCount - 1)
      const command: vscode.Command = {title, command: 'workbench.view.extension.newsmark', tooltip: 'Open the Newsmark sidebar'}
      return [new vscode.CodeLens(document.lineAt(line).range, command)]
    })
  }
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerCodeLensProvider({language: 'markdown'}, provider),
    analyzer.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('newsmark.codeLens') || event.affectsConfiguration('newsmark.diagnostics')) changed.fire()
    })
  )
}
