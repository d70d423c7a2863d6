/**
 * Incremental parsing: after an edit, parse again only the top-level blocks
 * around the change and splice them into the previous tree.
 *
 * The result is the tree a full parse gives (`test/core/reparse.test.ts`
 * checks it on random edits). Where that cannot be known cheaply, the whole
 * document is parsed again: when the document holds a definition (`]:`, a
 * definition anywhere changes links everywhere), a lone carriage return
 * (lines would be counted differently), a `---` at the start that opened
 * no front matter or that the parsed slice does not close, or when the
 * blocks at either edge of the parsed slice do not come out as they were
 * (an edit that opens a code fence or an HTML comment runs on past the
 * slice).
 */
import type {Nodes, Root, RootContent} from 'mdast'
import type {Point, Position} from 'unist'
import {unchanged} from './changed-range.ts'
import {detach} from './incremental/memory.ts'
import {firstIndex} from './sorted.ts'

/** A parsed document. */
export interface Parsed {
  source: string
  tree: Root
}

/**
 * Parse a document, reusing the tree of a previous version of it.
 *
 * @param parse
 *   Parses a whole document (the processor's parser).
 * @param previous
 *   The previous version and its tree, if any.
 * @param source
 *   New source.
 * @param owned
 *   Whether the previous tree is the caller's to change, to be used no
 *   more: the blocks after the edit then move in place (the new tree holds
 *   them) rather than as copies, and the previous tree is left invalid.
 *   By default it is never changed.
 * @returns
 *   Tree of `source`.
 */
export function reparse(
  parse: (value: string) => Root,
  previous: Parsed | undefined,
  source: string,
  owned = false
): Root {
  if (!previous || source.includes(']:') || source.includes('\r') || previous.source.includes(']:')) {
    return parse(source)
  }

  if (previous.source === source) return previous.tree
  // A `---` that does not open front matter changes how later lines parse
  // (an empty list item becomes a paragraph: micromark-extension-frontmatter).
  if (/^\ufeff?---/.test(previous.source) && previous.tree.children[0]?.type !== 'yaml') return parse(source)
  return splice(parse, previous, source, owned) ?? parse(source)
}

/**
 * Parse a long document a slice at a time: each slice starts at the last
 * block but one of the tree so far and ends at a blank line before a line
 * that starts with a letter (a place where a paragraph may start), and its
 * blocks take the place of the last two. The tree is that of a whole
 * parse (`test/core/reparse.test.ts`), at a lower cost: micromark's work
 * on its list of events grows faster than the document (a 1 MB file
 * parses at two thirds of the speed of a 100 KB one), and that list is
 * the largest thing a parse holds.
 *
 * It parses whole what it cannot be sure of, as `reparse` does: a
 * definition, a carriage return, a `---` at the start that opens no front
 * matter, or a slice whose first block (the untouched one before the last)
 * does not come out as it was.
 *
 * @param parse
 *   Parses a whole document.
 * @param source
 *   Document.
 * @param size
 *   Slice size to aim at (characters).
 * @returns
 *   Tree of `source`.
 */
