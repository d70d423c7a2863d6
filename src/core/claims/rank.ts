/**
 * Which claims of an article are most worth checking, best first, and why
 * (`claim-to-check` reports them; the sidebar lists them).
 *
 * A claim's rank is the claim model's check-worthiness times a weight for
 * its kind (a cause or a statistic weighs more than a plain fact), one for its source (no source or an unnamed group
 * before a named one) and one for its topic (a claim that shares no
 * content word with the headline, often background or a side detail,
 * ranks lower); a claim ranked below 0.6 is not listed, so an article may
 * list fewer than asked. Page furniture (captions, credits, sign-up lines),
 * headings, claims below the model's 0.7, a quotation that states no
 * figure, prediction or cause (on real news mostly views and feelings), advice to the reader (“you can try to …”), how a study was
 * done (“To find out, researchers examined …”), a plain fact the writer
 * states with no source at all (narrative, background) and a claim that repeats one
 * already listed are left out, and so is every claim of a genre with none
 * to check (game stories, reviews, recipes, lists).
 *
 * The reason names its kind and, when the text makes it clear, who stands
 * behind it: a speaker only when the quote model gives one for half or more of
 * the claim's words, “no source” only when neither the sentence nor the
 * one before or after it names or cites anyone who could be one; else it
 * says nothing of the source (a wrong source costs a reader more than
 * none).
 */
import type {RuleContext, SentenceInfo} from '../rules/context.ts'
import {hasClaimsToCheck, type Genre} from '../genre.ts'
import {headlineOf} from '../headline.ts'
import quoteLexicon from '../quotes/lexicon.json' with {type: 'json'}
import {beForms, isReported, rulers, shownSource, speakerHeads} from '../quotes/reported.ts'
import {vagueSources} from '../rules/vague.ts'
import type {Claim, ClaimKind, Quote} from '../types.ts'
import {stem} from '../facts/match.ts'
import {isFurniture} from './statement.ts'
import {defaultClaimsToCheck, maxClaimsToCheck, type RankedClaim} from './to-check.ts'

export type {RankedClaim} from './to-check.ts'

/** A claim to check. */

// Words after a name that make it the source of what follows: it tells
// (the quote model's reporting cues), finds out, or publishes.
const sourceWords: ReadonlySet<string> = new Set([
  ...quoteLexicon.reportingCues,
  ...quoteLexicon.documentHeads,
  ...['examined', 'examines', 'studied', 'studies', 'analyzed', 'analysed', 'surveyed', 'measured', 'tracked', 'counted', 'tallied'],
  ...['finding', 'sounded', 'published', 'publishes', 'released', 'releases', 'issued', 'issues', 'alerted', 'identified', 'documented']
])
// Words that end the head of a noun phrase.
const headEnds: ReadonlySet<string> = new Set(['of', 'for', 'to', 'with', 'at', 'from', 'by', 'in', 'on', 'and', 'or'])
// Words before a place or a time, not before the one who speaks.
const placePrepositions: ReadonlySet<string> = new Set(['in', 'at', 'on', 'from', 'to', 'for', 'with', 'by', 'of', 'near', 'across', 'outside', 'inside', 'after', 'before', 'since', 'during', 'under', 'over', 'throughout', 'within', 'around'])
// Capitalised only because they open the sentence.
const openers: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'after', 'before', 'as', 'but', 'and', 'so', 'while', 'when', 'it', 'its', 'their', 'his', 'her', 'our', 'we', 'they', 'he', 'she', 'i', 'there', 'last', 'already', 'more', 'most', 'some', 'many', 'one', 'two', 'first'])
const documentHeads: ReadonlySet<string> = new Set(quoteLexicon.documentHeads)
// Pronouns that stand for someone who can be a source.
const subjects: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'it'])
// A quotation of three words or more (not a scare-quoted word or a slogan).
const quotation = /["“«][^"“”«»]*?\p{L}+[^\p{L}"“”«»]+\p{L}+[^\p{L}"“”«»]+\p{L}+[^"“”«»]*["”»]/u

