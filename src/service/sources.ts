/**
 * What the editor says about an article's sources: the sidebar's Sources
 * items, the hover line of a quote and of a quoted entity, and the header
 * line above the article (“5 sources · 3 claims to check · 12 findings”).
 *
 * Pure (no `vscode`), tested in plain Node; `tag-tree.ts`, `hover.ts`,
 * `status-bar.ts` and `code-lens.ts` turn these into editor items.
 */
import {isReported, shownSource} from '../core/quotes/reported.ts'
import {isBarePronoun, isUnresolvedDescription, sourceKindName, sourcesOf, type Source} from '../core/quotes/sources.ts'
import type {NewsmarkResult, Quote} from '../core/types.ts'
import {truncate} from './words.ts'

/** A source as the sidebar lists it. */
export interface SourceItem {
  /** `Cezary Tomczyk`. */
  readonly label: string
  /** `named person · 2 quotes`. */
  readonly description: string
  /** `Named person · Deputy Defense Minister · 2 quotes`. */
  readonly tooltip: string
  /** Codicon id. */
  readonly icon: string
}

const kindIcons: Readonly<Record<Source['kind'], string>> = {
  named: 'person',
  organisation: 'organization',
  document: 'file-text',
  anonymous: 'eye-closed'
}

/**
 * The sidebar item of a source.
 *
 * @param source
 *   The source.
 * @returns
 *   Its label, description, tooltip and icon.
 */
export function sourceItem(source: Readonly<Source>): SourceItem {
  const kind = sourceKindName(source.kind)
  const quotes = count(source.quotes.length, 'quote')
  return {
    label: source.name,
    description: `${kind} · ${quotes}`,
    tooltip: [capitalize(kind), source.role, quotes].filter(Boolean).join(' · '),
    icon: kindIcons[source.kind]
  }
}

/**
 * The sidebar item of one quote of a source: its words.
 *
 * @param words
 *   The quote's words (`quoteText`).
 * @param quote
 *   The quote.
 * @returns
 *   Label (the words, shortened, in quotation marks for a direct quote)
 *   and description (its kind and cue).
 */
export function quoteItem(words: string, quote: Readonly<Quote>): {label: string; description: string} {
  const short = truncate(words.replace(/\s+/g, ' ').trim(), 80)
  return {
    label: quote.kind === 'indirect' ? short : `“${short.replace(/^[“”"]+|[“”"]+$/g, '')}”`,
    description: [quote.kind, quote.cue?.text].filter(Boolean).join(' · ')
  }
}

/**
 * The words of a quote: its parts joined by `…`, else its content.
 *
 * @param text
 *   The article, or what reads a span of it (a document's `getText`).
 * @param quote
 *   The quote.
 * @returns
 *   Its words.
 */
export function quoteText(text: string | ((start: number, end: number) => string), quote: Readonly<Quote>): string {
  if (quote.parts && quote.parts.length > 1) return quote.parts.map((part) => part.text).join(' … ')
  return typeof text === 'string' ? text.slice(quote.start, quote.end) : text(quote.start, quote.end)
}

/**
 * The quote whose content (one of its parts, if it has parts) holds an
 * offset: the shortest, if they nest.
 *
 * @param quotes
 *   Quotes of the article.
 * @param offset
 *   UTF-16 offset.
 * @returns
 *   The quote, if any.
 */
export function quoteAt(quotes: readonly Quote[] | undefined, offset: number): Quote | undefined {
  let best: Quote | undefined
  for (const quote of quotes ?? []) {
    const spans = quote.parts && quote.parts.length > 0 ? quote.parts : [quote]
    if (!spans.some((span) => span.start <= offset && offset < span.end)) continue
    // What someone did is no quote to show (`isReported`).
    if (!isReported(quote)) continue
    if (!best || quote.end - quote.start < best.end - best.start) best = quote
  }
  return best
}

