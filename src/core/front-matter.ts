/**
 * Front matter: the article's YAML front matter, read once per tree. The
 * plugin takes the article's `date:` from it; the `front-matter-invalid`
 * and `front-matter-date` rules report what is wrong with it (warnings,
 * never a crash: the rest of the article is still tagged).
 */
import type {Root, Yaml} from 'mdast'
import {parse} from 'yaml'
import {parseIsoDate} from './dates/iso-date.ts'

/** The front matter of a document. */
export interface FrontMatter {
  /** Its node (the first of the tree). */
  node: Yaml
  /** Its data, when it is valid YAML. */
  data?: unknown
  /** Why it is not valid YAML (the first line of the parser's error). */
  error?: string
  /** Where in the YAML (`node.value`) the error is, when the parser says. */
  errorAt?: number
}

// By node: the plugin and the rules read the same front matter.
const read = new WeakMap<Yaml, FrontMatter>()

/**
 * The front matter of a tree, if it has one.
 *
 * @param tree
 *   mdast tree.
 * @returns
 *   Front matter.
 */
export function readFrontMatter(tree: Root): FrontMatter | undefined {
  const node = tree.children[0]
  if (!node || node.type !== 'yaml') return undefined
  let frontMatter = read.get(node)
  if (!frontMatter) {
    try {
      frontMatter = {node, data: parse(node.value)}
    } catch (error) {
      const reason = (error instanceof Error ? error.message.split('\n')[0] : String(error)).replace(/:$/, '')
      frontMatter = {node, error: reason}
      const at = (error as {pos?: unknown}).pos
      if (Array.isArray(at) && typeof at[0] === 'number') frontMatter.errorAt = at[0]
    }

    read.set(node, frontMatter)
  }

  return frontMatter
}

/**
 * The date the front matter gives, as written: `date:`, else `published:`
 * or `datePublished:`.
 *
 * @param frontMatter
 *   Front matter.
 * @returns
 *   Value, if any.
 */
export function frontMatterDateValue(frontMatter: FrontMatter | undefined): unknown {
  const data = frontMatter?.data
  if (!data || typeof data !== 'object') return undefined
  const record = data as Record<string, unknown>
  return record.date ?? record.published ?? record.datePublished
}

/**
 * The article date in the front matter, if any.
 *
 * @param tree
 *   mdast tree.
 * @returns
 *   `YYYY-MM-DD` when the front matter has a valid date.
 */
export function frontMatterDate(tree: Root): string | undefined {
  const value = frontMatterDateValue(readFrontMatter(tree))
  return value === undefined ? undefined : parseIsoDate(value)
}
