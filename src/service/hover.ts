/**
 * Hovers on entities, dates, claims and quotes, as Markdown, from an
 * analysis: what VS Code and the language server show.
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
 * An entity or date inside a claim shows both, most specific first, each a
 * section of its own.
 */
import type {Annotation, TagType} from '../core/annotations/types.ts'
import type {ReviewedClaim, ReviewedDate, ReviewedEntity} from '../core/annotations/index.ts'
import type {CountryFacts} from '../core/entities/gazetteer.ts'
import type {Claim, DateTag, Entity, EntityType, NewsmarkResult} from '../core/types.ts'
import type {ArticleAnalysis} from './analysis.ts'
import {entitySourceLine, quoteAt, quoteLine, sourcesOfResult} from './sources.ts'
import {distance, durationInWords, weekday} from './timex.ts'
import {claimKindName, entityTypeName, escapeMarkdown, plural, truncate, verdictName, verdictOf} from './words.ts'

/** How a hover is written, for the editor that shows it. */
export interface HoverOptions {
  /** Codicons such as `$(calendar)` (VS Code draws them; other editors would show the words). */
  readonly icons?: boolean
  /**
   * A Markdown link that reveals a range of the article (VS Code: a command
   * link); without it, the place is plain words.
   */
  readonly reveal?: (start: number, end: number, label: string) => string
  /** Offline facts of a country, by name (the core's `countryFacts`). */
  readonly countryFacts?: (name: string) => CountryFacts | undefined
}

/** A hover: Markdown sections and the range of what it is about (UTF-16 offsets). */
export interface HoverData {
  readonly sections: readonly string[]
  readonly start: number
  readonly end: number
}

/** Codicon of each entity type. */
export const entityIcons: Readonly<Record<EntityType, string>> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'location',
  MISC: 'symbol-misc'
}

/** Something that gives the line of an offset: the service's `LineIndex`, VS Code's `TextDocument`. */
export interface Lines {
  positionAt(offset: number): {readonly line: number}
}

/**
 * The hover at an offset.
 * @param lines
 *   The article's lines, at the analysis's version (for the line of a
 *   first mention; a hover must not read the whole text again).
 * @param analysis
 *   Its tags (reviewed) and annotations.
 * @param offset
 *   UTF-16 offset.
 * @param options
 *   How to write it.
 * @returns
 *   The hover, if a tag or an annotation is there.
 */
export function hoverAt(
  lines: Lines,
  analysis: Pick<ArticleAnalysis, 'result' | 'review'>,
  offset: number,
  options: HoverOptions = {}
): HoverData | undefined {
  const {result} = analysis
  const write = new Writer(lines, options)
  const sections: string[] = []
  let range: {start: number; end: number} | undefined

  const hit = entityAt(result, offset)
  if (hit) {
    sections.push(entityHover(write, result, hit.entity))
    range = hit.mention
  }
  const date = result.dates.find((item) => item.start <= offset && offset < item.end)
  if (date) {
    sections.push(dateHover(write, date, result.referenceDate))
    range ??= date
  }
  const claim = result.claims.find((item) => item.start <= offset && offset < item.end)
  if (claim) {
    sections.push(claimHover(write, claim))
    range ??= claim
  }
  const quote = quoteAt(result.quotes, offset)
  if (quote) {
    sections.push(`${write.icon('quote')}${escapeMarkdown(quoteLine(quote, sourcesOfResult(result)))}`)
    range ??= quote
  }
  const annotations = annotationsHover(write, analysis.review.anchored.map((item) => item.annotation), offset)
  if (annotations) sections.push(annotations)
  return sections.length > 0 && range ? {sections, start: range.start, end: range.end} : undefined
}

/** Icons, links and line numbers, as the options say. */
class Writer {
  readonly #lines: Lines
  readonly #options: HoverOptions

  constructor(lines: Lines, options: HoverOptions) {
    this.#lines = lines
    this.#options = options
  }

  get countryFacts() {
    return this.#options.countryFacts
  }

  icon(name: string): string {
    return this.#options.icons ? `$(${name}) ` : ''
  }

