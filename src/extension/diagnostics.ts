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
import {basename} from './files.ts'
import {getConfig, toSeverity, type Level} from './config.ts'
import {toDiagnostic} from './convert.ts'
import {plural} from './labels.ts'
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
    const docs = (ruleId: string) => this.#docs.target(ruleId)
    try {
      for (const message of analysis.messages) {
        const diagnostic = toDiagnostic(document, message, message.ruleId ? config.severity[message.ruleId] : undefined, docs)
        if (diagnostic) diagnostics.push(diagnostic)
      }
      diagnostics.push(...inputProblems(document, analysis, config.severity))
    } catch (error) {
      // No diagnostics of an older version stay behind.
      this.#collection.delete(uri)
      throw error
    }
    this.#collection.set(uri, diagnostics)
  }
}

/**
 * Diagnostics for what could not be read with the article: its
 * configuration, its sidecar, its inline directives.
 * @param document
 *   The article.
 * @param analysis
 *   Its analysis.
 * @param severity
 *   Severity overrides from the settings.
 * @returns
 *   Diagnostics.
 */
function inputProblems(document: vscode.TextDocument, analysis: Analysis, severity: Readonly<Record<string, Level>>): vscode.Diagnostic[] {
  const diagnostics: vscode.Diagnostic[] = []
  const add = (range: vscode.Range, message: string, code: string | {value: string; target: vscode.Uri}, fallback: vscode.DiagnosticSeverity, related?: vscode.Location) => {
    const level = severity[typeof code === 'string' ? code : code.value]
    const chosen = level ? toSeverity(level) : fallback
    if (chosen === undefined) return
    const diagnostic = new vscode.Diagnostic(range, message, chosen)
    diagnostic.source = 'newsmark'
    diagnostic.code = code
    if (related) diagnostic.relatedInformation = [new vscode.DiagnosticRelatedInformation(related, 'here')]
    diagnostics.push(diagnostic)
  }
  const top = document.lineAt(0).range
  const {configProblem, review} = analysis
  if (configProblem) {
    add(
      top,
      `Newsmark configuration not used (the defaults apply): ${configProblem.message}`,
      {value: 'config-invalid', target: configProblem.uri},
      vscode.DiagnosticSeverity.Error,
      new vscode.Location(configProblem.uri, configProblem.range ?? new vscode.Range(0, 0, 0, 0))
    )
  }
  if (review.sidecar && review.sidecarProblems.length > 0) {
    const name = basename(review.sidecar)
    add(
      top,
      `Unexpected content in the annotation sidecar ${name} (${plural(review.sidecarProblems.length, 'problem')}), expected W3C Web Annotations:\n` +
        review.sidecarProblems.map((problem) => `- ${problem}`).join('\n') +
        `\nIts valid annotations are shown; before Newsmark writes it again, it is kept as ${name}.bak-<time>.`,
      {value: 'sidecar-invalid', target: review.sidecar},
      vscode.DiagnosticSeverity.Error,
      new vscode.Location(review.sidecar, new vscode.Range(0, 0, 0, 0))
    )
  }
  for (const problem of review.directiveProblems) {
    const position = document.validatePosition(new vscode.Position(problem.line - 1, problem.column - 1))
    const range = document.getWordRangeAtPosition(position, /:[a-z]+\[[^\]\n]*\](\{[^}\n]*\})?/) ?? new vscode.Range(position, position.translate(0, 1))
    add(range, problem.message.charAt(0).toUpperCase() + problem.message.slice(1), 'directive-invalid', vscode.DiagnosticSeverity.Warning)
  }
  return diagnostics
}
