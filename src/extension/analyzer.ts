/**
 * The one analysis per document version that every feature shares.
 *
 * - Results are cached by URI and version; hovers, the tree, symbols and
 *   diagnostics read the cache and never parse themselves.
 * - Typing schedules a new run after `newsmark.analysis.delay` ms (300);
 *   a feature that needs the current version now (a hover) runs it at once.
 * - A run whose document changed or closed meanwhile is dropped (stale).
 * - Each document is analysed in its own try/catch: one failing article
 *   never breaks the others.
 * - Results are kept only while their document is open.
 * - The core is loaded on the first analysis, not on activation.
 */
import * as vscode from 'vscode'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {analyze, countryFacts, NewsmarkResult} from '../core/index.ts'
import {affectsAnalysis, getConfig} from './config.ts'
import type {Log} from './log.ts'

/** The analysis of one version of one document. */
export interface Analysis {
  readonly uri: vscode.Uri
  /** The document version it was computed from. */
  readonly version: number
  /** Tags from the core. */
  readonly result: NewsmarkResult
  /** Findings from the core (`file.messages`). */
  readonly messages: readonly VFileMessage[]
  /** Why the document was not analysed (too large), if it was not. */
  readonly skipped?: string
}

/** What the extension uses of the core (injectable for tests). */
export interface Core {
  readonly analyze: typeof analyze
  readonly countryFacts: typeof countryFacts
}

const emptyResult: NewsmarkResult = {entities: [], dates: [], claims: []}

/** Shared, cached, debounced analysis of Markdown documents. */
export class Analyzer implements vscode.Disposable {
  readonly #log: Log
  readonly #load: () => Promise<Core>
  #core: Promise<Core> | undefined
  readonly #cache = new Map<string, Analysis>()
  readonly #running = new Map<string, {version: number; promise: Promise<Analysis | undefined>}>()
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>()
  readonly #onDidChange = new vscode.EventEmitter<vscode.Uri>()
  readonly #disposables: vscode.Disposable[] = []
  /** Bumped when settings change, so runs started before are dropped. */
  #generation = 0

  /** Fires when the analysis of a document changed: a new result, or none any more. */
  readonly onDidChange = this.#onDidChange.event

