/**
 * `notes` export: one Markdown note per article, for a notes app.
 *
 * Sections: the sources quoted (the sourcing summary, then each source
 * with its kind, role and quotes), entities by type (with roles and mention counts), a timeline of
 * dates sorted by their TimeML value (durations and unresolved dates after
 * it), claims with speakers and every verdict (one line per reviewer), and
 * orphaned annotations. Every
 * item links back to its line in the source: `[line 11](article.md#L11)`.
 */
import {utcDay} from '../dates/calendar.ts'
import {applyAnnotations, type ReviewedClaim} from '../annotations/apply.ts'
import {lineIndex} from '../annotations/positions.ts'
import {sourceKindName, sourcesOf, sourcesSummary, type Source} from '../quotes/sources.ts'
import type {EntityType} from '../types.ts'
import type {ArticleExport} from './types.ts'

const headings: ReadonlyArray<[EntityType, string]> = [
  ['PER', 'People'],
  ['ORG', 'Organisations'],
  ['LOC', 'Places'],
  ['MISC', 'Other']
]

/**
 * Export articles as Markdown notes.
 *
 * @param articles
 *   Articles.
 * @returns
 *   Markdown: the notes one after the other.
 */
export function toNotes(articles: ReadonlyArray<ArticleExport>): string {
  return articles.map((article) => noteOf(article)).join('\n')
}

function noteOf({source, result, annotations, meta}: ArticleExport): string {
  const review = applyAnnotations(result, annotations, {workspaceRejects: meta.workspaceRejects})
  const lineOf = lineIndex(source)
  const link = (offset: number) => {
    const line = lineOf(offset)
    return `[line ${line}](${encodeURI(meta.file).replace(/[()]/g, percentParen)}#L${line})`
  }

  const out: string[] = [`# ${flat(meta.title ?? meta.file)}`, '']
  out.push(`- Source: [${flat(meta.file)}](${encodeURI(meta.file).replace(/[()]/g, percentParen)})`)
  if (meta.url) out.push(`- URL: <${angleUrl(meta.url)}>`)
  if (meta.datePublished) out.push(`- Published: ${meta.datePublished}`)
  if (meta.author) out.push(`- Author: ${flat(meta.author)}`)
  const checked = review.claims.reduce((sum, claim) => sum + claim.verdicts.length, 0)
  out.push(
    `- Tags: ${count(review.entities.length, 'entity', 'entities')}, ${count(review.dates.length, 'date', 'dates')}, ` +
      `${count(review.claims.length, 'claim', 'claims')} (${count(checked, 'verdict', 'verdicts')})`
  )

  const sources = sourcesOf(review)
  out.push('', '## Sources', '', `${sourcesSummary(sources)}.`)
  if (sources.length > 0) out.push('')
  for (const item of sources) out.push(...sourceLines(source, item, link))

  out.push('', '## Entities')
  if (review.entities.length === 0) out.push('', 'None found.')
  for (const [type, heading] of headings) {
    const entities = review.entities.filter((entity) => entity.type === type)
    if (entities.length === 0) continue
    out.push('', `### ${heading}`, '')
    for (const entity of entities) {
      const first = entity.mentions[0]!.start
      const role = entity.role ? `, ${flat(entity.role)}` : ''
      const more = entity.mentions.length > 1 ? `, ${entity.mentions.length} mentions` : ''
      const by = entity.origin === 'human' ? ', tagged by hand' : ''
      out.push(`- **${flat(entity.name)}**${role} (${link(first)}${more}${by})`)
    }
  }

  out.push('', '## Timeline')
  const dated = review.dates
    .map((date) => ({date, key: timelineKey(date.value, review.referenceDate)}))
    .filter((item) => item.key !== undefined)
    .sort((a, b) => (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : a.date.start - b.date.start))
  const undated = review.dates.filter((date) => timelineKey(date.value, review.referenceDate) === undefined)
  if (dated.length === 0 && undated.length === 0) out.push('', 'No dates found.')
  if (dated.length > 0) out.push('')
  for (const {date, key} of dated) {
    const value = date.value === 'PRESENT_REF' ? `${key} (${date.value})` : date.value
    out.push(`- **${value}**: “${flat(date.text)}” (${link(date.start)})`)
  }

  if (undated.length > 0) {
    out.push('', 'Durations and unresolved:', '')
    for (const date of undated) out.push(`- “${flat(date.text)}”: ${date.value} (${link(date.start)})`)
  }

  out.push('', '## Claims')
  if (review.claims.length === 0) out.push('', 'None found.')
  if (review.claims.length > 0) out.push('')
  for (const claim of review.claims) out.push(...claimLines(claim, link))

  const orphans = meta.orphans ?? []
  if (orphans.length > 0) {
    out.push('', '## Orphaned annotations', '', 'These no longer match the text; check them in the sidecar.', '')
    for (const {annotation, reason} of orphans) out.push(`- ${annotation.kind}: “${flat(annotation.target.exact)}” (${reason})`)
  }

  return out.join('\n') + '\n'
}

