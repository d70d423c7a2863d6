/**
 * Document symbols for the Outline view and breadcrumbs, with the sidebar's
 * structure: Entities (by type), Timeline, Claims, Findings.
 */
import * as vscode from 'vscode'
import type {EntityType} from '../core/index.ts'
import type {Analysis, Analyzer} from './analyzer.ts'
import {getConfig} from './config.ts'
import {placeRange, spanRange} from './convert.ts'
import {entityTypeName, entityTypes, truncate} from './labels.ts'
import {guard, type Log} from './log.ts'
import {chronological} from './timex.ts'

/** Symbols listed in a group at most (see `group`). */
const shown = 1000

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
 * The symbols of an analysis: Entities (by type), Timeline, Claims,
 * Findings.
 * @param document
 *   The document, at the analysis's version.
 * @param analysis
 *   Its analysis.
 * @returns
 *   Top-level symbols.
 */
function documentSymbols(document: vscode.TextDocument, analysis: Analysis): vscode.DocumentSymbol[] {
  const {result} = analysis
  const entities = entityTypes
    .map((type) => {
      const members = result.entities.filter((entity) => entity.type === type)
      // An entity is its first mention (see `group` for why it spans no more).
      const build = (entity: (typeof members)[number]) =>
        leaf(
          entity.name,
          entity.role ?? `${entity.mentions.length}×`,
          entityKinds[type],
          entity.mentions[0] ? spanRange(document, entity.mentions[0]) : new vscode.Range(0, 0, 0, 0)
        )
      return group(entityTypeName(type, true), members, build)
    })
    .filter((symbol): symbol is vscode.DocumentSymbol => symbol !== undefined)
  const dates = chronological(result.dates, result.referenceDate).map((index) => result.dates[index]!)
  return [
    group('Entities', entities, (symbol) => symbol),
    group('Timeline', dates, (date) => leaf(date.value, date.text, vscode.SymbolKind.Event, spanRange(document, date))),
    group('Claims', result.claims, (claim) =>
      leaf(truncate(claim.text, 60), claim.speaker?.name ?? 'no speaker', vscode.SymbolKind.String, spanRange(document, claim))
    ),
    group('Findings', analysis.messages, (message) =>
      leaf(truncate(message.reason.replace(/`/g, ''), 60), message.ruleId ?? '', vscode.SymbolKind.Key, placeRange(document, message.place))
    )
  ].filter((symbol): symbol is vscode.DocumentSymbol => symbol !== undefined)
}

/** A symbol of one range. */
function leaf(name: string, detail: string, kind: vscode.SymbolKind, range: vscode.Range): vscode.DocumentSymbol {
  return new vscode.DocumentSymbol(name || '(empty)', detail, kind, range, range)
}

/**
 * A container symbol of items, or nothing when there are none. Past `shown`
 * items, one symbol says how many more there are (it selects the first of
 * them): VS Code sends the whole outline to the window each time it asks,
 * on every edit, and thousands of findings are the Problems panel's to
 * list. Only the symbols shown are made.
 *
 * A group's range is its first child's, and an entity's its first mention:
 * sticky scroll takes the outline whose symbols span the most lines, and
 * symbols spanning the whole article made Newsmark's groups, not the
 * Markdown headings, the lines pinned at the top of the editor. The price:
 * the Outline's "Follow Cursor" and the breadcrumbs, which look inside a
 * symbol only when it holds the cursor, reach only each group's first item
 * (the Newsmark sidebar is the place to browse them).
 * @param name
 *   Name of the group.
 * @param items
 *   Items, in order.
 * @param build
 *   Makes the symbol of an item.
 * @returns
 *   The symbol.
 */
function group<T>(name: string, items: readonly T[], build: (item: T) => vscode.DocumentSymbol): vscode.DocumentSymbol | undefined {
  if (items.length === 0) return undefined
  const children = items.slice(0, shown).map(build)
  if (items.length > shown) {
    const more = `… ${(items.length - shown).toLocaleString('en-US')} more`
    children.push(leaf(more, 'in the Newsmark sidebar', vscode.SymbolKind.Null, build(items[shown]!).selectionRange))
  }

  const symbol = leaf(name, String(items.length), vscode.SymbolKind.Namespace, children[0]!.selectionRange)
  symbol.children = children
  return symbol
}