  place(start: number, end: number): string {
    const label = `line ${this.#lines.positionAt(start).line + 1}`
    return this.#options.reveal ? this.#options.reveal(start, end, label) : label
  }
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

function entityHover(write: Writer, result: NewsmarkResult, entity: Entity): string {
  const lines: string[] = [`${write.icon(entityIcons[entity.type])}**${escapeMarkdown(entity.name)}** · ${entityTypeName(entity.type)}${byHand(entity)}`]
  if (entity.role) lines.push(`*${escapeMarkdown(entity.role)}*`)
  const first = entity.mentions[0]
  if (first) {
    const pronouns = entity.mentions.filter((mention) => mention.pronoun).length
    const link = write.place(first.start, first.end)
    lines.push(
      `${plural(entity.mentions.length, 'mention')}${pronouns ? ` (${pronouns} by pronoun)` : ''}; ` +
        `first on ${link}: “${escapeMarkdown(truncate(first.text, 60))}”`
    )
  }
  const spoken = result.claims.filter((claim) => claim.speaker?.entity === entity.id)
  if (spoken.length > 0) {
    lines.push(`Speaker of ${plural(spoken.length, 'claim')}:`)
    for (const claim of spoken.slice(0, 3)) {
      lines.push(`- ${claimKindName(claim.kind)}: ${inQuotes(truncate(claim.text, 70))}`)
    }
    if (spoken.length > 3) lines.push(`- …and ${spoken.length - 3} more (see the Newsmark sidebar)`)
  }
  const quoted = entitySourceLine(sourcesOfResult(result), entity.id)
  if (quoted) lines.push(`${write.icon('quote')}${quoted}`)
  if (entity.type === 'LOC') {
    const facts = factsOf(write, entity)
    if (facts) lines.push(facts)
  }
  return lines.join('\n\n').replace(/\n\n- /g, '\n- ')
}

/**
 * A claim's text in quotation marks, unless it opens with its own (a direct
 * quote: `“We found corrosion…,” she said.`).
 * @param text
 *   The text.
 * @returns
 *   Markdown.
 */
function inQuotes(text: string): string {
  return /^[“"‘«„]/u.test(text) ? escapeMarkdown(text) : `“${escapeMarkdown(text)}”`
}

function factsOf(write: Writer, entity: Entity): string | undefined {
  const lookup = write.countryFacts
  if (!lookup) return undefined
  const names = [entity.name, ...entity.mentions.map((mention) => mention.text.replace(/[’']s$/u, ''))]
  for (const name of names) {
    const facts = lookup(name)
    if (facts) {
      return `${write.icon('globe')}Country · ISO 3166 \`${facts.code}\` · capital ${escapeMarkdown(facts.capital)} · ${escapeMarkdown(facts.continent)}`
    }
  }
  return undefined
}

function dateHover(write: Writer, date: DateTag, referenceDate: string | undefined): string {
  const lines: string[] = []
  const words = date.type === 'DURATION' ? durationInWords(date.value) : undefined
  const day = weekday(date.value)
  lines.push(
    `${write.icon('calendar')}**${escapeMarkdown(date.value)}**` +
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
  return lines.join('\n\n')
}

function claimHover(write: Writer, claim: Claim): string {
  const lines = [`${write.icon('comment-discussion')}**Claim** · ${claimKindName(claim.kind)} · check-worthiness ${claim.score.toFixed(2)}${byHand(claim)}`]
  const who = claim.speaker
    ? `Speaker: **${escapeMarkdown(claim.speaker.name)}**${claim.verb ? ` (${escapeMarkdown(claim.verb)})` : ''}`
    : 'No speaker or source found.'
  lines.push(claim.medium ? `${who} · medium: ${escapeMarkdown(claim.medium)}` : who)
  const verdict = verdictOf(claim)
  if (verdict) {
    const on = verdict.text === claim.text ? '' : ` on “${escapeMarkdown(truncate(verdict.text, 60))}”`
    const by = verdict.creator ? ` · by ${escapeMarkdown(verdict.creator.name)}` : ''
    const when = verdict.date ? ` · ${verdict.date.slice(0, 10)}` : ''
    lines.push(`${write.icon('law')}Verdict: **${escapeMarkdown(verdictName(verdict.verdict))}**${on}${by}${when}`)
    if (verdict.source) lines.push(`Source: [${escapeMarkdown(truncate(verdict.source, 70))}](${verdict.source.replace(/[()<>\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)})`)
    if (verdict.note) lines.push(`Note: ${escapeMarkdown(verdict.note)}`)
  }
  return lines.join('\n\n')
}

/** The reader's annotations at an offset, other than verdicts (shown with their claim). */
function annotationsHover(write: Writer, annotations: readonly Annotation[], offset: number): string | undefined {
  const lines: string[] = []
  for (const annotation of annotations) {
    const {start, end, exact} = annotation.target
    if (!(start <= offset && offset < end) || annotation.kind === 'verdict') continue
    const quote = `“${escapeMarkdown(truncate(exact, 50))}”`
    const where = annotation.inline ? 'inline directive' : 'sidecar'
    let line: string
    if (annotation.kind === 'tag') {
      const detail = annotation.role ?? annotation.value
      line = `${write.icon('tag')}${quote} tagged by hand as ${tagTypeName(annotation.type)}${detail ? ` (${escapeMarkdown(detail)})` : ''}`
    } else if (annotation.kind === 'reject') {
      const what = annotation.type === 'DATE' ? 'a date' : annotation.type === 'CLAIM' ? 'a claim' : annotation.type ? 'an entity' : 'a tag'
      line = `${write.icon('circle-slash')}${quote} is not ${what}: rejected by hand ${annotation.scope === 'workspace' ? 'in the whole workspace' : 'in this article'}`
    } else {
      line = `${write.icon('git-merge')}${quote} merged into “${escapeMarkdown(truncate(annotation.into.exact, 50))}”`
    }
    lines.push(`${line} · ${where}${annotation.note ? `\n\nNote: ${escapeMarkdown(annotation.note)}` : ''}`)
  }
  return lines.length > 0 ? lines.join('\n\n') : undefined
}

function tagTypeName(type: TagType): string {
  return type === 'DATE' ? 'Date' : type === 'CLAIM' ? 'Claim' : entityTypeName(type)
}

/** ` · tagged by hand` for tags that come from an annotation. */
function byHand(tag: Entity | DateTag | Claim): string {
  return (tag as Partial<ReviewedEntity | ReviewedDate | ReviewedClaim>).origin === 'human' ? ' · tagged by hand' : ''
}



function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
