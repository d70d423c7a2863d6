/**
 * The one analysis per document version that every feature shares.
 *
 * - Results are cached by URI and version; hovers, the tree, symbols and
 *   diagnostics read the cache and never parse themselves.
 * - Typing schedules a new run after `newsmark.analysis.delay` ms (300), so
 *   dozens of edits in a row cost one analysis; a feature the reader asked
 *   for (a hover) runs it at once, automatic ones (the outline) wait for the
 *   scheduled run (`settled`).
 * - A run whose document changed or closed meanwhile is dropped (stale): its
 *   result is never cached nor shown.
 * - Each document is analysed in its own try/catch: one failing article
 *   never breaks the others; failures go to the log, one notification per
 *   cause.
 * - Documents over `newsmark.analysis.maxFileSize` are not read nor parsed.
 * - Results are kept only while their document is open.
 * - The core is loaded on the first analysis, not on activation.
 * - `onDidRun` reports every run and how it ended, for tests and the log.
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

/**
 * How a run ended: `done` (cached and shown), `skipped` (too large: not
 * parsed), `stale` (the document changed or closed, or the settings or the
 * core changed, while it ran: dropped), `failed` (the core threw: logged).
 */
export type RunOutcome = 'done' | 'skipped' | 'stale' | 'failed'

/** One run of the analysis of one document version. */
export interface RunEvent {
  readonly uri: vscode.Uri
  readonly version: number
  readonly outcome: RunOutcome
  /** Milliseconds from start to end. */
  readonly ms: number
}

const emptyResult: NewsmarkResult = {entities: [], dates: [], claims: []}

/** Shared, cached, debounced analysis of Markdown documents. */
export class Analyzer implements vscode.Disposable {
  readonly #log: Log
  #load: () => Promise<Core>
  #core: Promise<Core> | undefined
  readonly #cache = new Map<string, Analysis>()
  readonly #running = new Map<string, {version: number; promise: Promise<Analysis | undefined>}>()
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>()
  /** Callers of `settled` waiting for a scheduled run to start. */
  readonly #waiters = new Map<string, Array<() => void>>()
  readonly #onDidChange = new vscode.EventEmitter<vscode.Uri>()
  readonly #onDidRun = new vscode.EventEmitter<RunEvent>()
  readonly #disposables: vscode.Disposable[] = []
  /** Bumped when settings or the core change, so runs started before are dropped. */
  #generation = 0

  /** Fires when the analysis of a document changed: a new result, or none any more. */
  readonly onDidChange = this.#onDidChange.event
  /** Fires when a run ends, however it ended. */
  readonly onDidRun = this.#onDidRun.event

