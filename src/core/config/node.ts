/**
 * The Node side of configuration loading: `loadConfig` with a reader over
 * `node:fs`, for the CLI and tests. This is the only core file that touches
 * the file system, and `src/core/index.ts` does not export it, so bundles
 * for the editor leave it out.
 */
import fs from 'node:fs'
import path from 'node:path'
import {loadConfig, type LoadedConfig} from './load.ts'

/**
 * Load the configuration and fact base of an article from disk.
 *
 * @param file
 *   Path of the article (relative paths resolve against the working
 *   folder).
 * @returns
 *   Settings and the files they came from.
 * @throws {ConfigError}
 *   When the configuration is invalid.
 * @throws {FactsError}
 *   When the fact base is invalid.
 */
export function loadConfigSync(file: string): LoadedConfig {
  return loadConfig(path.resolve(file), readText)
}

/**
 * Read a file as UTF-8.
 *
 * @param file
 *   Path.
 * @returns
 *   Text, or `undefined` when there is no such file.
 */
export function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined
    throw error
  }
}
