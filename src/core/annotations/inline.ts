/**
 * Inline annotations: remark-directive text directives in the Markdown.
 *
 * ```markdown
 * :person[Cezary Tomczyk]{role="Deputy Defense Minister"}
 * :org[BELMA] :place[Bydgoszcz] :thing[East Shield] :date[February 20]{value=2026-02-20}
 * :claim[output will rise by 25 times]{verdict=unverifiable source="https://…" note="…"}
 * ```
 *
 * `readDirectives` turns them into annotations (the label’s source span is
 * the target); `wrapInDirective` makes the text edit that wraps a selection
 * in one. Aliases: `organization`/`organisation`, `location`, `misc`/
 * `entity`, `time`, `quote`. A `claim` with a `verdict` is a verdict; without
 * one it tags a claim. Other directives are left alone.
 */
import type {Root} from 'mdast'
import type {TextDirective} from 'mdast-util-directive'
import {fnv1a64} from '../hash.ts'
import {createParser} from '../parse.ts'
import {eachNode} from '../tree.ts'
import {lineIndex, targetOf} from './positions.ts'
import {directiveNames} from './syntax.ts'
import {verdicts, type Annotation, type TagType, type Verdict} from './types.ts'
import {isUrl} from './w3c.ts'
import type {Range} from './edit.ts'

export {directiveNames} from './syntax.ts'

/** The name `wrapInDirective` writes for each type. */
const preferredNames: Readonly<Record<TagType, string>> = {
  PER: 'person',
  ORG: 'org',
  LOC: 'place',
  MISC: 'thing',
  DATE: 'date',
  CLAIM: 'claim'
}

/** What to wrap a selection in. */
export interface DirectiveSpec {
  type: TagType
  /** `role` attribute (people, organisations). */
  role?: string | null | undefined
  /** `value` attribute: TimeML value of a date. */
  value?: string | null | undefined
  /** `verdict` attribute (claims). */
  verdict?: Verdict | null | undefined
  /** `source` attribute: URL of the evidence (claims). */
  source?: string | null | undefined
  /** `note` attribute. */
  note?: string | null | undefined
}

/** A text edit: replace `[start, end)` (UTF-16) with `newText`. */
export interface TextEdit {
  start: number
  end: number
  newText: string
}

/** A directive that could not be read: where (1-based line and column, UTF-16 offsets) and why. */
export interface DirectiveProblem {
  readonly line: number
  readonly column: number
  readonly start: number
  readonly end: number
  readonly message: string
}

/**
 * Read Newsmark directives from a tree as annotations.
 *
 * @param tree
 *   mdast tree with positions, parsed with remark-directive.
 * @param source
 *   Its Markdown source.
 * @returns
 *   Annotations (marked `inline`) and problems (where, and why).
 */
