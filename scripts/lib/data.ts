/**
 * Helpers for the scripts that train and evaluate on `../shared/eval`.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** Folder of the shared evaluation data (beside the repository). */
export const evalRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/eval'
)

/**
 * Read a JSONL file, or exit with a clear message when it is absent.
 *
 * @param file
 *   Path.
 * @returns
 *   Parsed lines.
 */
export function readJsonl<T>(file: string): T[] {
  if (!fs.existsSync(file)) {
    console.error(
      `newsmark: ${file} not found: the gold data lives in ../shared/eval beside the repository; this optional script needs it`
    )
    process.exit(2)
  }

  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T)
}

/** Seeded generator and shuffle: the same ones the models train with. */
export {mulberry32 as random, shuffleInPlace as shuffle} from './train-linear.ts'
