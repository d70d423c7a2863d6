/**
 * Markdown files that are a project's documents, not articles: a README, a
 * changelog, a code of conduct. Newsmark leaves them out when it looks for
 * articles (a folder or glob in `newsmark check`, the editor's
 * `newsmark.files.exclude` default), so that a repository of articles with
 * a README gets findings on its articles only. Named on their own, they are
 * analysed like any file.
 */

/** Base names (without extension, upper case) of project documents. */
export const projectDocNames: ReadonlyArray<string> = [
  'README',
  'CHANGELOG',
  'CHANGES',
  'HISTORY',
  'CONTRIBUTING',
  'CODE_OF_CONDUCT',
  'SECURITY',
  'LICENSE',
  'AUTHORS',
  'SUPPORT',
  'GOVERNANCE'
]

const names = new Set(projectDocNames)

/**
 * Whether a file name is a project document (`README.md`, `changelog.markdown`).
 *
 * @param fileName
 *   Base name of a file.
 * @returns
 *   Whether it is one.
 */
export function isProjectDoc(fileName: string): boolean {
  const match = /^(.+)\.(md|markdown)$/i.exec(fileName)
  return match !== null && names.has(match[1]!.toUpperCase())
}

/**
 * The editor's default `newsmark.files.exclude` globs: the same documents
 * (in upper, lower and title case, `.md` or `.markdown`: globs have no
 * case-insensitive form) and `node_modules`.
 */
export const defaultExclude: ReadonlyArray<string> = [
  ...projectDocNames.map((name) => {
    const lower = name.toLowerCase()
    return `**/{${name},${lower},${lower.charAt(0).toUpperCase() + lower.slice(1)}}.{md,markdown}`
  }),
  '**/node_modules/**'
]
