/**
 * The paths of `newsmark check`: a file is read as given, whatever its
 * extension; a folder is walked for Markdown files (skipping `node_modules`
 * and hidden folders); a glob gives the Markdown files it matches. A folder
 * or glob without a single Markdown file is a problem to report, not an
 * empty, silent success, and so is a folder the walk cannot read (a
 * subfolder without permission): its files would otherwise be skipped in
 * silence.
 *
 * Markdown files are told by their extension, `.md` or `.markdown` in any
 * case (`Notes.MD`, `Notes.Markdown`). A project's own documents
 * (`README.md`, `CHANGELOG.md`, …: `src/core/project-docs.ts`) are no
 * articles: folders and globs leave them out, named on their own they are
 * checked; so are the files `--exclude` globs match, and those the `files`
 * globs of their `.newsmarkrc` leave out. The pattern of a glob is matched as
 * written (case-sensitive, as in a shell): `docs/*` finds `README.MD`,
 * `docs/*.md` does not.
 *
 * A folder walk stays inside the folder: the symbolic links found in it are
 * skipped, those to folders (a link to `..`, to a sibling folder, a cycle)
 * and those to files alike, as Prettier's CLI skips them when it expands
 * folders: a linked file is checked where it really is, or when named on
 * its own, never twice nor from outside the folder through a link. What is
 * named on the command line is honoured: a symbolic link to a file is read,
 * a symbolic link to a folder is walked (and its own links skipped). A glob
 * still follows symbolic links, as tinyglobby does by default; it stops at
 * a cycle.
 *
 * Files come in sorted order (by UTF-16 code unit, not by locale), folder
 * by folder and glob by glob, in the order of the arguments.
 */
import fs from 'node:fs'
import path from 'node:path'
import picomatch from 'picomatch'
import {glob} from 'tinyglobby'
import {isProjectDoc} from '../core/project-docs.ts'

/** Lists a folder (`fs.promises.readdir` with file types); tests inject failures. */
export type ReadFolder = (folder: string) => Promise<fs.Dirent[]>

/** Configuration of `expandPaths`. */
export interface ExpandOptions {
  /** Lists a folder (default: `fs.promises.readdir(folder, {withFileTypes: true})`). */
  readFolder?: ReadFolder | null | undefined
  /**
   * Globs of files that folders and globs leave out (`--exclude`), matched
   * against the path relative to the working folder, with `/` (for a file
   * outside it, its whole path; default: none). Files named on their own
   * are read all the same.
   */
  exclude?: ReadonlyArray<string> | null | undefined
  /**
   * Whether folders and globs leave a file out for another reason (the
   * `files` of its `.newsmarkrc`; default: none).
   */
  leaveOut?: ((file: string) => boolean) | null | undefined
}

/** Extensions of the Markdown files found in folders and by globs (in any case). */
export const markdownExtensions: ReadonlyArray<string> = ['.md', '.markdown']

/** Paths expanded to files. */
export interface Expansion {
  /** File paths, in order, without duplicates; missing names are kept so that reading them reports the error. */
  files: string[]
  /** One reason per folder or glob without a Markdown file. */
  problems: string[]
}

/** What globs never look into. */
const ignore = ['**/node_modules/**']

/** Folders a walk never enters. */
const ignoreFolders = new Set(['node_modules'])

/** The default `readFolder`. */
const readFolder: ReadFolder = (folder) => fs.promises.readdir(folder, {withFileTypes: true})

/** Extensions of Markdown files, lower-cased, to compare with. */
const lowerExtensions = new Set(markdownExtensions.map((ext) => ext.toLowerCase()))

/**
 * Expand paths, folders and globs into file paths.
 *
 * @param names
 *   Arguments.
 * @param options
 *   Configuration.
 * @returns
 *   Files and problems.
 */
