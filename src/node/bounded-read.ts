/**
 * Reading a file with a bound (Node only): for configuration files and fact
 * bases, which a repository chooses, and which the reader of the article
 * may not mean Newsmark to read.
 *
 * The file is opened without waiting (a named pipe would block the open
 * itself); on the open file, it must be a regular file no larger than the
 * limit (`/dev/zero` is not), and no more than the limit is read; a file
 * that must resolve inside a folder is refused when a symbolic link leads
 * out of it. What is refused is a `BoundedReadError` naming the file, never
 * quoting it.
 */
import fs from 'node:fs'
import path from 'node:path'

/** What a read must hold to. */
export interface BoundedReadLimits {
  /** Largest size, in bytes. */
  maxSize: number
  /** A folder the file must be inside once symbolic links are resolved (default: none). */
  within?: string | undefined
}

/** A file refused: `reason` says why (“Unexpected …, expected …”). */
export class BoundedReadError extends Error {
  override name = 'BoundedReadError'
  /** The file. */
  readonly file: string
  /** Why it is refused. */
  readonly reason: string

  /**
   * @param reason
   *   Why it is refused.
   * @param file
   *   The file.
   */
  constructor(reason: string, file: string) {
    super(`${file}: ${reason}`)
    this.file = file
    this.reason = reason
  }
}

/** Open flags: read only, and do not wait for a writer (named pipes). */
const openFlags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0)

/**
 * Read a file as UTF-8, within limits.
 *
 * @param file
 *   Path.
 * @param limits
 *   Largest size, and the folder it must resolve inside.
 * @returns
 *   Text, or `undefined` when there is no such file (or it is a folder).
 * @throws {BoundedReadError}
 *   For a file that is not a regular file, too large, or (with `within`)
 *   outside the folder.
 */
export function readBoundedSync(file: string, limits: Readonly<BoundedReadLimits>): string | undefined {
  let fd: number
  try {
    fd = fs.openSync(file, openFlags)
  } catch (error) {
    if (isMissing(error)) return undefined
    throw error
  }

  try {
    const stat = fs.fstatSync(fd)
    if (stat.isDirectory()) return undefined
    check(file, stat, limits)
    if (limits.within !== undefined) checkWithin(file, stat, limits.within)
    const buffer = Buffer.alloc(Math.min(stat.size, limits.maxSize) + 1)
    let length = 0
    // Up to one byte more than allowed: a file that grew since `fstat` is refused too.
    while (length < buffer.length) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
    }

    if (length > limits.maxSize) throw tooLarge(file, limits.maxSize)
    return buffer.subarray(0, length).toString('utf8')
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Read a file as UTF-8, within limits, asynchronously.
 *
 * @param file
 *   Path.
 * @param limits
 *   Largest size, and the folder it must resolve inside.
 * @returns
 *   Text, or `undefined` when there is no such file (or it is a folder).
 * @throws {BoundedReadError}
 *   As `readBoundedSync`.
 */
export async function readBounded(file: string, limits: Readonly<BoundedReadLimits>): Promise<string | undefined> {
  let handle: fs.promises.FileHandle
  try {
    handle = await fs.promises.open(file, openFlags)
  } catch (error) {
    if (isMissing(error)) return undefined
    throw error
  }

  try {
    const stat = await handle.stat()
    if (stat.isDirectory()) return undefined
    check(file, stat, limits)
    if (limits.within !== undefined) checkWithin(file, stat, limits.within)
    const buffer = Buffer.alloc(Math.min(stat.size, limits.maxSize) + 1)
    let length = 0
    while (length < buffer.length) {
      const {bytesRead} = await handle.read(buffer, length, buffer.length - length, null)
      if (bytesRead === 0) break
      length += bytesRead
    }

    if (length > limits.maxSize) throw tooLarge(file, limits.maxSize)
    return buffer.subarray(0, length).toString('utf8')
  } finally {
    await handle.close()
  }
}

/** Refuse what is not a regular file, or is too large. */
function check(file: string, stat: fs.Stats, limits: Readonly<BoundedReadLimits>): void {
  if (!stat.isFile()) throw new BoundedReadError(`Unexpected ${kindOf(stat)}, expected a regular file`, file)
  if (stat.size > limits.maxSize) throw tooLarge(file, limits.maxSize)
}

/** Refuse a file that resolves (through symbolic links) outside a folder. */
function checkWithin(file: string, stat: fs.Stats, within: string): void {
  const real = fs.realpathSync(file)
  const folder = fs.realpathSync(within)
  const inside = real === folder || real.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)
  // The file opened is the one resolved (not replaced in between).
  const resolved = inside ? fs.statSync(real) : undefined
  const same = resolved !== undefined && resolved.ino === stat.ino && resolved.dev === stat.dev
  if (!inside || !same) {
    throw new BoundedReadError(`Unexpected link to a file outside \`${within}\`, expected a file inside that folder`, file)
  }
}

function tooLarge(file: string, maxSize: number): BoundedReadError {
  return new BoundedReadError(`Unexpected size, expected a file of at most ${formatSize(maxSize)}`, file)
}

function kindOf(stat: fs.Stats): string {
  if (stat.isCharacterDevice()) return 'character device'
  if (stat.isBlockDevice()) return 'block device'
  if (stat.isFIFO()) return 'named pipe'
  if (stat.isSocket()) return 'socket'
  return 'special file'
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR'
}
