/**
 * Finding the configuration of an article without touching the file
 * system: the caller passes a reader (`fs` in Node, `workspace.fs` in the
 * editor), so the core stays free of both.
 *
 * From the article’s folder upwards, the first folder with a
 * `.newsmarkrc`, `.newsmarkrc.json`, `.newsmarkrc.yaml` or
 * `.newsmarkrc.yml` gives the configuration (the nearest wins; they are not
 * merged). The fact base is the file its `facts` names (relative to it),
 * else the nearest `.newsmark/facts.yaml` (or `.yml`) upwards.
 *
 * A repository chooses what `facts` names, so it must stay inside the
 * repository: an absolute path, or one whose `..` leaves the configuration
 * file’s folder (or `root`, the workspace folder, when the configuration
 * is in it), is refused with a `ConfigError`. Each read says which folder
 * the file must resolve inside (`within`: a reader on a real file system
 * refuses a symbolic link that leads out of it) and how large it may be
 * (`maxSize`): a reader must refuse what is larger, or not a regular file
 * (`/dev/zero`, a named pipe), rather than read it.
 *
 * Paths are strings with `/` (or `\` on Windows) separators; nothing is
 * resolved against a working directory, so pass absolute paths.
 */
import {parseFacts} from '../facts/parse.ts'
import type {Options} from '../options.ts'
import {defaultPreset} from '../rules/presets.ts'
import type {RuleSettings} from '../rules/index.ts'
import {ConfigError, parseConfig, type ExportConfig, type FilesConfig} from './validate.ts'

/** Names of configuration files, in the order they are tried in a folder. */
export const configNames: ReadonlyArray<string> = ['.newsmarkrc', '.newsmarkrc.json', '.newsmarkrc.yaml', '.newsmarkrc.yml']

/** Paths of the fact base tried in each folder when the config names none. */
export const factsNames: ReadonlyArray<string> = ['.newsmark/facts.yaml', '.newsmark/facts.yml']

/** Largest configuration file read, in bytes. */
export const maxConfigSize = 1024 * 1024

/** Largest fact base read, in bytes. */
export const maxFactsSize = 16 * 1024 * 1024

/** What a read must hold to. */
export interface ReadLimits {
  /** Largest size, in bytes: refuse (throw) a larger file. */
  maxSize: number
  /**
   * A folder the file must be inside once symbolic links are resolved:
   * refuse (throw) one that leads out of it (default: no such folder).
   */
  within?: string | undefined
}

/**
 * Reads a file: its text, or `undefined` when it does not exist; throws
 * for a file it must refuse (see `ReadLimits`).
 */
export type Reader = (path: string, limits: Readonly<ReadLimits>) => string | undefined

/** Reads a file asynchronously. */
export type AsyncReader = (path: string, limits: Readonly<ReadLimits>) => Promise<string | undefined>

/** Configuration of `loadConfig`. */
export interface LoadOptions {
  /**
   * The workspace folder (default: none): a `facts` path may lead anywhere
   * inside it, not only inside the configuration file’s folder.
   */
  root?: string | null | undefined
  /**
   * Whether to load a fact base at all (default: `true`); `false` in a
   * workspace that is not trusted.
   */
  facts?: boolean | null | undefined
}

/** A read the search asks for. */
interface Request extends ReadLimits {
  path: string
}

/** The configuration found for an article. */
export interface LoadedConfig {
  /** Rule settings for `runRules` (severities and facts). */
  settings: RuleSettings & {severities: Record<string, 'off' | 'info' | 'warning' | 'error'>}
  /** Where exports say things are published (`export` in the file), if set. */
  export?: ExportConfig
  /**
   * Which Markdown files are articles (`files` in the file), if set, with
   * the folder its globs are relative to.
   */
  files?: FilesConfig & {folder: string}
  /** The configuration file used, if any. */
  configFile?: string
  /** The fact base used, if any. */
  factsFile?: string
}

/**
 * Load the configuration and fact base of an article.
 *
 * @param file
 *   Absolute path of the article (or of a folder, with a trailing `/`).
 * @param read
 *   Reader.
 * @param options
 *   Configuration.
 * @returns
 *   Settings and the files they came from.
 * @throws {ConfigError}
 *   When the configuration is invalid, or names a missing fact base or one
 *   outside its folder.
 * @throws {FactsError}
 *   When the fact base is invalid.
 */
export function loadConfig(file: string, read: Reader, options?: Readonly<LoadOptions> | null): LoadedConfig {
  const steps = plan(file, options)
  let step = steps.next()
  while (!step.done) step = steps.next(read(step.value.path, limitsOf(step.value)))
  return step.value
}

