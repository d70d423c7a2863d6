/**
 * The paths of `newsmark check`: a file is read as given, whatever its
 * extension; a folder is walked for Markdown files (skipping `node_modules`
 * and hidden folders); a glob gives the Markdown files it matches. A folder
 * or glob without a single Markdown file is a problem to report, not an
 * empty, silent success.
 */
import fs from 'node:fs'
import path from 'node:path'
import {glob} from 'tinyglobby'

/** Extensions of the Markdown files found in folders and by globs. */
export const markdownExtensions: ReadonlyArray<string> = ['.md', '.markdown']

/** Paths expanded to files. */
export interface Expansion {
  /** File paths, in order, without duplicates; missing names are kept so that reading them reports the error. */
  files: string[]
  /** One reason per folder or glob without a Markdown file. */
  problems: string[]
}

/** What folders and globs never look into. */
const ignore = ['**/node_modules/**']

/**
 * Expand paths, folders and globs into file paths.
 *
 * @param names
 *   Arguments.
 * @returns
 *   Files and problems.
 */
export async function expandPaths(names: ReadonlyArray<string>): Promise<Expansion> {
  const files: string[] = []
  const problems: string[] = []
  const kinds = markdownExtensions.join(', ')
  for (const name of names) {
    if (isFolder(name)) {
      const found = await glob(`**/*.{${markdownExtensions.map((ext) => ext.slice(1)).join(',')}}`, {
        cwd: name,
        ignore,
        dot: false
      })
      if (found.length === 0) problems.push(`${name}: no Markdown file (${kinds}) in this folder`)
      files.push(...found.sort().map((file) => path.join(name, file)))
    } else if (/[*?[\]{}]/.test(name) && !fs.existsSync(name)) {
      // Paths as the pattern gives them: absolute for an absolute pattern.
      const found = (await glob(name, {ignore, dot: false, absolute: path.isAbsolute(name)})).filter(isMarkdown)
      if (found.length === 0) problems.push(`${name}: matches no Markdown file (${kinds})`)
      files.push(...found.sort())
    } else {
      files.push(name)
    }
  }

  return {files: [...new Set(files)], problems}
}

/**
 * Whether a path is a Markdown file by its extension.
 *
 * @param name
 *   Path.
 * @returns
 *   Whether it is.
 */
function isMarkdown(name: string): boolean {
  return markdownExtensions.includes(path.extname(name))
}

/**
 * Whether a path is a folder (following symbolic links).
 *
 * @param name
 *   Path.
 * @returns
 *   Whether it is; `false` when it cannot be looked at (reading it then
 *   says why).
 */
function isFolder(name: string): boolean {
  try {
    return fs.statSync(name).isDirectory()
  } catch {
    return false
  }
}