// Advice to the reader (“you can try to …”, “you should”), not a claim.
const advice = /\byou(?:['’]ll| (?:can|could|should|may|might|must|will|need to|want to|have to|ought to))\b/i
// How a study was done (“To find out, researchers examined …”), not what it
// found.
const method = /^\s*To (?:find out|see|test|learn|determine|understand|answer|measure|study|assess|investigate|examine|gauge)\b/
// “Using three scenarios, they tracked …”: how, unless it says what was found.
const using = /^\s*Using\b/
// Who or what does research (what makes such an opening a study's method).
const research = /\b(?:stud(?:y|ies)|research(?:ers?)?|scientists?|team|survey|analy[sz]ed|examined|tracked|measured|sampled|modell?ed|scenarios?)\b/i
const finding = /\b(?:found|finds?|show(?:s|ed|n)?|reveal(?:s|ed)?|conclude[sd]?|suggest(?:s|ed)?|estimate[sd]?|discovered)\b/

const announcement = /\b(?:today announced|announced today)\b/i

// Genres whose unattributed words are someone's: the release's issuer, the
// interviewee.
const ownVoice: ReadonlySet<Genre> = new Set(['press-release', 'interview'])

// Claims the model scores lower are not listed, however few the article has.
const floor = 0.7

// Ranked lower than this (say, a quote, or an off-topic claim with a source,
// of middling check-worthiness), a claim is not listed: a short list with
// fewer claims beats one padded with minor ones.
const listFloor = 0.6

// A claim that shares no content word with the headline is less often what
// the story is about (background, a side detail): its rank is lowered.
const offTopic = 0.8
// Headline words that say nothing of its subject.
const headlineFiller: ReadonlySet<string> = new Set([
  ...['what', 'when', 'where', 'which', 'while', 'your', 'could', 'would', 'should', 'will', 'just', 'more', 'most', 'over', 'after'],
  ...['into', 'about', 'than', 'that', 'this', 'with', 'from', 'have', 'says', 'said', 'here', 'know', 'need', 'make', 'gets', 'like'],
  ...['news', 'report', 'reports', 'look', 'amid', 'also', 'still', 'does', 'some', 'they', 'their', 'them', 'been', 'were', 'first', 'year', 'years']
])

// Quotations are not listed (see `rankClaims`): no weight, no name.
const kindWeight: Readonly<Record<Exclude<ClaimKind, 'quote'>, number>> = {
  causal: 1.2,
  statistic: 1,
  prediction: 1,
  factual: 0.9,
  reported: 0.9
}

const kindName: Readonly<Record<Exclude<ClaimKind, 'quote'>, string>> = {
  causal: 'causal claim',
  statistic: 'statistic',
  prediction: 'prediction',
  factual: 'factual claim',
  reported: 'reported claim'
}

/**
 * The claims of an article to check, best first.
 *
 * @param context
 *   The tagged document.
 * @param count
 *   How many at most (default: 5; at most 10).
 * @returns
 *   Ranked claims.
 */
export function rankClaims(context: RuleContext, count = defaultClaimsToCheck): RankedClaim[] {
  const limit = Math.max(0, Math.min(maxClaimsToCheck, Math.floor(count)))
  if (limit === 0 || !hasClaimsToCheck(context.kind.genre)) return []
  const vague = new Set(vagueSources(context).map((found) => found.sentence))
  const topic = headlineStems(context)
  const candidates: Array<{claim: Claim; kind: Exclude<ClaimKind, 'quote'>; index: number; score: number}> = []
  for (const [index, sentence] of context.sentences.entries()) {
    const claim = sentence.claim
    if (!claim || claim.score < floor || sentence.heading || sentence.table) continue
    const text = context.source.slice(claim.start, claim.end)
    if (isFurniture(text) || advice.test(outsideQuotes(text)) || isMethod(text)) continue
    // A release's own announcement (“Acme today announced …”): the news it
    // gives, not a claim in it.
    if (context.kind.genre === 'press-release' && announcement.test(text)) continue
    // A quotation with no figure, prediction or cause: on real news mostly
    // views and feelings (“We are delighted …”; of the 7 such claims judged
    // in dev-claims, 3 were worth checking). Its figures, causes and
    // predictions are listed (their kind comes first).
    if (claim.kind === 'quote') continue
    // A plain fact in the writer's own voice (no figure, cause, prediction
    // or report, and no source at all): narrative or background, which
    // news practice does not source.
    if (claim.kind === 'factual' && !vague.has(sentence) && !sentence.cited && unsourced(context, index)) continue
    // A source lowers the need to check, whoever it is: no source or an
    // unnamed group first.
    const weight = vague.has(sentence) ? 1 : sentence.speaker ? 0.85 : sentence.cited ? 0.8 : 1
    const onTopic = topic.size === 0 || [...contentWords(text)].some((word) => topic.has(stem(word)))
    const score = claim.score * kindWeight[claim.kind] * weight * (onTopic ? 1 : offTopic)
    if (score >= listFloor) candidates.push({claim, kind: claim.kind, index, score})
  }

  // Best first; at equal scores, the earlier claim.
  candidates.sort((a, b) => b.score - a.score || a.claim.start - b.claim.start)
  const listed: RankedClaim[] = []
  const words: Array<Set<string>> = []
  for (const candidate of candidates) {
    if (listed.length === limit) break
    const own = contentWords(context.source.slice(candidate.claim.start, candidate.claim.end))
    if (words.some((other) => similar(own, other))) continue
    const phrase = sourceOf(context, candidate.index, vague.has(context.sentences[candidate.index]))
    const kind = kindName[candidate.kind]
    listed.push({claim: candidate.claim, reason: phrase ? `${kind} ${phrase}` : kind, score: candidate.score})
    words.push(own)
  }

  return listed
}

/**
 * Who stands behind a claim, in words that must be true of the text: a
 * named source is one the quote model gives for at least half of the claim's words
 * (its quote, or the sentence's own “according to”, `speakerOf`); “no
 * source” is said only when nothing in the sentence or next to it could be
 * one (`unsourced`). Anything in between says nothing of the source.
 *
 * @param context
 *   Rule context.
 * @param index
 *   Index of the claim's sentence in `context.sentences`.
 * @param vague
 *   Whether its source is an unnamed group.
 * @returns
 *   Phrase, empty when the source is not clear.
 */
function sourceOf(context: RuleContext, index: number, vague: boolean): string {
  const sentence = context.sentences[index]
  if (vague) return 'attributed to an unnamed source'
  const said = speakerOf(context, sentence)
  if (said) return `attributed to ${said}`
  if (sentence.cited) return 'with a cited source'
  // In a release or an interview, the issuer or the interviewee is the
  // source of what is not attributed to someone else.
  if (ownVoice.has(context.kind.genre)) return ''
  if (unsourced(context, index) && !ruled(context, sentence)) return 'with no source'
  return ''
}

// “Ruled” with what rules after it (“ruled that”, “ruled against”; not
// “Mugabe ruled Zimbabwe”, “ruled it out”), whoever its subject is, and
// verbs that rule only when a court or a judge does them (“Delta ordered
// 100 jets”, “Djokovic overturned a deficit”): a judge or a court that
// rules is the claim's source (its record), though it says nothing.
const ruledWith: ReadonlySet<string> = new Set(['that', 'against', 'in', 'for', 'on'])
const courtVerbs: ReadonlySet<string> = new Set(['ruled', 'upheld', 'overturned', 'sentenced', 'ordered', 'denied', 'granted', 'dismissed', 'blocked', 'struck', 'rejected'])
// Words that open a clause of its own before the one who rules (“…, two
// months after the judge ordered …”: the ruling is not the claim's), and
// after the ruling (the claim may be another's).
const clauseAfter: ReadonlySet<string> = new Set(['and', 'but', 'while', 'though', 'although', 'as', 'because', 'which', 'who', 'whereas', 'after', 'when', 'since', 'so'])
const clauseBreaks: ReadonlySet<string> = new Set(['and', 'but', 'after', 'before', 'when', 'while', 'since', 'because', 'as', 'although', 'though', 'until', 'which', 'who', 'that', 'where'])

/**
 * Whether the one who rules in a sentence's only main clause is a judge, a
 * court, or a person or organisation named that “ruled that/against/…”
 * (“In May, Judge Ruiz ruled against both claims”, “the appeals court
 * upheld the fine”): no claim of it is said to have no source (the rank
 * still counts it as one with none: a ruling is a fact the writer
 * reports). Not a ruling in a clause after another (“rents rose 12
 * percent, and the court upheld …”), nor one with another main clause
 * after it.
 *
 * @param context
 *   Rule context.
 * @param sentence
 *   Sentence.
 * @returns
 *   Whether it is a ruling.
 */
function ruled(context: RuleContext, sentence: SentenceInfo): boolean {
  const tokens = sentence.tokens
  const after = (end: number) => tokens.findIndex((token) => token.start >= end)
  // Token index of each subject, and whether it is a court or a judge.
  const subjects: Array<[number, boolean]> = []
  for (const mention of context.mentionsIn(sentence.start, sentence.end)) {
    if (!context.isEntity(mention.entity) || (mention.entity.type !== 'PER' && mention.entity.type !== 'ORG')) continue
    // With its title in the name or before it (“Judge Alma Ruiz”).
    const text = context.source.slice(Math.max(sentence.start, mention.start - 12), mention.end)
    const judge = /\b(?:Judge|Justice|Magistrate)\s+\S/.test(text) || /\b(?:Court|Tribunal)\b/.test(text)
    subjects.push([after(mention.end), judge])
  }
  for (const [at, token] of tokens.entries()) if (rulers.has(token.lower)) subjects.push([at + 1, true])
  // A clause after the ruling (“The court ruled on Monday, and crime fell 20
  // percent”, “… ruled for the city as rents rose”, “struck down the law,
  // which cost …”, “…; the company lost $2 billion”) may hold a claim that
  // is not the court's.
  const joined = (at: number) => tokens.some((token, index) => token.text === ';' || (index > at && clauseAfter.has(token.lower)))
  return subjects.some(([at, judge]) => {
    const verb = at >= 0 ? tokens[at]?.lower : undefined
    if (!verb || !courtVerbs.has(verb)) return false
    if (!judge && !(verb === 'ruled' && ruledWith.has(tokens[at + 1]?.lower ?? ''))) return false
    return !tokens.slice(0, at).some((token) => clauseBreaks.has(token.lower)) && !joined(at)
  })
}

/**
 * The name of who says a claim, when the attribution model is clear about
 * it: the claim's speaker (its quote's source, `linkClaims`) when the
 * quote, its cue and its source make up at least half of the sentence (not “… while
 * Kia reported no fires”), and the source is no apposition of a noun
 * before it (“The developers behind the app, AppName, confirmed”).
 *
 * @param context
 *   Rule context.
 * @param sentence
 *   The claim's sentence.
 * @returns
 *   Name as shown, if clear.
 */
function speakerOf(context: RuleContext, sentence: SentenceInfo): string | undefined {
  const claim = sentence.claim
  const speaker = claim?.speaker
  if (!claim || !speaker) return undefined
  const quotes = context.result.quotes ?? []
  const quote: Quote | undefined = claim.quote === undefined ? undefined : quotes[claim.quote]
  // The sentence's own attribution, with no quote (“according to …”).
  if (!quote) return claim.verb && /^according to\b/i.test(claim.verb) ? speaker.name : undefined
  const source = quote.source
  if (!source) return undefined
  const length = nonSpace(context.source, claim.start, claim.end)
  // Of the claim, what its speaker's quotes (content, cue, source) cover.
  const spans: Array<[number, number]> = []
  for (const other of context.quotesOverlapping(claim.start, claim.end)) {
    const said = shownSource(other)
    if (!said || (said.entity ?? said.name) !== (source.entity ?? source.name)) continue
    for (const part of other.parts ?? [other]) spans.push([part.start, part.end])
    if (other.cue) spans.push([other.cue.start, other.cue.end])
    spans.push([said.start, said.end])
  }

  if (covered(context.source, spans, claim.start, claim.end) < 0.5 * length) return undefined
  // An apposition: the subject is the noun phrase before the comma.
  const before = context.source.slice(Math.max(claim.start, source.start - 3), source.start)
  const end = source.start + context.source.slice(source.start, source.end).replace(/[\s,;:]+$/, '').length
  const after = context.source.slice(end, end + 2)
  let name = speaker.name
  if (/,\s*$/.test(before) && /^,/.test(after) && quote.cue && quote.cue.start >= end) {
    // Unless a name is that noun phrase (“Landmine Monitor, a research group,
    // estimates”): the name, when it is a person or organisation the tagger
    // knows that ends at the comma (not an opener or a place: “However,”,
    // “In March Acme,” is Acme).
    const comma = claim.start + context.source.slice(claim.start, source.start).lastIndexOf(',')
    const nameEnd = claim.start + context.source.slice(claim.start, comma).trimEnd().length
    const named = context
      .mentionsIn(claim.start, nameEnd)
      .findLast((mention) => mention.end === nameEnd && (mention.entity.type === 'PER' || mention.entity.type === 'ORG'))
    // Not the object of a preposition (“In New York, the agency, …”).
    const wordBefore = named ? /(\p{L}+)\s*$/u.exec(context.source.slice(claim.start, named.start))?.[1] : undefined
    return named && !(wordBefore && placePrepositions.has(wordBefore.toLowerCase())) ? context.source.slice(named.start, named.end) : undefined
  }

  let text = context.source.slice(source.start, end)
  // A date before the source is no part of it (“Yesterday Acme confirmed”).
  const date = context.datesIn(source.start, source.end).find((each) => each.start === source.start)
  if (date) text = context.source.slice(date.end, end).trim()
  // Its head, without a relative clause (“a report by X, which is …”,
  // “the two who joined …”) or an apposition after it.
  const [first, rest] = text.split(/,\s*/, 2)
  // A clause taken for a source (“a gunman killed …, lawmakers”).
  if (!source.entity && rest !== undefined && !/^(?:who|which|that|whose|a|an|the)\s/.test(rest)) return undefined
  const head = first.split(/\s(?:who|which|that|whose)\s/)[0].trim()
  if (!head) return undefined
  // A noun phrase that opens its sentence is no name: its article reads as
  // in the middle of one (“the researchers”, “the Nordic governments”; not
  // “The New York Times”, whose article is part of the name).
  if (!source.entity) name = /^(?:The|A|An)\s(?:.*\s)?\p{Ll}[\p{L}’'-]*$/u.test(head) ? head.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase()) : head
  // A name that is a modifier of the source (“the Western powers”): the source.
  const last = head.split(/\s+/).at(-1) ?? ''
  if (source.entity && /\s/.test(head) && /\p{Lu}/u.test(head) && /^\p{Ll}/u.test(last) && !headEnds.has(last) && !name.includes(last)) name = head.replace(/^The\s/, 'the ')

  // A source of two or more (“Acme and Bolt warned”): all of them.
  if (/\sand\s/.test(first) && !/\sand\s/.test(name)) {
    name = first.split(/\s+/).length <= 5 ? first.replace(/^The\s/, 'the ') : `${name} and others`
  }

  return name
}

/**
 * Whether a claim has no source at all: in its sentence no speaker the
 * attribution finds, no citation, no reported quote, no reporting verb
 * but a passive one with no agent (“are believed to”), no quotation of
 * three words or more, and no person or organisation named that tells,
 * finds or warns (“Acme examined …”, “the agency sounded the alarm”, “the
 * agency’s report”); nor a citation or a record shown as a source in
 * the sentence before or after it (“…, according to a report by …”: news
 * style sources a run of figures once). A person quoted next to it is no
 * source of the writer's own figures.
 *
 * @param context
 *   Rule context.
 * @param index
 *   Index of the claim's sentence.
 * @returns
 *   Whether it has none.
 */
function unsourced(context: RuleContext, index: number): boolean {
  const sentence = context.sentences[index]
  if (sentence.speaker || sentence.claim?.speaker || sentence.cited) return false
  if (overlaps(context, sentence, isReported)) return false
  const tokens = sentence.tokens
  if (sentence.verbAt !== undefined && !passiveAlone(tokens, sentence.verbAt)) return false

  if (quotation.test(context.source.slice(sentence.start, sentence.end))) return false
  // After a person or organisation the tagger knows, or any capitalised
  // name (the tagger misses some): a word that makes it a source.
  const ends: number[] = []
  for (const mention of context.mentionsIn(sentence.start, sentence.end)) {
    if (!context.isEntity(mention.entity) || (mention.entity.type !== 'PER' && mention.entity.type !== 'ORG')) continue
    const after = tokens.findIndex((token) => token.start >= mention.end)
    if (after >= 0) ends.push(after)
  }

  for (const [at, token] of tokens.entries()) {
    // After a pronoun or a noun of someone (“they tracked”, “the
    // researchers estimate”): someone the article named before.
    if (subjects.has(token.lower) || speakerHeads.has(token.lower)) ends.push(at + 1)
    if (!/^\p{Lu}/u.test(token.text) || (at === 0 && openers.has(token.lower))) continue
    if (!/^\p{Lu}/u.test(tokens[at + 1]?.text ?? '')) ends.push(at + 1)
  }

  for (let after of ends) {
    // “the agency’s report”, “the Marshals’ statement”.
    if (/^['’]s?$/.test(tokens[after]?.text ?? '')) after++
    for (let at = after; at < after + 4 && at < tokens.length; at++) {
      if (tokens[at].text === '.' || tokens[at].text === ';') break
      // Not a passive with no agent (“… are believed to”).
      if (sourceWords.has(tokens[at].lower) && !passiveAlone(tokens, at)) return false
    }
  }

  for (const other of [context.sentences[index - 1], context.sentences[index + 1]]) {
    if (!other || other.heading) continue
    if (other.cited || overlaps(context, other, (quote) => documentary(context.source, quote))) return false
  }

  return !underLeadIn(context, index)
}

/**
 * Whether a sentence is one of the paragraphs a lead-in attributes (“According
 * to the report:”, “The agency found:”): a paragraph ending in a colon
 * that names a source, at most three paragraphs before it.
 *
 * @param context
 *   Rule context.
 * @param index
 *   Index of the sentence.
 * @returns
 *   Whether it is.
 */
function underLeadIn(context: RuleContext, index: number): boolean {
  const block = context.sentences[index].view.block
  let blocks = 0
  let last = block
  for (let at = index - 1; at >= 0; at--) {
    const sentence = context.sentences[at]
    if (sentence.view.block === last) continue
    last = sentence.view.block
    if (++blocks > 3 || sentence.heading) return false
    const text = context.source.slice(sentence.start, sentence.end).trim()
    if (!text.endsWith(':')) continue
    return /\baccording to\b/i.test(text) || sentence.tokens.some((token) => sourceWords.has(token.lower))
  }

  return false
}

/**
 * Whether a verb is a passive with no agent after it (“are believed to”,
 * “was reported”, not “was reported by …”).
 *
 * @param tokens
 *   Tokens of a sentence.
 * @param at
 *   Index of the verb.
 * @returns
 *   Whether it is.
 */
function passiveAlone(tokens: SentenceInfo['tokens'], at: number): boolean {
  const passive = beForms.has(tokens[at - 1]?.lower ?? '') || beForms.has(tokens[at - 2]?.lower ?? '')
  return passive && !tokens.slice(at + 1, at + 4).some((token) => token.lower === 'by')
}

/**
 * Whether a quote is shown with a record as its source (“a report by
 * …”, “an update from …”, “the statement”).
 *
 * @param source
 *   Markdown source.
 * @param quote
 *   Quote.
 * @returns
 *   Whether it is.
 */
function documentary(source: string, quote: Quote): boolean {
  const said = shownSource(quote)
  if (!said) return false
  // Its head, not an apposition (“X, a lawmaker who made the bill …”).
  return source
    .slice(said.start, said.end)
    .split(/,|\s(?:who|which|that)\s/)[0]
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((word) => documentHeads.has(word))
}

/**
 * Whether a quote that passes a test overlaps a sentence.
 *
 * @param context
 *   Rule context.
 * @param sentence
 *   Sentence.
 * @param test
 *   Test.
 * @returns
 *   Whether one does.
 */
function overlaps(context: RuleContext, sentence: SentenceInfo, test: (quote: Quote) => boolean): boolean {
  return context.quotesOverlapping(sentence.start, sentence.end).some(test)
}

/**
 * How many characters that are not white space a range holds.
 *
 * @param text
 *   Text.
 * @param start
 *   Start.
 * @param end
 *   End.
 * @returns
 *   Count.
 */
function nonSpace(text: string, start: number, end: number): number {
  let count = 0
  for (let at = start; at < end; at++) if (!/\s/.test(text[at])) count++
  return count
}

/**
 * How many characters that are not white space of `[start, end)` some span covers.
 *
 * @param text
 *   Text.
 * @param spans
 *   Spans.
 * @param start
 *   Start.
 * @param end
 *   End.
 * @returns
 *   Count.
 */
function covered(text: string, spans: ReadonlyArray<[number, number]>, start: number, end: number): number {
  let count = 0
  for (let at = start; at < end; at++) {
    if (!/\s/.test(text[at]) && spans.some(([from, to]) => from <= at && at < to)) count++
  }

  return count
}

/**
 * The stems of the headline's content words (`headlineOf`: the front
 * matter's `title:`, else the first level-one heading).
 *
 * @param context
 *   Rule context.
 * @returns
 *   Stems.
 */
function headlineStems(context: RuleContext): Set<string> {
  const frontMatter = context.frontMatter
  const body = context.source.slice(frontMatter?.node.position?.end.offset ?? 0)
  const stems = new Set<string>()
  for (const word of contentWords(headlineOf(frontMatter?.data, body) ?? '')) if (!headlineFiller.has(word)) stems.add(stem(word))
  return stems
}

/**
 * Whether a sentence tells how a study was done, not what it found (“To
 * find out, researchers examined …”, “Using three scenarios, they tracked
 * …”).
 *
 * @param text
 *   Sentence.
 * @returns
 *   Whether it does.
 */
function isMethod(text: string): boolean {
  return (method.test(text) || (using.test(text) && !finding.test(text))) && research.test(text)
}

/**
 * A text without what it quotes (a quoted “you should” is someone's words).
 *
 * @param text
 *   Text.
 * @returns
 *   Text.
 */
function outsideQuotes(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"/g, ' ')
}

/**
 * The content words of a text (lower case, four letters or more).
 *
 * @param text
 *   Text.
 * @returns
 *   Words.
 */
function contentWords(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? [])
}

/**
 * Whether two claims say much the same: most of the smaller one's words are
 * in the other.
 *
 * @param a
 *   Words of one.
 * @param b
 *   Words of the other.
 * @returns
 *   Whether they are alike.
 */
function similar(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  // A claim with no content word (“He was 72.”) is like no other.
  if (small.size === 0) return false
  let shared = 0
  for (const word of small) if (large.has(word)) shared++
  return shared / small.size >= 0.6
}
