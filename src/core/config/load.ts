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
 * Paths are strings with `/` (or `\` on Windows) separators; nothing is
 * resolved against a working directory, so pass absolute paths.
 */
import {parseFacts} from '../facts/parse.ts'
import type {RuleSettings} from '../rules/index.ts'
import {ConfigError, parseConfig, type ExportConfig} from './validate.ts'

/** Names of configuration files, in the order they are tried in a folder. */
export const configNames: ReadonlyArray<string> = ['.newsmarkrc', '.newsmarkrc.json', '.newsmarkrc.yaml', '.newsmarkrc.yml']

/** Paths of the fact base tried in each folder when the config names none. */
export const factsNames: ReadonlyArray<string> = ['.newsmark/facts.yaml', '.newsmark/facts.yml']

/** Reads a file: its text, or `undefined` when it does not exist. */
export type Reader = (path: string) => string | undefined

/** Reads a file asynchronously. */
export type AsyncReader = (path: string) => Promise<string | undefined>

/** The configuration found for an article. */
export interface LoadedConfig {
  /** Rule settings for `runRules` (severities and facts). */
  settings: RuleSettings & {severities: Record<string, 'off' | 'info' | 'warning' | 'error'>}
  /** Where exports say things are published (`export` in the file), if set. */
  export?: ExportConfig
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
 * @returns
 *   Settings and the files they came from.
 * @throws {ConfigError}
 *   When the configuration is invalid or names a missing fact base.
 * @throws {FactsError}
 *   When the fact base is invalid.
 */
export function loadConfig(file: string, read: Reader): LoadedConfig {
  const steps = plan(file)
  let step = steps.next()
  while (!step.done) step = steps.next(read(step.value))
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
 * @returns
 *   Settings and the files they came from.
 */
export async function loadConfigAsync(file: string, read: AsyncReader): Promise<LoadedConfig> {
  // Every file the search may look for, asked for at once: in the editor
  // each read is a round trip, and a search up to the root that finds
  // nothing makes two dozen. The search then runs over the answers as
  // before (a failed read fails only if the search comes to it).
  const answers = new Map<string, Promise<{text: string | undefined} | {error: unknown}>>()
  for (const path of candidates(file)) {
    answers.set(
      path,
      read(path).then(
        (text) => ({text}),
        (error: unknown) => ({error})
      )
    )
  }

  const steps = plan(file)
  let step = steps.next()
  while (!step.done) {
    const answer = answers.get(step.value)
    if (!answer) {
      step = steps.next(await read(step.value))
      continue
    }

    const got = await answer
    if ('error' in got) throw got.error
    step = steps.next(got.text)
  }

  return step.value
}

/**
 * The paths the search looks for, whatever it finds (`plan` reads them in
 * this order, and a fact base a configuration names besides).
 *
 * @param file
 *   Path of the article.
 * @returns
 *   Paths.
 */
function candidates(file: string): string[] {
  const separator = separatorOf(file)
  const folders = ancestors(file, separator)
  return [
    ...folders.flatMap((folder) => configPaths(folder, separator)),
    ...folders.flatMap((folder) => factsPaths(folder, separator))
  ]
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
 * The search, as a generator that yields paths to read and receives their
 * text, so the sync and async loaders share it.
 *
 * @param file
 *   Path of the article.
 * @returns
 *   Generator.
 */
function* plan(file: string): Generator<string, LoadedConfig, string | undefined> {
  const separator = separatorOf(file)
  const folders = ancestors(file, separator)
  const loaded: LoadedConfig = {settings: {severities: {}}}

  let factsPath: string | undefined
  search: for (const folder of folders) {
    for (const path of configPaths(folder, separator)) {
      const text = yield path
      if (text === undefined) continue
      const config = parseConfig(text, path)
      loaded.configFile = path
      loaded.settings.severities = config.rules
      if (config.export) loaded.export = config.export
      if (config.facts) factsPath = join(folder, config.facts, separator)
      break search
    }
  }

  if (factsPath) {
    const text = yield factsPath
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
      const text = yield path
      if (text === undefined) continue
      loaded.factsFile = path
      loaded.settings.facts = parseFacts(text, path)
      return loaded
    }
  }

  return loaded
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
    if (part === '..' && out.length > 1) out.pop()
    else out.push(part)
  }

  return out.join(separator)
}
