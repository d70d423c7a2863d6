/**
 * Quick fixes for findings:
 *
 * - one per `expected` replacement (vfile message field), linked to its
 *   diagnostic by rule id and range;
 * - “Ignore <rule> in this paragraph”: an `<!-- newsmark ignore <rule> -->`
 *   comment before the block (the core's `ignoreComment`);
 * - “Disable <rule> for this file”: `<!-- newsmark disable <rule> -->` at
 *   the top, after the front matter.
 */
import * as vscode from 'vscode'
import type {Analyzer} from './analyzer.ts'
import {placeRange} from './convert.ts'
import {truncate} from './labels.ts'

/**
 * Register the code action provider for Markdown.
 * @param analyzer
 *   The shared analysis.
 * @returns
 *   The registration.
 */
export function registerQuickFixes(analyzer: Analyzer): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    {language: 'markdown'},
    {
      async provideCodeActions(document, _range, context) {
        const analysis = analyzer.peek(document)
        if (!analysis) return []
        const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === 'newsmark')
        if (ours.length === 0) return []
        const {ignoreComment, ruleIds} = await analyzer.core()
        const source = document.getText()
        const actions: vscode.CodeAction[] = []
        const silenced = new Set<string>()
        for (const diagnostic of ours) {
          const ruleId = String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code)
          const message = analysis.messages.find(
            (item) => item.ruleId === ruleId && placeRange(document, item.place).isEqual(diagnostic.range)
          )
          for (const [index, replacement] of (message?.expected ?? []).entries()) {
            const title = replacement ? `Replace with “${truncate(replacement, 40)}”` : `Remove “${truncate(document.getText(diagnostic.range), 40)}”`
            const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix)
            action.edit = new vscode.WorkspaceEdit()
            action.edit.replace(document.uri, diagnostic.range, replacement)
            action.diagnostics = [diagnostic]
            action.isPreferred = index === 0
            actions.push(action)
          }
          if (!ruleIds.includes(ruleId)) continue
          const insertion = ignoreComment(source, document.offsetAt(diagnostic.range.start), ruleId)
          const ignore = new vscode.CodeAction(`Ignore ${ruleId} in this paragraph`, vscode.CodeActionKind.QuickFix)
          ignore.edit = new vscode.WorkspaceEdit()
          ignore.edit.insert(document.uri, document.positionAt(insertion.offset), insertion.text)
          ignore.diagnostics = [diagnostic]
          actions.push(ignore)
          if (silenced.has(ruleId)) continue
          silenced.add(ruleId)
          const disable = new vscode.CodeAction(`Disable ${ruleId} for this file`, vscode.CodeActionKind.QuickFix)
          disable.edit = new vscode.WorkspaceEdit()
          const at = afterFrontMatter(source)
          const blank = /^\r?\n/.test(source.slice(at)) || at === source.length
          disable.edit.insert(document.uri, document.positionAt(at), `<!-- newsmark disable ${ruleId} -->\n${blank ? '' : '\n'}`)
          disable.diagnostics = ours.filter((item) => (typeof item.code === 'object' ? item.code.value : item.code) === ruleId)
          actions.push(disable)
        }
        return actions
      }
    },
    {providedCodeActionKinds: [vscode.CodeActionKind.QuickFix]}
  )
}

/**
 * Offset of the first line after the YAML front matter (0 without one).
 * @param source
 *   Markdown.
 * @returns
 *   UTF-16 offset.
 */
function afterFrontMatter(source: string): number {
  return /^---\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(source)?.[0].length ?? 0
}
