/**
 * The Node side of configuration loading: `loadConfig` with a reader over
 * `node:fs`, for the CLI and tests. This is the only core file that touches
 * the file system, and `src/core/index.ts` does not export it, so bundles
 * for the editor leave it out.
 *
 * The reader reads with a bound (`src/node/bounded-read.ts`): only a
 * regular file, no larger than the limit, inside the folder it must stay in;
 * what it refuses is a `ConfigError` naming the file, never quoting it.
 */
import path from 'node:path'
import {BoundedReadError, readBoundedSync} from './bounded-read.ts'
import {loadConfig, maxFactsSize, type LoadedConfig, type LoadOptions, type ReadLimits} from '../core/config/load.ts'
import {ConfigError} from '../core/config/validate.ts'

/**
 * Load the configuration and fact base of an article from disk.
 *
 * @param file
 *   Path of the article (relative paths resolve against the working
 *   folder).
 * @param options
 *   Configuration (`root`, `facts`; see `loadConfig`).
 * @returns
 *   Settings and the files they came from.
 * @throws {ConfigError}
 *   When the configuration is invalid, or a file cannot be read.
 * @throws {FactsError}
 *   When the fact base is invalid.
 */
export function loadConfigSync(file: string, options?: Readonly<LoadOptions> | null): LoadedConfig {
  return loadConfig(path.resolve(file), readText, options)
}

/**
 * Read a file as UTF-8, within limits (the reader `loadConfig` gets).
 *
 * @param file
 *   Path.
 * @param limits
 *   Largest size, and the folder it must resolve inside (default: 16 MiB,
 *   anywhere).
 * @returns
 *   Text, or `undefined` when there is no such file (or it is a folder).
 * @throws {ConfigError}
 *   For a file that is not a regular file, too large, or (with `within`)
 *   outside the folder.
 */
export function readText(file: string, limits: Readonly<ReadLimits> = {maxSize: maxFactsSize}): string | undefined {
  try {
    return readBoundedSync(file, limits)
  } catch (error) {
    if (error instanceof BoundedReadError) throw new ConfigError(error.reason, error.file)
    throw error
  }
}
