/**
 * Why a document is not analysed, and what to change so that it is: the
 * `newsmark.files.include`/`exclude` settings, a `.newsmarkrc`'s `files:`,
 * `newsmark.analysis.maxFileSize` and `newsmark.analysis.timeout`. Read by
 * the analyzer (which skips) and the status bar (which says why).
 */
import * as vscode from 'vscode'
import type {AnalysisStopped} from '../core/worker-protocol.ts'
import type {ArticleConfig} from './workspace-config.ts'

/** Why a document was not analysed, and the setting or file that decides it. */
export interface Skip {
  /** For example `2,049 KiB is over newsmark.analysis.maxFileSize (2,048 KiB)`. */
  readonly reason: string
  /** The setting to change to analyse it. */
  readonly setting?: keyof typeof skipSettings
  /** Else the `.newsmarkrc` whose `files:` to change. */
  readonly configFile?: vscode.Uri
}

/** The settings that skip a document: what the status bar calls the cause, and what the setting is. */
export const skipSettings = {
  'newsmark.analysis.maxFileSize': {cause: 'large file', fix: 'raise the size (in KiB) of'},
  'newsmark.analysis.timeout': {cause: 'too slow', fix: 'raise the time (in seconds) of'},
  'newsmark.files.exclude': {cause: 'not an article', fix: 'remove the pattern that matches it from'},
  'newsmark.files.include': {cause: 'not an article', fix: 'add a pattern that matches it to'}
} as const

/**
 * Why the `files:` of a document's `.newsmarkrc` leave it out, if they do.
 *
 * @param document
 *   Document.
 * @param files
 *   Globs, relative to the configuration's folder.
 * @returns
 *   Why, or `undefined` for an article.
 */
export function leftOutByConfig(document: vscode.TextDocument, files: NonNullable<ArticleConfig['files']>): string | undefined {
  if (document.uri.scheme === 'untitled') return undefined
  const matches = (glob: string) => vscode.languages.match({pattern: new vscode.RelativePattern(files.folder, glob)}, document) > 0
  const exclude = files.exclude.find(matches)
  if (exclude) return `it matches \`${exclude}\` in files.exclude`
  if (files.include.length > 0 && !files.include.some(matches)) return 'it matches none of the globs of files.include'
  return undefined
}

/**
 * The `newsmark.files.exclude` pattern a document matches, if any.
 *
 * @param document
 *   Document.
 * @param patterns
 *   Globs.
 * @returns
 *   The first pattern it matches.
 */
export function excluded(document: vscode.TextDocument, patterns: readonly string[]): string | undefined {
  // Untitled documents have no path to match: always analysed.
  if (document.uri.scheme === 'untitled') return undefined
  return patterns.find((pattern) => globMatches(document, pattern))
}

/**
 * Whether a document matches a glob of the settings: one that starts with
 * `**` or `/` against its whole path, another (`articles/**`) against its
 * path in its workspace folder.
 *
 * @param document
 *   Document.
 * @param pattern
 *   Glob.
 * @returns
 *   Whether it matches.
 */
function globMatches(document: vscode.TextDocument, pattern: string): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri)
  const glob = folder && !pattern.startsWith('**') && !pattern.startsWith('/') ? new vscode.RelativePattern(folder, pattern) : pattern
  return vscode.languages.match({pattern: glob}, document) > 0
}

/**
 * Whether a document matches one of the `newsmark.files.include` globs.
 *
 * @param document
 *   Document.
 * @param patterns
 *   Globs (none: every document).
 * @returns
 *   Whether it is included.
 */
export function included(document: vscode.TextDocument, patterns: readonly string[]): boolean {
  if (patterns.length === 0 || document.uri.scheme === 'untitled') return true
  return patterns.some((pattern) => globMatches(document, pattern))
}

/**
 * Why a document is skipped: it is too large.
 *
 * @param length
 *   Its length.
 * @param maxLength
 *   The limit.
 * @returns
 *   Why.
 */
export function tooLarge(length: number, maxLength: number): Skip {
  return {
    reason: `${formatKiB(length)} is over newsmark.analysis.maxFileSize (${formatKiB(maxLength)})`,
    setting: 'newsmark.analysis.maxFileSize'
  }
}

/**
 * Why a document is skipped: its analysis was stopped.
 * @param error
 *   The stop.
 * @returns
 *   Skip.
 */
export function stopped(error: AnalysisStopped): Skip {
  return {reason: error.message, setting: 'newsmark.analysis.timeout'}
}

/**
 * A size for people.
 * @param length
 *   Characters.
 * @returns
 *   For example `48,828 KiB`.
 */
function formatKiB(length: number): string {
  return `${Math.ceil(length / 1024).toLocaleString('en-US')} KiB`
}

