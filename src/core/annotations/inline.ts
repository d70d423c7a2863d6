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

/**
 * Read Newsmark directives from a tree as annotations.
 *
 * @param tree
 *   mdast tree with positions, parsed with remark-directive.
 * @param source
 *   Its Markdown source.
 * @returns
 *   Annotations (marked `inline`) and problems (`line:column: reason`).
 */
export function readDirectives(tree: Root, source: string): {annotations: Annotation[]; problems: string[]} {
  const annotations: Annotation[] = []
  const problems: string[] = []
  const lineOf = lineIndex(source)
  eachNode(tree, (node) => {
    if (node.type !== 'textDirective') return
    // Own names only: `:constructor[…]` is no annotation (`Object.prototype`).
    const type = Object.hasOwn(directiveNames, node.name) ? directiveNames[node.name] : undefined
    const start = node.position?.start.offset
    if (!type || start === undefined) return
    const line = lineOf(start)
    const where = `${line}:${start - source.lastIndexOf('\n', start - 1)}`
    const first = node.children[0]?.position?.start.offset
    const last = node.children.at(-1)?.position?.end.offset
    if (first === undefined || last === undefined || first >= last) {
      problems.push(`${where}: unexpected empty \`:${node.name}\` directive, expected text in brackets (\`:${node.name}[…]\`)`)
      return
    }

    const attributes = node.attributes ?? {}
    const note = attributes.note || undefined
    const fields = {
      id: `urn:newsmark:inline:${line}:${where.split(':')[1]}`,
      target: targetOf(source, first, last),
      inline: true,
      ...(note ? {note} : {})
    }
    const verdict = attributes.verdict
    const url = attributes.source || undefined
    if (url && !isUrl(url)) {
      problems.push(`${where}: unexpected \`source="${url}"\`, expected an http(s) URL`)
      return
    }

    if (type === 'CLAIM' && verdict) {
      if (!verdicts.includes(verdict as Verdict)) {
        problems.push(`${where}: unexpected \`verdict=${verdict}\`, expected one of ${verdicts.join(', ')}`)
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
 * The edit that wraps a selection in a directive.
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
 *   When the selection is empty, spans paragraphs, or would not parse as
 *   one directive there (inside code, across a link, …).
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

  const newText = `:${name}[${balanced(label) ? label : label.replace(/(?<!\\)([[\]])/g, '\\$1')}]${attributes.length > 0 ? `{${attributes.join(' ')}}` : ''}`

  const literal = new Set(['inlineCode', 'code', 'html', 'yaml', 'definition', 'math', 'inlineMath'])
  eachNode(parser.parse(source), (node) => {
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

  const changed = source.slice(0, start) + newText + source.slice(end)
  let found = false
  eachNode(parser.parse(changed), (node) => {
    if (node.type === 'textDirective' && node.position?.start.offset === start && node.position.end.offset === start + newText.length) found = true
  })
  if (!found) {
    throw new Error('Unexpected selection: it cannot be wrapped in a directive there (code, HTML, or across a link or emphasis), expected plain text')
  }

  return {start, end, newText}
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
