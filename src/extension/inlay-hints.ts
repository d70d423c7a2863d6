/**
 * Inlay hints after relative dates: “next month → Feb 2026”, from the
 * shared analysis (`date-hints.ts` decides which and what they say).
 * Turned off by `newsmark.inlayHints.enable`, and by VS Code's own
 * `editor.inlayHints.enabled`.
 */
import * as vscode from 'vscode'
import type {Analyzer} from './analyzer.ts'
import {getConfig} from './config.ts'
import {dateHints} from '../service/date-hints.ts'
import {guard, type Log} from './log.ts'

/**
 * Register the inlay hints provider for Markdown.
 * @param analyzer
 *   The shared analysis.
 * @param log
 *   Where failures go.
 * @returns
 *   The registration and its listeners.
 */
export function registerInlayHints(analyzer: Analyzer, log: Log): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>()
  const provider: vscode.InlayHintsProvider = {
    onDidChangeInlayHints: changed.event,
    provideInlayHints: guard(log, 'provider', 'show date hints', async (document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken) => {
      if (!getConfig(document).inlayHints) return []
      // While the reader types, wait for the scheduled analysis rather than start one.
      const analysis = analyzer.peek(document) ?? (await analyzer.settled(document, token))
      if (!analysis || token.isCancellationRequested || analysis.version !== document.version) return []
      const {dates, referenceDate} = analysis.result
      return dateHints(dates, referenceDate, [document.offsetAt(range.start), document.offsetAt(range.end)]).map((hint) => {
        const item = new vscode.InlayHint(document.positionAt(hint.offset), hint.label)
        item.paddingLeft = true
        item.tooltip = hint.tooltip
        return item
      })
    })
  }
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerInlayHintsProvider({language: 'markdown'}, provider),
    analyzer.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('newsmark.inlayHints')) changed.fire()
    })
  )
}
