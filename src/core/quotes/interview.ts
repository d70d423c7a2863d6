/**
 * Q&A interviews: an introduction that says who was interviewed (“The Post
 * spoke with Ada Obi, a nurse, about …”), then each question in a paragraph
 * of its own and the answer in the paragraphs after it. The answers are the
 * interviewee's own words with no quotation marks and no “she said”, so
 * the quotation tagger finds no speaker in them; here each answer becomes a
 * quote of the interviewee.
 *
 * Only where the reading is safe:
 * - the introduction names exactly one person with an interview cue
 *   (“spoke with”, “talked to”, “sat down with”, “interviewed”,
 *   “a conversation with”, or “X spoke to …”): two people interviewed
 *   together give no speaker, for the answers do not say who of them
 *   speaks;
 * - at least two questions are each followed at once by an answer;
 * - an answer is a paragraph of sentences (a photo caption with no final
 *   stop is not), and answers end at “edited for length and clarity”;
 * - sentences the tagger already read as a quote keep that quote.
 *
 * Questions stay the interviewer's. Explainers with questions for headings
 * (“What is a multi-currency account?”) name no interviewee and are left
 * alone.
 */
import {spanOf, type DocumentView, type SentenceView} from '../document.ts'
import type {RawMention} from '../entities/mentions.ts'
import type {ProseBlock} from '../prose.ts'
import type {Entity, Quote, QuoteSource} from '../types.ts'
import {firstIndex} from '../sorted.ts'

/** Words that say a person was interviewed, right before their name. */
const cueBefore =
  /\b(?:spoke|speaks|spoken|talked|talks|chatted|chats|sat down|sits down|caught up|catches up|interview|interviews|conversation|Q&A|Q & A)\s+(?:with|to)\s+(?:\S+\s+){0,3}$|\binterviewed\s+(?:\S+\s+){0,3}$/i