export async function expandPaths(names: ReadonlyArray<string>, options?: Readonly<ExpandOptions> | null): Promise<Expansion> {
  const files: string[] = []
  const problems: string[] = []
  const kinds = markdownExtensions.join(', ')
  const byGlob = excluder(options?.exclude)
  const leaveOut = options?.leaveOut
  const excluded = leaveOut ? (file: string) => byGlob(file) || leaveOut(file) : byGlob
  for (const name of names) {
    if (isFolder(name)) {
      const before = problems.length
      const found = (await walkFolder(name, options?.readFolder ?? readFolder, problems)).filter((file) => !excluded(file))
      // (An unreadable folder is said as such, not as an empty one.)
      if (found.length === 0 && problems.length === before) problems.push(`${name}: no Markdown file (${kinds}) in this folder`)
      files.push(...found)
    } else if (/[*?[\]{}]/.test(name) && !fs.existsSync(name)) {
      const found = (await matchGlob(name)).filter((file) => !excluded(file))
      if (found.length === 0) problems.push(`${name}: matches no Markdown file (${kinds})`)
      files.push(...found)
    } else {
      files.push(name)
    }
  }

  return {files: [...new Set(files)], problems}
}

/**
 * The Markdown files in a folder and its subfolders, without following the
 * symbolic links in it (the folder itself may be one), nor entering hidden
 * folders or `node_modules`; hidden files are left out too.
 *
 * @param folder
 *   Folder.
 * @param read
 *   Lists a folder.
 * @param problems
 *   Where a folder that cannot be listed is reported (its files are not
 *   found, the others are).
 * @returns
 *   Paths joined to `folder`, sorted.
 */
async function walkFolder(folder: string, read: ReadFolder, problems: string[]): Promise<string[]> {
  const found: string[] = []
  const visit = async (relative: string): Promise<void> => {
    const absolute = relative === '' ? folder : path.join(folder, relative)
    let entries: fs.Dirent[]
    try {
      entries = await read(absolute)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error)
      problems.push(`${absolute}: cannot read this folder (${code}), so its Markdown files are not checked`)
      return
    }

    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue
      const child = relative === '' ? entry.name : relative + '/' + entry.name
      if (entry.isDirectory()) {
        if (!ignoreFolders.has(entry.name)) await visit(child)
      } else if (isMarkdown(entry.name) && !isProjectDoc(entry.name)) {
        found.push(child)
      }
    }
  }

  await visit('')
  // Sorted as relative paths with `/` (by UTF-16 code unit), then joined.
  return found.sort().map((file) => path.join(folder, file))
}

/**
 * The Markdown files a glob matches.
 *
 * @param pattern
 *   Glob.
 * @returns
 *   Paths as the pattern gives them (absolute for an absolute pattern),
 *   sorted.
 */
async function matchGlob(pattern: string): Promise<string[]> {
  const found = await glob(pattern, {ignore, dot: false, absolute: path.isAbsolute(pattern)})
  return found.filter((file) => isMarkdown(file) && !isProjectDoc(path.basename(file))).sort()
}

/**
 * A test for the paths `--exclude` leaves out.
 *
 * @param patterns
 *   Globs.
 * @returns
 *   Whether a path matches one (relative to the working folder, with `/`).
 */
function excluder(patterns: ReadonlyArray<string> | null | undefined): (file: string) => boolean {
  if (!patterns || patterns.length === 0) return () => false
  const match = picomatch([...patterns], {dot: true})
  const posix = (value: string) => value.split(path.sep).join('/')
  // Relative to here, or (for a file outside it) its whole path: `**/x.md`
  // matches `x.md` anywhere.
  return (file) => {
    const relative = posix(path.relative(process.cwd(), path.resolve(file)))
    const outside = relative.startsWith('../') || path.isAbsolute(relative)
    return match(relative) || (outside && match(posix(path.resolve(file)).replace(/^\//, '')))
  }
}

/**
 * Whether a path is a Markdown file by its extension, in any case.
 *
 * @param name
 *   Path.
 * @returns
 *   Whether it is.
 */
function isMarkdown(name: string): boolean {
  return lowerExtensions.has(path.extname(name).toLowerCase())
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
