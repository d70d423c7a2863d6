/**
 * Tagging one document: entities, claims (which need the entities) and
 * dates, over the shared text view.
 */
import {tagClaims, type ClaimOptions} from './claims/tag-claims.ts'
import {findTimexes, TimexResolver, type TimexCandidate} from './dates/index.ts'
import {spanOf, type DocumentView} from './document.ts'
import {clusterMentions} from './entities/cluster.ts'
import {DocumentTagging} from './entities/document-tagging.ts'
import {namedEntities} from './entities/filter.ts'
import {isNationality} from './entities/groups.ts'
import {findMentions} from './entities/mentions.ts'
import {Cache} from './incremental/memory.ts'
import {addInterviewAnswers} from './quotes/interview.ts'
import {linkClaims, tagQuotes} from './quotes/tag-quotes.ts'
import {SpanIndex} from './rules/span-index.ts'
import type {Genre} from './genre.ts'
import type {Settings} from './options.ts'
import type {DateTag, Entity, NewsmarkResult, Quote} from './types.ts'

/**
 * What tagging keeps of a document for its next analysis: after an edit,
 * the work of what the edit left alone is not done again.
 */
export interface DocumentMemory {
  entities: DocumentTagging
}

// By document path: the editor's open documents (`forgetDocument` drops a
// closed one).
const memories = new Cache<string, DocumentMemory>(8, {byDocument: true})

/**
 * The memory of a document's last analysis (an empty one the first time,
 * and always while the analysis caches are off).
 *
 * @param path
 *   Path of the document (any key that tells documents apart).
 * @returns
 *   Memory, to pass to `tagDocument`.
 */
export function documentMemory(path: string): DocumentMemory {
  return memories.get(path, () => ({entities: new DocumentTagging()}))
}

/**
 * Tag one document.
 *
 * @param document
 *   Text view of the document.
 * @param referenceDate
 *   Date that relative dates resolve against, if known.
 * @param settings
 *   Settings.
 * @param memory
 *   What the last analysis of the same document kept (default: nothing).
 * @param claimOptions
 *   The article's genre, if known (a game story or a recipe has no claims),
 *   and the claims' threshold (tests).
 * @returns
 *   Result.
 */
export function tagDocument(
  document: DocumentView,
  referenceDate: string | undefined,
  settings: Settings,
  memory?: DocumentMemory,
  claimOptions: Readonly<ClaimOptions> = {}
): NewsmarkResult {
  const result: NewsmarkResult = {entities: [], dates: [], claims: []}
  if (referenceDate) result.referenceDate = referenceDate
  // Names, where a date word is a word of the name (“Christmas Vacation”,
  // “Twenty One Pilots”, “April Ryan”).
  let names: NameIndex | undefined

  if (settings.entities || settings.claims) {
    const tagging = memory?.entities ?? new DocumentTagging()
    const mentions = findMentions(document, tagging)
    const {entities, entityOf} = clusterMentions(mentions)
    if (settings.dates) {
      const types = new Map(entities.map((entity) => [entity.id, entity.type]))
      // Works' and organisations' names hold a date word anywhere
      // (“Christmas Vacation”, “Monday Properties”); people's and places'
      // only first (“April Ryan”, “Christmas Island”, not “in Gaza Tuesday”).
      const anywhere = (index: number) => types.get(entityOf[index]) === 'MISC' || types.get(entityOf[index]) === 'ORG'
      names = {
        anywhere: new SpanIndex(mentions.filter((_, index) => anywhere(index))),
        first: new SpanIndex(mentions.filter((_, index) => types.has(entityOf[index]) && !anywhere(index)))
      }
    }
    if (settings.claims) {
      result.claims = tagClaims(document, mentions, entityOf, entities, claimOptions)
      const quotes = tagQuotes(document, mentions, entityOf, entities)
      result.quotes = addInterviewAnswers(document, mentions, entityOf, entities, quotes)
      linkClaims(result.claims, result.quotes)
      followQuoteSources(entities, result.quotes)
    }

    if (settings.entities) {
      // Nationalities apart: no person, organisation or place of their own.
      const named = namedEntities(entities, mentions, entityOf, tagging)
      const groups = new Set(named.filter((entity) => isNationality(entity, document.source)))
      result.entities = named.filter((entity) => !groups.has(entity))
      if (groups.size > 0) result.nationalities = [...groups]
    }
  }

  if (settings.dates) result.dates = tagDates(document, referenceDate, claimOptions.genre, names)
  return result
}