export function parseInChunks(parse: (value: string) => Root, source: string, size = 65_536): Root {
  // A byte order mark is left out of micromark's offsets: no slice would match.
  if (source.length < size * 2 || source.includes(']:') || source.includes('\r') || source.charCodeAt(0) === 0xfeff) {
    return parse(source)
  }

  const start = boundary(source, size)
  if (start === undefined) return parse(source)
  let end: number = start
  const first = parse(source.slice(0, end))
  if (/^\ufeff?---/.test(source) && first.children[0]?.type !== 'yaml') return parse(source)
  const children = [...first.children]
  let last = {tree: first, from: 0, fromLine: 1}
  let longer = 0
  while (end < source.length) {
    const next: number = boundary(source, end + size) ?? source.length
    let low = children.length - 2
    // Not a slice whose second block is an empty list item: that one is
    // read by the block before the first (see `splice`).
    while (low > 0 && (startsDocument(source, lineStart(source, offset(children[low].position!.start))) || startsEmptyItem(source, children[low + 1]))) low--
    if (low < 1) {
      // Too few blocks yet for an untouched one before the last: a longer
      // start, a few times at most (a document of one or two long blocks is
      // parsed whole).
      if (++longer > 4) return parse(source)
      const tree = parse(source.slice(0, next))
      children.length = 0
      for (const node of tree.children) children.push(node)
      last = {tree, from: 0, fromLine: 1}
      end = next
      continue
    }

    const anchor = children[low]
    const from = lineStart(source, offset(anchor.position!.start))
    const fromLine = anchor.position!.start.line
    const tree = parse(source.slice(from, next))
    const fresh = tree.children
    for (const node of fresh) shift(node, from, fromLine - 1)
    if (fresh.length === 0 || !same(fresh[0], anchor, 0, 0)) return parse(source)
    children.length = low
    for (const node of fresh) children.push(node)
    last = {tree, from, fromLine}
    end = next
    // One block ran over the whole slice (a fence or comment left open, a
    // container around the rest): each slice after would parse it again.
    // The rest goes in one slice.
    if (fresh.length < 3 && end < source.length) size = source.length
  }

  return {
    type: 'root',
    children,
    position: {
      start: {line: 1, column: 1, offset: 0},
      end: movedPosition(last.tree.position!, last.from, last.fromLine - 1).end
    }
  }
}

/**
 * Where a slice may end: after the first blank line at or after an offset
 * that is followed by a line starting with an ASCII letter.
 *
 * @param source
 *   Document.
 * @param at
 *   Offset.
 * @returns
 *   Offset of that line, if any.
 */
function boundary(source: string, at: number): number | undefined {
  let blank = source.indexOf('\n\n', Math.max(0, at - 1))
  while (blank !== -1) {
    let line = blank + 2
    while (source.charCodeAt(line) === 10) line++
    const code = source.charCodeAt(line) | 32
    if (code >= 97 && code <= 122) return line
    blank = source.indexOf('\n\n', line)
  }

  return undefined
}

/**
 * Splice a parse of the changed region into the previous tree.
 *
 * @param parse
 *   Parser.
 * @param previous
 *   Previous version.
 * @param source
 *   New source.
 * @param owned
 *   Whether the previous tree may be changed (`reparse`).
 * @returns
 *   Tree, or `undefined` when a full parse is needed.
 */
function splice(parse: (value: string) => Root, previous: Parsed, source: string, owned: boolean): Root | undefined {
  const old = previous.source
  const children = previous.tree.children
  const count = children.length
  if (count < 3) return

  // The changed range: [prefix, old.length - suffix) in the old source.
  const {prefix, suffix} = unchanged(old, source)
  const changeEnd = old.length - suffix
  const delta = source.length - old.length

  // One untouched block on either side of the change.
  let low = firstEndingAtOrAfter(children, prefix)
  low = Math.max(0, low - 1)
  let high = lastStartingAtOrBefore(children, changeEnd)
  high = Math.min(count - 1, high + 1)
  // An empty list item is read by the block before the one before it
  // (`startsEmptyItem`): parsed again, and so are those after it, not reused.
  while (high < count - 1 && startsEmptyItem(old, children[high + 1])) high++
  if (low === 0 && high === count - 1) return

  const from = low === 0 ? 0 : lineStart(old, offset(children[low].position!.start))
  if (from > prefix || (from > 0 && startsDocument(source, from))) return
  const fromLine = low === 0 ? 1 : children[low].position!.start.line
  // Up to the line the next block starts on (after the blank lines).
  const oldTo = high === count - 1 ? old.length : lineStart(old, offset(children[high + 1].position!.start))
  if (oldTo < changeEnd || oldTo < offset(children[high].position!.end)) return
  const to = oldTo + delta

  const lineDelta = lines(source, prefix, source.length - suffix) - lines(old, prefix, changeEnd)
  // A copy of the slice: the new nodes' values are cut from the text they
  // were parsed from, which V8 keeps whole while they live; a slice of the
  // document would keep this version of all of it for as long as they do.
  const tree = parse(detach(source.slice(from, to)))
  const fresh = tree.children
  for (const node of fresh) shift(node, from, fromLine - 1)

  // The edges parse as before, so the parser's state at both ends is.
  if (fresh.length === 0) return
  // A slice from the start that opens front matter must close it, as the
  // document did: unclosed, it would run on past the slice.
  if (low === 0 && /^\ufeff?---/.test(source) && fresh[0].type !== 'yaml') return
  if (low > 0 && !same(fresh[0], children[low], 0, 0)) return
  if (high < count - 1 && !same(fresh[fresh.length - 1], children[high], delta, lineDelta)) return

  const tail = children.slice(high + 1)
  if (delta !== 0 || lineDelta !== 0) {
    for (const [index, node] of tail.entries()) {
      // Moved in place (the same nodes, new positions), or copied.
      if (owned) shift(node, delta, lineDelta)
      else tail[index] = moved(node, delta, lineDelta)
    }
  }

  return {
    type: 'root',
    children: [...children.slice(0, low), ...fresh, ...tail],
    position: {
      start: {...previous.tree.position!.start},
      end:
        high === count - 1
          ? movedPosition(tree.position!, from, fromLine - 1).end
          : movedPosition(previous.tree.position!, delta, lineDelta).end
    }
  }
}