  /**
   * @param log
   *   Where failures go.
   * @param load
   *   Loads the core (default: a lazy import of `src/core`, which the build
   *   turns into `require('./extension-core.cjs')`, a bundle of its own, so
   *   that activation neither loads nor evaluates it). `useCore` swaps it.
   */
  constructor(log: Log, load: () => Promise<Core> = () => import('../core/index.ts')) {
    this.#log = log
    this.#load = load
    this.#disposables.push(
      this.#onDidChange,
      this.#onDidRun,
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
   * The analysis of the document's current version, once typing pauses: if a
   * run is scheduled (the reader is typing), wait for it rather than start
   * one now. For features VS Code calls on every edit (the outline).
   * @param document
   *   A Markdown document.
   * @param token
   *   Cancels the wait.
   * @returns
   *   The analysis, or `undefined` (see `get`, or cancelled).
   */
  async settled(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Analysis | undefined> {
    const key = document.uri.toString()
    while (this.#timers.has(key) && !document.isClosed) {
      if (token?.isCancellationRequested) return undefined
      await new Promise<void>((resolve) => {
        const cancelled = token?.onCancellationRequested(() => resolve())
        const waiters = this.#waiters.get(key) ?? []
        waiters.push(() => {
          cancelled?.dispose()
          resolve()
        })
        this.#waiters.set(key, waiters)
      })
    }
    if (token?.isCancellationRequested) return undefined
    return this.get(document)
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
   * Documents that have a cached result, a run or a scheduled run: only open
   * ones (for tests).
   * @returns
   *   Their URIs, as strings.
   */
  documents(): string[] {
    return [...new Set([...this.#cache.keys(), ...this.#running.keys(), ...[...this.#timers.keys()].filter(Boolean)])]
  }

  /**
   * Use another core until the returned disposable is disposed: results so
   * far are dropped and visible documents analysed again. For tests (a core
   * that fails or waits) and embedders.
   * @param load
   *   Loads the core.
   * @returns
   *   Restores the previous core.
   */
  useCore(load: () => Promise<Core>): vscode.Disposable {
    const previous = this.#load
    this.#load = load
    this.#core = undefined
    this.refresh()
    return new vscode.Disposable(() => {
      if (this.#load !== load) return
      this.#load = previous
      this.#core = undefined
      this.refresh()
    })
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
    if (!config.enabled || text.length > config.maxLength) return {result: emptyResult, messages: []}
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
    for (const key of [...this.#timers.keys()]) this.#cancelTimer(key)
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
        this.#wake(key)
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
    this.#wake(key)
  }

  /** Let `settled` callers waiting on `key`'s scheduled run go on. */
  #wake(key: string): void {
    const waiters = this.#waiters.get(key)
    this.#waiters.delete(key)
    for (const wake of waiters ?? []) wake()
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
    const started = performance.now()
    const end = (outcome: RunOutcome) =>
      this.#onDidRun.fire({uri: document.uri, version, outcome, ms: performance.now() - started})
    if (!config.enabled) {
      this.#forget(document.uri)
      return undefined
    }
    // The length without joining the text: a 50 MB document is not copied.
    const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end)
    let analysis: Analysis
    if (length > config.maxLength) {
      analysis = {
        uri: document.uri,
        version,
        result: emptyResult,
        messages: [],
        skipped: `${formatKiB(length)} is over newsmark.analysis.maxFileSize (${formatKiB(config.maxLength)})`
      }
    } else {
      // Read now: the text of `version`, whatever happens while the core loads.
      const text = document.getText()
      let core: Core
      try {
        core = await this.core()
      } catch (error) {
        this.#log.error('core', 'Could not load the Newsmark core', error)
        return this.#failed(document.uri, version, end)
      }
      try {
        const file = await core.analyze(toFile(text, document.uri), config.core)
        const result = file.data.newsmark ?? emptyResult
        analysis = {uri: document.uri, version, result, messages: file.messages}
      } catch (error) {
        this.#log.error('analysis', `Could not analyse ${document.uri.toString(true)}@${version}`, error)
        return this.#failed(document.uri, version, end)
      }
    }
    // Stale: typed over or closed while analysing, or settings or core changed;
    // a newer run takes over.
    if (document.isClosed || document.version !== version || generation !== this.#generation) {
      end('stale')
      return undefined
    }
    this.#cache.set(key, analysis)
    const {result, messages} = analysis
    this.#log.info(
      `${analysis.skipped ? 'Skipped' : 'Analysed'} ${vscode.workspace.asRelativePath(document.uri)}@${version} in ${Math.round(performance.now() - started)} ms: ` +
        (analysis.skipped ??
          `${result.entities.length} entities, ${result.dates.length} dates, ${result.claims.length} claims, ${messages.length} findings`)
    )
    end(analysis.skipped ? 'skipped' : 'done')
    this.#onDidChange.fire(document.uri)
    return analysis
  }

  /** A failed run: no older result stays cached or shown. */
  #failed(uri: vscode.Uri, version: number, end: (outcome: RunOutcome) => void): undefined {
    end('failed')
    const key = uri.toString()
    const cached = this.#cache.get(key)
    if (cached && cached.version <= version) {
      this.#cache.delete(key)
      this.#onDidChange.fire(uri)
    }
    return undefined
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
 * A size for people.
 * @param length
 *   Characters.
 * @returns
 *   For example `48,828 KiB`.
 */
function formatKiB(length: number): string {
  return `${Math.ceil(length / 1024).toLocaleString('en-US')} KiB`
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