/** Mentions that may hold a date word: anywhere, or only as their first word. */
interface NameIndex {
  anywhere: SpanIndex
  first: SpanIndex
}

// The time expressions of a block, unresolved: a function of its text, so
// the blocks an edit did not touch are not searched again.
const blockTimexes = new Cache<string, ReadonlyArray<TimexCandidate>>(8192)

/**
 * Tag the dates of the document's prose. Each block is searched on its own
 * (no expression spans two blocks); the expressions are resolved in
 * document order, so those that lean on an earlier date ("the following
 * year") see across paragraphs, after the resolver has learnt the years
 * the whole document gives its days.
 *
 * @param document
 *   Document.
 * @param referenceDate
 *   Reference date.
 * @param genre
 *   The article's genre, if known: in a game story, halves, quarters and
 *   periods are the game's (“the second half”), no part of a year.
 * @param names
 *   Mentions of names: a date of words alone inside a longer work's or
 *   organisation's name, or opening a longer person's or place's, is a
 *   word of the name, no date (“Christmas Vacation”, “Christmas Island”,
 *   “April Ryan”; a year stays: “1997 Fed Cup”).
 * @returns
 *   Dates in document order.
 */
function tagDates(document: DocumentView, referenceDate: string | undefined, genre?: Genre, names?: NameIndex): DateTag[] {
  const resolver = new TimexResolver(referenceDate)
  const found = document.blocks.map((block) => blockTimexes.get(block.text, findTimexes))
  resolver.learn(found.flat())
  const dates: DateTag[] = []
  for (const [index, block] of document.blocks.entries()) {
    for (const timex of found[index]!) {
      const words = block.text.slice(timex.start, timex.end)
      if (genre === 'game-story' && partOfGame(words)) continue
      const span = spanOf(document, block, timex.start, timex.end)
      if (names && !/\d/.test(words)) {
        const name = names.anywhere.covering(span.start, span.end)
        if (name && name.end - name.start > span.end - span.start) continue
        const opening = names.first.covering(span.start, span.end)
        if (opening && opening.start === span.start && opening.end > span.end) continue
      }

      const resolved = resolver.resolve(timex)
      if (!resolved) continue
      const date: DateTag = {
        start: span.start,
        end: span.end,
        text: span.text,
        type: timex.type,
        value: resolved.value,
        relative: resolved.relative
      }
      if (resolved.unresolved) date.unresolved = true
      dates.push(date)
    }
  }

  return dates
}

/**
 * Whether an expression is a part of a game (“the second half”,
 * “second-half”, “the third quarter”, “the first period”): one that names
 * no year, fiscal or calendar.
 *
 * @param text
 *   The expression's words.
 * @returns
 *   Whether it is.
 */
function partOfGame(text: string): boolean {
  return /\b(half|halves|quarters?|period)\b/i.test(text) && !/\d{4}|\b(year|fiscal|FY)\b/i.test(text)
}

/**
 * A pronoun that a quote's source resolves goes to the person the quote
 * model found (it reads who spoke before, genders and who was spoken to),
 * where the claims' reading put it elsewhere: one answer to who “she” is.
 *
 * @param entities
 *   Entities, with the pronoun mentions the claims added (changed).
 * @param quotes
 *   Quotes.
 */
function followQuoteSources(entities: ReadonlyArray<Entity>, quotes: ReadonlyArray<Quote>): void {
  const byStart = new Map<number, Entity>()
  for (const entity of entities) {
    for (const mention of entity.mentions) if (mention.pronoun) byStart.set(mention.start, entity)
  }

  if (byStart.size === 0) return
  const byId = new Map(entities.map((entity) => [entity.id, entity]))
  for (const quote of quotes) {
    const source = quote.source
    if (!source?.entity) continue
    const holder = byStart.get(source.start)
    const speaker = byId.get(source.entity)
    if (!holder || !speaker || holder === speaker) continue
    const at = holder.mentions.findIndex((mention) => mention.pronoun && mention.start === source.start)
    const [mention] = holder.mentions.splice(at, 1)
    speaker.mentions.push(mention)
    speaker.mentions.sort((a, b) => a.start - b.start)
    byStart.set(source.start, speaker)
  }
}
