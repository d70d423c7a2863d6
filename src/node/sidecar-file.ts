/**
 * Reading and writing an article’s sidecar on disk (Node only): the glue
 * between the pure sidecar format and `writeFileAtomic`.
 *
 * Several processes may change one sidecar at once (two editor windows, the
 * editor and a script). A change is therefore a read-modify-write under the
 * sidecar's lock file (`withFileLock`): `updateSidecarFile` reads the
 * sidecar as it is on disk once it holds the lock, applies the change to
 * that, and writes the result before it lets the lock go, so that no
 * process writes back a list that misses another's annotations.
 */
import path from 'node:path'
import {parseSidecar, serializeSidecar, sidecarName} from '../core/annotations/sidecar.ts'
import type {Annotation} from '../core/annotations/types.ts'
import {writeFileAtomic} from './atomic-write.ts'
import {readBounded} from './bounded-read.ts'
import {withFileLock, type LockOptions} from './file-lock.ts'

/** Largest sidecar read, in bytes: annotations, not an archive. */
export const maxSidecarSize = 16 * 1024 * 1024

/** A loaded sidecar. */
export interface LoadedSidecar {
  /** Path of the sidecar. */
  path: string
  /** Whether the file exists. */
  exists: boolean
  /** Its valid annotations (positions not yet checked: call `reanchor`). */
  annotations: Annotation[]
  /** What is wrong with it; empty when it is fine or missing. */
  problems: string[]
}

/**
 * Load the sidecar of an article.
 *
 * @param article
 *   Path of the article.
 * @param source
 *   The article’s current source.
 * @returns
 *   The sidecar; a missing one is empty, a broken one has problems.
 */
export async function loadSidecarFile(article: string, source: string): Promise<LoadedSidecar> {
  const file = sidecarName(article)
  // A regular file of bounded size: a device, a pipe or a huge file is an
  // error that says so, never a hang.
  const text = await readBounded(file, {maxSize: maxSidecarSize})
  if (text === undefined) return {path: file, exists: false, annotations: [], problems: []}
  return {path: file, exists: true, ...parseSidecar(text, source)}
}

/**
 * Whether a sidecar is exactly as Newsmark writes it: valid, and written
 * back the same. A corrupt file, or one edited by hand or by another tool
 * (extra fields, other formatting), is not, and is backed up before it is
 * replaced.
 *
 * @param text
 *   Content of the sidecar.
 * @param source
 *   The article.
 * @param name
 *   The article’s file name.
 * @returns
 *   Whether replacing it loses nothing.
 */
export function isOurs(text: string, source: string, name: string): boolean {
  const {annotations, problems} = parseSidecar(text, source)
  return problems.length === 0 && serializeSidecar(annotations, source, name) === text
}

/**
 * Change the sidecar of an article: under the sidecar's lock, read it as it
 * is on disk, apply `change` to its annotations, and write the result
 * atomically (nothing is written when nothing changed). An existing sidecar
 * that is broken or was edited by hand is backed up first
 * (`.bak-<timestamp>`), and `change` gets its valid annotations.
 *
 * @param article
 *   Path of the article.
 * @param source
 *   The article’s current source (the offsets of the annotations `change`
 *   gets and returns refer to it).
 * @param change
 *   Gets the annotations on disk now and returns the new list (add to it,
 *   remove from it: never a list read before the lock was taken).
 * @param options
 *   How long to wait for the lock (see `withFileLock`).
 * @returns
 *   Path of the sidecar, the annotations written, and the backup, if one
 *   was made.
 * @throws {LockError}
 *   When another process holds the lock for too long.
 */
export async function updateSidecarFile(
  article: string,
  source: string,
  change: (current: Annotation[]) => ReadonlyArray<Annotation>,
  options?: Readonly<LockOptions> | null
): Promise<{path: string; annotations: Annotation[]; backup?: string}> {
  const file = sidecarName(article)
  const name = path.basename(article)
  return withFileLock(
    file,
    async (lock) => {
      const existing = await readBounded(file, {maxSize: maxSidecarSize})
      const current = existing === undefined ? [] : parseSidecar(existing, source).annotations
      const annotations = [...change(current)]
      const text = serializeSidecar(annotations, source, name)
      if (text === existing) return {path: file, annotations}
      const result = await writeFileAtomic(file, text, {
        backupIf: (found) => found !== text && !isOurs(found, source, name),
        beforeReplace: () => lock.verify()
      })
      return {path: file, annotations, ...result}
    },
    options
  )
}

/**
 * Save the sidecar of an article atomically, replacing its annotations
 * with `annotations` (under the sidecar's lock; use `updateSidecarFile` to
 * add or remove some: a list read earlier misses what another process
 * wrote since). An existing sidecar that is broken or was edited by hand is
 * backed up first (`.bak-<timestamp>`).
 *
 * @param article
 *   Path of the article.
 * @param source
 *   The source the annotations are anchored in.
 * @param annotations
 *   Annotations (inline ones are not written).
 * @returns
 *   Path of the sidecar and of the backup, if one was made.
 */
export async function saveSidecarFile(
  article: string,
  source: string,
  annotations: ReadonlyArray<Annotation>
): Promise<{path: string; backup?: string}> {
  const file = sidecarName(article)
  const name = path.basename(article)
  const text = serializeSidecar(annotations, source, name)
  return withFileLock(file, async (lock) => {
    const result = await writeFileAtomic(file, text, {
      backupIf: (existing) => existing !== text && !isOurs(existing, source, name),
      beforeReplace: () => lock.verify()
    })
    return {path: file, ...result}
  })
}