/** A line that is a list item's marker alone. */
const emptyItem = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]*$/

/**
 * Whether a block starts with an empty list item (“1. ” alone on its
 * line), which micromark reads as a list after a list but as a paragraph
 * after a paragraph and an indented code block: by the block before the
 * one before it.
 *
 * @param source
 *   Document the block is of.
 * @param node
 *   Block, if any.
 * @returns
 *   Whether it does.
 */
function startsEmptyItem(source: string, node: RootContent | undefined): boolean {
  if (!node) return false
  const start = lineStart(source, offset(node.position!.start))
  const end = source.indexOf('\n', start)
  return emptyItem.test(source.slice(start, end === -1 ? source.length : end))
}

/**
 * Whether a line would be read otherwise at the start of a document than
 * after other lines: `---` may open front matter there (and when it does
 * not, micromark-extension-frontmatter reads some later lines otherwise),
 * and a byte order mark is dropped there.
 *
 * @param source
 *   Document.
 * @param at
 *   Offset of a line start.
 * @returns
 *   Whether a slice may not start there.
 */
function startsDocument(source: string, at: number): boolean {
  return source.startsWith('---', at) || source.charCodeAt(at) === 0xfeff
}

/**
 * Index of the first child that ends at or after an offset (`count` when none).
 *
 * @param children
 *   Children.
 * @param at
 *   Offset.
 * @returns
 *   Index.
 */
function firstEndingAtOrAfter(children: ReadonlyArray<RootContent>, at: number): number {
  return firstIndex(children.length, (index) => offset(children[index].position!.end) >= at)
}

/**
 * Index of the last child that starts at or before an offset (`-1` when none).
 *
 * @param children
 *   Children.
 * @param at
 *   Offset.
 * @returns
 *   Index.
 */
function lastStartingAtOrBefore(children: ReadonlyArray<RootContent>, at: number): number {
  return firstIndex(children.length, (index) => offset(children[index].position!.start) > at) - 1
}

/**
 * Offset of a point.
 *
 * @param point
 *   Point.
 * @returns
 *   Offset.
 */
function offset(point: Point): number {
  return point.offset ?? 0
}

/**
 * Start of the line an offset is on.
 *
 * @param value
 *   Text.
 * @param at
 *   Offset.
 * @returns
 *   Offset of the line start.
 */
function lineStart(value: string, at: number): number {
  return at === 0 ? 0 : value.lastIndexOf('\n', at - 1) + 1
}

/**
 * Number of line feeds in a range.
 *
 * @param value
 *   Text.
 * @param start
 *   Start.
 * @param end
 *   End.
 * @returns
 *   Count.
 */
function lines(value: string, start: number, end: number): number {
  let result = 0
  let at = value.indexOf('\n', start)
  while (at !== -1 && at < end) {
    result++
    at = value.indexOf('\n', at + 1)
  }

  return result
}

/**
 * Move the positions of a subtree (changed in place: a fresh one, or one
 * of a tree the caller owns).
 *
 * @param node
 *   Node.
 * @param by
 *   Offset to add.
 * @param byLines
 *   Lines to add.
 */
