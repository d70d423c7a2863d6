/**
 * `.newsmarkrc` and the fact base, found from each article's folder upwards
 * by the core's `loadConfigAsync`, read through `workspace.fs`: rule
 * severities and facts for the analysis. Results are cached per folder and
 * dropped when a configuration or fact file changes (file system watchers),
 * which re-analyses the open articles. A broken file is not fatal: the
 * article is analysed with the defaults and the error is shown on it.
 *
 * A `facts:` path must stay inside the article's workspace folder (or the
 * configuration's folder), and every file is read within a size limit, only
 * if it is a regular file (`readLimited`). In a workspace that is not
 * trusted, no fact base is read at all, until the workspace is trusted.
 */
import * as vscode from 'vscode'
import type {ExportConfig, Options} from '../core/index.ts'
import type {ReadLimits} from '../core/config/load.ts'
import type {Core} from './core-types.ts'
import {basename, dirname, isNotFound, readText} from './files.ts'
import {localFiles} from './local-files.ts'
import type {Log} from './log.ts'
import {restrictedNote} from './settings-policy.ts'

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
  /** Which files are articles (`files:`), with the folder its globs start from. */
  readonly files?: {readonly include: readonly string[]; readonly exclude: readonly string[]; readonly folder: vscode.Uri}
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
    // The `.newsmark` folder too: a file written in a folder just made can
    // come before the watcher watches that folder, and its event is lost
    // (a fact base added with its folder was missed on a busy machine).
    for (const pattern of ['**/.newsmarkrc*', '**/.newsmark/facts.{yaml,yml}', '**/.newsmark']) {
      this.#watch(vscode.workspace.createFileSystemWatcher(pattern), this.#disposables)
    }
    if (!vscode.workspace.isTrusted) log.info(restrictedNote([])!)
    this.#disposables.push(
      // Trusted now: the fact bases are read (and the restricted settings apply).
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        log.info('The workspace is trusted now: reading its fact bases and settings, analysing again')
        this.#cache.clear()
        this.#onDidChange.fire(undefined)
      })
    )
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
    // A `facts:` path may lead anywhere in the article's workspace folder.
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri
    const root = folder && folder.scheme === uri.scheme && folder.authority === uri.authority ? folder.path : undefined
    try {
      // In Restricted Mode, no fact base: a repository chooses what it names.
      const trusted = vscode.workspace.isTrusted
      const {settings, configFile, factsFile, export: exported, files} = await core.loadConfigAsync(uri.path, (path, limits) => readLimited(at(path), limits, at, core), {root, facts: trusted})
      if (factsFile) this.#watchFacts(at(factsFile))
      const rules = Object.keys(settings.severities).length > 0 ? {rules: settings.severities} : {}
      const preset = settings.preset ? {preset: settings.preset} : {}
      const facts = settings.facts && settings.facts.length > 0 ? {facts: settings.facts} : {}
      return {
        options: {...preset, ...rules, ...facts},
        ...(exported ? {export: exported} : {}),
        ...(files ? {files: {include: files.include, exclude: files.exclude, folder: at(files.folder)}} : {}),
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
 * Read a configuration file or a fact base within the limits the core asks
 * for: a `file:` URI with the Node reader (a regular file, no larger than
 * the limit, not a symbolic link out of the folder it must stay in; a named
 * pipe does not block it); another scheme by its `stat` first (a file, no
 * larger than the limit, not a symbolic link when it must stay in a
 * folder).
 * @param uri
 *   The file.
 * @param limits
 *   What the core asks for.
 * @param at
 *   Turns a path into a URI.
 * @param core
 *   The core (its `ConfigError`).
 * @returns
 *   The text, or `undefined` when there is no such file.
 */
async function readLimited(uri: vscode.Uri, limits: Readonly<ReadLimits>, at: (path: string) => vscode.Uri, core: Core): Promise<string | undefined> {
  const local = localFiles(uri.scheme)
  if (local) {
    try {
      return await local.readBounded(uri.fsPath, {maxSize: limits.maxSize, ...(limits.within === undefined ? {} : {within: at(limits.within).fsPath})})
    } catch (error) {
      if (error instanceof local.BoundedReadError) throw new core.ConfigError(error.reason, uri.path)
      throw error
    }
  }

  let stat: vscode.FileStat
  try {
    stat = await vscode.workspace.fs.stat(uri)
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
  if (stat.type & vscode.FileType.Directory) return undefined
  if (!(stat.type & vscode.FileType.File)) throw new core.ConfigError('Unexpected special file, expected a regular file', uri.path)
  if (limits.within !== undefined && stat.type & vscode.FileType.SymbolicLink) {
    throw new core.ConfigError(`Unexpected symbolic link, expected a file inside \`${limits.within}\``, uri.path)
  }
  const tooLarge = () => new core.ConfigError(`Unexpected size, expected a file of at most ${limits.maxSize / 1024} KiB`, uri.path)
  if (stat.size > limits.maxSize) throw tooLarge()
  const text = await readText(uri)
  if (text !== undefined && text.length > limits.maxSize) throw tooLarge()
  return text
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
