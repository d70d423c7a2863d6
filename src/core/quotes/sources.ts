/**
 * The sources of an article: its quotes grouped by who or what they are
 * attributed to, for the sidebar's Sources view, the exports and the
 * one-line sourcing summary (“9 sources: 6 named people, 2 anonymous,
 * 1 document”).
 *
 * A source resolved to an entity is grouped by the entity (“Cezary
 * Tomczyk”, “he” and “the minister” are one source); any other by what
 * it is called, lower-cased and without a leading article (“Officials” and
 * “officials” are one source, so are two “a source familiar with the
 * matter”: an anonymous source is known by its phrase alone). A named
 * source whose entity is an organisation counts as an organisation.
 *
 * Known limits: quotes with no source, with a pronoun for a source that
 * stands for no one named near it, or with a description of firms,
 * countries or party members the article names that was tied to no name
 * (“the automakers”, “the two Democrats”), are no source of their own; two
 * anonymous sources with the same phrase may be two people.
 */
import type {NewsmarkResult, Quote, QuoteSource, SourceKind} from '../types.ts'
import {pronounOf} from './features.ts'
import lexicon from './lexicon.json' with {type: 'json'}
import {shownSource} from './reported.ts'

const anonymousHeads: ReadonlySet<string> = new Set(lexicon.anonymousHeads)
const documentHeads: ReadonlySet<string> = new Set(lexicon.documentHeads)
const organisationHeads: ReadonlySet<string> = new Set(lexicon.organisationHeads)
// Where a description's head ends: an apposition, a preposition, a clause.
const headEnds: ReadonlySet<string> = new Set([',', 'of', 'for', 'to', 'with', 'at', 'from', 'by', 'in', 'on', 'behind', 'among', 'who', 'which', 'that'])
// Counts after “the” that pick out people already met (“the two Democrats”).
const counts: ReadonlySet<string> = new Set(['two', 'three', 'four', 'five', 'both', 'several'])
// Adjectives that qualify a source's noun after it (“the people familiar
// with the plans”).
const qualifiers: ReadonlySet<string> = new Set(['familiar', 'close', 'knowledgeable', 'aware', 'present', 'responsible'])
// Nouns that, after “the”, stand for organisations or countries the
// article names (“the automakers”, “the developer”, “these countries”).
const standIns: ReadonlySet<string> = new Set(
  ['automaker', 'carmaker', 'developer', 'maker', 'manufacturer', 'retailer', 'operator', 'publisher', 'lender', 'bank', 'airline', 'studio', 'brand', 'company', 'firm', 'power', 'country', 'nation', 'government'].flatMap(
    (noun) => [noun, noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`]
  )
)

/** One source of an article and what it is quoted saying. */
export interface Source {
  /** What groups its quotes: `entity:e1`, else `text:officials`. */
  key: string
  /** The entity's name, else the source's words as first written. */
  name: string
  kind: SourceKind
  /** Id of its entity, when the source resolves to one. */
  entity?: string
  /** The entity's role (“Deputy Defense Minister”), when it has one. */
  role?: string
  /** Its quotes, in the article's order. */
  quotes: Quote[]
  /** Index in `NewsmarkResult.quotes` of each of its quotes. */
  indices: number[]
}

/** Kinds in the order the summary lists them when their counts tie. */
const kinds: ReadonlyArray<SourceKind> = ['named', 'organisation', 'document', 'anonymous']

/** Summary words of each kind, one and many. */
const kindWords: Readonly<Record<SourceKind, readonly [string, string]>> = {
  named: ['named person', 'named people'],
  organisation: ['organisation', 'organisations'],
  document: ['document', 'documents'],
  anonymous: ['anonymous', 'anonymous']
}

/**
 * Group an article's quotes by source.
 *
 * @param result
 *   Tags of the article (its entities and quotes).
 * @returns
 *   Its sources, most quoted first (first quoted first when they tie).
 * @example
 *   sourcesOf(result).map((source) => `${source.name}: ${source.quotes.length}`)
 *   // → ['Cezary Tomczyk: 2', 'Officials: 1']
 */
export function sourcesOf(result: Readonly<Pick<NewsmarkResult, 'entities' | 'quotes'>>): Source[] {
  const entities = new Map(result.entities.map((entity) => [entity.id, entity]))
  const byKey = new Map<string, Source>()
  for (const [index, quote] of (result.quotes ?? []).entries()) {
    // Only who said the words: not the subject of what someone did.
    const said = shownSource(quote)
    if (!said) continue
    // An entity the review removed no longer names the source.
    const entity = said.entity === undefined ? undefined : entities.get(said.entity)
    // A pronoun that stands for no one named or quoted nearby (“they say”)
    // is no source a reader can tell apart: not one of its own.
    if (!entity && isBarePronoun(said)) continue
    // Nor is a description of firms or people the article names (“the
    // automakers” after two carmakers) that no name was found for: listing
    // it as an anonymous source, or as a person named “the developer”, is
    // wrong.
    if (!entity && isUnresolvedDescription(said)) continue
    // By what it is called: a “they” after “officials said” is theirs.
    const key = entity ? `entity:${entity.id}` : `text:${normalise(said.name || said.text)}`
    let source = byKey.get(key)
    if (!source) {
      source = {
        key,
        name: entity ? entity.name : said.name,
        kind: said.kind === 'named' && entity?.type === 'ORG' ? 'organisation' : said.kind,
        ...(entity ? {entity: entity.id} : {}),
        ...(entity?.role ? {role: entity.role} : {}),
        quotes: [],
        indices: []
      }
      byKey.set(key, source)
    }
    source.quotes.push(quote)
    source.indices.push(index)
  }
  // `sort` is stable: ties keep the order of first quotes.
  return [...byKey.values()].sort((a, b) => b.quotes.length - a.quotes.length)
}

/**
 * Whether a source is a pronoun resolved to no one (“they”, “He”): its name
 * is the pronoun itself.
 *
 * @param source
 *   Source of a quote.
 * @returns
 *   Whether it is.
 */
export function isBarePronoun(source: Readonly<QuoteSource>): boolean {
  return source.entity === undefined && pronounOf(source.name.trim().toLowerCase()) !== undefined
}

/**
 * Whether a source is a definite description resolved to no entity that
 * stands for organisations or countries the article names (“the
 * automakers” after two carmakers, “the developer”, “the great
 * powers”, “these countries”), or for party members it met before (“the
 * two Democrats who toured the site”). Not the unnamed people news cites
 * (“the officials”, “the two officials”, “the people familiar with …”,
 * “the nurses”), nor one person by their role (“the spokesman”), a
 * document or an organisation by its head (“the study”, “the agency”).
 *
 * @param source
 *   Source of a quote.
 * @returns
 *   Whether it is.
 */
export function isUnresolvedDescription(source: Readonly<QuoteSource>): boolean {
  if (source.entity !== undefined || source.kind === 'document' || source.kind === 'organisation') return false
  const words = source.name.trim().split(/\s+|(?=,)/u)
  if (!/^(?:the|these|those)$/i.test(words[0] ?? '')) return false
  const head: string[] = []
  for (const word of words.slice(1)) {
    // Up to what qualifies the noun: a preposition, a clause, a
    // participle or an adjective after it (“the researchers working on
    // …”, “the official briefed on …”, “the people familiar with …”).
    if (head.length > 0 && (headEnds.has(word.toLowerCase()) || /^\p{Ll}+(?:ing|ed)$/u.test(word) || qualifiers.has(word))) break
    head.push(word)
  }

  const last = (head.at(-1) ?? '').replace(/[’']s$/u, '')
  const noun = last.toLowerCase()
  if (noun === '' || documentHeads.has(noun) || organisationHeads.has(noun)) return false
  // “The two Democrats”: party members met before, whoever they are (not
  // “the two officials”, unnamed).
  if (head.length > 1 && counts.has(head[0]!.toLowerCase()) && /^\p{Lu}/u.test(last) && anonymousHeads.has(noun)) return true
  return standIns.has(noun)
}

/**
 * The sourcing of an article in one line.
 *
 * @param sources
 *   Its sources (`sourcesOf`).
 * @returns
 *   `9 sources: 6 named people, 2 anonymous, 1 document` (kinds by count),
 *   or `No quoted sources`.
 */
export function sourcesSummary(sources: ReadonlyArray<Pick<Source, 'kind'>>): string {
  if (sources.length === 0) return 'No quoted sources'
  const counts = kinds
    .map((kind) => ({kind, count: sources.filter((source) => source.kind === kind).length}))
    .filter((item) => item.count > 0)
    .sort((a, b) => b.count - a.count)
  const parts = counts.map(({kind, count}) => `${count} ${kindWords[kind][count === 1 ? 0 : 1]}`)
  return `${sources.length} ${sources.length === 1 ? 'source' : 'sources'}: ${parts.join(', ')}`
}

/**
 * The name of a source's kind (`named person`, `organisation`, `document`,
 * `anonymous`).
 *
 * @param kind
 *   Kind.
 * @returns
 *   Its name, singular.
 */
export function sourceKindName(kind: SourceKind): string {
  return kind === 'anonymous' ? 'anonymous source' : kindWords[kind][0]
}

/** Words of a source as a key: lower case, single spaces, no leading article. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:a|an|the) /, '')
}
