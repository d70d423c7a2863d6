/**
 * The one analysis per document version that every feature shares.
 *
 * - Results are cached by URI and version; hovers, the tree, symbols and
 *   diagnostics read the cache and never parse themselves.
 * - Typing schedules a new run after `newsmark.analysis.delay` ms (300), or
 *   after as long as the document's last core run took when that is longer
 *   (a 1 MB article), so dozens of edits in a row cost one analysis and a
 *   long article does not keep the extension host busy while the reader
 *   types; a feature the reader asked
 *   for (a hover) runs it at once, automatic ones (the outline) wait for the
 *   scheduled run (`settled`).
 * - A run whose document changed or closed meanwhile is dropped (stale): its
 *   result is never cached nor shown.
 * - Each document is analysed in its own try/catch: one failing article
 *   never breaks the others; failures go to the log, one notification per
 *   cause.
 * - Documents over `newsmark.analysis.maxFileSize` are not read nor parsed.
 * - Results are kept only while their document is open, and so is the
 *   core's last tree of it (for parsing only what an edit changed).
 * - The core is loaded on the first analysis, not on activation. The
 *   extension passes a core whose `analyze` runs in a worker thread
 *   (`AnalysisWorker`); one that runs past `newsmark.analysis.timeout` is
 *   stopped, and its document skipped as a too large one is.
 * - Around the core run two stages: `.newsmarkrc` rules and facts go in
 *   (`WorkspaceConfig`), and the reader's annotations are re-anchored and
 *   applied to what comes out (`AnnotationStore`); when only annotations
 *   change, only that cheap second stage runs again (`reapply`).
 * - `onDidRun` reports every run and how it ended, for tests and the log.
 */
import * as vscode from 'vscode'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {NewsmarkResult, ReviewedResult} from '../core/index.ts'
import {reviewSignature, type AnnotationStore, type Review} from './annotation-store.ts'
import {affectsAnalysis, getConfig} from './config.ts'
import {AnalysisStopped} from '../core/worker-protocol.ts'
import {excluded, included, leftOutByConfig, stopped, tooLarge, type Skip} from './skip.ts'
import {inThisThread, type Core} from './core-types.ts'
import type {Log} from './log.ts'
import type {FileProblem, WorkspaceConfig} from './workspace-config.ts'

/** The analysis of one version of one document. */
export interface Analysis {
  readonly uri: vscode.Uri
  /** The document version it was computed from. */
  readonly version: number
  /** Tags from the core, with the reader's annotations applied. */
  readonly result: ReviewedResult
  /** Tags from the core as it found them. */
  readonly machine: NewsmarkResult
  /** Findings from the core (`file.messages`). */
  readonly messages: readonly VFileMessage[]
  /** The reader's annotations, anchored in this version. */
  readonly review: Review
  /** Why `.newsmarkrc` or the fact base could not be used, if so. */
  readonly configProblem?: FileProblem
  /** Why the document was not analysed (too large, or too slow), if it was not. */
  readonly skipped?: Skip
}

export type {Skip} from './skip.ts'
export {skipSettings} from './skip.ts'

export type {Core, HostCore} from './core-types.ts'

/** What runs around the core, each provided by its own feature. */
export interface Stages {
  /** `.newsmarkrc` rules and the fact base. */
  readonly config?: WorkspaceConfig
  /** The reader's annotations. */
  readonly annotations?: AnnotationStore
}

