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

/**
 * A seeded pseudo-random generator (mulberry32), for deterministic shuffles.
 *
 * @param seed
 *   Seed.
 * @returns
 *   Generator of floats in [0, 1).
 */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Shuffle in place with a generator.
 *
 * @param values
 *   Array.
 * @param next
 *   Generator.
 */
export function shuffle<T>(values: T[], next: () => number): void {
  for (let index = values.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1))
    ;[values[index], values[other]] = [values[other], values[index]]
  }
}
