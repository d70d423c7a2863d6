/**
 * Status bar item with the counts of the active article: entities, dates,
 * claims and findings; clicking it opens the Newsmark sidebar.
 */
import * as vscode from 'vscode'
import {isMarkdown, type Analyzer} from './analyzer.ts'
import {getConfig} from './config.ts'
import {plural} from './labels.ts'

/** The status bar item. */
export class StatusBar implements vscode.Disposable {
  readonly #analyzer: Analyzer
  readonly #item = vscode.window.createStatusBarItem('newsmark.status', vscode.StatusBarAlignment.Right, 100)
  readonly #disposables: vscode.Disposable[] = [this.#item]

  /**
   * @param analyzer
   *   The shared analysis.
   */
  constructor(analyzer: Analyzer) {
    this.#analyzer = analyzer
    this.#item.name = 'Newsmark'
    this.#item.command = 'workbench.view.extension.newsmark'
    this.#disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.#update()),
      analyzer.onDidChange(() => this.#update()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('newsmark')) this.#update()
      })
    )
    this.#update()
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose()
  }

  #update(): void {
    const document = vscode.window.activeTextEditor?.document
    if (!document || !isMarkdown(document) || !getConfig(document).statusBar) {
      this.#item.hide()
      return
    }
    const analysis = this.#analyzer.latest(document.uri)
    if (!analysis) {
      this.#item.hide()
      return
    }
    if (analysis.skipped) {
      this.#item.text = '$(circle-slash) Newsmark'
      this.#item.tooltip = `Newsmark did not analyse this file: ${analysis.skipped}.`
    } else {
      const {entities, dates, claims} = analysis.result
      const findings = analysis.messages.length
      this.#item.text = `$(person) ${entities.length} $(calendar) ${dates.length} $(comment-discussion) ${claims.length}` + (findings ? ` $(warning) ${findings}` : '')
      this.#item.tooltip = `Newsmark: ${plural(entities.length, 'entity', 'entities')}, ${plural(dates.length, 'date')}, ${plural(claims.length, 'claim')}, ${plural(findings, 'finding')}. Click to open the sidebar.`
    }
    this.#item.show()
  }
}