/**
 * How a run ended: `done` (cached and shown), `skipped` (too large: not
 * parsed; or stopped past `newsmark.analysis.timeout`), `stale` (the
 * document changed or closed, or the settings or the core changed, while
 * it ran: dropped), `failed` (the core threw: logged).
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
const emptyReview: Review = {result: {entities: [], dates: [], claims: [], unapplied: []}, anchored: [], orphans: [], sidecarProblems: [], directiveProblems: [], messages: []}

/** Shared, cached, debounced analysis of Markdown documents. */
export class Analyzer implements vscode.Disposable {
  readonly #log: Log
  readonly #stages: Stages
  #load: () => Promise<Core>
  #core: Promise<Core> | undefined
  readonly #cache = new Map<string, Analysis>()
  /** Cached results from before the last `refresh`: shown until replaced, never current. */
  readonly #stale = new Set<string>()
  readonly #running = new Map<string, {version: number; promise: Promise<Analysis | undefined>}>()
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>()
  /** Callers of `settled` waiting for a scheduled run to start. */
  readonly #waiters = new Map<string, Array<() => void>>()
  /**
   * The last review (`reapply`) asked for, per document: only it may replace
   * the cached result, however the reviews' ends are ordered.
   */
  readonly #reviews = new Map<string, number>()
  /** How long the last core run of each document took (ms). */
  readonly #durations = new Map<string, number>()
  #reviewCount = 0
  readonly #onDidChange = new vscode.EventEmitter<vscode.Uri>()
  readonly #onDidRun = new vscode.EventEmitter<RunEvent>()
  readonly #disposables: vscode.Disposable[] = []
  /** Bumped when settings or the core change, so runs started before are dropped. */
  #generation = 0
  /** Folders of Markdown that is no article (`ignoreFolder`), as URI prefixes. */
  readonly #ignored: string[] = []

  /** Fires when the analysis of a document changed: a new result, or none any more. */
  readonly onDidChange = this.#onDidChange.event
  /** Fires when a run ends, however it ended. */
  readonly onDidRun = this.#onDidRun.event