/**
 * Load the configuration and fact base of an article, reading
 * asynchronously (the editor’s `workspace.fs`).
 *
 * @param file
 *   Absolute path of the article.
 * @param read
 *   Asynchronous reader.
 * @param options
 *   Configuration.
 * @returns
 *   Settings and the files they came from.
 */
export async function loadConfigAsync(file: string, read: AsyncReader, options?: Readonly<LoadOptions> | null): Promise<LoadedConfig> {
  // Every file the search may look for, asked for at once: in the editor
  // each read is a round trip, and a search up to the root that finds
  // nothing makes two dozen. The search then runs over the answers as
  // before (a failed read fails only if the search comes to it).
  const answers = new Map<string, Promise<{text: string | undefined} | {error: unknown}>>()
  for (const request of candidates(file, options?.facts !== false)) {
    answers.set(
      key(request),
      read(request.path, limitsOf(request)).then(
        (text) => ({text}),
        (error: unknown) => ({error})
      )
    )
  }

  const steps = plan(file, options)
  let step = steps.next()
  while (!step.done) {
    const answer = answers.get(key(step.value))
    if (!answer) {
      step = steps.next(await read(step.value.path, limitsOf(step.value)))
      continue
    }

    const got = await answer
    if ('error' in got) throw got.error
    step = steps.next(got.text)
  }

  return step.value
}

/**
 * The reads the search may ask for, whatever it finds (`plan` asks for
 * them in this order, and for a fact base a configuration names besides).
 *
 * @param file
 *   Path of the article.
 * @param facts
 *   Whether fact bases are looked for.
 * @returns
 *   Requests.
 */
function candidates(file: string, facts: boolean): Request[] {
  const separator = separatorOf(file)
  const folders = ancestors(file, separator)
  return [
    ...folders.flatMap((folder) => configPaths(folder, separator).map((path) => configRequest(path))),
    ...(facts ? folders.flatMap((folder) => factsPaths(folder, separator).map((path) => factsRequest(path, folder, separator))) : [])
  ]
}

/** A request for a configuration file. */
function configRequest(path: string): Request {
  return {path, maxSize: maxConfigSize}
}

/** A request for a fact base that must resolve inside `within`. */
function factsRequest(path: string, within: string, separator: string): Request {
  // The root folder is `` (or `C:`) in `ancestors`: as a folder, `/` (`C:\`).
  return {path, maxSize: maxFactsSize, within: within === '' || /^[A-Za-z]:$/.test(within) ? within + separator : within}
}

/** The limits of a request, for the reader. */
function limitsOf(request: Request): ReadLimits {
  return request.within === undefined ? {maxSize: request.maxSize} : {maxSize: request.maxSize, within: request.within}
}

/** A request as a map key (one path may be asked for with other limits). */
function key(request: Request): string {
  return JSON.stringify([request.path, request.maxSize, request.within ?? null])
}

/**
 * The configuration files looked for in a folder, in order.
 *
 * @param folder
 *   Folder.
 * @param separator
 *   Path separator.
 * @returns
 *   Paths.
 */
function configPaths(folder: string, separator: string): string[] {
  return configNames.map((name) => folder + separator + name)
}

/**
 * The fact bases looked for in a folder, in order.
 *
 * @param folder
 *   Folder.
 * @param separator
 *   Path separator.
 * @returns
 *   Paths.
 */