function sourceLines(text: string, source: Source, link: (offset: number) => string): string[] {
  const role = source.role ? `, ${flat(source.role)}` : ''
  const lines = [`- **${flat(source.name)}**${role}: ${sourceKindName(source.kind)}, ${count(source.quotes.length, 'quote', 'quotes')}`]
  for (const quote of source.quotes) {
    const words = flat(text.slice(quote.start, quote.end)).replace(/^[“”"]+|[“”"]+$/g, '')
    const cue = quote.cue ? `${flat(quote.cue.text)}, ` : ''
    lines.push(`  - “${words}” (${quote.kind}, ${cue}${link(quote.start)})`)
  }

  return lines
}

function claimLines(claim: ReviewedClaim, link: (offset: number) => string): string[] {
  const who = claim.speaker
    ? ` (${flat(claim.speaker.name)}${claim.verb ? `, ${flat(claim.verb)}` : ''}${claim.medium ? `, ${flat(claim.medium)}` : ''})`
    : ' (no speaker)'
  const lines = [`- “${flat(claim.text)}”${who}, ${claim.kind} (${link(claim.start)})`]
  for (const verdict of claim.verdicts) {
    const part = verdict.text === claim.text ? '' : ` on “${flat(verdict.text)}”`
    const source = verdict.source ? ` ([source](<${angleUrl(verdict.source)}>))` : ''
    const by = verdict.creator ? `, by ${flat(verdict.creator.name)}` : ''
    lines.push(`  - **Verdict: ${verdict.verdict}**${part}${by}${source}`)
    if (verdict.note) lines.push(`  - Note: ${flat(verdict.note)}`)
  }

  return lines
}

/**
 * A sortable key for a TimeML value, or `undefined` when it is not a point
 * or period in time (durations, sets, `PAST_REF`, unknown years).
 *
 * @param value
 *   TimeML value.
 * @param referenceDate
 *   Date of `PRESENT_REF`.
 * @returns
 *   Key (an ISO-like string).
 */
export function timelineKey(value: string, referenceDate?: string): string | undefined {
  if (value === 'PRESENT_REF') return referenceDate
  const week = /^(\d{4})-W(\d{2})/.exec(value)
  if (week) {
    // Monday of ISO week: the week with January 4th is week 1.
    const year = Number(week[1])
    const january4 = utcDay(year, 0, 4)
    const monday = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * 864e5
    return new Date(monday + (Number(week[2]) - 1) * 7 * 864e5).toISOString().slice(0, 10)
  }

  const part = /^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$/.exec(value)
  if (part) {
    const month: Record<string, string> = {Q1: '01', Q2: '04', Q3: '07', Q4: '10', H1: '01', H2: '07', SP: '03', SU: '06', FA: '09', WI: '12'}
    return `${part[1]}-${month[part[2]!]}`
  }

  return /^(?:\d{4}|\d{3}X|\d{2}XX)(?:$|-\d{2}|T)/.test(value) ? value.replace(/X+/, '') : undefined
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/**
 * Text from the article or the annotations as it goes in the note: on one
 * line, with HTML shown as text, not run (`<` as `&lt;`, `&` as `&amp;`),
 * and control characters (ESC, BEL, …), which a terminal would act on,
 * replaced by U+FFFD.
 *
 * @param text
 *   Text.
 * @returns
 *   Markdown text.
 */
function flat(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
}

/**
 * A URL as the destination of a Markdown link in angle brackets
 * (`<https://…>`): the characters that could end it or the line (`<`, `>`,
 * line breaks) or that a terminal would act on are percent-encoded, so the
 * link cannot be broken out of into raw HTML.
 *
 * @param url
 *   URL.
 * @returns
 *   URL for `<…>`.
 */
function angleUrl(url: string): string {
  return url.replace(/[<>\\\u0000-\u0020\u007F-\u009F]/g, (char) => encodeURIComponent(char))
}

function percentParen(char: string): string {
  return char === '(' ? '%28' : '%29'
}
