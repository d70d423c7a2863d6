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

/** The editor's default `newsmark.files.exclude` globs. */
export const defaultExclude: ReadonlyArray<string> = [
  ...projectDocNames.map((name) => `**/${name}.md`),
  '**/node_modules/**'
]
