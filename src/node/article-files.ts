/**
 * Which Markdown files a `.newsmarkrc` makes articles (its `files` globs,
 * relative to its folder), for the command line and the language server:
 * the nearest configuration above a file decides, as for its rules.
 */
import path from 'node:path'
import picomatch from 'picomatch'
import type {FilesConfig} from '../core/config/validate.ts'
import {loadConfigSync} from './config.ts'

/** The `files` of a configuration, with the folder its globs start from. */
export type FolderFiles = FilesConfig & {folder: string}

/**
 * Why a configuration leaves a file out, if it does.
 *
 * @param file
 *   Path of the file.
 * @param files
 *   The `files` of its configuration.
 * @returns
 *   The reason (which glob, which key), or `undefined` for an article.
 */
export function leftOutBy(file: string, files: Readonly<FolderFiles>): string | undefined {
  const relative = path.relative(files.folder, path.resolve(file)).split(path.sep).join('/')
  // Outside the configuration's folder: its globs say nothing of it.
  if (relative.startsWith('../') || path.isAbsolute(relative)) return undefined
  const exclude = files.exclude.find((glob) => picomatch.isMatch(relative, glob, {dot: true}))
  if (exclude) return `it matches \`${exclude}\` in files.exclude`
  if (files.include.length > 0 && !files.include.some((glob) => picomatch.isMatch(relative, glob, {dot: true}))) {
    return 'it matches none of the globs of files.include'
  }

  return undefined
}

/**
 * A test for the files the nearest `.newsmarkrc` leaves out, reading each
 * folder's configuration once. A configuration that cannot be read leaves
 * nothing out: checking the file then says what is wrong with it.
 *
 * @returns
 *   Whether a file is left out.
 */
export function configuredLeaveOut(): (file: string) => boolean {
  const byFolder = new Map<string, FolderFiles | undefined>()
  return (file) => {
    const folder = path.dirname(path.resolve(file))
    let files = byFolder.get(folder)
    if (!byFolder.has(folder)) {
      try {
        files = loadConfigSync(path.join(folder, path.basename(file)), {facts: false}).files
      } catch {
        files = undefined
      }

      byFolder.set(folder, files)
    }

    return files !== undefined && leftOutBy(file, files) !== undefined
  }
}
