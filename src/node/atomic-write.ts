/**
 * Atomic file writes for the CLI and the extension host (Node only).
 *
 * The new content goes to a temporary file in the same folder, is flushed
 * to disk (`fsync`), and then renamed over the target: a crash at any point
 * leaves either the old file or the new one, never a mix. When the old
 * content should be kept (a corrupt or hand-edited sidecar), it is first
 * copied to `<file>.bak-<timestamp>`.
 *
 * The file replaced keeps what a rename would otherwise change:
 *
 * - a symbolic link is followed: the link stays, its target is replaced;
 * - the temporary file gets the mode (`0600`, `0640`, …) and the owner and
 *   group of the file it replaces;
 * - a file with several hard links, or one whose owner this process cannot
 *   give the temporary file (another user's file it may write), is written
 *   in place instead (the new content is still written and flushed to the
 *   temporary file first, so a full disk fails before the file is touched;
 *   the write in place itself is not atomic);
 * - a read-only file (no write permission bit), or one this process may not
 *   write, is refused with a `WriteError` that says so, and so is anything
 *   that is not a regular file.
 *
 * Each write also removes the temporary files of earlier writes of the same
 * file that were killed halfway (see `temp-files.ts`).
 */
import {randomBytes} from 'node:crypto'
import type {Stats} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {isAlive} from './file-lock.ts'
import {staleTemps, tempName} from './temp-files.ts'

/** Steps of a write, in order, for tests that stop a write halfway. */
export type WriteStep = 'temp-written' | 'temp-synced' | 'backed-up' | 'renamed'

/** Configuration of `writeFileAtomic`. */
export interface AtomicWriteOptions {
  /**
   * Whether the existing content must be backed up before it is replaced
   * (default: never).
   */
  backupIf?: ((existing: string) => boolean) | null | undefined
  /**
   * Called just before the new content replaces the old (default:
   * nothing); throwing stops the write (a lock holder checks that it still
   * holds the lock).
   */
  beforeReplace?: (() => void | Promise<void>) | null | undefined
  /** Called after each step (default: nothing); tests pause here. */
  onStep?: ((step: WriteStep) => void | Promise<void>) | null | undefined
  /** Time used in the backup name (default: now). */
  now?: Date | null | undefined
}

/** A file Newsmark will not write over, with a one-line reason. */
export class WriteError extends Error {
  override name = 'WriteError'
}

/**
 * Write a file atomically.
 *
 * @param file
 *   Path of the file.
 * @param data
 *   New content (UTF-8).
 * @param options
 *   Configuration.
 * @returns
 *   The path of the backup, when one was made.
 * @throws {WriteError}
 *   When the file is read-only, not writable by this process, or not a
 *   regular file.
 */
