/**
 * Hovers on entities, dates and claims, read from the shared analysis.
 *
 * - Entity: type, canonical name, role, mentions and the first one, the
 *   claims it is the speaker of, how many quotes it is the source of,
 *   offline facts for countries and capitals.
 * - Date: normalised TimeML value, weekday, distance from the article date.
 * - Claim: kind, check-worthiness, speaker, reporting verb, medium, and the
 *   reader's verdict with its source and note.
 * - Quote (its content): direct or reported, its source and its cue.
 * - The reader's annotations there: tags made by hand, rejections, merges.
 *
 * An entity or date inside a claim shows both, most specific first.
 */
import * as vscode from 'vscode'
import type {Annotation, Claim, DateTag, Entity, NewsmarkResult, ReviewedClaim, ReviewedDate, ReviewedEntity, TagType} from '../core/index.ts'
import type {Analysis, Analyzer, Core} from './analyzer.ts'
import {getConfig} from './config.ts'
import {spanRange, toRange} from './convert.ts'
import {claimKindName, entityIcon, entityTypeName, escapeMarkdown, plural, truncate, verdictName, verdictOf} from './labels.ts'
import {guard, type Log} from './log.ts'
import {entitySourceLine, quoteAt, quoteLine, sourcesOfResult} from './sources-view.ts'
import {distance, durationInWords, weekday} from './timex.ts'

/**
 * Register the hover provider for Markdown.
 * @param analyzer
 *   The shared analysis.
 * @param log
 *   Where failures go.
 * @returns
 *   The registration.
 */
export function registerHover(analyzer: Analyzer, log: Log): vscode.Disposable {
  const hover = new NewsmarkHover(analyzer)
  return vscode.languages.registerHoverProvider({language: 'markdown'}, {
    provideHover: guard(log, 'provider', 'show a hover', (document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken) =>
      hover.provideHover(document, position, token)
    )
  })
}

/** The hover provider (exported for the measurement script). */
export class NewsmarkHover implements vscode.HoverProvider {
  readonly #analyzer: Analyzer

  constructor(analyzer: Analyzer) {
    this.#analyzer = analyzer
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!getConfig(document).hover) return undefined
    const analysis = this.#analyzer.peek(document) ?? (await this.#analyzer.get(document))
    if (!analysis || token.isCancellationRequested) return undefined
    return hoverFor(document, analysis, document.offsetAt(position), await this.#analyzer.core())
  }
}

/**
 * The hover at an offset, from an analysis.
 * @param document
 *   The document analysed.
 * @param analysis
 *   Its tags (reviewed) and annotations.
 * @param offset
 *   UTF-16 offset.
 * @param core
 *   The core (country facts).
 * @returns
 *   The hover, if a tag or an annotation is there.
 */
export function hoverFor(document: vscode.TextDocument, analysis: Pick<Analysis, 'result' | 'review'>, offset: number, core: Core): vscode.Hover | undefined {
  const {result} = analysis
  const sections: vscode.MarkdownString[] = []
  let range: vscode.Range | undefined

  const hit = entityAt(result, offset)
  if (hit) {
    sections.push(entityHover(document, result, hit.entity, core))
    range = spanRange(document, hit.mention)
  }
  const date = result.dates.find((item) => item.start <= offset && offset < item.end)
  if (date) {
    sections.push(dateHover(date, result.referenceDate))
    range ??= spanRange(document, date)
  }
  const claim = result.claims.find((item) => item.start <= offset && offset < item.end)
  if (claim) {
    sections.push(claimHover(claim))
    range ??= spanRange(document, claim)
  }
  const quote = quoteAt(result.quotes, offset)
  if (quote) {
    sections.push(markdown(`$(quote) ${escapeMarkdown(quoteLine(quote, sourcesOfResult(result)))}`))
    range ??= toRange(document, quote.start, quote.end)
  }
  const annotations = annotationsHover(analysis.review.anchored.map((item) => item.annotation), offset)
  if (annotations) sections.push(annotations)
  return sections.length > 0 ? new vscode.Hover(sections, range) : undefined
}

