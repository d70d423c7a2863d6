/**
 * Prose extraction: turns an mdast tree into blocks of plain prose (one per
 * paragraph, heading or table cell), each with a map from every character of
 * the prose back to its UTF-16 offset in the Markdown source.
 *
 * Only prose is read: code, inline code, HTML, front matter, link and image
 * destinations, autolinks and bare URLs are skipped. Escapes and character
 * references are aligned to their source (`\*` maps to the `*`, `&amp;` to
 * the whole reference), so tags keep pointing at the right source text inside
 * emphasis, links, list items and tables.
 */
import type {Nodes, Parents, Root} from 'mdast'
import {directiveNames as annotationDirectives, unreadAttributes} from './annotations/inline.ts'
import {currentMemory, ObjectCache} from './incremental/memory.ts'
import {eachNode} from './tree.ts'

/** A block of prose with its offset map. */
export interface ProseBlock {
  /** The prose text. */
  text: string
  /**
   * Where each character of `text` starts in the source, from `base`: an
   * edit that moves a block moves its base, not its maps.
   */
  map: Int32Array
  /**
   * Where each character ends (after an escape's character, after a
   * character reference's `;`), from `base`.
   */
  ends: Int32Array
  /** Source offset the maps count from. */
  base: number
  /** Type of the block node (`paragraph`, `heading`, `tableCell`). */
  kind: string
}

const blockTypes: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'tableCell'
])
const skipTypes: ReadonlySet<string> = new Set([
  'code',
  'inlineCode',
  'html',
  'yaml',
  'toml',
  'image',
  'imageReference',
  'definition',
  'footnoteDefinition',
  'math',
  'inlineMath'
])

/**
 * Collect the prose blocks of a tree.
 *
 * @param tree
 *   mdast tree with positions.
 * @param source
 *   The Markdown source the tree was parsed from.
 * @returns
 *   Prose blocks in document order.
 */
export function proseBlocks(tree: Root, source: string): ProseBlock[] {
  const blocks: ProseBlock[] = []
  eachNode(tree, (node) => {
    if (skipTypes.has(node.type)) return false
    if (!blockTypes.has(node.type)) return
    const block = collectKept(node as Parents, source)
    if (block.text.trim()) blocks.push({text: block.text, map: block.map, ends: block.ends, base: block.base, kind: node.type})
    return false
  })
  return blocks
}

/** The text of a block and where each character is in the source. */
interface Collected {
  text: string
  map: Int32Array
  ends: Int32Array
  base: number
}

// The text of each block node, with the source it came from: after an
// edit, a block node `analyzeSync`'s reparse kept (where it was, or moved
// in place after the change) is not collected again.
const kept = new ObjectCache<Nodes, {start: number; source: string; block: Collected}>()

/**
 * Collect the text of one block, or take it from the last analysis.
 *
 * The text of a block is a function of its subtree and of the source
 * inside it: for the same node over the same source text, it is the one
 * kept, moved by as much as the node moved.
 *
 * @param block
 *   Block node.
 * @param source
 *   Markdown source.
 * @returns
 *   Text and map (shared with other analyses: never changed).
 */
function collectKept(block: Parents, source: string): Collected {
  const start = block.position?.start.offset
  const end = block.position?.end.offset
  if (start === undefined || end === undefined || !currentMemory()?.caches) return collect(block, source)
  // (One character on: an escape's check reads the character after a
  // backslash, which may be the node's last.)
  const inside = source.slice(start, end + 1)
  const known = kept.get(block)
  let collected: Collected
  if (known?.source !== inside) {
    collected = collect(block, source)
    // Kept from the node's start: where it moves, its maps stay.
    for (let index = 0; index < collected.map.length; index++) {
      collected.map[index] -= start
      collected.ends[index] -= start
    }

    collected.base = start
  } else if (known.start === start) {
    collected = known.block
  } else {
    collected = {text: known.block.text, map: known.block.map, ends: known.block.ends, base: start}
  }

  kept.set(block, {start, source: inside, block: collected})
  return collected
}

/**
 * Collect the text of one block.
 *
 * @param block
 *   Block node.
 * @param source
 *   Markdown source.
 * @returns
 *   Text and map.
 */
