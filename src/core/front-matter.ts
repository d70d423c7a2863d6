/**
 * Front matter: reads the article's `date:` from YAML front matter, and
 * reports front matter that is not valid YAML (a warning, never a crash:
 * the rest of the article is still tagged).
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {parse} from 'yaml'
import {parseIsoDate} from './options.ts'

/**
 * The article date in the front matter, if any.
 *
 * @param tree
 *   mdast tree.
 * @param file
 *   File, to report invalid front matter on.
 * @returns
 *   `YYYY-MM-DD` when the front matter has a valid `date:`.
 */
export function frontMatterDate(tree: Root, file: VFile): string | undefined {
  const node = tree.children[0]
  if (!node || node.type !== 'yaml') return undefined
  let data: unknown
  try {
    data = parse(node.value)
  } catch (error) {
    const reason = (error instanceof Error ? error.message.split('\n')[0] : String(error)).replace(/:$/, '')
    const message = file.message(
      'Unexpected invalid YAML in front matter, expected valid YAML: ' + reason,
      {
        place: node.position,
        ruleId: 'front-matter-invalid',
        source: 'newsmark',
        ...(error instanceof Error ? {cause: error} : {})
      }
    )
    message.fatal = false
    return undefined
  }

  if (!data || typeof data !== 'object') return undefined
  const record = data as Record<string, unknown>
  const value = record.date ?? record.published ?? record.datePublished
  if (value === undefined) return undefined
  const date = parseIsoDate(value)
  if (!date) {
    const message = file.message(
      `Unexpected front matter \`date: ${String(value)}\`, expected a date as \`YYYY-MM-DD\``,
      {place: node.position, ruleId: 'front-matter-date', source: 'newsmark'}
    )
    message.fatal = false
  }

  return date
}
