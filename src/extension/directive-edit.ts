/**
 * Edits of inline annotations (remark-directive text directives such as
 * `:claim[…]{verdict=false}`): wrap a selection in one, change one in place,
 * or unwrap one back to its text. The core's `wrapInDirective` makes the
 * text and refuses selections it cannot wrap (inside code, across a link).
 */
import * as vscode from 'vscode'
import type {DirectiveSpec, Range, Target, TextEdit} from '../core/index.ts'
import type {Core} from './core-types.ts'

/** A directive in the source: its whole span and its label's. */
interface DirectiveSpan {
  readonly start: number
  readonly end: number
  readonly labelStart: number
  readonly labelEnd: number
}

/**
 * The edit that wraps a selection in a directive; when the selection is the
 * label of a directive already, that directive is replaced (so tagging or
 * giving a verdict again changes it rather than nesting a new one).
 * @param core
 *   The core.
 * @param source
 *   The article.
 * @param range
 *   The selection (UTF-16 offsets).
 * @param spec
 *   Type and attributes.
 * @returns
 *   The text edit.
 * @throws
 *   The core's error when the selection cannot be wrapped.
 */
export function directiveEdit(core: Core, source: string, range: Readonly<Range>, spec: Readonly<DirectiveSpec>): TextEdit {
  const existing = directiveAt(core, source, range)
  if (!existing) return core.wrapInDirective(source, range, spec)
  const label = source.slice(existing.labelStart, existing.labelEnd)
  const unwrapped = source.slice(0, existing.start) + label + source.slice(existing.end)
  const edit = core.wrapInDirective(unwrapped, {start: existing.start, end: existing.start + label.length}, spec)
  const newText = unwrapped.slice(existing.start, edit.start) + edit.newText + unwrapped.slice(edit.end, existing.start + label.length)
  return {start: existing.start, end: existing.end, newText}
}

/**
 * The edit that turns a directive back into its text.
 * @param core
 *   The core.
 * @param source
 *   The article.
 * @param target
 *   The directive's label, as `readDirectives` gives it.
 * @returns
 *   The edit, or `undefined` when no directive has that label there.
 */
export function unwrapEdit(core: Core, source: string, target: Readonly<Target>): TextEdit | undefined {
  const existing = directiveAt(core, source, target)
  return existing ? {start: existing.start, end: existing.end, newText: source.slice(existing.labelStart, existing.labelEnd)} : undefined
}

/**
 * Apply a text edit to a document.
 * @param document
 *   The document.
 * @param edit
 *   Offsets and new text.
 * @returns
 *   Whether it was applied.
 */
export function applyTextEdit(document: vscode.TextDocument, edit: Readonly<TextEdit>): Thenable<boolean> {
  const workspaceEdit = new vscode.WorkspaceEdit()
  workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText)
  return vscode.workspace.applyEdit(workspaceEdit)
}

/** The Newsmark directive whose label is exactly the (trimmed) range. */
function directiveAt(core: Core, source: string, range: Readonly<Range>): DirectiveSpan | undefined {
  let {start, end} = range
  while (start < end && /\s/.test(source.charAt(start))) start++
  while (end > start && /\s/.test(source.charAt(end - 1))) end--
  // Cheap test first: most selections are not a directive's label.
  if (source.charAt(start - 1) !== '[' || source.charAt(end) !== ']') return undefined
  let found: DirectiveSpan | undefined
  core.eachNode(core.createParser().parse(source), (node) => {
    if (found) return false
    if (node.type !== 'textDirective' || !Object.hasOwn(core.directiveNames, node.name)) return
    const labelStart = node.children[0]?.position?.start.offset
    const labelEnd = node.children.at(-1)?.position?.end.offset
    const from = node.position?.start.offset
    const to = node.position?.end.offset
    if (labelStart === start && labelEnd === end && from !== undefined && to !== undefined) {
      found = {start: from, end: to, labelStart, labelEnd}
    }

    return undefined
  })
  return found
}