export function readDirectives(tree: Root, source: string): {annotations: Annotation[]; problems: DirectiveProblem[]} {
  const annotations: Annotation[] = []
  const problems: DirectiveProblem[] = []
  const lineOf = lineIndex(source)
  const problem = (start: number, end: number, message: string): DirectiveProblem => ({
    line: lineOf(start),
    column: start - source.lastIndexOf('\n', start - 1),
    start,
    end,
    message
  })
  // How many directives of each kind and text came before: the id of the
  // second `:claim[same words]` differs from the first’s.
  const seen = new Map<string, number>()
  eachNode(tree, (node) => {
    if (node.type !== 'textDirective') return
    // Own names only: `:constructor[…]` is no annotation (`Object.prototype`).
    const type = Object.hasOwn(directiveNames, node.name) ? directiveNames[node.name] : undefined
    const start = node.position?.start.offset
    if (!type || start === undefined) return
    const end = node.position?.end.offset ?? start
    const first = node.children[0]?.position?.start.offset
    const last = node.children.at(-1)?.position?.end.offset
    if (first === undefined || last === undefined || first >= last) {
      problems.push(problem(start, end, `unexpected empty \`:${node.name}\` directive, expected text in brackets (\`:${node.name}[…]\`)`))
      return
    }

    const unread = unreadAttributes(node, source)
    if (unread) {
      problems.push(
        problem(
          unread.start,
          unread.end,
          `unexpected attributes \`${oneLine(source.slice(unread.start, unread.end))}\` that cannot be read, ` +
            'expected `key=value` or `key="value"` pairs (a `"` in a value is written `&quot;`)'
        )
      )
      return
    }

    const attributes = node.attributes ?? {}
    const note = attributes.note || undefined
    const target = targetOf(source, first, last)
    const kind = type === 'CLAIM' && attributes.verdict ? 'verdict' : 'tag'
    const key = `${kind}\u0000${type}\u0000${target.exact}`
    const occurrence = (seen.get(key) ?? 0) + 1
    seen.set(key, occurrence)
    const fields = {
      id: inlineId(key, occurrence),
      target,
      inline: true,
      ...(note ? {note} : {})
    }
    const verdict = attributes.verdict
    const url = attributes.source || undefined
    if (url && !isUrl(url)) {
      problems.push(problem(start, end, `unexpected \`source="${url}"\`, expected an http(s) URL`))
      return
    }

    if (type === 'CLAIM' && verdict) {
      if (!verdicts.includes(verdict as Verdict)) {
        problems.push(problem(start, end, `unexpected \`verdict=${verdict}\`, expected one of ${verdicts.join(', ')}`))
        return
      }

      annotations.push({...fields, kind: 'verdict', verdict: verdict as Verdict, ...(url ? {source: url} : {})})
      return
    }

    const role = attributes.role || undefined
    const value = attributes.value || undefined
    annotations.push({
      ...fields,
      kind: 'tag',
      type,
      ...(role && type !== 'DATE' ? {role} : {}),
      ...(value && type === 'DATE' ? {value} : {})
    })
  })
  return {annotations, problems}
}

/**
 * The attribute block right after a Newsmark directive that remark-directive
 * could not read (`:claim[…]{note="a \\"b\\""}`): it then ends the directive
 * at `]` and leaves the block as text. Such a block must neither be taken as
 * prose nor be dropped silently.
 *
 * @param node
 *   A text directive with positions.
 * @param source
 *   Markdown source.
 * @returns
 *   Source range of the block, from its `{` to its `}` (or the end of the
 *   line when it has none), or `undefined` when there is none.
 */
export function unreadAttributes(node: Readonly<TextDirective>, source: string): {start: number; end: number} | undefined {
  const start = node.position?.end.offset
  if (start === undefined || source.charAt(start) !== '{') return undefined
  let quote = ''
  let lineEnd = source.indexOf('\n', start)
  if (lineEnd === -1) lineEnd = source.length
  for (let index = start + 1; index < source.length; index++) {
    const char = source.charAt(index)
    // Attributes may go on over line endings, not past a paragraph.
    if (char === '\n' && /^\n[ \t]*(?:\r?\n|$)/.test(source.slice(index, index + 64))) break
    if (quote) {
      if (char === quote) quote = ''
    } else if (char === '"' || char === "'") {
      quote = char
    } else if (char === '}') {
      return {start, end: index + 1}
    }
  }

  // Unbalanced quotes: the first `}` on the line, else the whole line.
  const close = source.indexOf('}', start)
  return {start, end: close !== -1 && close < lineEnd ? close + 1 : lineEnd}
}

/**
 * The edit that wraps a selection in a directive.
 *
 * The edit is checked by parsing it back: the directive must read as the
 * annotation asked for, over the text selected, and the document must
 * render the same text as before. A selection that splits a character
 * reference (`&amp;` cut after `&am`) or an escape (`\\*` cut after the
 * backslash) is widened to hold it; one that still would not round-trip is
 * refused.
 *
 * @param source
 *   Markdown source.
 * @param range
 *   Selection (UTF-16); surrounding white space is left out.
 * @param spec
 *   Type and attributes.
 * @returns
 *   Text edit.
 * @throws
 *   When the selection is empty, spans paragraphs, or would not parse back
 *   as the same text and annotation there (inside code, across a link, …).
 * @example
 *   wrapInDirective(source, {start, end}, {type: 'CLAIM', verdict: 'unverifiable'})
 *   // {start, end, newText: ':claim[output will rise by 25 times]{verdict=unverifiable}'}
 */