  /**
   * @param log
   *   Where failures go.
   * @param load
   *   Loads the core (default: a lazy import of `src/core`, so that
   *   activation does not evaluate it).
   */
  constructor(log: Log, load: () => Promise<Core> = () => import('../core/index.ts')) {
    this.#log = log
    this.#load = load
    this.#disposables.push(
      this.#onDidChange,
      vscode.window.onDidChangeVisibleTextEditors(() => this.#scheduleVisible()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        const key = event.document.uri.toString()
        const known = this.#cache.has(key) || this.#running.has(key) || isVisible(event.document)
        if (event.contentChanges.length > 0 && known && isMarkdown(event.document)) {
          this.#schedule(event.document, getConfig(event.document).delay)
        }
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.#forget(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsAnalysis(event)) this.refresh()
      })
    )
    // After activation returns: documents already visible get analysed.
    this.#schedule(undefined, 0)
  }

  /**
   * The analysis of the document's current version, running it now if needed.
   * @param document
   *   A Markdown document.
   * @returns
   *   The analysis, or `undefined` when the document is not analysed (not
   *   Markdown, turned off, failed, or changed while analysing).
   */
  async get(document: vscode.TextDocument): Promise<Analysis | undefined> {
    if (!isMarkdown(document)) return undefined
    const cached = this.peek(document)
    if (cached) return cached
    this.#cancelTimer(document.uri.toString())
    return this.#run(document)
  }

  /**
   * The cached analysis of the document's current version, without running.
   * @param document
   *   Any document.
   * @returns
   *   The analysis if it is up to date.
   */
  peek(document: vscode.TextDocument): Analysis | undefined {
    const cached = this.#cache.get(document.uri.toString())
    return cached && cached.version === document.version ? cached : undefined
  }

  /**
   * The last analysis of a document, possibly of an older version.
   * @param uri
   *   The document.
   * @returns
   *   The analysis, if any.
   */
  latest(uri: vscode.Uri): Analysis | undefined {
    return this.#cache.get(uri.toString())
  }

  /**
   * Analyse Markdown that is not open in an editor (another file of the
   * workspace); nothing is cached.
   * @param text
   *   The Markdown.
   * @param uri
   *   Where it comes from.
   * @returns
   *   Tags and findings.
   */
  async analyzeText(text: string, uri: vscode.Uri): Promise<{result: NewsmarkResult; messages: readonly VFileMessage[]}> {
    const config = getConfig(uri)
    if (text.length > config.maxLength) return {result: emptyResult, messages: []}
    const {analyze} = await this.core()
    const file = await analyze(toFile(text, uri), config.core)
    return {result: file.data.newsmark ?? emptyResult, messages: file.messages}
  }

  /** Drop every cached result and analyse the visible documents again. */
  refresh(): void {
    const uris = [...this.#cache.values()].map((analysis) => analysis.uri)
    this.#generation++
    this.#cache.clear()
    this.#running.clear()
    for (const uri of uris) this.#onDidChange.fire(uri)
    this.#schedule(undefined, 0)
  }

  dispose(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer)
    this.#timers.clear()
    this.#cache.clear()
    this.#running.clear()
    for (const disposable of this.#disposables) disposable.dispose()
  }

  /**
   * Run the analysis of `document` (or of all visible documents) later.
   * @param document
   *   The document, or `undefined` for the visible ones.
   * @param delay
   *   Milliseconds.
   */
  #schedule(document: vscode.TextDocument | undefined, delay: number): void {
    const key = document ? document.uri.toString() : ''
    this.#cancelTimer(key)
    this.#timers.set(
      key,
      setTimeout(() => {
        this.#timers.delete(key)
        if (!document) this.#scheduleVisible()
        else if (!document.isClosed && !this.peek(document)) void this.#run(document)
      }, delay)
    )
  }

  #scheduleVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const document = editor.document
      const key = document.uri.toString()
      if (isMarkdown(document) && !this.peek(document) && !this.#timers.has(key)) {
        this.#schedule(document, 0)
      }
    }
  }

  #cancelTimer(key: string): void {
    const timer = this.#timers.get(key)
    if (timer !== undefined) clearTimeout(timer)
    this.#timers.delete(key)
  }

  #run(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const key = document.uri.toString()
    const version = document.version
    const running = this.#running.get(key)
    if (running && running.version === version) return running.promise
    const promise = this.#analyze(document, version).finally(() => {
      if (this.#running.get(key)?.promise === promise) this.#running.delete(key)
    })
    this.#running.set(key, {version, promise})
    return promise
  }

  async #analyze(document: vscode.TextDocument, version: number): Promise<Analysis | undefined> {
    const key = document.uri.toString()
    const generation = this.#generation
    const config = getConfig(document)
    const text = document.getText()
    let analysis: Analysis
    if (!config.enabled) {
      this.#forget(document.uri)
      return undefined
    }
    if (text.length > config.maxLength) {
      const size = `${Math.round(text.length / 1024)} KiB`
      analysis = {
        uri: document.uri,
        version,
        result: emptyResult,
        messages: [],
        skipped: `${size} is over newsmark.analysis.maxFileSize (${Math.round(config.maxLength / 1024)} KiB)`
      }
    } else {
      try {
        const started = performance.now()
        const {analyze} = await this.core()
        const file = await analyze(toFile(text, document.uri), config.core)
        const result = file.data.newsmark ?? emptyResult
        analysis = {uri: document.uri, version, result, messages: file.messages}
        this.#log.info(
          `Analysed ${vscode.workspace.asRelativePath(document.uri)}@${version} in ${Math.round(performance.now() - started)} ms: ` +
            `${result.entities.length} entities, ${result.dates.length} dates, ${result.claims.length} claims, ${file.messages.length} findings`
        )
      } catch (error) {
        this.#log.error(`Could not analyse ${document.uri.toString(true)}`, error)
        this.#log.notifyOnce('analysis-failed', 'Newsmark could not analyse a document; see the log for details.')
        if (this.#cache.delete(key)) this.#onDidChange.fire(document.uri)
        return undefined
      }
    }
    // Stale: typed over or closed while analysing; a newer run takes over.
    if (document.isClosed || document.version !== version || generation !== this.#generation) {
      return undefined
    }
    this.#cache.set(key, analysis)
    this.#onDidChange.fire(document.uri)
    return analysis
  }

  /**
   * The core, loaded on first use.
   * @returns
   *   Its functions.
   */
  core(): Promise<Core> {
    if (!this.#core) {
      this.#core = this.#load()
      // Let a failed load be retried on the next analysis.
      this.#core.catch(() => {
        this.#core = undefined
      })
    }
    return this.#core
  }

  #forget(uri: vscode.Uri): void {
    const key = uri.toString()
    this.#cancelTimer(key)
    this.#running.delete(key)
    if (this.#cache.delete(key)) this.#onDidChange.fire(uri)
  }
}

/**
 * Whether a document is one Newsmark reads.
 * @param document
 *   Any document.
 * @returns
 *   `true` for open Markdown documents.
 */
export function isMarkdown(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && !document.isClosed
}

function isVisible(document: vscode.TextDocument): boolean {
  return vscode.window.visibleTextEditors.some((editor) => editor.document === document)
}

function toFile(value: string, uri: vscode.Uri): VFile {
  return new VFile({value, path: uri.scheme === 'file' ? uri.fsPath : uri.toString(true)})
}
