/**
 * Highlights in the editor: entities by type, dates, and claims (dotted
 * underline), in themable colours (`contributes.colors`: `newsmark.*`),
 * with the reader's tags and rejections applied; a claim's verdict is
 * written after the words it is about.
 * Turned on and off by `newsmark.highlights.enable` and the
 * **Newsmark: Toggle Highlights** command.
 */
import * as vscode from 'vscode'
import type {EntityType} from '../core/index.ts'
import type {Analyzer} from './analyzer.ts'
import {getConfig} from './config.ts'
import {spanRange} from './convert.ts'
import {verdictName, verdictOf} from './labels.ts'
import {guard, type Log} from './log.ts'

type Kind = EntityType | 'date' | 'claim'

/** Decorations of the visible Markdown editors. */
export class Decorations implements vscode.Disposable {
  readonly #analyzer: Analyzer
  readonly #types: ReadonlyMap<Kind, vscode.TextEditorDecorationType>
  readonly #verdict = vscode.window.createTextEditorDecorationType({
    after: {margin: '0 0 0 0.4em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic'}
  })
  readonly #disposables: vscode.Disposable[] = []

  /**
   * @param analyzer
   *   The shared analysis.
   * @param log
   *   Where failures go.
   */
  constructor(analyzer: Analyzer, log: Log) {
    this.#analyzer = analyzer
    const update = guard(log, 'display', 'highlight the tags', (editor: vscode.TextEditor) => this.#update(editor))
    const background = (color: string): vscode.DecorationRenderOptions => ({
      backgroundColor: new vscode.ThemeColor(`newsmark.${color}`),
      borderRadius: '3px'
    })
    this.#types = new Map<Kind, vscode.TextEditorDecorationType>([
      ['claim', vscode.window.createTextEditorDecorationType({
        borderColor: new vscode.ThemeColor('newsmark.claimBorder'),
        borderStyle: 'none none dotted none',
        borderWidth: '0 0 1px 0'
      })],
      ['PER', vscode.window.createTextEditorDecorationType(background('personBackground'))],
      ['ORG', vscode.window.createTextEditorDecorationType(background('organizationBackground'))],
      ['LOC', vscode.window.createTextEditorDecorationType(background('placeBackground'))],
      ['MISC', vscode.window.createTextEditorDecorationType(background('miscBackground'))],
      ['date', vscode.window.createTextEditorDecorationType(background('dateBackground'))]
    ])
    this.#disposables.push(
      ...this.#types.values(),
      this.#verdict,
      analyzer.onDidChange((uri) => {
        for (const editor of vscode.window.visibleTextEditors) {
          if (editor.document.uri.toString() === uri.toString()) update(editor)
        }
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const editor of editors) update(editor)
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('newsmark.highlights')) for (const editor of vscode.window.visibleTextEditors) update(editor)
      })
    )
  }

  /**
   * Flip `newsmark.highlights.enable` where it is set (folder, workspace or
   * user settings).
   */
  async toggle(): Promise<void> {
    const scope = vscode.window.activeTextEditor?.document
    const section = vscode.workspace.getConfiguration('newsmark', scope)
    const inspected = section.inspect<boolean>('highlights.enable')
    const target =
      inspected?.workspaceFolderValue !== undefined
        ? vscode.ConfigurationTarget.WorkspaceFolder
        : inspected?.workspaceValue !== undefined
          ? vscode.ConfigurationTarget.Workspace
          : vscode.ConfigurationTarget.Global
    await section.update('highlights.enable', !getConfig(scope).highlights, target)
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose()
  }

  #update(editor: vscode.TextEditor): void {
    const {document} = editor
    if (document.languageId !== 'markdown') return
    const analysis = this.#analyzer.latest(document.uri)
    const ranges = new Map<Kind, vscode.Range[]>([...this.#types.keys()].map((kind) => [kind, []]))
    // Only draw results of the current version; decorations already drawn
    // move with the text while the next analysis runs.
    if (analysis && analysis.version !== document.version) return
    const verdicts: vscode.DecorationOptions[] = []
    if (analysis && getConfig(document).highlights) {
      const {result} = analysis
      for (const claim of result.claims) {
        ranges.get('claim')!.push(spanRange(document, claim))
        const verdict = verdictOf(claim)
        if (verdict) {
          verdicts.push({
            range: spanRange(document, verdict),
            renderOptions: {after: {contentText: `⚖ ${verdictName(verdict.verdict)}`}}
          })
        }
      }
      for (const date of result.dates) ranges.get('date')!.push(spanRange(document, date))
      for (const entity of result.entities) {
        for (const mention of entity.mentions) ranges.get(entity.type)!.push(spanRange(document, mention))
      }
    }
    for (const [kind, type] of this.#types) editor.setDecorations(type, ranges.get(kind)!)
    editor.setDecorations(this.#verdict, verdicts)
  }
}