export function wrapInDirective(source: string, range: Readonly<Range>, spec: Readonly<DirectiveSpec>): TextEdit {
  const name = Object.hasOwn(preferredNames, spec.type) ? preferredNames[spec.type] : undefined
  if (!name) throw new Error(`Unexpected type \`${String(spec.type)}\`, expected one of ${Object.keys(preferredNames).join(', ')}`)
  let {start, end} = range
  while (start < end && /\s/.test(source.charAt(start))) start++
  while (end > start && /\s/.test(source.charAt(end - 1))) end--
  if (start >= end) throw new Error('Unexpected empty selection, expected some text to annotate')
  ;({start, end} = widen(source, start, end))
  const label = source.slice(start, end)
  if (/\n[ \t]*\r?\n/.test(label)) throw new Error('Unexpected selection across paragraphs, expected text within one paragraph')
  if (spec.verdict && !verdicts.includes(spec.verdict)) {
    throw new Error(`Unexpected verdict \`${spec.verdict}\`, expected one of ${verdicts.join(', ')}`)
  }

  if (spec.source && !isUrl(spec.source)) throw new Error(`Unexpected source \`${spec.source}\`, expected an http(s) URL`)
  const attributes: string[] = []
  for (const key of ['role', 'value', 'verdict', 'source', 'note'] as const) {
    const value = spec[key]
    if (!value) continue
    attributes.push(`${key}=${/^[\w-]+$/.test(value) ? value : '"' + value.replace(/&/g, '&amp;').replace(/"/g, '&quot;') + '"'}`)
  }

  const literal = new Set(['inlineCode', 'code', 'html', 'yaml', 'definition', 'math', 'inlineMath'])
  const tree = parser.parse(source)
  eachNode(tree, (node) => {
    const from = node.position?.start.offset
    const to = node.position?.end.offset
    if (node.type === 'text' || from === undefined || to === undefined || to <= start || from >= end) return
    // A selection is inside a parent when it is inside its content: not in a
    // link's URL, a directive's attributes or a heading's `#`.
    const children = 'children' in node && node.children.length > 0 ? node.children : undefined
    const contentFrom = children?.[0]?.position?.start.offset ?? from
    const contentTo = children?.at(-1)?.position?.end.offset ?? to
    const contains = contentFrom <= start && end <= contentTo
    if ((contains && literal.has(node.type)) || !(contains || (start <= from && to <= end))) {
      throw new Error(
        `Unexpected selection ${contains ? 'inside' : 'across'} ${markupNames[node.type] ?? 'Markdown markup'} (\`${node.type}\`), expected plain text`
      )
    }
  })

  // The label as selected, else with its brackets escaped (`\[`: the same
  // text, and no link or label inside the directive's).
  const escaped = label.replace(/(?<!\\)([[\]])/g, '\\$1')
  const labels = balanced(label) ? [label, escaped] : [escaped]
  const text = renderedText(tree)
  for (const candidate of new Set(labels)) {
    const newText = `:${name}[${candidate}]${attributes.length > 0 ? `{${attributes.join(' ')}}` : ''}`
    const edit = {start, end, newText}
    if (roundTrips(source, edit, name.length, candidate, spec, text)) return edit
  }

  throw new Error(
    'Unexpected selection: wrapped in a directive there it would not read back as the same text and annotation (code, HTML, or across a link or emphasis), expected plain text'
  )
}

/**
 * Move the ends of a selection out of a character reference (`&amp;`,
 * `&#35;`) or an escape (`\\*`) they split, so that it holds them whole.
 *
 * @param source
 *   Markdown source.
 * @param start
 *   Selection start.
 * @param end
 *   Selection end.
 * @returns
 *   Selection.
 */