/** Words that say a person was interviewed, right after their name (“Obi, a nurse, spoke with …”). */
const cueAfter = /^(?:\s*,[^,]{1,120},)?\s+(?:spoke|talked|chatted|sat down|caught up|speaks|talks|chats|sits down)\s+(?:with|to)\b/i
/** A question paragraph: ends with a question mark (“Q:” before it or not). */
const questionEnd = /\?["”’)]*$/
/** A paragraph of prose ends with a stop. */
const proseEnd = /[.!?…]["”’)]*$/
/** The note that closes many interviews. */
const closing = /\bedited for (?:length|clarity)|\bhas been (?:condensed|edited|lightly edited)\b/i

/** A paragraph with its sentences. */
interface Paragraph {
  block: ProseBlock
  sentences: SentenceView[]
}

/**
 * Add the answers of a Q&A interview as quotes of the interviewee.
 *
 * @param document
 *   Text view.
 * @param mentions
 *   Entity mentions (document order).
 * @param entityOf
 *   Entity id of each mention.
 * @param entities
 *   Entities.
 * @param quotes
 *   Quotes the tagger found (document order).
 * @returns
 *   Those quotes and the answers, in document order (the same array when
 *   the document is no interview).
 */
export function addInterviewAnswers(
  document: DocumentView,
  mentions: ReadonlyArray<RawMention>,
  entityOf: ReadonlyArray<string>,
  entities: ReadonlyArray<Entity>,
  quotes: Quote[]
): Quote[] {
  const paragraphs = paragraphsOf(document)
  const first = paragraphs.findIndex((paragraph) => isQuestion(paragraph))
  if (first < 0) return quotes

  // Questions each followed at once by an answer.
  let pairs = 0
  for (let index = first; index < paragraphs.length - 1; index++) {
    if (isQuestion(paragraphs[index]) && isAnswer(paragraphs[index + 1])) pairs++
  }

  if (pairs < 2) return quotes
  const source = interviewee(paragraphs[first].block, mentions, entityOf, entities)
  if (!source) return quotes

  const answers: Quote[] = []
  let answering = false
  for (const paragraph of paragraphs.slice(first)) {
    if (closing.test(paragraph.block.text)) break
    if (paragraph.block.kind !== 'paragraph') continue
    if (isQuestion(paragraph)) {
      answering = true
      continue
    }

    if (!answering || !isAnswer(paragraph)) continue
    answers.push(...answerQuotes(document, paragraph, quotes, source))
  }

  if (answers.length === 0) return quotes
  return [...quotes, ...answers].sort((a, b) => a.start - b.start)
}

/**
 * The paragraphs and headings of a document with their sentences, in order.
 *
 * @param document
 *   Text view.
 * @returns
 *   Blocks with sentences.
 */
function paragraphsOf(document: DocumentView): Paragraph[] {
  const paragraphs: Paragraph[] = []
  for (const sentence of document.sentences) {
    const last = paragraphs.at(-1)
    if (last?.block === sentence.block) last.sentences.push(sentence)
    else paragraphs.push({block: sentence.block, sentences: [sentence]})
  }

  return paragraphs
}

/**
 * Whether a paragraph is a question put to the interviewee.
 *
 * @param paragraph
 *   Paragraph.
 * @returns
 *   Whether it is.
 */
function isQuestion(paragraph: Paragraph): boolean {
  if (paragraph.block.kind !== 'paragraph') return false
  const text = paragraph.block.text.trim()
  return questionEnd.test(text) && paragraph.sentences.length <= 3 && text.split(/\s+/).length <= 80
}

/**
 * Whether a paragraph can be an answer: sentences that end with a stop.
 *
 * @param paragraph
 *   Paragraph.
 * @returns
 *   Whether it can.
 */
function isAnswer(paragraph: Paragraph): boolean {
  if (paragraph.block.kind !== 'paragraph' || isQuestion(paragraph)) return false
  const text = paragraph.block.text.trim()
  return proseEnd.test(text) && text.split(/\s+/).length >= 3
}

/**
 * The one person the introduction says was interviewed.
 *
 * @param question
 *   The first question's block: the introduction is what comes before it.
 * @param mentions
 *   Entity mentions.
 * @param entityOf
 *   Entity id of each mention.
 * @param entities
 *   Entities.
 * @returns
 *   The source the answers get, if exactly one person was interviewed.
 */
function interviewee(
  question: ProseBlock,
  mentions: ReadonlyArray<RawMention>,
  entityOf: ReadonlyArray<string>,
  entities: ReadonlyArray<Entity>
): QuoteSource | undefined {
  const byId = new Map(entities.map((entity) => [entity.id, entity]))
  const end = question.base + question.map[0]
  let found: {mention: RawMention; entity: Entity} | undefined
  for (const [index, mention] of mentions.entries()) {
    if (mention.start >= end) break
    const entity = byId.get(entityOf[index])
    if (entity?.type !== 'PER') continue
    const {sentence} = mention
    const text = sentence.block.text
    const before = text.slice(sentence.start, sentence.tokens[mention.first].start)
    const after = text.slice(sentence.tokens[mention.last - 1].end, sentence.end)
    if (!cueBefore.test(before) && !cueAfter.test(after)) continue
    // Two people interviewed: the answers do not say which one speaks.
    if (found && found.entity !== entity) return undefined
    found = {mention, entity}
  }

  if (!found) return undefined
  const {mention, entity} = found
  return {start: mention.start, end: mention.end, text: mention.text, entity: entity.id, name: entity.name, kind: 'named'}
}

/**
 * The quotes of one answer: its runs of sentences that no quote covers.
 *
 * @param document
 *   Text view.
 * @param paragraph
 *   The answer.
 * @param quotes
 *   Quotes found already.
 * @param source
 *   The interviewee.
 * @returns
 *   Quotes.
 */
function answerQuotes(document: DocumentView, paragraph: Paragraph, quotes: ReadonlyArray<Quote>, source: QuoteSource): Quote[] {
  const result: Quote[] = []
  let run: SentenceView[] = []
  const flush = () => {
    if (run.length === 0) return
    const first = run[0]
    const last = run.at(-1)!
    const span = spanOf(document, paragraph.block, first.tokens[0].start, last.tokens.at(-1)!.end)
    result.push({start: span.start, end: span.end, kind: 'direct', source: {...source}})
    run = []
  }

  for (const sentence of paragraph.sentences) {
    if (sentence.tokens.length === 0) continue
    const span = spanOf(document, paragraph.block, sentence.tokens[0].start, sentence.tokens.at(-1)!.end)
    // Quotes are in document order and do not nest: the first that ends
    // after the sentence starts is the only one that can cover it.
    const at = firstIndex(quotes.length, (index) => quotes[index].end > span.start)
    const covered = at < quotes.length && quotes[at].start < span.end
    if (covered) flush()
    else run.push(sentence)
  }

  flush()
  return result
}
