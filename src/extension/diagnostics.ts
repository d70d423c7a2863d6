/**
 * The core's findings in the Problems panel: one diagnostic collection, set
 * whenever a document's analysis changes and cleared when it closes.
 * Severities follow `newsmark.diagnostics.severity`.
 */
import * as vscode from 'vscode'
import type {Analyzer} from './analyzer.ts'
import {getConfig} from './config.ts'
import {toDiagnostic} from './convert.ts'
import {guard, type Log} from './log.ts'

/** The `newsmark` diagnostic collection and its lifecycle. */
export class Diagnostics implements vscode.Disposable {
  readonly #analyzer: Analyzer
  readonly #collection = vscode.languages.createDiagnosticCollection('newsmark')
  readonly #disposables: vscode.Disposable[] = [this.#collection]

  /**
   * @param analyzer
   *   The shared analysis.
   * @param log
   *   Where failures go.
   */
  constructor(analyzer: Analyzer, log: Log) {
    this.#analyzer = analyzer
    // Per document: a result that cannot be shown leaves the others alone.
    const update = guard(log, 'display', 'show the findings as diagnostics', (uri: vscode.Uri) => this.#update(uri))
    this.#disposables.push(
      analyzer.onDidChange(update),
      vscode.workspace.onDidCloseTextDocument((document) => this.#collection.delete(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('newsmark.diagnostics')) return
        this.#collection.forEach((uri) => update(uri))
        for (const document of vscode.workspace.textDocuments) update(document.uri)
      })
    )
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose()
  }

  #update(uri: vscode.Uri): void {
    const analysis = this.#analyzer.latest(uri)
    const document = vscode.workspace.textDocuments.find((item) => item.uri.toString() === uri.toString())
    const config = getConfig(uri)
    if (!analysis || !document || document.version !== analysis.version || !config.diagnostics) {
      if (!analysis || !document || !config.diagnostics) this.#collection.delete(uri)
      return
    }
    const diagnostics: vscode.Diagnostic[] = []
    try {
      for (const message of analysis.messages) {
        const diagnostic = toDiagnostic(document, message, message.ruleId ? config.severity[message.ruleId] : undefined)
        if (diagnostic) diagnostics.push(diagnostic)
      }
    } catch (error) {
      // No diagnostics of an older version stay behind.
      this.#collection.delete(uri)
      throw error
    }
    this.#collection.set(uri, diagnostics)
  }
}