function collect(block: Parents, source: string): Collected {
  // The text as the values of its pieces, the offsets in typed arrays
  // (grown by doubling): no string or number per character.
  const chunks: string[] = []
  let map = new Int32Array(64)
  let ends = new Int32Array(64)
  let length = 0
  // The last character added (a space, or the last of a text value).
  let last = ''
  let previousEnd = -1
  // Attributes after a Newsmark directive that remark-directive could not
  // read (left as text): not prose (`readDirectives` reports them).
  let unread: {start: number; end: number} | undefined

  eachNode(block, visit)
  return {text: chunks.join(''), map: map.slice(0, length), ends: ends.slice(0, length), base: 0}

  /** Read a node; `false`: not its children. */
  function visit(node: Nodes): boolean | undefined {
    if (skipTypes.has(node.type)) {
      // Skipped inline content still separates words ("a `b` c").
      separate(node.position?.start.offset ?? previousEnd, true)
      previousEnd = Math.max(previousEnd, node.position?.end.offset ?? previousEnd)
      return false
    }

    if (node.type === 'link' && isBareUrl(node, source)) {
      separate(node.position?.start.offset ?? previousEnd, true)
      previousEnd = Math.max(previousEnd, node.position?.end.offset ?? previousEnd)
      return false
    }

    if (node.type === 'break') {
      separate(node.position?.start.offset ?? previousEnd, true)
      previousEnd = Math.max(previousEnd, node.position?.end.offset ?? previousEnd)
      return false
    }

    // A text directive Newsmark does not use (`UPDATE:Reuters said`) is
    // prose that remark-directive took for markup: keep its name as text.
    if (node.type === 'textDirective' && !Object.hasOwn(annotationDirectives, node.name)) {
      const start = node.position?.start.offset
      const text = ':' + node.name
      if (start !== undefined && source.slice(start, start + text.length) === text) {
        align(text, start, start + text.length)
      }
    }

    if (node.type === 'textDirective' && Object.hasOwn(annotationDirectives, node.name)) {
      unread = unreadAttributes(node, source)
    }

    if (node.type === 'text') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return false
      if (unread && start === unread.start) {
        // The rest of the text after the block, when it maps one to one
        // (no escapes); else none of it (a rare, reported mistake).
        const rest = source.slice(Math.min(unread.end, end), end)
        previousEnd = Math.max(previousEnd, Math.min(unread.end, end))
        if (rest && node.value.endsWith(rest)) align(rest, Math.min(unread.end, end), end)
        unread = undefined
        return false
      }

      align(node.value, start, end)
      return false
    }

    return undefined
  }

  /**
   * Insert a space where skipped content or a hard break stood
   * (`force`). Text nodes that follow each other are joined as they are:
   * what lies between them is markup (`**Poland**’s`), since white space
   * in prose is always inside text nodes.
   */
  function separate(start: number, force = false) {
    if (!force || previousEnd < 0 || start < previousEnd) return
    if (last && /\s$/.test(last)) return
    chunks.push(' ')
    last = ' '
    push(previousEnd, previousEnd)
  }

  /** Record the source range of the next character. */
  function push(start: number, end: number) {
    if (length === map.length) {
      const grownMap = new Int32Array(map.length * 2)
      grownMap.set(map)
      map = grownMap
      const grownEnds = new Int32Array(ends.length * 2)
      grownEnds.set(ends)
      ends = grownEnds
    }

    map[length] = start
    ends[length] = end
    length++
  }

  /** Append a text value, mapping each character to its source range. */
  function align(value: string, start: number, end: number) {
    if (value.length === 0) {
      previousEnd = Math.max(previousEnd, Math.min(start, end))
      return
    }

    chunks.push(value)
    last = value[value.length - 1]
    let cursor = start
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index)
      if (cursor < end && source.charCodeAt(cursor) !== code) {
        if (source.charCodeAt(cursor) === 92 /* \\ */ && source.charCodeAt(cursor + 1) === code) {
          push(cursor, cursor + 2)
          cursor += 2
          continue
        }

        if (source.charCodeAt(cursor) === 38 /* & */) {
          const semicolon = source.indexOf(';', cursor)
          if (semicolon > cursor && semicolon < end && semicolon - cursor < 33) {
            push(cursor, semicolon + 1)
            // A reference can stand for two UTF-16 units (astral).
            if (index + 1 < value.length && isLowSurrogate(value, index + 1)) {
              index++
              push(cursor, semicolon + 1)
            }

            cursor = semicolon + 1
            continue
          }
        }

        // Container prefixes ("> ", indentation) inside a paragraph.
        const found = source.indexOf(value[index], cursor)
        if (found >= 0 && found < end) cursor = found
      }

      const at = Math.min(cursor, end - 1)
      push(at, at + 1)
      cursor++
    }

    previousEnd = Math.max(previousEnd, Math.min(cursor, end))
  }
}

/**
 * Whether a link is a bare URL (an autolink `<https://…>` or a GFM literal
 * `www.example.com`), not prose: such links are not written with brackets.
 * A bracketed link is prose even when its address ends with its text
 * (`[Poland](https://en.wikipedia.org/wiki/Poland)`).
 *
 * @param node
 *   Link node.
 * @param source
 *   Markdown source.
 * @returns
 *   Whether it is a bare URL.
 */
function isBareUrl(node: Nodes & {type: 'link'}, source: string): boolean {
  const start = node.position?.start.offset
  return start !== undefined && source[start] !== '['
}

/**
 * Whether the character at `index` is a low surrogate.
 *
 * @param value
 *   String.
 * @param index
 *   Index.
 * @returns
 *   Whether it is one.
 */
function isLowSurrogate(value: string, index: number): boolean {
  const code = value.charCodeAt(index)
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * Map a `[start, end)` range of block text to source offsets.
 *
 * @param block
 *   Block.
 * @param start
 *   Start in `block.text`.
 * @param end
 *   End in `block.text` (exclusive, greater than `start`).
 * @returns
 *   Source range.
 */
export function toSource(
  block: ProseBlock,
  start: number,
  end: number
): {start: number; end: number} {
  return {start: block.base + block.map[start], end: block.base + block.ends[end - 1]}
}