/**
 * The hover line of a quote:
 * `Quoted: direct · source Cezary Tomczyk (named person) · cue “said”`.
 *
 * @param quote
 *   The quote.
 * @param sources
 *   The article's sources (for the kind of the quote's source).
 * @returns
 *   Plain text (escape it for Markdown).
 */
export function quoteLine(quote: Readonly<Quote>, sources: readonly Source[]): string {
  const source = sources.find((item) => item.quotes.includes(quote as Quote))
  const parts = [`Quoted: ${quote.kind}`]
  const shown = shownSource(quote)
  if (source) parts.push(`source ${source.name} (${sourceKindName(source.kind)})`)
  // A pronoun that stands for no one named nearby (not in the Sources view).
  else if (shown && isBarePronoun(shown)) parts.push(`source “${shown.name}” (not named nearby)`)
  // A description of someone named elsewhere, whom it was not tied to.
  else if (shown && isUnresolvedDescription(shown)) parts.push(`source “${shown.name}” (not tied to a name)`)
  else if (shown) parts.push(`source ${shown.name} (${sourceKindName(shown.kind)})`)
  else parts.push('no source found')
  if (quote.cue) parts.push(`cue “${quote.cue.text}”`)
  return parts.join(' · ')
}

/**
 * How many quotes an entity is the source of, in words.
 *
 * @param sources
 *   The article's sources.
 * @param entity
 *   Id of the entity.
 * @returns
 *   `Source of 2 quotes`, or nothing when it is quoted nowhere.
 */
export function entitySourceLine(sources: readonly Source[], entity: string): string | undefined {
  const source = sources.find((item) => item.entity === entity)
  return source ? `Source of ${count(source.quotes.length, 'quote')}` : undefined
}

/**
 * The header line above an article.
 *
 * @param counts
 *   Its sources, claims to check (0 when the `claim-to-check` rule is
 *   off) and findings.
 * @returns
 *   `5 sources · 3 claims to check · 12 findings` (no claims to check part
 *   when there are none).
 */
export function headerLine(counts: {readonly sources: number; readonly toCheck: number; readonly findings: number}): string {
  return [
    count(counts.sources, 'source'),
    ...(counts.toCheck > 0 ? [count(counts.toCheck, 'claim to check', 'claims to check')] : []),
    count(counts.findings, 'finding')
  ].join(' · ')
}

/**
 * The line the header line goes on: the article's first heading after its
 * front matter, else the first line after its front matter, else line 0.
 *
 * @param text
 *   The article.
 * @returns
 *   0-based line number.
 */
export function headerLineNumber(text: string): number {
  const lines = text.split(/\r?\n|\r/)
  let first = 0
  if (lines[0] === '---') {
    const close = lines.findIndex((line, index) => index > 0 && (line === '---' || line === '...'))
    if (close > 0) first = close + 1
  }
  if (first === 0) return 0
  const heading = lines.findIndex((line, index) => index >= first && /^ {0,3}#{1,6}(?:\s|$)/.test(line))
  if (heading >= 0) return heading
  const content = lines.findIndex((line, index) => index >= first && line.trim() !== '')
  return content >= 0 ? content : Math.min(first, lines.length - 1)
}

function count(value: number, noun: string, nouns = `${noun}s`): string {
  return `${value} ${value === 1 ? noun : nouns}`
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const memo = new WeakMap<object, Source[]>()

/**
 * The sources of a result, grouped once per result (the tree, the hovers,
 * the status bar and the header line all ask).
 *
 * @param result
 *   Tags of an article.
 * @returns
 *   Its sources (`sourcesOf`); do not change them.
 */
export function sourcesOfResult(result: Readonly<Pick<NewsmarkResult, 'entities' | 'quotes'>>): readonly Source[] {
  let sources = memo.get(result)
  if (!sources) {
    sources = sourcesOf(result)
    memo.set(result, sources)
  }
  return sources
}
