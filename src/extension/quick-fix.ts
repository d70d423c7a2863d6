/**
 * Quick fixes on Newsmark's diagnostics: the language service's
 * (`src/service/code-actions.ts`) as `vscode.CodeAction`s.
 */
import * as vscode from 'vscode'
import {quickFixes} from '../service/code-actions.ts'
import {placeSpan, type DiagnosticData} from '../service/diagnostics.ts'
import type {Analyzer} from './analyzer.ts'
import {offsetsOf, toRange} from './convert.ts'

/**
 * Register the quick fixes for Markdown.
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
        const core = await analyzer.core()
        const source = document.getText()
        const lines = offsetsOf(document)
        // Each diagnostic shown, with the message it came from (its suggestions).
        const pairs = new Map<DiagnosticData, vscode.Diagnostic>()
        const data = (diagnostic: vscode.Diagnostic): DiagnosticData => {
          const ruleId = String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code)
          const start = document.offsetAt(diagnostic.range.start)
          const end = document.offsetAt(diagnostic.range.end)
          const message = analysis.messages.find((item) => item.ruleId === ruleId && sameSpan(placeSpan(lines, item.place), start, end))
          const expected = message?.expected ?? []
          const item: DiagnosticData = {start, end, message: diagnostic.message, severity: 'warning', code: ruleId, ...(expected.length > 0 ? {expected} : {})}
          pairs.set(item, diagnostic)
          return item
        }
        // (What "Disable … for this file" fixes: the diagnostics asked about.)
        return quickFixes(source, ours.map(data), core).map((fix) => {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix)
          action.edit = new vscode.WorkspaceEdit()
          for (const edit of fix.edits) action.edit.replace(document.uri, toRange(document, edit.start, edit.end), edit.newText)
          action.diagnostics = fix.diagnostics.map((item) => pairs.get(item)).filter((item): item is vscode.Diagnostic => item !== undefined)
          if (fix.isPreferred !== undefined) action.isPreferred = fix.isPreferred
          return action
        })
      }
    },
    {providedCodeActionKinds: [vscode.CodeActionKind.QuickFix]}
  )
}

function sameSpan(span: {start: number; end: number}, start: number, end: number): boolean {
  return span.start === start && span.end === end
}
