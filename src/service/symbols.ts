/**
 * Document symbols with the sidebar's structure: Entities (by type),
 * Timeline, Claims, Findings; for the Outline view, breadcrumbs and any
 * LSP client's symbol list.
 */
import type {VFileMessage} from 'vfile-message'
import type {EntityType} from '../core/types.ts'
import type {ArticleAnalysis} from './analysis.ts'
import {chronological} from './timex.ts'
import {entityTypeName, entityTypes, truncate} from './words.ts'

/** Kinds of symbols, named as in LSP's and VS Code's `SymbolKind`. */
export type SymbolKindName = 'namespace' | 'object' | 'class' | 'struct' | 'constant' | 'event' | 'string' | 'key' | 'null'

/** A symbol: UTF-16 offsets; the range and the selection range are the same. */
export interface SymbolData {
  readonly name: string
  readonly detail: string
  readonly kind: SymbolKindName
  readonly start: number
  readonly end: number
  readonly children?: readonly SymbolData[]
}

/** Symbols listed in a group at most (see `group`). */
const shown = 1000

const entityKinds: Readonly<Record<EntityType, SymbolKindName>> = {
  PER: 'object',
  ORG: 'class',
  LOC: 'struct',
  MISC: 'constant'
}

/**
 * The symbols of an analysis: Entities (by type), Timeline, Claims,
 * Findings.
 * @param analysis
 *   An analysis.
 * @param placeOf
 *   The offsets of a message's place (`message.place` holds lines and
 *   columns; offsets when the core set them).
 * @returns
 *   Top-level symbols.
 */
export function documentSymbols(
  analysis: Pick<ArticleAnalysis, 'result' | 'messages'>,
  placeOf: (message: VFileMessage) => {start: number; end: number}
): SymbolData[] {
  const {result} = analysis
  const entities = entityTypes
    .map((type) => {
      const members = result.entities.filter((entity) => entity.type === type)
      // An entity is its first mention (see `group` for why it spans no more).
      const build = (entity: (typeof members)[number]) =>
        leaf(entity.name, entity.role ?? `${entity.mentions.length}×`, entityKinds[type], entity.mentions[0] ?? {start: 0, end: 0})
      return group(entityTypeName(type, true), members, build)
    })
    .filter((symbol): symbol is SymbolData => symbol !== undefined)
  const dates = chronological(result.dates, result.referenceDate).map((index) => result.dates[index]!)
  return [
    group('Entities', entities, (symbol) => symbol),
    group('Timeline', dates, (date) => leaf(date.value, date.text, 'event', date)),
    group('Claims', result.claims, (claim) => leaf(truncate(claim.text, 60), claim.speaker?.name ?? 'no speaker', 'string', claim)),
    group('Findings', analysis.messages, (message) => leaf(truncate(message.reason.replace(/`/g, ''), 60), message.ruleId ?? '', 'key', placeOf(message)))
  ].filter((symbol): symbol is SymbolData => symbol !== undefined)
}

/** A symbol of one range. */
function leaf(name: string, detail: string, kind: SymbolKindName, span: {readonly start: number; readonly end: number}): SymbolData {
  return {name: name || '(empty)', detail, kind, start: span.start, end: Math.max(span.start, span.end)}
}

/**
 * A container symbol of items, or nothing when there are none. Past `shown`
 * items, one symbol says how many more there are (it selects the first of
 * them): an editor sends the whole outline to the window each time it asks,
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
function group<T>(name: string, items: readonly T[], build: (item: T) => SymbolData): SymbolData | undefined {
  if (items.length === 0) return undefined
  const children = items.slice(0, shown).map(build)
  if (items.length > shown) {
    const more = `… ${(items.length - shown).toLocaleString('en-US')} more`
    children.push(leaf(more, 'in the Newsmark sidebar', 'null', build(items[shown]!)))
  }
  return {...leaf(name, String(items.length), 'namespace', children[0]!), children}
}
