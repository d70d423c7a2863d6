/**
 * Walking an mdast tree without recursion: block quotes, lists, emphasis
 * and links nest as deep as a document's markup does (`> > > …`), deeper
 * than a recursive walk has stack for (`unist-util-visit` runs out at a few
 * thousand levels).
 */
import type {Nodes} from 'mdast'

/**
 * Visit every node of a tree, depth first, in document order.
 *
 * @param tree
 *   Tree (or any node).
 * @param visitor
 *   Called with each node; `false` skips the node's children.
 */
export function eachNode(tree: Nodes, visitor: (node: Nodes) => boolean | undefined | void): void {
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (visitor(node) === false || !('children' in node)) continue
    for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index])
  }
}
