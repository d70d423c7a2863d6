/**
 * Document symbols for the Outline view and breadcrumbs, with the sidebar's
 * structure: Entities (by type), Timeline, Claims, Findings.
 */
import * as vscode from 'vscode'
import type {EntityType} from '../core/index.ts'
import type {Analysis, Analyzer} from './analyzer.ts'
import {getConfig} from './config.ts'
import {placeRange, spanRange, toRange} from './convert.ts'
import {entityTypeName, entityTypes, truncate} from './labels.ts'
import {guard, type Log} from './log.ts'
import {compareCalendar, toCalendar} from './timex.ts'

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
      const build = (entity: (typeof members)[number]) =>
        spanning(document, entity.name, entity.role ?? `${entity.mentions.length}×`, entityKinds[type], entity.mentions)
      return group(document, entityTypeName(type, true), members, build, bounds)
    })
    .filter((symbol): symbol is vscode.DocumentSymbol => symbol !== undefined)
  // Each value placed on the calendar once, not at every comparison.
  const dates = result.dates
    .map((date) => ({date, place: toCalendar(date.value, result.referenceDate)}))
    .sort((a, b) => compareCalendar(a.place, b.place) || a.date.start - b.date.start)
    .map(({date}) => date)
  return [
    group(document, 'Entities', entities, (symbol) => symbol, () => undefined),
    group(document, 'Timeline', dates, (date) => leaf(date.value, date.text, vscode.SymbolKind.Event, [spanRange(document, date)]), (date) => date),
    group(
      document,
      'Claims',
      result.claims,
      (claim) => leaf(truncate(claim.text, 60), claim.speaker?.name ?? 'no speaker', vscode.SymbolKind.String, [spanRange(document, claim)]),
      (claim) => claim
    ),
    group(
      document,
      'Findings',
      analysis.messages,
      (message) =>
        leaf(truncate(message.reason.replace(/`/g, ''), 60), message.ruleId ?? '', vscode.SymbolKind.Key, [placeRange(document, message.place)]),
      (message) => (message.place && 'start' in message.place ? {start: message.place.start.offset, end: message.place.end.offset} : undefined)
    )
  ].filter((symbol): symbol is vscode.DocumentSymbol => symbol !== undefined)
}

/**
 * Where an entity's mentions start and end.
 * @param entity
 *   Entity.
 * @returns
 *   Offsets.
 */
function bounds(entity: {mentions: ReadonlyArray<{start: number; end: number}>}): {start: number; end: number} | undefined {
  let start = Number.POSITIVE_INFINITY
  let end = Number.NEGATIVE_INFINITY
  for (const mention of entity.mentions) {
    if (mention.start < start) start = mention.start
    if (mention.end > end) end = mention.end
  }

  return start <= end ? {start, end} : undefined
}

/**
 * A symbol spanning all its spans (from the first start to the last end),
 * selecting the first: two positions to find, however many the spans.
 * @param document
 *   The document.
 * @param name
 *   Name.
 * @param detail
 *   Detail.
 * @param kind
 *   Kind.
 * @param spans
 *   Spans (offsets), the first selected.
 * @returns
 *   The symbol.
 */
function spanning(
  document: vscode.TextDocument,
  name: string,
  detail: string,
  kind: vscode.SymbolKind,
  spans: ReadonlyArray<{start: number; end: number}>
): vscode.DocumentSymbol {
  const first = spans[0]
  if (!first) return leaf(name, detail, kind, [])
  let start = first.start
  let end = first.end
  for (const span of spans) {
    if (span.start < start) start = span.start
    if (span.end > end) end = span.end
  }

  const selection = toRange(document, first.start, first.end)
  return new vscode.DocumentSymbol(name || '(empty)', detail, kind, toRange(document, start, end), selection)
}

/** A symbol spanning all its ranges, selecting the first. */
function leaf(name: string, detail: string, kind: vscode.SymbolKind, ranges: readonly vscode.Range[]): vscode.DocumentSymbol {
  const first = ranges[0] ?? new vscode.Range(0, 0, 0, 0)
  const range = ranges.reduce((all, range) => all.union(range), first)
  return new vscode.DocumentSymbol(name || '(empty)', detail, kind, range, first)
}

/**
 * A container symbol of items, or nothing when there are none. Past `shown`
 * items, one symbol says how many more there are (it selects the first of
 * them, and spans them all): VS Code sends the whole outline to the window
 * each time it asks, on every edit, and thousands of findings are the
 * Problems panel's to list. Only the symbols shown are made.
 * @param document
 *   The document.
 * @param name
 *   Name of the group.
 * @param items
 *   Items, in order.
 * @param build
 *   Makes the symbol of an item.
 * @param offsets
 *   Where an item starts and ends (for the items not shown), if known.
 * @returns
 *   The symbol.
 */
function group<T>(
  document: vscode.TextDocument,
  name: string,
  items: readonly T[],
  build: (item: T) => vscode.DocumentSymbol,
  offsets: (item: T) => {start: number | undefined; end: number | undefined} | undefined
): vscode.DocumentSymbol | undefined {
  if (items.length === 0) return undefined
  const children = items.slice(0, shown).map(build)
  if (items.length > shown) {
    let start = Number.POSITIVE_INFINITY
    let end = Number.NEGATIVE_INFINITY
    for (let index = shown; index < items.length; index++) {
      const span = offsets(items[index]!)
      if (span?.start !== undefined && span.start < start) start = span.start
      if (span?.end !== undefined && span.end > end) end = span.end
    }

    const first = build(items[shown]!)
    const range = start <= end ? first.range.union(toRange(document, start, end)) : first.range
    const more = `… ${(items.length - shown).toLocaleString('en-US')} more`
    children.push(new vscode.DocumentSymbol(more, 'in the Newsmark sidebar', vscode.SymbolKind.Null, range, first.selectionRange))
  }

  const first = children[0]!
  const range = children.reduce((all, child) => all.union(child.range), first.range)
  const symbol = new vscode.DocumentSymbol(name, String(items.length), vscode.SymbolKind.Namespace, range, first.selectionRange)
  symbol.children = children
  return symbol
}
