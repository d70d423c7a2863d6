/**
 * The core's findings in the Problems panel: one diagnostic collection, set
 * whenever a document's analysis changes and cleared when it closes.
 * Severities follow `newsmark.diagnostics.severity`. Each code links to the
 * rule's section in the bundled `docs/rules.md`.
 *
 * Besides the findings, an article shows what stops Newsmark from reading
 * what goes with it: a broken `.newsmarkrc` or fact base (`config-invalid`),
 * a broken annotation sidecar (`sidecar-invalid`, linking to the sidecar)
 * and a bad inline directive (`directive-invalid`).
 */
import * as vscode from 'vscode'
import type {Analysis, Analyzer} from './analyzer.ts'
import {getConfig, toSeverity, type Level} from './config.ts'
import {diagnosticsOf} from '../service/diagnostics.ts'
import {offsetsOf, toDiagnostic} from './convert.ts'
import {guard, type Log} from './log.ts'
import type {RuleDocs} from './rule-docs.ts'

/** The `newsmark` diagnostic collection and its lifecycle. */
export class Diagnostics implements vscode.Disposable {
  readonly #analyzer: Analyzer
  readonly #docs: RuleDocs
  readonly #collection = vscode.languages.createDiagnosticCollection('newsmark')
  readonly #disposables: vscode.Disposable[] = [this.#collection]

  /**
   * @param analyzer
   *   The shared analysis.
   * @param log
   *   Where failures go.
   * @param docs
   *   Where the rules are documented.
   */
  constructor(analyzer: Analyzer, log: Log, docs: RuleDocs) {
    this.#analyzer = analyzer
    this.#docs = docs
    // Read while the core loads, so that the first diagnostics link to it.
    docs.preload()
    // Per document: a result that cannot be shown leaves the others alone.
    const update = guard(log, 'display', 'show the findings as diagnostics', (uri: vscode.Uri) => this.#update(uri))
    this.#disposables.push(
      analyzer.onDidChange(update),
      docs.onDidLoad(() => this.#collection.forEach((uri) => update(uri))),
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
      const {review} = analysis
      const data = diagnosticsOf(offsetsOf(document), analysis, {
        severity: config.severity,
        docs: (ruleId) => this.#docs.target(ruleId)?.toString()
      })
      const input = (item: (typeof data)[number]) => item.code === 'sidecar-invalid' || item.code === 'directive-invalid'
      // (A finding's code links to `data.url`: the rule's section in the bundled docs.)
      diagnostics.push(...data.filter((item) => !input(item)).map((item) => toDiagnostic(document, item)))
      diagnostics.push(...configProblems(document, analysis, config.severity))
      for (const item of data.filter(input)) {
        const sidecar = item.code === 'sidecar-invalid' ? review.sidecar : undefined
        diagnostics.push(toDiagnostic(document, item, sidecar, sidecar && new vscode.Location(sidecar, new vscode.Range(0, 0, 0, 0))))
      }
    } catch (error) {
      // No diagnostics of an older version stay behind.
      this.#collection.delete(uri)
      throw error
    }
    this.#collection.set(uri, diagnostics)
  }
}

/**
 * A diagnostic for a configuration that could not be used (`.newsmarkrc`, the
 * fact base), linking to it; the sidecar's and inline directives' problems
 * come from the language service with the findings.
 * @param document
 *   The article.
 * @param analysis
 *   Its analysis.
 * @param severity
 *   Severity overrides from the settings.
 * @returns
 *   Diagnostics.
 */
function configProblems(document: vscode.TextDocument, analysis: Analysis, severity: Readonly<Record<string, Level>>): vscode.Diagnostic[] {
  const {configProblem} = analysis
  if (!configProblem) return []
  const level = severity['config-invalid']
  const chosen = level ? toSeverity(level) : vscode.DiagnosticSeverity.Error
  if (chosen === undefined) return []
  const diagnostic = new vscode.Diagnostic(document.lineAt(0).range, `Newsmark configuration not used (the defaults apply): ${configProblem.message}`, chosen)
  diagnostic.source = 'newsmark'
  diagnostic.code = {value: 'config-invalid', target: configProblem.uri}
  diagnostic.relatedInformation = [
    new vscode.DiagnosticRelatedInformation(new vscode.Location(configProblem.uri, configProblem.range ?? new vscode.Range(0, 0, 0, 0)), 'here')
  ]
  return [diagnostic]
}
