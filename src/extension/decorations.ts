/**
 * Highlights in the editor: entities by type, dates, and claims (dotted
 * underline), in themable colours (`contributes.colors`: `newsmark.*`),
 * with the reader's tags and rejections applied; a claim's verdict is
 * written after the words it is about.
 * Turned on and off by `newsmark.highlights.enable` and the
 * **Newsmark: Toggle Highlights** command.
 *
 * Only the lines around the visible ones are highlighted (`margin` on each
 * side), and again as the reader scrolls near the edge of them: an edit of
 * a long document then sends VS Code a few hundred ranges, not tens of
 * thousands.
 */
import * as vscode from 'vscode'
import type {EntityType} from '../core/index.ts'
import type {Analyzer} from './analyzer.ts'
import {getConfig} from './config.ts'
import {spanRange} from './convert.ts'
import {verdictName, verdictOf} from './labels.ts'
import {guard, type Log} from './log.ts'

type Kind = EntityType | 'date' | 'claim'

/** Lines highlighted above and below the visible ones. */
const margin = 300

/** The lines of an editor that have highlights. */
interface Window {
  from: number
  to: number
}

/** Decorations of the visible Markdown editors. */
export class Decorations implements vscode.Disposable {
  readonly #analyzer: Analyzer
  readonly #types: ReadonlyMap<Kind, vscode.TextEditorDecorationType>
  readonly #verdict = vscode.window.createTextEditorDecorationType({
    after: {margin: '0 0 0 0.4em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic'}
  })
  readonly #disposables: vscode.Disposable[] = []
  readonly #windows = new WeakMap<vscode.TextEditor, Window>()

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
      vscode.window.onDidChangeTextEditorVisibleRanges(({textEditor}) => {
        if (this.#nearEdge(textEditor)) update(textEditor)
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
    const window = windowOf(editor)
    this.#windows.set(editor, window)
    const start = document.offsetAt(new vscode.Position(window.from, 0))
    const end = document.offsetAt(document.lineAt(window.to).range.end)
    const inside = (span: {start: number; end: number}) => span.end >= start && span.start <= end
    const verdicts: vscode.DecorationOptions[] = []
    if (analysis && getConfig(document).highlights) {
      const {result} = analysis
      for (const claim of result.claims) {
        if (!inside(claim)) continue
        ranges.get('claim')!.push(spanRange(document, claim))
        const verdict = verdictOf(claim)
        if (verdict) {
          verdicts.push({
            range: spanRange(document, verdict),
            renderOptions: {after: {contentText: `⚖ ${verdictName(verdict.verdict)}`}}
          })
        }
      }
      for (const date of result.dates) if (inside(date)) ranges.get('date')!.push(spanRange(document, date))
      for (const entity of result.entities) {
        for (const mention of entity.mentions) if (inside(mention)) ranges.get(entity.type)!.push(spanRange(document, mention))
      }
    }
    for (const [kind, type] of this.#types) editor.setDecorations(type, ranges.get(kind)!)
    editor.setDecorations(this.#verdict, verdicts)
  }

  /**
   * Whether the visible lines came near the edge of the highlighted ones
   * (or none are highlighted yet).
   * @param editor
   *   An editor.
   * @returns
   *   Whether to highlight again.
   */
  #nearEdge(editor: vscode.TextEditor): boolean {
    if (editor.document.languageId !== 'markdown' || !getConfig(editor.document).highlights) return false
    const window = this.#windows.get(editor)
    if (!window) return true
    const {from, to} = visibleLines(editor)
    const last = editor.document.lineCount - 1
    return (window.from > 0 && from - window.from < margin / 2) || (window.to < last && window.to - to < margin / 2)
  }
}

/**
 * The first and last visible lines of an editor (the first screen when it
 * shows none).
 * @param editor
 *   An editor.
 * @returns
 *   Line numbers.
 */
function visibleLines(editor: vscode.TextEditor): Window {
  const visible = editor.visibleRanges
  if (visible.length === 0) return {from: 0, to: Math.min(editor.document.lineCount - 1, 100)}
  return {from: visible[0]!.start.line, to: visible[visible.length - 1]!.end.line}
}

/**
 * The lines to highlight in an editor: the visible ones and `margin` more
 * on each side.
 * @param editor
 *   An editor.
 * @returns
 *   Line numbers.
 */
function windowOf(editor: vscode.TextEditor): Window {
  const {from, to} = visibleLines(editor)
  return {from: Math.max(0, from - margin), to: Math.min(editor.document.lineCount - 1, to + margin)}
}
