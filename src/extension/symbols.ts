/**
 * Document symbols for the Outline view and breadcrumbs, with the sidebar's
 * structure: Entities (by type), Timeline, Claims, Findings.
 */
import * as vscode from 'vscode'
import {placeSpan} from '../service/diagnostics.ts'
import {documentSymbols as symbolsOf, type SymbolData, type SymbolKindName} from '../service/symbols.ts'
import type {Analysis, Analyzer} from './analyzer.ts'
import {getConfig} from './config.ts'
import {offsetsOf, toRange} from './convert.ts'
import {guard, type Log} from './log.ts'

const kinds: Readonly<Record<SymbolKindName, vscode.SymbolKind>> = {
  namespace: vscode.SymbolKind.Namespace,
  object: vscode.SymbolKind.Object,
  class: vscode.SymbolKind.Class,
  struct: vscode.SymbolKind.Struct,
  constant: vscode.SymbolKind.Constant,
  event: vscode.SymbolKind.Event,
  string: vscode.SymbolKind.String,
  key: vscode.SymbolKind.Key,
  null: vscode.SymbolKind.Null
}

/**
 * Register the document symbol provider for Markdown.
 * @param analyzer
 *   The shared analysis.
 * @param log
 *   Where failures go.
 * @returns
 *   The registration.
 */
export function registerSymbols(analyzer: Analyzer, log: Log): vscode.Disposable {
  // VS Code asks again for the same version (the outline, breadcrumbs and
  // sticky scroll each): the symbols of an analysis are built once.
  const built = new WeakMap<Analysis, vscode.DocumentSymbol[]>()
  return vscode.languages.registerDocumentSymbolProvider(
    {language: 'markdown'},
    {
      provideDocumentSymbols: guard(log, 'provider', 'list the document symbols', async (document: vscode.TextDocument, token: vscode.CancellationToken) => {
        if (!getConfig(document).outline) return []
        // VS Code asks on every edit (outline, breadcrumbs, sticky scroll):
        // wait for the scheduled analysis instead of running one per keystroke.
        const analysis = await analyzer.settled(document, token)
        if (!analysis || token.isCancellationRequested) return []
        let symbols = built.get(analysis)
        if (!symbols) {
          symbols = documentSymbols(document, analysis)
          built.set(analysis, symbols)
        }

        return symbols
      })
    },
    {label: 'Newsmark'}
  )
}

/**
 * The symbols of an analysis (`src/service/symbols.ts`) as VS Code's.
 * @param document
 *   The document, at the analysis's version.
 * @param analysis
 *   Its analysis.
 * @returns
 *   Top-level symbols.
 */
function documentSymbols(document: vscode.TextDocument, analysis: Analysis): vscode.DocumentSymbol[] {
  const lines = offsetsOf(document)
  return symbolsOf(analysis, (message) => placeSpan(lines, message.place)).map((symbol) => toSymbol(document, symbol))
}

function toSymbol(document: vscode.TextDocument, symbol: SymbolData): vscode.DocumentSymbol {
  const range = toRange(document, symbol.start, symbol.end)
  const result = new vscode.DocumentSymbol(symbol.name, symbol.detail, kinds[symbol.kind], range, range)
  if (symbol.children) result.children = symbol.children.map((child) => toSymbol(document, child))
  return result
}
