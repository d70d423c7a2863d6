/**
 * Tagging one document: entities, claims (which need the entities) and
 * dates, over the shared text view.
 */
import {tagClaims} from './claims/tag-claims.ts'
import {tagTimex} from './dates/index.ts'
import {spanOf, type DocumentView} from './document.ts'
import {clusterMentions} from './entities/cluster.ts'
import {findMentions} from './entities/mentions.ts'
import type {Settings} from './options.ts'
import type {DateTag, NewsmarkResult} from './types.ts'

/**
 * Tag one document.
 *
 * @param document
 *   Text view of the document.
 * @param referenceDate
 *   Date that relative dates resolve against, if known.
 * @param settings
 *   Settings.
 * @returns
 *   Result.
 */
export function tagDocument(
  document: DocumentView,
  referenceDate: string | undefined,
  settings: Settings
): NewsmarkResult {
  const result: NewsmarkResult = {entities: [], dates: [], claims: []}
  if (referenceDate) result.referenceDate = referenceDate

  if (settings.entities || settings.claims) {
    const mentions = findMentions(document)
    const {entities, entityOf} = clusterMentions(mentions)
    if (settings.claims) {
      result.claims = tagClaims(document, mentions, entityOf, entities)
    }

    if (settings.entities) result.entities = entities
  }

  if (settings.dates) result.dates = tagDates(document, referenceDate)
  return result
}

/**
 * Tag the dates of the document's prose. The blocks are read as one text
 * (joined by blank lines), so expressions that lean on an earlier date
 * ("the following year") and the tense of the article see across
 * paragraphs.
 *
 * @param document
 *   Document.
 * @param referenceDate
 *   Reference date.
 * @returns
 *   Dates in document order.
 */
function tagDates(document: DocumentView, referenceDate: string | undefined): DateTag[] {
  const starts: number[] = []
  let text = ''
  for (const block of document.blocks) {
    if (text) text += '\n\n'
    starts.push(text.length)
    text += block.text
  }

  const dates: DateTag[] = []
  let blockIndex = 0
  for (const timex of tagTimex(text, referenceDate ? {referenceDate} : {})) {
    while (blockIndex + 1 < starts.length && starts[blockIndex + 1] <= timex.start) blockIndex++
    const block = document.blocks[blockIndex]
    const start = timex.start - starts[blockIndex]
    const end = timex.end - starts[blockIndex]
    // An expression never spans two blocks.
    if (end > block.text.length) continue
    const span = spanOf(document, block, start, end)
    const date: DateTag = {
      start: span.start,
      end: span.end,
      text: span.text,
      type: timex.type,
      value: timex.value,
      relative: timex.relative
    }
    if (timex.unresolved) date.unresolved = true
    dates.push(date)
  }

  return dates
}
