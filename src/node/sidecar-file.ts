/**
 * Reading and writing an article’s sidecar on disk (Node only): the glue
 * between the pure sidecar format and `writeFileAtomic`.
 */
import path from 'node:path'
import {parseSidecar, serializeSidecar, sidecarName} from '../core/annotations/sidecar.ts'
import type {Annotation} from '../core/annotations/types.ts'
import {readIfExists, writeFileAtomic} from './atomic-write.ts'

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
  const text = await readIfExists(file)
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
 * Save the sidecar of an article atomically; an existing sidecar that is
 * broken or was edited by hand is backed up first (`.bak-<timestamp>`).
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
  const result = await writeFileAtomic(file, text, {backupIf: (existing) => existing !== text && !isOurs(existing, source, name)})
  return {path: file, ...result}
}
