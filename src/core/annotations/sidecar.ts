/**
 * The sidecar file: `<article>.md.newsmark.json` next to the article, a W3C
 * Web Annotation collection (JSON-LD) of the article’s manual annotations.
 *
 * `parseSidecar` never throws: bad JSON, a bad shape or a bad annotation
 * become problems, one line each, that say where and what was expected.
 * Valid annotations of a partly broken file are still returned, but a
 * caller should not save over such a file without a backup (see
 * `src/node/atomic-write.ts`). `serializeSidecar` is deterministic:
 * annotations sorted by position, keys in a fixed order, 2-space indent.
 */
import {jsonError} from './json-error.ts'
import {codePoints} from './positions.ts'
import type {Annotation} from './types.ts'
import {annotationContext, toW3c, type JsonObject} from './w3c.ts'
import {fromW3c} from './w3c-parse.ts'

/** Result of parsing a sidecar. */
export interface SidecarResult {
  /** The valid annotations, in file order. */
  annotations: Annotation[]
  /** What is wrong, one line each; empty when the file is fine. */
  problems: string[]
}

/** A sidecar that cannot be used as it is; `message` lists every problem. */
export class SidecarError extends Error {
  override name = 'SidecarError'
  /** The problems, one line each. */
  readonly problems: ReadonlyArray<string>

  /**
   * @param file
   *   Name of the sidecar, for the message.
   * @param problems
   *   The problems.
   */
  constructor(file: string, problems: ReadonlyArray<string>) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
    super(`${file}: ${count} in the annotation sidecar:\n${problems.map((line) => '  - ' + line).join('\n')}`)
    this.problems = problems
  }
}

/**
 * Name of the sidecar of an article: the article’s name plus `.newsmark.json`.
 *
 * @param article
 *   Path or name of the article (`notes/poland-ottawa.md`).
 * @returns
 *   Path of its sidecar (`notes/poland-ottawa.md.newsmark.json`).
 */
export function sidecarName(article: string): string {
  return article + '.newsmark.json'
}

/**
 * Parse a sidecar.
 *
 * @param text
 *   Contents of the sidecar file.
 * @param source
 *   The article as it is now (positions are turned into UTF-16 offsets in
 *   it; `reanchor` then checks them).
 * @returns
 *   Annotations and problems; never throws.
 */
export function parseSidecar(text: string, source: string): SidecarResult {
  const problems: string[] = []
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    problems.push(`not valid JSON: ${jsonReason(error, text)}`)
    return {annotations: [], problems}
  }

  const items = itemsOf(data, problems)
  const annotations: Annotation[] = []
  const ids = new Set<string>()
  const points = codePoints(source)
  for (const [index, item] of items.entries()) {
    const annotation = fromW3c(item, source, `annotation ${index + 1}`, problems, points)
    if (!annotation) continue
    if (ids.has(annotation.id)) {
      problems.push(`annotation ${index + 1}: duplicate \`id\` ${annotation.id}`)
      continue
    }

    ids.add(annotation.id)
    annotations.push(annotation)
  }

  return {annotations, problems}
}

/**
 * Serialise annotations as a sidecar.
 *
 * @param annotations
 *   Annotations, anchored in `source`.
 * @param source
 *   The article the offsets refer to.
 * @param article
 *   The article’s file name, as the targets’ `source` IRI (relative to the
 *   sidecar, so just the base name).
 * @returns
 *   JSON text, ending in a newline.
 */
export function serializeSidecar(annotations: ReadonlyArray<Annotation>, source: string, article: string): string {
  const points = codePoints(source)
  const items = [...annotations]
    .filter((annotation) => !annotation.inline)
    .sort(
      (a, b) =>
        a.target.start - b.target.start ||
        a.target.end - b.target.end ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    )
    .map((annotation) => toW3c(annotation, source, article, points))
  const id = sidecarName(article)
  const collection = {
    '@context': annotationContext,
    id,
    type: 'AnnotationCollection',
    label: `Newsmark annotations of ${article}`,
    total: items.length,
    first: {id: id + '#page-1', type: 'AnnotationPage', startIndex: 0, items}
  }
  return JSON.stringify(collection, null, 2) + '\n'
}

function itemsOf(data: unknown, problems: string[]): unknown[] {
  if (Array.isArray(data)) return data
  if (typeof data !== 'object' || data === null) {
    problems.push('expected an AnnotationCollection object, not ' + (data === null ? 'null' : typeof data))
    return []
  }

  const record = data as JsonObject
  const type = record.type
  if (type === 'Annotation') return [record]
  if (type === 'AnnotationPage') return pageItems(record, 'the page', problems)
  if (type !== 'AnnotationCollection') {
    problems.push(`unexpected \`type\` ${JSON.stringify(type ?? null)}, expected "AnnotationCollection"`)
    return []
  }

  const first = record.first
  if (first === undefined) return []
  if (typeof first !== 'object' || first === null || Array.isArray(first)) {
    problems.push('`first`: expected an embedded AnnotationPage object with `items`')
    return []
  }

  return pageItems(first as JsonObject, '`first`', problems)
}

function pageItems(page: JsonObject, where: string, problems: string[]): unknown[] {
  if (page.items === undefined) return []
  if (!Array.isArray(page.items)) {
    problems.push(`${where}: expected \`items\` to be an array of annotations`)
    return []
  }

  return page.items
}

function jsonReason(error: unknown, text: string): string {
  return jsonError(text) ?? (error instanceof Error ? error.message : String(error))
}
