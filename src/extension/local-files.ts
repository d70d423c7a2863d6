/**
 * The files of the machine the extension host runs on, through Node: the
 * atomic writer that keeps a file's mode and links, the lock file the CLI
 * and other windows take, and the bounded reader of configuration files.
 * The Node entry (`extension.ts`) provides them (`useLocalFiles`); a
 * browser's extension host has none, and `files.ts` then goes through
 * `workspace.fs` for every scheme, with no lock.
 *
 * This module imports nothing of Node itself, so that the web bundle
 * (`web.ts`) carries none of it.
 */
import type {BoundedReadError, readBounded} from '../node/bounded-read.ts'
import type {writeFileAtomic} from '../node/atomic-write.ts'
import type {withFileLock} from '../node/file-lock.ts'

/** What Node gives `files.ts` and `workspace-config.ts` for `file:` URIs. */
export interface LocalFiles {
  /** Write a file through a temporary file renamed over it (`src/node/atomic-write.ts`). */
  readonly writeFileAtomic: typeof writeFileAtomic
  /** Hold a file's lock file while a task runs (`src/node/file-lock.ts`). */
  readonly withFileLock: typeof withFileLock
  /** Read a file within a size limit (`src/node/bounded-read.ts`). */
  readonly readBounded: typeof readBounded
  /** What `readBounded` throws for a file it refuses. */
  readonly BoundedReadError: typeof BoundedReadError
  /** The extension host's process id (in temporary files' names). */
  readonly pid: number
}

let local: LocalFiles | undefined

/**
 * Give the extension Node's access to local files (the Node entry does, on
 * activation).
 * @param files
 *   Node's writer, lock and reader.
 */
export function useLocalFiles(files: LocalFiles): void {
  local = files
}

/**
 * Node's access to local files, for a `file:` URI.
 * @param scheme
 *   The URI's scheme.
 * @returns
 *   The writer, lock and reader, or `undefined` for another scheme or in a
 *   browser (then `workspace.fs`).
 */
export function localFiles(scheme: string): LocalFiles | undefined {
  return scheme === 'file' ? local : undefined
}
