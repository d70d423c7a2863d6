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
      const value = (node as Nodes).type === 'html' ? (node as {value: string}).value.trim() : ''
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