  /**
   * @param log
   *   Where failures go.
   * @param stages
   *   What runs around the core (default: nothing; annotations not applied).
   * @param load
   *   Loads the core (default: a lazy import of `src/core`, which the build
   *   turns into `require('./extension-core.cjs')`, a bundle of its own, so
   *   that activation neither loads nor evaluates it; the extension passes
   *   `src/core/host.ts` with a worker's analysis). `useCore` swaps it.
   */
  constructor(log: Log, stages: Stages = {}, load: () => Promise<Core> = async () => inThisThread(await import('../core/index.ts'))) {
    this.#log = log
    this.#stages = stages
    this.#load = load
    if (stages.config) this.#disposables.push(stages.config.onDidChange(() => this.refresh()))
    if (stages.annotations) this.#disposables.push(stages.annotations.onDidChange((uri) => this.reapply(uri)))
    this.#disposables.push(
      this.#onDidChange,
      this.#onDidRun,
      vscode.window.onDidChangeVisibleTextEditors(() => this.#scheduleVisible()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        const key = event.document.uri.toString()
        const known = this.#cache.has(key) || this.#running.has(key) || isVisible(event.document)
        if (event.contentChanges.length > 0 && known && this.reads(event.document)) {
          this.#schedule(event.document, Math.max(getConfig(event.document).delay, this.#durations.get(key) ?? 0))
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
   * Whether a document is one Newsmark reads: an open Markdown document
   * outside the folders left alone.
   * @param document
   *   Any document.
   * @returns
   *   Whether it is.
   */
  reads(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'markdown' || document.isClosed) return false
    const uri = document.uri.toString()
    return !this.#ignored.some((folder) => uri.startsWith(folder))
  }

  /**
   * Leave a folder's Markdown alone: the extension's own documentation, which
   * a finding's rule link opens (its examples are findings on purpose).
   * @param folder
   *   The folder.
   */
  ignoreFolder(folder: vscode.Uri): void {
    this.#ignored.push(folder.toString().replace(/\/?$/, '/'))
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
    if (!this.reads(document)) return undefined
    // A run dropped because settings or a configuration file changed meanwhile
    // (not the document) is run again, a few times at most.
    for (let attempt = 0; attempt < 3; attempt++) {
      const cached = this.peek(document)
      if (cached) return cached
      this.#cancelTimer(document.uri.toString())
      const {version} = document
      const generation = this.#generation
      const analysis = await this.#run(document)
      if (analysis || document.isClosed || document.version !== version || generation === this.#generation) return analysis
    }
    return undefined
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
    const key = document.uri.toString()
    const cached = this.#cache.get(key)
    return cached && cached.version === document.version && !this.#stale.has(key) ? cached : undefined
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
    this.#reset()
    return new vscode.Disposable(() => {
      if (this.#load !== load) return
      this.#load = previous
      this.#core = undefined
      this.#reset()
    })
  }

  /**
   * Analyse Markdown that is not open in an editor (another file of the
   * workspace); nothing is cached. Nothing is found in a file over
   * `newsmark.analysis.maxFileSize` or whose analysis ran past
   * `newsmark.analysis.timeout`, as in an open one.
   * @param text
   *   The Markdown.
   * @param uri
   *   Where it comes from.
   * @returns
   *   Tags and findings.
   */
  async analyzeText(text: string, uri: vscode.Uri): Promise<{result: NewsmarkResult; messages: readonly VFileMessage[]; skipped?: Skip}> {
    const config = getConfig(uri)
    if (!config.enabled) return {result: emptyResult, messages: []}
    if (text.length > config.maxLength) return {result: emptyResult, messages: [], skipped: tooLarge(text.length, config.maxLength)}
    const core = await this.core()
    const extra = await this.#stages.config?.options(uri, core)
    let file: VFile
    try {
      file = await core.analyze(toFile(text, uri), {...config.core, ...extra?.options})
    } catch (error) {
      if (!(error instanceof AnalysisStopped)) throw error
      this.#log.info(`Skipped ${vscode.workspace.asRelativePath(uri)}: ${error.message}`)
      return {result: emptyResult, messages: [], skipped: stopped(error)}
    }
    // Nor kept by the core, unless the file is open meanwhile.
    if (!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) this.#forgetParsed(uri)
    return {result: file.data.newsmark ?? emptyResult, messages: file.messages}
  }

  /**
   * Apply the reader's annotations again, without running the core: after a
   * sidecar changed (a command, an edit on disk). Cheap: re-anchoring only.
   * @param uri
   *   The article, or `undefined` for every analysed one.
   */
  reapply(uri: vscode.Uri | undefined): void {
    const keys = uri ? [uri.toString()] : [...this.#cache.keys()]
    for (const key of keys) {
      const document = vscode.workspace.textDocuments.find((item) => item.uri.toString() === key)
      if (!document) continue
      // A run in progress may have read the annotations before they changed.
      void this.#running.get(key)?.promise.then(() => this.#reapply(document))
      void this.#reapply(document)
    }
  }

  async #reapply(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString()
    // A review asked for later reads the annotations as they are then, so it
    // wins even when it ends first, and an earlier one that ends after it
    // (it waited longer for the workspace-wide rejections, say) is dropped.
    // Keeping whichever ends first instead lost the newest annotations.
    const cached = this.peek(document)
    // Nothing to review: no ticket, so a review in flight still lands.
    if (!cached || cached.skipped) return
    const ticket = ++this.#reviewCount
    this.#reviews.set(key, ticket)
    const generation = this.#generation
    let review: Review
    try {
      review = await this.#review(document.uri, document.getText(), cached.machine, await this.core())
    } catch (error) {
      if (this.#reviews.get(key) === ticket) this.#reviews.delete(key)
      this.#log.error('analysis', `Could not apply the annotations of ${document.uri.toString(true)}`, error)
      return
    }
    if (this.#reviews.get(key) !== ticket) return
    this.#reviews.delete(key)
    // Still the same core run of the same version (another review may have
    // replaced the result meanwhile: an older one, since this is the last).
    const current = this.#cache.get(key)
    if (!current || current.machine !== cached.machine || document.version !== cached.version || generation !== this.#generation) return
    // Nothing changed (a rejection elsewhere, a sidecar written as it was):
    // no refresh of every view.
    if (reviewSignature(review) === reviewSignature(current.review)) return
    this.#cache.set(key, {...current, result: review.result, review})
    this.#onDidChange.fire(document.uri)
  }

  async #review(uri: vscode.Uri, text: string, machine: NewsmarkResult, core: Core): Promise<Review> {
    try {
      if (this.#stages.annotations) return await this.#stages.annotations.review(uri, text, machine, core)
    } catch (error) {
      // The tags are still worth showing without the annotations.
      this.#log.error('analysis', `Could not apply the annotations of ${uri.toString(true)}`, error)
    }
    return {...emptyReview, result: core.applyAnnotations(machine, [])}
  }

  /**
   * Analyse the visible documents again (settings or a configuration file
   * changed). Until their new results land, views keep showing the last ones
   * (`latest`; `peek` no longer returns them), so the sidebar does not fall
   * back to its welcome view in between. Other documents' results are
   * dropped: nothing analyses them again until they are shown.
   */
  refresh(): void {
    this.#generation++
    this.#running.clear()
    this.#reviews.clear()
    const shown = new Set(
      vscode.window.visibleTextEditors.filter((editor) => this.reads(editor.document)).map((editor) => editor.document.uri.toString())
    )
    for (const [key, analysis] of [...this.#cache]) {
      if (shown.has(key)) {
        this.#stale.add(key)
      } else {
        this.#cache.delete(key)
        this.#stale.delete(key)
        this.#onDidChange.fire(analysis.uri)
      }
    }
    this.#schedule(undefined, 0)
  }

  /** Drop every cached result, and analyse the visible documents again. */
  #reset(): void {
    const uris = [...this.#cache.values()].map((analysis) => analysis.uri)
    this.#generation++
    this.#cache.clear()
    this.#stale.clear()
    this.#running.clear()
    this.#reviews.clear()
    for (const uri of uris) this.#onDidChange.fire(uri)
    this.#schedule(undefined, 0)
  }

  dispose(): void {
    for (const key of [...this.#timers.keys()]) this.#cancelTimer(key)
    this.#cache.clear()
    this.#stale.clear()
    this.#running.clear()
    this.#reviews.clear()
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
    // A result kept from before a refresh is shown only while its document
    // is, and analysed again: hidden meanwhile, it is dropped as the others
    // were (not left with findings under the old settings).
    if (this.#stale.size > 0) {
      const shown = new Set(vscode.window.visibleTextEditors.map((editor) => editor.document.uri.toString()))
      for (const key of [...this.#stale]) {
        if (shown.has(key)) continue
        const analysis = this.#cache.get(key)
        this.#stale.delete(key)
        this.#cache.delete(key)
        if (analysis) this.#onDidChange.fire(analysis.uri)
      }
    }

    for (const editor of vscode.window.visibleTextEditors) {
      const document = editor.document
      const key = document.uri.toString()
      if (this.reads(document) && !this.peek(document) && !this.#timers.has(key)) {
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
    const excludedBy = excluded(document, config.exclude)
    if (excludedBy) {
      analysis = skippedAnalysis(document.uri, version, {reason: `it matches \`${excludedBy}\` in newsmark.files.exclude (a project document, not an article)`, setting: 'newsmark.files.exclude'})
    } else if (!included(document, config.include)) {
      analysis = skippedAnalysis(document.uri, version, {reason: 'it matches none of the globs of newsmark.files.include', setting: 'newsmark.files.include'})
    } else if (length > config.maxLength) {
      analysis = skippedAnalysis(document.uri, version, tooLarge(length, config.maxLength))
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
        // What the review will read, read while the configuration loads and
        // the core runs (not for a document closed while the core loaded:
        // nothing would drop its sidecar from the cache).
        if (!document.isClosed) this.#stages.annotations?.prefetch(document.uri, text, core)
        const extra = await this.#stages.config?.options(document.uri, core)
        const leftOut = extra?.files && extra.configFile ? leftOutByConfig(document, extra.files) : undefined
        if (leftOut && extra?.configFile) {
          analysis = skippedAnalysis(document.uri, version, {reason: `${leftOut} of ${vscode.workspace.asRelativePath(extra.configFile)}`, configFile: extra.configFile})
        } else {
          const coreStarted = performance.now()
          const file = await core.analyze(toFile(text, document.uri), {...config.core, ...extra?.options})
          this.#durations.set(key, performance.now() - coreStarted)
          const machine = file.data.newsmark ?? emptyResult
          const review = await this.#review(document.uri, text, machine, core)
          analysis = {
            uri: document.uri,
            version,
            result: review.result,
            machine,
            messages: file.messages,
            review,
            ...(extra?.problem ? {configProblem: extra.problem} : {})
          }
        }
      } catch (error) {
        if (!(error instanceof AnalysisStopped)) {
          this.#log.error('analysis', `Could not analyse ${document.uri.toString(true)}@${version}`, error)
          return this.#failed(document.uri, version, end)
        }
        // The next run of this document waits as long, not to stop again at once.
        this.#durations.set(key, error.seconds * 1000)
        analysis = skippedAnalysis(document.uri, version, stopped(error))
      }
    }
    // Stale: typed over or closed while analysing, or settings or core changed;
    // a newer run takes over.
    if (document.isClosed || document.version !== version || generation !== this.#generation) {
      // Closed while the core ran: the tree it kept goes too.
      if (document.isClosed) this.#forgetParsed(document.uri)
      end('stale')
      return undefined
    }
    this.#cache.set(key, analysis)
    this.#stale.delete(key)
    const {result, messages} = analysis
    this.#log.info(
      `${analysis.skipped ? 'Skipped' : 'Analysed'} ${vscode.workspace.asRelativePath(document.uri)}@${version} in ${Math.round(performance.now() - started)} ms: ` +
        (analysis.skipped?.reason ??
          `${result.entities.length} entities, ${result.dates.length} dates, ${result.claims.length} claims, ${messages.length} findings` +
            (analysis.review.anchored.length + analysis.review.orphans.length > 0
              ? `, ${analysis.review.anchored.length} annotations placed, ${analysis.review.orphans.length} orphaned`
              : ''))
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
      this.#stale.delete(key)
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
    this.#reviews.delete(key)
    this.#durations.delete(key)
    this.#stale.delete(key)
    if (this.#cache.delete(key)) this.#onDidChange.fire(uri)
    this.#forgetParsed(uri)
  }

  /**
   * Let the core forget the last tree it keeps of a document for its next
   * analysis (it keeps a few: only open documents').
   * @param uri
   *   The document.
   */
  #forgetParsed(uri: vscode.Uri): void {
    // A core never loaded (or failed to load) keeps nothing: not loaded for this.
    void this.#core?.then(
      (core) => {
        try {
          core.forget(documentPath(uri))
        } catch (error) {
          this.#log.info(`Could not drop the parse of ${uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`)
        }
      },
      () => undefined
    )
  }
}

/**
 * The analysis of a document that was not analysed: no tags, no findings.
 * @param uri
 *   The document.
 * @param version
 *   Its version.
 * @param skipped
 *   Why.
 * @returns
 *   Analysis.
 */
function skippedAnalysis(uri: vscode.Uri, version: number, skipped: Skip): Analysis {
  return {uri, version, result: emptyReview.result, machine: emptyResult, messages: [], review: emptyReview, skipped}
}

function isVisible(document: vscode.TextDocument): boolean {
  return vscode.window.visibleTextEditors.some((editor) => editor.document === document)
}

function toFile(value: string, uri: vscode.Uri): VFile {
  return new VFile({value, path: documentPath(uri)})
}

/**
 * Whether a path the core knows a document by is that of a document open
 * in an editor.
 * @param path
 *   Path (`documentPath`).
 * @returns
 *   Whether it is.
 */
export function isOpenPath(path: string): boolean {
  return vscode.workspace.textDocuments.some((document) => documentPath(document.uri) === path)
}

/**
 * The path the core knows a document by (`file.path`).
 * @param uri
 *   The document.
 * @returns
 *   Its file system path, or its URI for other schemes (`untitled:…`).
 */
function documentPath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true)
}