/**
 * The entity mention at an offset (the shortest, if they nest).
 * @param result
 *   Tags.
 * @param offset
 *   UTF-16 offset.
 * @returns
 *   The entity and its mention there.
 */
export function entityAt(result: NewsmarkResult, offset: number): {entity: Entity; mention: Entity['mentions'][number]} | undefined {
  let best: {entity: Entity; mention: Entity['mentions'][number]} | undefined
  for (const entity of result.entities) {
    for (const mention of entity.mentions) {
      if (mention.start <= offset && offset < mention.end) {
        if (!best || mention.end - mention.start < best.mention.end - best.mention.start) best = {entity, mention}
      }
    }
  }
  return best
}

function entityHover(document: vscode.TextDocument, result: NewsmarkResult, entity: Entity, core: Core): vscode.MarkdownString {
  const lines: string[] = [`$(${entityIcon(entity.type).id}) **${escapeMarkdown(entity.name)}** · ${entityTypeName(entity.type)}${byHand(entity)}`]
  if (entity.role) lines.push(`*${escapeMarkdown(entity.role)}*`)
  const first = entity.mentions[0]
  if (first) {
    const line = document.positionAt(first.start).line + 1
    const pronouns = entity.mentions.filter((mention) => mention.pronoun).length
    const link = revealLink(document.uri, spanRange(document, first), `line ${line}`)
    lines.push(
      `${plural(entity.mentions.length, 'mention')}${pronouns ? ` (${pronouns} by pronoun)` : ''}; ` +
        `first on ${link}: “${escapeMarkdown(truncate(first.text, 60))}”`
    )
  }
  const spoken = result.claims.filter((claim) => claim.speaker?.entity === entity.id)
  if (spoken.length > 0) {
    lines.push(`Speaker of ${plural(spoken.length, 'claim')}:`)
    for (const claim of spoken.slice(0, 3)) {
      lines.push(`- ${claimKindName(claim.kind)}: “${escapeMarkdown(truncate(claim.text, 70))}”`)
    }
    if (spoken.length > 3) lines.push(`- …and ${spoken.length - 3} more (see the Newsmark sidebar)`)
  }
  const quoted = entitySourceLine(sourcesOfResult(result), entity.id)
  if (quoted) lines.push(`$(quote) ${quoted}`)
  if (entity.type === 'LOC') {
    const facts = factsOf(entity, core)
    if (facts) lines.push(facts)
  }
  return markdown(lines.join('\n\n').replace(/\n\n- /g, '\n- '))
}

