/**
 * Highlights in VS Code's built-in Markdown preview: the markdown-it plugin
 * (`extendMarkdownIt`, returned from `activate`) and what it reads.
 *
 * markdown-it renders synchronously and the analysis runs in a worker, so
 * the preview shows the latest cached analysis of the document: the one of
 * the text rendered when it is there, else the last one, its marks moved
 * over the edit since (`rebaseMarks`); when a new analysis arrives, or
 * `newsmark.highlights.enable` changes, the previews are rendered again
 * (`markdown.preview.refresh`, which also drops VS Code's cached tokens).
 * A document rendered before any analysis of it is analysed then.
 *
 * What is drawn, and how the tags are found in markdown-it's tokens, is in
 * `preview-highlight.ts`; the style sheet is `media/preview.css`.
 */
import * as vscode from 'vscode'
import type {NewsmarkResult} from '../core/index.ts'
import type {Analyzer} from './analyzer.ts'
import {getConfig} from './config.ts'
import type {Log} from './log.ts'
import {marksOf, normalizeSource, previewPlugin, rebaseMarks, type MarkdownItLike, type Mark} from './preview-highlight.ts'

/** Milliseconds to gather analyses before rendering the previews again. */
const refreshDelay = 50

/** The analysis of one version of a document, as the preview needs it. */
interface Entry {
  readonly version: number
  /** The text analysed. */
  readonly text: string
  readonly result: NewsmarkResult
  /** The text as markdown-it sees it and its marks, made on the first render. */
  normalized?: {source: string; marks: Mark[]}
}

/** The preview's highlights. */
export class Preview implements vscode.Disposable {
  readonly #analyzer: Analyzer
  readonly #log: Log
  readonly #entries = new Map<string, Entry>()
  /** Documents a preview rendered (by URI): only they call for a refresh. */
  readonly #rendered = new Set<string>()
  readonly #disposables: vscode.Disposable[] = []
  #timer: ReturnType<typeof setTimeout> | undefined

  /**
   * @param analyzer
   *   The shared analysis.
   * @param log
   *   Where failures go.
   */
  constructor(analyzer: Analyzer, log: Log) {
    this.#analyzer = analyzer
    this.#log = log
    this.#disposables.push(
      analyzer.onDidChange((uri) => {
        const key = uri.toString()
        // The analysis of the current version; the entry of an older one
        // stays until then (marks moved over the edit).
        const document = vscode.workspace.textDocuments.find((item) => item.uri.toString() === key)
        const analysis = document && analyzer.peek(document)
        if (document && analysis) this.#entries.set(key, {version: analysis.version, text: document.getText(), result: analysis.result})
        else if (!document || !analyzer.latest(uri)) this.#entries.delete(key)
        if (this.#rendered.has(key)) this.#refresh()
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.#entries.delete(document.uri.toString())
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (this.#rendered.size > 0 && event.affectsConfiguration('newsmark.highlights')) this.#refresh()
      })
    )
  }

  /**
   * Add the highlights to VS Code's markdown-it (what `activate` returns as
   * `extendMarkdownIt` calls).
   * @param md
   *   VS Code's markdown-it instance.
   * @returns
   *   The same instance.
   */
  extendMarkdownIt<T extends MarkdownItLike>(md: T): T {
    return previewPlugin(md, (source, env) => this.#marksFor(source, env), (error) => this.#log.error('display', 'Could not highlight the Markdown preview', error))
  }

  dispose(): void {
    clearTimeout(this.#timer)
    for (const disposable of this.#disposables) disposable.dispose()
  }

  /**
   * The marks of what the preview renders.
   * @param source
   *   The Markdown parsed (as markdown-it normalised it).
   * @param env
   *   The render's environment: VS Code's has `currentDocument` (missing
   *   when `markdown.api.render` is given a string).
   * @returns
   *   Marks, or `undefined` to render plainly.
   */
  #marksFor(source: string, env: unknown): readonly Mark[] | undefined {
    const uri = currentDocument(env)
    const document = uri && vscode.workspace.textDocuments.find((item) => item.uri.toString() === uri.toString())
    // (Rendered plainly or not, turning highlights on again refreshes it.)
    if (uri) this.#rendered.add(uri.toString())
    if (!getConfig(document ?? uri).highlights) return undefined
    let entry: Entry | undefined
    if (uri) {
      const key = uri.toString()
      entry = this.#entries.get(key)
      const analysis = document && this.#analyzer.peek(document)
      if (document && analysis && entry?.version !== analysis.version) {
        entry = {version: analysis.version, text: document.getText(), result: analysis.result}
        this.#entries.set(key, entry)
      }
      // Rendered before it was analysed: analyse it (the result refreshes the preview).
      if (document && !entry) void this.#analyzer.get(document)
    } else {
      // A string: the open document with that text, if any.
      entry = [...this.#entries.values()].find((item) => normalized(item).source === source)
    }
    if (!entry) return undefined
    const {source: analysed, marks} = normalized(entry)
    return analysed === source ? marks : rebaseMarks(marks, analysed, source)
  }

  #refresh(): void {
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      void Promise.resolve(vscode.commands.executeCommand('markdown.preview.refresh')).catch((error: unknown) => {
        this.#log.error('display', 'Could not refresh the Markdown preview', error)
      })
    }, refreshDelay)
  }
}

/**
 * The text of an entry as markdown-it sees it, and its marks (made once).
 * @param entry
 *   An entry.
 * @returns
 *   Source and marks.
 */
function normalized(entry: Entry): {source: string; marks: Mark[]} {
  entry.normalized ??= normalizeSource(entry.text, marksOf(entry.result))
  return entry.normalized
}

/**
 * The document a render is for, from VS Code's render environment.
 * @param env
 *   The environment.
 * @returns
 *   Its URI, if it names one.
 */
function currentDocument(env: unknown): vscode.Uri | undefined {
  const value = env && typeof env === 'object' && 'currentDocument' in env ? env.currentDocument : undefined
  if (value instanceof vscode.Uri) return value
  // A URI of another copy of the API: its parts.
  if (value && typeof value === 'object' && 'scheme' in value && 'path' in value) return vscode.Uri.from(value as vscode.Uri)
  return undefined
}
