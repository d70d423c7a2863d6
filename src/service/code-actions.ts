/**
 * Quick fixes for Newsmark's diagnostics: the replacements a rule suggests,
 * "Ignore RULE in this paragraph" (an `ignore` comment before the block)
 * and "Disable RULE for this file" (a `disable` comment after the front
 * matter).
 */
import type {DiagnosticData} from './diagnostics.ts'
import {truncate} from './words.ts'

/** A text edit in UTF-16 offsets of the article. */
export interface TextEditData {
  readonly start: number
  readonly end: number
  readonly newText: string
}

/** A quick fix: its edits and the diagnostics it fixes. */
export interface CodeActionData {
  readonly title: string
  readonly edits: readonly TextEditData[]
  readonly diagnostics: readonly DiagnosticData[]
  readonly isPreferred?: boolean
}

/** The core's functions quick fixes use (`src/core/rules/control.ts`). */
export interface RuleControl {
  readonly ruleIds: readonly string[]
  ignoreComment(source: string, offset: number, ruleId: string): {offset: number; text: string}
}

/**
 * The quick fixes of some diagnostics.
 * @param text
 *   The article.
 * @param diagnostics
 *   Newsmark's diagnostics at the place asked about.
 * @param control
 *   The rules' ids and their `ignore` comment.
 * @param all
 *   Every Newsmark diagnostic of the article (the ones that "Disable … for
 *   this file" fixes too); `diagnostics` when not given.
 * @returns
 *   Quick fixes.
 */
export function quickFixes(text: string, diagnostics: readonly DiagnosticData[], control: RuleControl, all: readonly DiagnosticData[] = diagnostics): CodeActionData[] {
  const actions: CodeActionData[] = []
  const silenced = new Set<string>()
  for (const diagnostic of diagnostics) {
    const ruleId = diagnostic.code
    for (const [index, replacement] of (diagnostic.expected ?? []).entries()) {
      const title = replacement ? `Replace with “${truncate(replacement, 40)}”` : `Remove “${truncate(text.slice(diagnostic.start, diagnostic.end), 40)}”`
      actions.push({title, edits: [{start: diagnostic.start, end: diagnostic.end, newText: replacement}], diagnostics: [diagnostic], isPreferred: index === 0})
    }
    if (!ruleId || !control.ruleIds.includes(ruleId)) continue
    const insertion = control.ignoreComment(text, diagnostic.start, ruleId)
    actions.push({
      title: `Ignore ${ruleId} in this paragraph`,
      edits: [{start: insertion.offset, end: insertion.offset, newText: insertion.text}],
      diagnostics: [diagnostic]
    })
    if (silenced.has(ruleId)) continue
    silenced.add(ruleId)
    const at = afterFrontMatter(text)
    const blank = /^\r?\n/.test(text.slice(at)) || at === text.length
    actions.push({
      title: `Disable ${ruleId} for this file`,
      edits: [{start: at, end: at, newText: `<!-- newsmark disable ${ruleId} -->\n${blank ? '' : '\n'}`}],
      diagnostics: all.filter((item) => item.code === ruleId)
    })
  }
  return actions
}

function afterFrontMatter(source: string): number {
  return /^---\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(source)?.[0].length ?? 0
}
