/**
 * Document symbols for the Outline view and breadcrumbs, with the sidebar's
 * structure: Entities (by type), Timeline, Claims, Findings.
 */
import * as vscode from 'vscode'
import type {EntityType} from '../core/index.ts'
import type {Analyzer} from './analyzer.ts'
import {getConfig} from './config.ts'
import {placeRange, spanRange} from './convert.ts'
import {entityTypeName, entityTypes, truncate} from './labels.ts'
import {guard, type Log} from './log.ts'
import {compareValues} from './timex.ts'

const entityKinds: Record<EntityType, vscode.SymbolKind> = {
  PER: vscode.SymbolKind.Object,
  ORG: vscode.SymbolKind.Class,
  LOC: vscode.SymbolKind.Struct,
  MISC: vscode.SymbolKind.Constant
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
  return vscode.languages.registerDocumentSymbolProvider(
    {language: 'markdown'},
    {
      provideDocumentSymbols: guard(log, 'provider', 'list the document symbols', async (document: vscode.TextDocument, token: vscode.CancellationToken) => {
        if (!getConfig(document).outline) return []
        // VS Code asks on every edit (outline, breadcrumbs, sticky scroll):
        // wait for the scheduled analysis instead of running one per keystroke.
        const analysis = await analyzer.settled(document, token)
        if (!analysis || token.isCancellationRequested) return []
        const {result} = analysis
        const entities = entityTypes
          .map((type) => {
            const members = result.entities
              .filter((entity) => entity.type === type)
              .map((entity) => {
                const ranges = entity.mentions.map((mention) => spanRange(document, mention))
                return leaf(entity.name, entity.role ?? `${entity.mentions.length}×`, entityKinds[type], ranges)
              })
            return group(entityTypeName(type, true), members)
          })
          .filter((symbol): symbol is vscode.DocumentSymbol => symbol !== undefined)
        const dates = [...result.dates]
          .sort((a, b) => compareValues(a.value, b.value, result.referenceDate) || a.start - b.start)
          .map((date) => leaf(date.value, date.text, vscode.SymbolKind.Event, [spanRange(document, date)]))
        const claims = result.claims.map((claim) =>
          leaf(truncate(claim.text, 60), claim.speaker?.name ?? 'no speaker', vscode.SymbolKind.String, [spanRange(document, claim)])
        )
        const findings = analysis.messages.map((message) =>
          leaf(truncate(message.reason.replace(/`/g, ''), 60), message.ruleId ?? '', vscode.SymbolKind.Key, [placeRange(document, message.place)])
        )
        return [group('Entities', entities), group('Timeline', dates), group('Claims', claims), group('Findings', findings)].filter(
          (symbol): symbol is vscode.DocumentSymbol => symbol !== undefined
        )
      })
    },
    {label: 'Newsmark'}
  )
}

/** A symbol spanning all its ranges, selecting the first. */
function leaf(name: string, detail: string, kind: vscode.SymbolKind, ranges: readonly vscode.Range[]): vscode.DocumentSymbol {
  const first = ranges[0] ?? new vscode.Range(0, 0, 0, 0)
  const range = ranges.reduce((all, range) => all.union(range), first)
  return new vscode.DocumentSymbol(name || '(empty)', detail, kind, range, first)
}

/** A container symbol, or nothing when empty. */
function group(name: string, children: vscode.DocumentSymbol[]): vscode.DocumentSymbol | undefined {
  const first = children[0]
  if (!first) return undefined
  const range = children.reduce((all, child) => all.union(child.range), first.range)
  const symbol = new vscode.DocumentSymbol(name, String(children.length), vscode.SymbolKind.Namespace, range, first.selectionRange)
  symbol.children = children
  return symbol
}
