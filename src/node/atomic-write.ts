/**
 * Atomic file writes for the CLI and the extension host (Node only).
 *
 * The new content goes to a temporary file in the same folder, is flushed
 * to disk (`fsync`), and then renamed over the target: a crash at any point
 * leaves either the old file or the new one, never a mix. When the old
 * content should be kept (a corrupt or hand-edited sidecar), it is first
 * copied to `<file>.bak-<timestamp>`.
 */
import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

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
 */
export async function writeFileAtomic(
  file: string,
  data: string,
  options?: Readonly<AtomicWriteOptions> | null
): Promise<{backup?: string}> {
  const folder = path.dirname(file)
  const temp = path.join(folder, `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`)
  const step = async (name: WriteStep) => {
    if (options?.onStep) await options.onStep(name)
  }

  let backup: string | undefined
  try {
    const handle = await fs.open(temp, 'wx', 0o644)
    try {
      await handle.writeFile(data, 'utf8')
      await step('temp-written')
      await handle.sync()
    } finally {
      await handle.close()
    }

    await step('temp-synced')
    if (options?.backupIf) {
      const existing = await readIfExists(file)
      if (existing !== undefined && options.backupIf(existing)) {
        backup = await copyToBackup(file, (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-'))
        await step('backed-up')
      }
    }

    if (options?.beforeReplace) await options.beforeReplace()
    await fs.rename(temp, file)
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
