/**
 * `.newsmarkrc` and the fact base, found from each article's folder upwards
 * by the core's `loadConfigAsync`, read through `workspace.fs`: rule
 * severities and facts for the analysis. Results are cached per folder and
 * dropped when a configuration or fact file changes (file system watchers),
 * which re-analyses the open articles. A broken file is not fatal: the
 * article is analysed with the defaults and the error is shown on it.
 */
import * as vscode from 'vscode'
import type {ExportConfig, Options} from '../core/index.ts'
import type {Core} from './analyzer.ts'
import {basename, dirname, readText} from './files.ts'
import type {Log} from './log.ts'

/** A problem with a file other than the article, shown on the article. */
export interface FileProblem {
  /** What is wrong, naming the file and the key. */
  readonly message: string
  /** The file at fault. */
  readonly uri: vscode.Uri
  /** Where in it, when known. */
  readonly range?: vscode.Range
}

/** What the configuration gives one article. */
export interface ArticleConfig {
  /** Core options: rule severities and the fact base. */
  readonly options: Pick<Options, 'rules' | 'facts'>
  /** Where exports say things are published (`export:`), if set. */
  readonly export?: ExportConfig
  /** Why the configuration could not be used, if it could not. */
  readonly problem?: FileProblem
  /** The `.newsmarkrc` used, if any. */
  readonly configFile?: vscode.Uri
  /** The fact base used, if any. */
  readonly factsFile?: vscode.Uri
}

/** Loads and caches `.newsmarkrc` and fact bases; fires when one changes. */
export class WorkspaceConfig implements vscode.Disposable {
  readonly #log: Log
  readonly #cache = new Map<string, Promise<ArticleConfig>>()
  /** Watchers of fact bases named by a `facts:` key, by URI. */
  readonly #factWatchers = new Map<string, vscode.Disposable>()
  readonly #onDidChange = new vscode.EventEmitter<vscode.Uri | undefined>()
  readonly #disposables: vscode.Disposable[] = [this.#onDidChange]

  /** Fires when a configuration or fact file changed: every article may be affected. */
  readonly onDidChange = this.#onDidChange.event

  /**
   * @param log
   *   Where loading problems are written.
   */
  constructor(log: Log) {
    this.#log = log
    for (const pattern of ['**/.newsmarkrc*', '**/.newsmark/facts.{yaml,yml}']) {
      this.#watch(vscode.workspace.createFileSystemWatcher(pattern), this.#disposables)
    }
  }

  /**
   * The configuration of an article.
   * @param uri
   *   The article.
   * @param core
   *   The loaded core.
   * @returns
   *   Options, and the problem if the files could not be used.
   */
  options(uri: vscode.Uri, core: Core): Promise<ArticleConfig> {
    if (uri.scheme === 'untitled') return Promise.resolve({options: {}})
    const key = uri.with({path: dirname(uri), query: '', fragment: ''}).toString()
    let loaded = this.#cache.get(key)
    if (!loaded) {
      loaded = this.#load(uri, core)
      this.#cache.set(key, loaded)
    }
    return loaded
  }

  dispose(): void {
    for (const watcher of this.#factWatchers.values()) watcher.dispose()
    for (const disposable of this.#disposables) disposable.dispose()
  }

  async #load(uri: vscode.Uri, core: Core): Promise<ArticleConfig> {
    const at = (path: string) => uri.with({path, query: '', fragment: ''})
    try {
      const {settings, configFile, factsFile, export: exported} = await core.loadConfigAsync(uri.path, (path) => readText(at(path)))
      if (factsFile) this.#watchFacts(at(factsFile))
      const rules = Object.keys(settings.severities).length > 0 ? {rules: settings.severities} : {}
      const facts = settings.facts && settings.facts.length > 0 ? {facts: settings.facts} : {}
      return {
        options: {...rules, ...facts},
        ...(exported ? {export: exported} : {}),
        ...(configFile ? {configFile: at(configFile)} : {}),
        ...(factsFile ? {factsFile: at(factsFile)} : {})
      }
    } catch (error) {
      const problem = toProblem(error, at)
      if (!problem) {
        // Unreadable (permissions, a provider failing): analyse with the defaults.
        this.#log.error('analysis', `Could not read the configuration of ${uri.toString(true)}`, error)
        return {options: {}}
      }
      this.#log.info(`Configuration not used: ${problem.message}`)
      // A fixed file must be read again, even if it is outside the watched folders.
      this.#watchFacts(problem.uri)
      return {options: {}, problem}
    }
  }

  /** Watch one more file (a fact base a `.newsmarkrc` names, anywhere). */
  #watchFacts(uri: vscode.Uri): void {
    const key = uri.toString()
    if (this.#factWatchers.has(key)) return
    const folder = uri.with({path: dirname(uri)})
    const disposables: vscode.Disposable[] = []
    this.#watch(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, basename(uri))), disposables)
    this.#factWatchers.set(key, vscode.Disposable.from(...disposables))
  }

  #watch(watcher: vscode.FileSystemWatcher, disposables: vscode.Disposable[]): void {
    const changed = (uri: vscode.Uri) => {
      this.#log.info(`${vscode.workspace.asRelativePath(uri)} changed: analysing again`)
      this.#cache.clear()
      this.#onDidChange.fire(undefined)
    }
    disposables.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed))
  }
}

/**
 * A `ConfigError` or `FactsError` from the core as a problem.
 * @param error
 *   What `loadConfigAsync` threw.
 * @param at
 *   Turns a path into a URI.
 * @returns
 *   The problem, or `undefined` for other errors.
 */
function toProblem(error: unknown, at: (path: string) => vscode.Uri): FileProblem | undefined {
  if (!(error instanceof Error) || !('file' in error) || typeof error.file !== 'string') return undefined
  if (error.name !== 'ConfigError' && error.name !== 'FactsError') return undefined
  const file = error.file
  const place = /^:(\d+):(\d+): /.exec(error.message.slice(file.length))
  const uri = at(file)
  const name = vscode.workspace.asRelativePath(uri)
  const message = name + error.message.slice(file.length)
  if (!place) return {message, uri}
  const position = new vscode.Position(Math.max(0, Number(place[1]) - 1), Math.max(0, Number(place[2]) - 1))
  return {message, uri, range: new vscode.Range(position, position)}
}
