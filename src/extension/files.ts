/**
 * Reading and writing files through `workspace.fs` (so virtual workspaces
 * and remote hosts work): text in, text out, a missing file is `undefined`,
 * writes go to a temporary file renamed over the target, and an existing
 * file can be kept as `<name>.bak-<timestamp>` first.
 *
 * A `file:` URI is a file of the machine the extension host runs on (also
 * in a remote window): it is written with the Node writer
 * (`src/node/atomic-write.ts`), which keeps the mode, owner and hard links
 * of the file it replaces and refuses read-only files, and `withLock` takes
 * the same lock file as the CLI and other windows (`src/node/file-lock.ts`).
 * Other schemes, and every scheme in a browser's extension host (no Node:
 * `local-files.ts`), have no lock, and their temporary files,
 * `.<name>.tmp-<pid>-<random>` as the Node writer's, are removed when a
 * later write of the same file finds them older than a minute.
 */
import * as vscode from 'vscode'
import type {HeldLock} from '../node/file-lock.ts'
import {staleTemps, tempName} from '../node/temp-files.ts'
import {localFiles} from './local-files.ts'

const decoder = new TextDecoder()
const encoder = new TextEncoder()

/**
 * Read a UTF-8 file.
 * @param uri
 *   The file.
 * @returns
 *   Its text, or `undefined` when it does not exist.
 */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri))
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

/**
 * Whether a file exists.
 * @param uri
 *   The file.
 * @returns
 *   `true` when something is there.
 */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri)
    return true
  } catch (error) {
    if (isNotFound(error)) return false
    throw error
  }
}

/** Configuration of {@link writeText}. */
export interface WriteOptions {
  /** Whether the current content must be backed up before it is replaced (default: never). */
  readonly backupIf?: ((existing: string) => boolean) | undefined
  /** Called just before the new content replaces the old; throwing stops the write (default: nothing). */
  readonly beforeReplace?: (() => Promise<void>) | undefined
}

/**
 * Write a UTF-8 file: a temporary file in the same folder, renamed over the
 * target, so that a reader never sees half a file.
 * @param uri
 *   The file.
 * @param text
 *   Its new content.
 * @param options
 *   Configuration.
 * @returns
 *   The backup made, if any.
 */
export async function writeText(uri: vscode.Uri, text: string, options: WriteOptions = {}): Promise<{backup?: vscode.Uri}> {
  const local = localFiles(uri.scheme)
  if (local) {
    const {backup} = await local.writeFileAtomic(uri.fsPath, text, options)
    return backup ? {backup: vscode.Uri.file(backup)} : {}
  }

  const name = basename(uri)
  await removeStaleTemps(uri)
  const temp = uri.with({path: `${dirname(uri)}/${tempName(name, localFiles('file')?.pid ?? 0, randomHex(4))}`})
  let backup: vscode.Uri | undefined
  await vscode.workspace.fs.writeFile(temp, encoder.encode(text))
  try {
    if (options.backupIf) {
      const existing = await readText(uri)
      if (existing !== undefined && options.backupIf(existing)) backup = await copyToBackup(uri)
    }
    if (options.beforeReplace) await options.beforeReplace()
    await vscode.workspace.fs.rename(temp, uri, {overwrite: true})
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined)
    throw error
  }
  return backup ? {backup} : {}
}

/**
 * Run `task` holding the lock of a file: for a `file:` URI, the lock file
 * the CLI and other windows take too (read, change and write the file in
 * `task`); other schemes, and a browser's extension host, have none (`verify` then always passes).
 * @param uri
 *   The file to protect.
 * @param task
 *   What to do under the lock.
 * @returns
 *   What `task` returns.
 */
export function withLock<T>(uri: vscode.Uri, task: (lock: Pick<HeldLock, 'verify'>) => Promise<T>): Promise<T> {
  const local = localFiles(uri.scheme)
  if (local) return local.withFileLock(uri.fsPath, task)
  return task({verify: async () => undefined})
}

/**
 * The last segment of a URI's path.
 * @param uri
 *   Any URI.
 * @returns
 *   `poland-ottawa.md`.
 */
export function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1)
}

/**
 * The folder part of a URI's path.
 * @param uri
 *   Any URI.
 * @returns
 *   The path without its last segment.
 */
export function dirname(uri: vscode.Uri): string {
  return uri.path.slice(0, uri.path.lastIndexOf('/'))
}

/**
 * A path relative to a folder, with `/`.
 * @param folder
 *   The folder (a URI path).
 * @param target
 *   The file (a URI path).
 * @returns
 *   `../articles/poland-ottawa.md`.
 */
export function relativePath(folder: string, target: string): string {
  const from = folder.split('/').filter(Boolean)
  const to = target.split('/').filter(Boolean)
  let common = 0
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/')
}

/**
 * Whether an error says that a file does not exist.
 * @param error
 *   Anything thrown by `workspace.fs`.
 * @returns
 *   `true` for `FileNotFound`.
 */
export function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound'
}

/**
 * Remove the temporary files that writes of a file killed halfway left
 * next to it (not `file:` URIs: the Node writer does that). There is no pid
 * to check on such a file system, so their age alone tells.
 */
async function removeStaleTemps(uri: vscode.Uri): Promise<void> {
  const name = basename(uri)
  const folder = uri.with({path: dirname(uri)})
  try {
    const entries = []
    for (const [entry] of await vscode.workspace.fs.readDirectory(folder)) {
      if (!entry.startsWith(`.${name}.tmp-`)) continue
      entries.push({name: entry, mtimeMs: (await vscode.workspace.fs.stat(folder.with({path: `${folder.path}/${entry}`}))).mtime})
    }
    for (const entry of staleTemps(name, entries, Date.now(), () => false)) {
      await vscode.workspace.fs.delete(folder.with({path: `${folder.path}/${entry}`}))
    }
  } catch {
    // Best effort: a folder that cannot be listed is left alone.
  }
}

/** `bytes` random bytes in hexadecimal (Web Crypto: Node and browsers). */
function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

async function copyToBackup(uri: vscode.Uri): Promise<vscode.Uri> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  for (let index = 0; ; index++) {
    const backup = uri.with({path: `${uri.path}.bak-${stamp}${index === 0 ? '' : `-${index}`}`})
    // Never replace an earlier backup made in the same millisecond.
    if (await exists(backup)) continue
    await vscode.workspace.fs.copy(uri, backup, {overwrite: false})
    return backup
  }
}