function factsOf(entity: Entity, core: Core): string | undefined {
  const names = [entity.name, ...entity.mentions.map((mention) => mention.text.replace(/[’']s$/u, ''))]
  for (const name of names) {
    const facts = core.countryFacts(name)
    if (facts) {
      return `$(globe) Country · ISO 3166 \`${facts.code}\` · capital ${escapeMarkdown(facts.capital)} · ${escapeMarkdown(facts.continent)}`
    }
  }
  return undefined
}

function dateHover(date: DateTag, referenceDate: string | undefined): vscode.MarkdownString {
  const lines: string[] = []
  const words = date.type === 'DURATION' ? durationInWords(date.value) : undefined
  const day = weekday(date.value)
  lines.push(
    `$(calendar) **${escapeMarkdown(date.value)}**` +
      (day ? ` · ${day}` : '') +
      ` · ${date.type.toLowerCase()}` +
      (words ? `: ${words}` : '') +
      byHand(date)
  )
  lines.push(`“${escapeMarkdown(truncate(date.text, 60))}”${date.relative ? ', relative' : ''}`)
  if (date.unresolved) {
    lines.push('Not resolved: add `date: YYYY-MM-DD` to the front matter, or set `newsmark.referenceDate`.')
  } else if (date.value === 'PRESENT_REF') {
    lines.push(referenceDate ? `The article’s present (${referenceDate}).` : 'The article’s present.')
  } else if (date.value === 'PAST_REF' || date.value === 'FUTURE_REF') {
    const when = date.value === 'PAST_REF' ? 'before' : 'after'
    lines.push(`Some time ${when} the article date${referenceDate ? ` (${referenceDate})` : ''}.`)
  } else {
    const far = distance(date.value, referenceDate)
    if (far && referenceDate) lines.push(`${capitalize(far)} the article date (${referenceDate}).`)
  }
  return markdown(lines.join('\n\n'))
}

function claimHover(claim: Claim): vscode.MarkdownString {
  const lines = [`$(comment-discussion) **Claim** · ${claimKindName(claim.kind)} · check-worthiness ${claim.score.toFixed(2)}${byHand(claim)}`]
  const who = claim.speaker
    ? `Speaker: **${escapeMarkdown(claim.speaker.name)}**${claim.verb ? ` (${escapeMarkdown(claim.verb)})` : ''}`
    : 'No speaker or source found.'
  lines.push(claim.medium ? `${who} · medium: ${escapeMarkdown(claim.medium)}` : who)
  const verdict = verdictOf(claim)
  if (verdict) {
    const on = verdict.text === claim.text ? '' : ` on “${escapeMarkdown(truncate(verdict.text, 60))}”`
    const by = verdict.creator ? ` · by ${escapeMarkdown(verdict.creator.name)}` : ''
    const when = verdict.date ? ` · ${verdict.date.slice(0, 10)}` : ''
    lines.push(`$(law) Verdict: **${escapeMarkdown(verdictName(verdict.verdict))}**${on}${by}${when}`)
    if (verdict.source) lines.push(`Source: [${escapeMarkdown(truncate(verdict.source, 70))}](${verdict.source.replace(/[()<>\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)})`)
    if (verdict.note) lines.push(`Note: ${escapeMarkdown(verdict.note)}`)
  }
  return markdown(lines.join('\n\n'))
}

/** The reader's annotations at an offset, other than verdicts (shown with their claim). */
function annotationsHover(annotations: readonly Annotation[], offset: number): vscode.MarkdownString | undefined {
  const lines: string[] = []
  for (const annotation of annotations) {
    const {start, end, exact} = annotation.target
    if (!(start <= offset && offset < end) || annotation.kind === 'verdict') continue
    const quote = `“${escapeMarkdown(truncate(exact, 50))}”`
    const where = annotation.inline ? 'inline directive' : 'sidecar'
    let line: string
    if (annotation.kind === 'tag') {
      const detail = annotation.role ?? annotation.value
      line = `$(tag) ${quote} tagged by hand as ${tagTypeName(annotation.type)}${detail ? ` (${escapeMarkdown(detail)})` : ''}`
    } else if (annotation.kind === 'reject') {
      const what = annotation.type === 'DATE' ? 'a date' : annotation.type === 'CLAIM' ? 'a claim' : annotation.type ? 'an entity' : 'a tag'
      line = `$(circle-slash) ${quote} is not ${what}: rejected by hand ${annotation.scope === 'workspace' ? 'in the whole workspace' : 'in this article'}`
    } else {
      line = `$(git-merge) ${quote} merged into “${escapeMarkdown(truncate(annotation.into.exact, 50))}”`
    }
    lines.push(`${line} · ${where}${annotation.note ? `\n\nNote: ${escapeMarkdown(annotation.note)}` : ''}`)
  }
  return lines.length > 0 ? markdown(lines.join('\n\n')) : undefined
}

function tagTypeName(type: TagType): string {
  return type === 'DATE' ? 'Date' : type === 'CLAIM' ? 'Claim' : entityTypeName(type)
}

/** ` · tagged by hand` for tags that come from an annotation. */
function byHand(tag: Entity | DateTag | Claim): string {
  return (tag as Partial<ReviewedEntity | ReviewedDate | ReviewedClaim>).origin === 'human' ? ' · tagged by hand' : ''
}

function revealLink(uri: vscode.Uri, range: vscode.Range, label: string): string {
  const args = [uri.toString(), [range.start.line, range.start.character, range.end.line, range.end.character]]
  return `[${label}](command:newsmark.reveal?${encodeURIComponent(JSON.stringify(args))} "Reveal")`
}

function markdown(value: string): vscode.MarkdownString {
  const result = new vscode.MarkdownString(value, true)
  result.isTrusted = {enabledCommands: ['newsmark.reveal']}
  return result
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