function shift(node: Nodes, by: number, byLines: number): void {
  // Without recursion: block quotes and lists nest as deep as a document
  // has `>` and indents.
  const stack: Nodes[] = [node]
  while (stack.length > 0) {
    const next = stack.pop()!
    if (next.position) next.position = movedPosition(next.position, by, byLines)
    if ('children' in next) for (const child of next.children) stack.push(child)
  }
}

/**
 * A copy of a subtree of the previous tree, moved (the previous tree is
 * left as it was).
 *
 * @param node
 *   Node.
 * @param by
 *   Offset to add.
 * @param byLines
 *   Lines to add.
 * @returns
 *   Copy.
 */
function moved<T extends Nodes>(node: T, by: number, byLines: number): T {
  const copyOf = (original: Nodes): Nodes => {
    const copy = {...original}
    if (original.position) copy.position = movedPosition(original.position, by, byLines)
    return copy
  }

  // Without recursion (see `shift`): each copy's children are copied as
  // it is taken from the stack.
  const root = copyOf(node)
  const stack: Nodes[] = [root]
  while (stack.length > 0) {
    const copy = stack.pop()!
    if ('children' in copy) {
      const children = copy.children.map(copyOf)
      ;(copy as {children: Nodes[]}).children = children
      for (const child of children) stack.push(child)
    }
  }

  return root as T
}

/**
 * A moved position.
 *
 * @param position
 *   Position.
 * @param by
 *   Offset to add.
 * @param byLines
 *   Lines to add.
 * @returns
 *   Position.
 */
function movedPosition(position: Position, by: number, byLines: number): Position {
  return {
    start: {line: position.start.line + byLines, column: position.start.column, offset: offset(position.start) + by},
    end: {line: position.end.line + byLines, column: position.end.column, offset: offset(position.end) + by}
  }
}

/**
 * Whether a fresh node is an old one moved by `by` characters and
 * `byLines` lines: same fields, same positions, same children.
 *
 * @param fresh
 *   Node of the new parse.
 * @param old
 *   Node of the previous tree.
 * @param by
 *   Offset difference.
 * @param byLines
 *   Line difference.
 * @returns
 *   Whether they match.
 */
function same(fresh: Nodes, old: Nodes, by: number, byLines: number): boolean {
  // Pairs to compare, without recursion (see `shift`).
  const stack: Array<[Nodes, Nodes]> = [[fresh, old]]
  while (stack.length > 0) {
    const [a, b] = stack.pop()!
    if (!sameNode(a, b, by, byLines)) return false
    if ('children' in a) {
      if (!('children' in b) || a.children.length !== b.children.length) return false
      for (const [index, child] of a.children.entries()) stack.push([child, b.children[index]])
    } else if ('children' in b) {
      return false
    }
  }

  return true
}

/**
 * Whether a fresh node is an old one moved, its children aside (`same`).
 *
 * @param fresh
 *   Node of the new parse.
 * @param old
 *   Node of the previous tree.
 * @param by
 *   Offset difference.
 * @param byLines
 *   Line difference.
 * @returns
 *   Whether they match.
 */
function sameNode(fresh: Nodes, old: Nodes, by: number, byLines: number): boolean {
  if (fresh.type !== old.type) return false
  const a = fresh.position
  const b = old.position
  if (!a || !b) return a === b
  if (
    offset(a.start) !== offset(b.start) + by ||
    offset(a.end) !== offset(b.end) + by ||
    a.start.line !== b.start.line + byLines ||
    a.end.line !== b.end.line + byLines ||
    a.start.column !== b.start.column ||
    a.end.column !== b.end.column
  ) {
    return false
  }

  const keys = Object.keys(fresh)
  if (keys.length !== Object.keys(old).length) return false
  for (const key of keys) {
    if (key === 'position' || key === 'children') continue
    const x = (fresh as unknown as Record<string, unknown>)[key]
    const y = (old as unknown as Record<string, unknown>)[key]
    if (x !== y && JSON.stringify(x) !== JSON.stringify(y)) return false
  }

  return true
}