export async function writeFileAtomic(
  file: string,
  data: string,
  options?: Readonly<AtomicWriteOptions> | null
): Promise<{backup?: string}> {
  const target = await realpathIfExists(file)
  const existing = await statIfExists(target)
  if (existing) await checkWritable(file, target, existing)
  const folder = path.dirname(target)
  const name = path.basename(target)
  await removeStaleTemps(folder, name)
  const temp = path.join(folder, tempName(name, process.pid, randomBytes(4).toString('hex')))
  const step = async (name: WriteStep) => {
    if (options?.onStep) await options.onStep(name)
  }

  let backup: string | undefined
  let inPlace = existing !== undefined && existing.nlink > 1
  try {
    // Created with the mode it will have: a `0600` file's content is never readable by others.
    const handle = await fs.open(temp, 'wx', existing ? existing.mode & 0o777 : 0o666)
    try {
      if (existing) inPlace = (await copyAttributes(handle, existing)) || inPlace
      await handle.writeFile(data, 'utf8')
      await step('temp-written')
      await handle.sync()
    } finally {
      await handle.close()
    }

    await step('temp-synced')
    if (options?.backupIf && existing) {
      const current = await readIfExists(target)
      if (current !== undefined && options.backupIf(current)) {
        backup = await copyToBackup(target, (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-'))
        await step('backed-up')
      }
    }

    if (options?.beforeReplace) await options.beforeReplace()
    if (inPlace) {
      await writeInPlace(target, data)
      await fs.rm(temp, {force: true})
    } else {
      await fs.rename(temp, target)
    }
  } catch (error) {
    await fs.rm(temp, {force: true})
    throw error
  }

  await syncFolder(folder)
  await step('renamed')
  return backup ? {backup} : {}
}

/**
 * Read a UTF-8 file, or `undefined` when it does not exist.
 *
 * @param file
 *   Path.
 * @returns
 *   Content.
 */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Remove the temporary files that killed writes of a file left next to it
 * (best effort: a folder that cannot be listed is left alone).
 *
 * @param folder
 *   Folder of the file.
 * @param name
 *   Name of the file.
 * @param now
 *   The time (default: now).
 * @returns
 *   Paths of the files removed.
 */
export async function removeStaleTemps(folder: string, name: string, now = Date.now()): Promise<string[]> {
  let names: string[]
  try {
    names = (await fs.readdir(folder)).filter((entry) => entry.startsWith(`.${name}.tmp-`))
  } catch {
    return []
  }

  const entries = []
  for (const entry of names) {
    try {
      entries.push({name: entry, mtimeMs: (await fs.lstat(path.join(folder, entry))).mtimeMs})
    } catch {}
  }

  const removed: string[] = []
  for (const entry of staleTemps(name, entries, now, isAlive)) {
    const stale = path.join(folder, entry)
    try {
      await fs.rm(stale, {force: true})
      removed.push(stale)
    } catch {}
  }

  return removed
}

/** Follow symbolic links to the file they point at (a missing file is itself). */
async function realpathIfExists(file: string): Promise<string> {
  try {
    return await fs.realpath(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return file
    throw error
  }
}

async function statIfExists(file: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Refuse to replace what is not a regular file, or is read-only. */
async function checkWritable(file: string, target: string, stat: Stats): Promise<void> {
  if (!stat.isFile()) {
    throw new WriteError(`Unexpected ${stat.isDirectory() ? 'folder' : 'special file'} \`${file}\`, expected a regular file to write`)
  }

  // No write bit at all: read-only on purpose, even for root (who may write anything).
  if ((stat.mode & 0o222) === 0) {
    throw new WriteError(`Unexpected read-only file \`${file}\`, expected a writable file: make it writable to replace it`)
  }

  try {
    await fs.access(target, fs.constants.W_OK)
  } catch (error) {
    throw new WriteError(
      `Unexpected file \`${file}\` this user may not write (${(error as NodeJS.ErrnoException).code ?? String(error)}), expected a writable file`,
      {cause: error}
    )
  }
}

/**
 * Give the temporary file the mode, owner and group of the file it replaces.
 *
 * @returns
 *   Whether the owner could not be given (then write in place).
 */
async function copyAttributes(handle: fs.FileHandle, stat: Stats): Promise<boolean> {
  await handle.chmod(stat.mode & 0o7777)
  if (process.platform === 'win32') return false
  const mine = await handle.stat()
  if (mine.uid === stat.uid && mine.gid === stat.gid) return false
  try {
    await handle.chown(stat.uid, stat.gid)
    // `chown` may clear set-user-id and set-group-id bits.
    await handle.chmod(stat.mode & 0o7777)
    return false
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EPERM' || code === 'EINVAL') return true
    throw error
  }
}

/** Replace the content of a file, keeping its inode (hard links, owner). */
async function writeInPlace(file: string, data: string): Promise<void> {
  const handle = await fs.open(file, 'r+')
  try {
    const buffer = Buffer.from(data, 'utf8')
    await handle.write(buffer, 0, buffer.length, 0)
    await handle.truncate(buffer.length)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function copyToBackup(file: string, stamp: string): Promise<string> {
  for (let index = 0; ; index++) {
    const backup = `${file}.bak-${stamp}${index === 0 ? '' : '-' + index}`
    try {
      await fs.copyFile(file, backup, fs.constants.COPYFILE_EXCL)
      return backup
    } catch (error) {
      // Never overwrite an earlier backup made in the same millisecond.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
}

async function syncFolder(folder: string): Promise<void> {
  // Makes the rename itself durable; folders cannot be opened on Windows.
  if (process.platform === 'win32') return
  const handle = await fs.open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
