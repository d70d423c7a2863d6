/**
 * Status bar item of the active article, in words: `Newsmark: 4 findings`
 * (or `no findings`), with the counts of entities, dates, claims and
 * findings and the sourcing summary (`5 sources: 3 named people, …`) in
 * its tooltip; clicking it opens the Newsmark sidebar. A document
 * over `newsmark.analysis.maxFileSize`, or whose analysis ran past
 * `newsmark.analysis.timeout`, gets a note instead, saying so and how to
 * change the limit (clicking it opens that setting). In Restricted Mode, the
 * item gets a shield and the tooltip says what Newsmark leaves out (the
 * fact base, the workspace's restricted settings).
 */
import * as vscode from 'vscode'
import {sourcesSummary} from '../core/quotes/sources.ts'
import type {Analyzer} from './analyzer.ts'
import {skipSettings} from './skip.ts'
import {getConfig} from './config.ts'
import {plural} from './labels.ts'
import {guard, type Log} from './log.ts'
import {restrictedNote} from './settings-policy.ts'
import {sourcesOfResult} from '../service/sources.ts'

/** The status bar item. */
export class StatusBar implements vscode.Disposable {
  readonly #analyzer: Analyzer
  readonly #item = vscode.window.createStatusBarItem('newsmark.status', vscode.StatusBarAlignment.Right, 100)
  readonly #disposables: vscode.Disposable[] = [this.#item]
  #visible = false

  /**
   * @param analyzer
   *   The shared analysis.
   * @param log
   *   Where failures go.
   */
  constructor(analyzer: Analyzer, log: Log) {
    this.#analyzer = analyzer
    this.#item.name = 'Newsmark'
    const update = guard(log, 'display', 'update the status bar', () => this.#update())
    this.#disposables.push(
      vscode.window.onDidChangeActiveTextEditor(update),
      analyzer.onDidChange(update),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('newsmark')) update()
      })
    )
    update()
  }

  /** What the item shows, if it is shown (for tests). */
  get shown(): Pick<vscode.StatusBarItem, 'text' | 'tooltip' | 'command'> | undefined {
    return this.#visible ? {text: this.#item.text, tooltip: this.#item.tooltip, command: this.#item.command} : undefined
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose()
  }

  #update(): void {
    const document = vscode.window.activeTextEditor?.document
    const analysis = document && this.#analyzer.reads(document) && getConfig(document).statusBar ? this.#analyzer.latest(document.uri) : undefined
    if (!analysis) {
      this.#visible = false
      this.#item.hide()
      return
    }
    // In Restricted Mode, what Newsmark leaves out, in every tooltip.
    const note = restrictedNote(getConfig(document).restricted)
    const restricted = note ? `\n\n${note}` : ''
    if (analysis.skipped?.configFile) {
      // Left out by the `files:` of a `.newsmarkrc`: the fix is in that file.
      const {reason, configFile} = analysis.skipped
      const open = `command:vscode.open?${encodeURIComponent(JSON.stringify([configFile]))}`
      this.#item.text = '$(circle-slash) Newsmark: not analysed (not an article)'
      const tooltip = new vscode.MarkdownString(
        `**Newsmark did not analyse this file**: ${reason}.\n\n` +
          `To analyse it, change \`files:\` in [${vscode.workspace.asRelativePath(configFile)}](${open}). Click to open it.` +
          restricted
      )
      tooltip.isTrusted = {enabledCommands: ['vscode.open']}
      this.#item.tooltip = tooltip
      this.#item.command = {title: 'Open the .newsmarkrc', command: 'vscode.open', arguments: [configFile]}
    } else if (analysis.skipped?.setting) {
      const {reason, setting} = analysis.skipped
      const {cause, fix} = skipSettings[setting]
      const open = `command:workbench.action.openSettings?${encodeURIComponent(JSON.stringify([setting]))}`
      this.#item.text = `$(circle-slash) Newsmark: not analysed (${cause})`
      const tooltip = new vscode.MarkdownString(
        `**Newsmark did not analyse this file**: ${reason}.\n\n` +
          `To analyse it, ${fix} [\`${setting}\`](${open}) in the settings. Click to open the setting.` +
          restricted
      )
      tooltip.isTrusted = {enabledCommands: ['workbench.action.openSettings']}
      this.#item.tooltip = tooltip
      this.#item.command = {title: `Open the ${setting} setting`, command: 'workbench.action.openSettings', arguments: [setting]}
    } else {
      const {entities, dates, claims} = analysis.result
      const findings = analysis.messages.length
      // Words, not icons alone: what the number counts is on the item.
      this.#item.text = `${note ? '$(shield) ' : ''}Newsmark: ${findings ? plural(findings, 'finding') : 'no findings'}`
      const counts = `Newsmark: ${plural(entities.length, 'entity', 'entities')}, ${plural(dates.length, 'date')}, ${plural(claims.length, 'claim')}, ${plural(findings, 'finding')}. ${sourcesSummary(sourcesOfResult(analysis.result))}. Click to open the sidebar.`
      this.#item.tooltip = note ? new vscode.MarkdownString(counts + restricted) : counts
      this.#item.command = 'workbench.view.extension.newsmark'
    }
    this.#visible = true
    this.#item.show()
  }
}
