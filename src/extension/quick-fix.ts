/**
 * Quick fixes for findings that carry `expected` replacements (vfile
 * message field): one code action per replacement, linked to its diagnostic
 * by rule id and range.
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
      provideCodeActions(document, _range, context) {
        const analysis = analyzer.peek(document)
        if (!analysis) return []
        const actions: vscode.CodeAction[] = []
        for (const diagnostic of context.diagnostics) {
          if (diagnostic.source !== 'newsmark') continue
          const ruleId = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code
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
        }
        return actions
      }
    },
    {providedCodeActionKinds: [vscode.CodeActionKind.QuickFix]}
  )
}
