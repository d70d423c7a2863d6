/**
 * The rule set: every check that turns tags into findings. Each rule lives
 * in its own module and reports through `report`.
 */
import type {VFile} from 'vfile'
import type {NewsmarkResult} from '../types.ts'
import {reportBasics} from './basic.ts'

/**
 * Run every rule on a tagged file.
 *
 * @param file
 *   File (its value is the Markdown source).
 * @param result
 *   Tags.
 */
export function runRules(file: VFile, result: NewsmarkResult): void {
  reportBasics(file, result)
}