function factsPaths(folder: string, separator: string): string[] {
  return factsNames.map((name) => folder + separator + name.replace(/\//g, separator))
}

/**
 * The separator of a path: `\` for a Windows path without `/`.
 *
 * @param file
 *   Path.
 * @returns
 *   Separator.
 */
function separatorOf(file: string): string {
  return file.includes('\\') && !file.includes('/') ? '\\' : '/'
}

/**
 * The search, as a generator that yields the reads it needs and receives
 * their text, so the sync and async loaders share it.
 *
 * @param file
 *   Path of the article.
 * @param options
 *   Configuration.
 * @returns
 *   Generator.
 */
function* plan(file: string, options?: Readonly<LoadOptions> | null): Generator<Request, LoadedConfig, string | undefined> {
  const separator = separatorOf(file)
  const folders = ancestors(file, separator)
  const loaded: LoadedConfig = {settings: {severities: {}}}
  const withFacts = options?.facts !== false

  let factsRead: Request | undefined
  search: for (const folder of folders) {
    for (const path of configPaths(folder, separator)) {
      const text = yield configRequest(path)
      if (text === undefined) continue
      const config = parseConfig(text, path)
      loaded.configFile = path
      loaded.settings.severities = config.rules
      if (config.preset) loaded.settings.preset = config.preset
      if (config.facts && withFacts) factsRead = confine(config.facts, folder, path, separator, options?.root)
      if (config.export) loaded.export = config.export
      if (config.files) loaded.files = {...config.files, folder}
      break search
    }
  }

  if (!withFacts) return loaded

  if (factsRead) {
    const factsPath = factsRead.path
    const text = yield factsRead
    if (text === undefined) {
      throw new ConfigError(
        `Unexpected missing fact base \`${factsPath}\`, expected a YAML file at the path \`facts\` gives`,
        loaded.configFile!,
        'facts'
      )
    }

    loaded.factsFile = factsPath
    loaded.settings.facts = parseFacts(text, factsPath)
    return loaded
  }

  for (const folder of folders) {
    for (const path of factsPaths(folder, separator)) {
      const text = yield factsRequest(path, folder, separator)
      if (text === undefined) continue
      loaded.factsFile = path
      loaded.settings.facts = parseFacts(text, path)
      return loaded
    }
  }

  return loaded
}

/**
 * The read of the fact base a configuration names: its path must be
 * relative and stay inside the configuration file’s folder, or inside the
 * workspace folder when the configuration is in it.
 *
 * @param facts
 *   The `facts` value.
 * @param folder
 *   The configuration file’s folder.
 * @param configFile
 *   The configuration file, for errors.
 * @param separator
 *   Path separator.
 * @param root
 *   The workspace folder, if known.
 * @returns
 *   The request, confined to the folder it must stay in.
 * @throws {ConfigError}
 *   For an absolute path, or one that leads out.
 */
function confine(facts: string, folder: string, configFile: string, separator: string, root: string | null | undefined): Request {
  const base = root && isInside(join(root, '.', separator), folder, separator) ? join(root, '.', separator) : folder
  const where = base === folder ? 'the folder of this configuration file' : 'the workspace folder'
  if (/^(?:[\\/]|[A-Za-z]:)/.test(facts)) {
    throw new ConfigError(
      `Unexpected absolute path \`${facts}\` for \`facts\`, expected a path relative to this file, inside ${where}`,
      configFile,
      'facts'
    )
  }

  const path = join(folder, facts, separator)
  if (!isInside(base, path, separator)) {
    throw new ConfigError(`Unexpected path \`${facts}\` for \`facts\` outside ${where}, expected a fact base inside it`, configFile, 'facts')
  }

  return factsRequest(path, base, separator)
}

/** Whether `path` is `folder` or inside it (both normalised, with `separator`). */
function isInside(folder: string, path: string, separator: string): boolean {
  const prefix = folder.endsWith(separator) ? folder : folder + separator
  return path === folder || path.startsWith(prefix)
}

/** The folders of a path, nearest first (`/a/b/c.md` → `/a/b`, `/a`, ``). */
function ancestors(file: string, separator: string): string[] {
  const parts = file.split(separator)
  parts.pop()
  const folders: string[] = []
  while (parts.length > 0) {
    folders.push(parts.join(separator))
    parts.pop()
  }

  return folders
}

/** Join a relative (or absolute) path to a folder, resolving `.` and `..`. */
function join(folder: string, relative: string, separator: string): string {
  const absolute = relative.startsWith('/') || /^[A-Za-z]:[\\/]/.test(relative)
  const parts = (absolute ? relative : folder + separator + relative).split(/[\\/]/)
  const out: string[] = []
  for (const [index, part] of parts.entries()) {
    if (part === '.' || (part === '' && index > 0)) continue
    if (part === '..') {
      // Never above the root (`/..` is `/`).
      if (out.length > 1) out.pop()
    } else {
      out.push(part)
    }
  }

  return out.join(separator)
}

/**
 * The options of an article for the command line: its options, with the
 * article's configuration's preset, rule severities and fact base. The
 * command line's preset wins over the configuration's, which wins over
 * `recommended` (in the editor, a `.newsmarkrc` `preset:` wins over the
 * setting: `src/extension/workspace-config.ts`).
 *
 * @param base
 *   The caller's options.
 * @param settings
 *   The article's configuration (`loadConfig(…).settings`).
 * @returns
 *   Options for `analyze`.
 */
export function configuredOptions(base: Readonly<Options>, settings: Readonly<LoadedConfig['settings']>): Options {
  return {
    ...base,
    preset: base.preset ?? settings.preset ?? defaultPreset,
    rules: {...settings.severities, ...base.rules},
    ...(settings.facts ? {facts: settings.facts} : {})
  }
}