function widen(source: string, start: number, end: number): {start: number; end: number} {
  const reference = /&(?:#[xX][\da-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z\d]{0,31});/g
  const around = (at: number): {from: number; to: number} | undefined => {
    const from = Math.max(0, at - 40)
    reference.lastIndex = 0
    const window = source.slice(from, at + 40)
    for (let match = reference.exec(window); match; match = reference.exec(window)) {
      const first = from + match.index
      if (first < at && at < first + match[0].length) return {from: first, to: first + match[0].length}
    }

    return undefined
  }

  start = around(start)?.from ?? start
  end = around(end)?.to ?? end
  // A backslash before the selection escapes its first character; one that
  // ends it escapes the character after.
  if (start > 0 && source.charAt(start - 1) === '\\' && /[!-/:-@[-`{-~]/.test(source.charAt(start)) && !escapedAt(source, start - 1)) start--
  if (end < source.length && source.charAt(end - 1) === '\\' && !escapedAt(source, end - 1)) end++
  return {start, end}
}

/**
 * Whether the character at an offset is escaped (an odd run of backslashes
 * before it).
 *
 * @param source
 *   Text.
 * @param at
 *   Offset.
 * @returns
 *   Whether it is.
 */
function escapedAt(source: string, at: number): boolean {
  let count = 0
  while (at - count - 1 >= 0 && source.charAt(at - count - 1) === '\\') count++
  return count % 2 === 1
}

/**
 * Whether an edit that wraps a label reads back as the annotation asked for,
 * over that label, and leaves the rendered text as it was.
 *
 * @param source
 *   Markdown source.
 * @param edit
 *   The edit.
 * @param nameLength
 *   Length of the directive name.
 * @param label
 *   The label as written.
 * @param spec
 *   Type and attributes.
 * @param text
 *   The rendered text of the source (`renderedText`).
 * @returns
 *   Whether it round-trips.
 */
function roundTrips(source: string, edit: TextEdit, nameLength: number, label: string, spec: Readonly<DirectiveSpec>, text: string): boolean {
  const changed = source.slice(0, edit.start) + edit.newText + source.slice(edit.end)
  const tree = parser.parse(changed)
  const labelStart = edit.start + nameLength + 2
  const {annotations} = readDirectives(tree, changed)
  const read = annotations.filter((annotation) => annotation.target.start >= edit.start && annotation.target.end <= edit.start + edit.newText.length)
  if (read.length !== 1 || renderedText(tree) !== text) return false
  const [annotation] = read
  const {target} = annotation
  if (target.start !== labelStart || target.end !== labelStart + label.length || (annotation.note ?? '') !== (spec.note ?? '')) return false
  if (spec.type === 'CLAIM' && spec.verdict) {
    return annotation.kind === 'verdict' && annotation.verdict === spec.verdict && (annotation.source ?? '') === (spec.source ?? '')
  }

  return (
    annotation.kind === 'tag' &&
    annotation.type === spec.type &&
    (annotation.role ?? '') === (spec.type === 'DATE' ? '' : spec.role ?? '') &&
    (annotation.value ?? '') === (spec.type === 'DATE' ? spec.value ?? '' : '')
  )
}

/**
 * The text a tree renders: its literal values in order (a directive's name
 * and attributes are not text; its label is).
 *
 * @param tree
 *   mdast tree.
 * @returns
 *   Text.
 */
function renderedText(tree: Root): string {
  const values: string[] = []
  eachNode(tree, (node) => {
    if ('value' in node && typeof node.value === 'string') values.push(node.value)
  })
  return values.join('')
}

const markupNames: Readonly<Record<string, string>> = {
  inlineCode: 'code',
  code: 'code',
  html: 'HTML',
  yaml: 'front matter',
  link: 'a link',
  linkReference: 'a link',
  textDirective: 'a directive',
  emphasis: 'emphasis',
  strong: 'emphasis'
}

const parser = createParser()

/**
 * The id of an inline annotation: stable while its directive’s kind, type
 * and text stay the same, wherever it moves in the article
 * (`urn:newsmark:inline:` and 16 hex digits of a FNV-1a 64-bit hash of
 * them and the directive’s occurrence among equal ones).
 *
 * @param key
 *   Kind, type and text of the directive.
 * @param occurrence
 *   1 for the first directive with this key, 2 for the next, ….
 * @returns
 *   IRI.
 */
function inlineId(key: string, occurrence: number): string {
  return `urn:newsmark:inline:${fnv1a64(`${key}\u0000${occurrence}`)}`
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > 60 ? flat.slice(0, 59) + '…' : flat
}

function balanced(text: string): boolean {
  let depth = 0
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '\\') index++
    else if (char === '[') depth++
    else if (char === ']' && --depth < 0) return false
  }

  return depth === 0
}
