/**
 * A lock file for read-modify-write of a file that several processes may
 * write at once (two editor windows, the editor and a script): without it,
 * each writes back what it read, and the other's changes are lost.
 *
 * The lock is `<file>.lock`, created with `O_EXCL` (only one process can
 * create it) and holding the owner's pid, host name, a random token and the
 * time. While it holds the lock, the owner touches it (its modification
 * time) every third of `stale`. A lock is stale when its owner, on this
 * host, is no longer running, or when it has not been touched for `stale`
 * milliseconds (an owner on another host, or one that hangs). A stale lock
 * is removed under a second lock, `<file>.lock.break`, after checking that
 * it is still the one found stale, so that two processes that both find it
 * stale never remove a lock a third one took in the meantime.
 *
 * Waiting processes try again every few milliseconds (a random delay, so
 * they do not go in step), up to `wait` milliseconds, and then fail with a
 * `LockError` that names the owner and says how to remove the lock.
 */
import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'

/** Configuration of `withFileLock`. */
export interface LockOptions {
  /** Milliseconds to wait for the lock before failing (default: `10_000`). */
  wait?: number | null | undefined
  /** Milliseconds after which an untouched lock is stale (default: `30_000`). */
  stale?: number | null | undefined
}

/** What the owner of a lock wrote in it. */
export interface LockOwner {
  /** Process id. */
  pid: number
  /** Host name (`os.hostname()`). */
  host: string
  /** Random token, unique to this taking of the lock. */
  token: string
  /** When the lock was taken (ISO 8601). */
  time: string
}

/** A lock held by this process. */
export interface HeldLock {
  /** Path of the lock file. */
  readonly path: string
  /** What this process wrote in it. */
  readonly owner: Readonly<LockOwner>
  /**
   * Check that the lock is still this process's (it was not found stale and
   * taken by another one meanwhile).
   *
   * @throws {LockError}
   *   When it is not.
   */
  verify(): Promise<void>
}

/** The lock could not be taken, or was lost. */
export class LockError extends Error {
  override name = 'LockError'
}

/** Default `wait`. */
const defaultWait = 10_000
/** Default `stale`. */
const defaultStale = 30_000

/**
 * Run `task` while holding the lock of `file`.
 *
 * @param file
 *   Path of the file to protect (the lock is `<file>.lock`).
 * @param task
 *   What to do under the lock: read, change and write the file.
 * @param options
 *   Configuration.
 * @returns
 *   What `task` returns.
 * @throws {LockError}
 *   When the lock is not free within `wait` milliseconds.
 */
export async function withFileLock<T>(
  file: string,
  task: (lock: HeldLock) => Promise<T>,
  options?: Readonly<LockOptions> | null
): Promise<T> {
  const stale = options?.stale ?? defaultStale
  const lock = await acquire(file + '.lock', options?.wait ?? defaultWait, stale)
  const timer = setInterval(() => {
    const now = new Date()
    fs.utimes(lock.path, now, now).catch(() => undefined)
  }, stale / 3)
  timer.unref()
  try {
    return await task(lock)
  } finally {
    clearInterval(timer)
    await release(lock)
  }
}

/**
 * Whether a lock is stale.
 *
 * @param owner
 *   What the lock holds (`undefined` when it cannot be parsed: a lock being
 *   written, or a broken one).
 * @param age
 *   Milliseconds since the lock was last touched.
 * @param stale
 *   Milliseconds after which an untouched lock is stale.
 * @param alive
 *   Whether a process of this host runs (default: `isAlive`).
 * @returns
 *   Whether the lock may be removed.
 */
export function isStale(
  owner: Readonly<LockOwner> | undefined,
  age: number,
  stale: number,
  alive: (pid: number) => boolean = isAlive
): boolean {
  if (age > stale) return true
  // A lock of this host whose process has ended; others only by age.
  return owner !== undefined && owner.host === os.hostname() && !alive(owner.pid)
}

/**
 * Whether a process of this host is running.
 *
 * @param pid
 *   Process id.
 * @returns
 *   `false` when there is no such process.
 */
export function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // `EPERM`: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function acquire(path: string, wait: number, stale: number): Promise<HeldLock> {
  const owner: LockOwner = {pid: process.pid, host: os.hostname(), token: randomBytes(8).toString('hex'), time: new Date().toISOString()}
  const text = JSON.stringify(owner) + '\n'
  const started = Date.now()
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(path, text, {flag: 'wx'})
      return {path, owner, verify: () => verify(path, owner)}
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }

    const found = await inspect(path)
    if (found && isStale(found.owner, Date.now() - found.mtime, stale)) {
      await breakLock(path, found.text, stale)
      continue
    }

    if (Date.now() - started > wait) {
      const who = found?.owner ? `process ${found.owner.pid} on ${found.owner.host} since ${found.owner.time}` : 'another process'
      throw new LockError(
        `Unexpected lock \`${path}\` held by ${who}, expected it to be released within ${Math.round(wait / 1000)} s: ` +
          'if no Newsmark is writing this file, delete the lock file'
      )
    }

    // Short at first (a write takes milliseconds), longer later.
    await sleep(Math.min(50, 2 + attempt) * (0.5 + Math.random()))
  }
}

/** Remove a stale lock, unless it changed since it was found stale. */
async function breakLock(path: string, seen: string, stale: number): Promise<void> {
  const guard = path + '.break'
  try {
    await fs.writeFile(guard, String(process.pid), {flag: 'wx'})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    // Someone else is breaking it; a guard left by a crash goes by age.
    const found = await inspect(guard)
    if (found && Date.now() - found.mtime > stale) await fs.rm(guard, {force: true})
    return
  }

  try {
    const found = await inspect(path)
    if (found && found.text === seen) await fs.rm(path, {force: true})
  } finally {
    await fs.rm(guard, {force: true})
  }
}

async function verify(path: string, owner: Readonly<LockOwner>): Promise<void> {
  const found = await inspect(path)
  if (found?.owner?.token !== owner.token) {
    throw new LockError(`Unexpected loss of the lock \`${path}\`, expected to hold it until the write is done: try again`)
  }
}

async function release(lock: HeldLock): Promise<void> {
  // Only our own lock: one taken over as stale is someone else's now.
  const found = await inspect(lock.path)
  if (found?.owner?.token === lock.owner.token) await fs.rm(lock.path, {force: true})
}

/** Read a lock: its text, owner (if it parses) and modification time. */
async function inspect(path: string): Promise<{text: string; owner: LockOwner | undefined; mtime: number} | undefined> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(path, 'utf8'), fs.stat(path)])
    return {text, owner: parseOwner(text), mtime: stat.mtimeMs}
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner> | null
    if (value && typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string') {
      return {pid: value.pid, host: value.host, token: value.token, time: String(value.time)}
    }
  } catch {}
  return undefined
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
