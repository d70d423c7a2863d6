/**
 * Inline comments that turn rules off and on, with
 * `unified-message-control` (as `remark-message-control` does for lint):
 *
 * ```markdown
 * <!-- newsmark disable loaded-verb -->
 * <!-- newsmark enable loaded-verb -->
 * <!-- newsmark ignore unsourced-number hedging -->
 * <!-- newsmark disable -->
 * ```
 *
 * `disable` and `enable` hold from the comment on; `ignore` covers the next
 * block only; without rule ids they apply to every rule. A comment with an
 * unknown keyword or rule id is reported (as `newsmark-comment`, a warning)
 * and the unknown part is skipped, so a typo never stops the analysis.
 */
import type {Nodes, Root} from 'mdast'
import {messageControl, type Marker} from 'unified-message-control'
import type {VFile} from 'vfile'

const commentPattern = /^<!--\s*newsmark\s+([\s\S]*?)\s*-->$/
const keywords: ReadonlySet<string> = new Set(['disable', 'enable', 'ignore'])

/**
 * Filter `file.messages` by the `<!-- newsmark … -->` comments of a tree.
 *
 * @param tree
 *   mdast tree of the file.
 * @param file
 *   File with messages.
 * @param known
 *   Rule ids that comments may name.
 */
export function applyComments(tree: Root, file: VFile, known: ReadonlyArray<string>): void {
  const knownSet = new Set(known)

  messageControl(tree, {
    file,
    name: 'newsmark',
    source: 'newsmark',
    test: 'html',
    marker(node): Marker | undefined {
      const value = (node as Nodes).type === 'html' ? (node as Nodes & {value: string}).value.trim() : ''
      const match = commentPattern.exec(value)
      if (!match) return undefined
      const [keyword = '', ...ids] = match[1].split(/\s+/).filter(Boolean)
      if (!keywords.has(keyword)) {
        warn(node, `Unexpected keyword \`${keyword}\` in newsmark comment, expected \`disable\`, \`enable\` or \`ignore\``)
        return undefined
      }

      const valid = ids.filter((id) => {
        if (knownSet.has(id)) return true
        warn(node, `Unexpected rule id \`${id}\` in newsmark comment, expected one of ${[...knownSet].map((id) => '`' + id + '`').join(', ')}`)
        return false
      })
      // A comment whose every id is unknown must not act on all rules.
      if (ids.length > 0 && valid.length === 0) return undefined
      return {name: 'newsmark', attributes: [keyword, ...valid].join(' ')}
    }
  })

  function warn(node: {position?: Nodes['position']}, reason: string) {
    const message = file.message(reason, {
      ...(node.position ? {place: node.position} : {}),
      ruleId: 'newsmark-comment',
      source: 'newsmark'
    })
    message.fatal = false
  }
}

/** A text insertion. */
export interface Insertion {
  /** Offset to insert at. */
  offset: number
  /** Text to insert. */
  text: string
}

/**
 * The edit that silences one finding: an `ignore` comment on its own line
 * before the block the finding is in (the quick fix “Ignore … here”).
 *
 * @param source
 *   Markdown source.
 * @param offset
 *   Offset of the finding.
 * @param ruleId
 *   Rule to ignore.
 * @returns
 *   Insertion at the start of the block’s first line, keeping its indent
 *   and any list or quote markers out of the comment’s way.
 */
export function ignoreComment(source: string, offset: number, ruleId: string): Insertion {
  // The block starts after the last blank line before the finding.
  let start = Math.max(0, Math.min(offset, source.length))
  start = source.lastIndexOf('\n', start - 1) + 1
  while (start > 0) {
    const previous = source.lastIndexOf('\n', start - 2) + 1
    if (source.slice(previous, start).trim() === '') break
    start = previous
  }

  const indent = /^[ \t]*(?:>[ \t]?)*/.exec(source.slice(start))![0]
  return {offset: start, text: `${indent}<!-- newsmark ignore ${ruleId} -->\n`}
}
