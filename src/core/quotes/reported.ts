/**
 * Which of the quote model's quotes a reader is shown as quotes, and with
 * which source. The model, trained on political news, also takes for
 * attributions what people did or planned ("passed legislation", "the
 * diversion adds four miles"); those stay in its output (the PolNeAR
 * evaluation scores them) but are not shown as anyone's words: a wrong
 * source costs a reader more than none.
 */
import type {Quote} from '../types.ts'
import {pronounOf} from './features.ts'
import lexicon from './lexicon.json' with {type: 'json'}

const anonymousHeads: ReadonlySet<string> = new Set(lexicon.anonymousHeads)

/**
 * Who rules: the last word of the subject of a ruling (`the U.S. Bankruptcy
 * Court`, `the judge`), for the quote tagger's rulings on filings and the
 * claims to check's rulings as sources.
 */
export const rulers: ReadonlySet<string> = new Set(['court', 'courts', 'judge', 'judges', 'justice', 'justices', 'tribunal', 'magistrate'])

/**
 * Head nouns of a source that can speak: people, groups of them,
 * organisations and documents (“a driver”, “officials”, “the agency”, “a
 * report”), not things (“the measure”, “the outlook”, “a picture”).
 */
export const speakerHeads: ReadonlySet<string> = new Set([
  ...lexicon.personHeads,
  ...lexicon.anonymousHeads,
  ...lexicon.documentHeads,
  ...lexicon.organisationHeads
])
const headEnds: ReadonlySet<string> = new Set(['of', 'for', 'to', 'with', 'at', 'from', 'by', 'in', 'on', 'before', 'after', 'who', 'which', 'that', 'and'])
const reportingCues: ReadonlySet<string> = new Set(lexicon.reportingCues)
/** Forms of “be” (before a passive: “is charged”, “was told”). */
// Words that open a question or a clause, never a source's name.
const clauseOpeners: ReadonlySet<string> = new Set(['do', 'does', 'did', 'don’t', "don't", 'doesn’t', "doesn't", 'you'])
const demonstratives: ReadonlySet<string> = new Set(['this', 'that', 'these', 'those'])
export const beForms: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being'])
// Pronouns that are a clause's subject: who speaks at a cue (`she said`,
// `said he`), or in a clause with no relative pronoun (“voters I spoke with”).
export const clauseSubjects: ReadonlySet<string> = new Set(['he', 'she', 'they', 'i', 'we'])

/**
 * Whether a quote's source is who said its words, as a claim's speaker:
 * a quotation in marks, or words reported with a cue that reports (“said”,
 * “according to”, “a statement”, “found”), not a passive one (“were
 * found”), and a source that reads as someone (not “further”, not a clause
 * such as “they both had visited …”). The quote model, trained on
 * political news, also takes for attributions what people did or planned
 * (“passed legislation”, “wanted”): those stay quotes, but name no
 * speaker of a claim. A wrong speaker costs a reader more than none.
 *
 * @param quote
 *   Quote with a source.
 * @returns
 *   Whether its source is a claim's speaker.
 */
export function tellsSpeaker(quote: Readonly<Quote>): boolean {
  const source = quote.source
  if (!source) return false
  if (!source.entity) {
    const words = source.text.split(/\s+/).filter(Boolean)
    const first = words[0]?.toLowerCase() ?? ''
    // One lower-case word that is no pronoun and names no group.
    if (words.length === 1 && !/^\p{Lu}/u.test(words[0]) && !pronounOf(first) && !anonymousHeads.has(first) && !/s$/.test(first)) {
      return false
    }

    // “It” that stands for no organisation here: a thing, not who spoke.
    if (words.length === 1 && first === 'it') return false
    // The writer's own “I” or “we” outside quotation marks (“I think”,
    // “we told you last week”): the article's voice, no source it cites.
    if (words.length === 1 && (first === 'i' || first === 'we')) return false
    // A pronoun and more words is a clause, not a name; so is one that
    // opens with a verb or a pronoun with its verb joined on (“do people
    // …”, “you’ve likely heard experts …”).
    if (words.length > 1 && (pronounOf(first) || clauseOpeners.has(first) || /^(?:i|you|we|they)[’'](?:ve|re|d|ll|m)$/u.test(first))) return false
    // “This follows reports …”: a demonstrative says nothing of who spoke.
    if (words.length === 1 && demonstratives.has(first)) return false
    // “Most people think …”, “Many believe …”: the writer's generalisation
    // of a view, not someone it cites.
    if (/^(?:most|many|some|few|other)(?: people| folks)?$|^others$/i.test(source.text.trim()) && quote.cue && /^(?:think|thinks|believe|believes|feel|feels|assume|assumes|agree|agrees)\b/i.test(quote.cue.text)) return false
    // A clause the model took for a source: a verb before its first comma
    // (“another option is the …, which …”).
    const head = source.text.split(',')[0].toLowerCase()
    if (words.length > 3 && /\s(?:is|are|was|were|has|have|had)\s/.test(` ${head} `)) return false
    // A thing, not someone (“the measure adds”, “the outlook said”): not
    // for “according to”, whose source may be any record (“according to
    // the timetable”).
    if (!(quote.cue && /^according\b/i.test(quote.cue.text)) && !canSpeak(words)) return false
  }

  // A capitalised cue after its source is a title's word, not a verb
  // (“… Say Yes to the Dress”).
  if (quote.cue && /^\p{Lu}/u.test(quote.cue.text) && source.start < quote.cue.start) return false
  // A cue that tells no words (“said little about”, “declined to say”,
  // “haven’t answered”), or a work written (“wrote his first piece”).
  if (quote.cue && !cueTells(quote.cue.text)) return false
  if (quote.kind === 'direct') return true
  if (!quote.cue) return false
  // “According to” names its source after it.
  if (/^according\b/i.test(quote.cue.text) && source.start < quote.cue.start) return false
  return cueReports(quote.cue.text)
}

/**
 * Whether a quote is shown as someone's words: a quotation in marks, or
 * words reported with a cue that reports.
 *
 * @param quote
 *   Quote.
 * @returns
 *   Whether to show it.
 */
export function isReported(quote: Readonly<Quote>): boolean {
  if (quote.kind === 'direct') return true
  if (quote.source) return tellsSpeaker(quote)
  return quote.cue ? cueReports(quote.cue.text) : false
}

/**
 * The source a reader is shown for a quote: its source when it is who said
 * the words (`tellsSpeaker`), else none.
 *
 * @param quote
 *   Quote.
 * @returns
 *   Its source, if shown.
 */
export function shownSource(quote: Readonly<Quote>): Quote['source'] {
  return quote.source && tellsSpeaker(quote) ? quote.source : undefined
}

/**
 * Whether the words of a source with no entity can name someone who
 * speaks: a pronoun, a head noun of a person, group, organisation or
 * document (`speakerHeads`), a plural (“Fishers”, “the automakers”), or a
 * capitalised name past its first word (“Yesterday Acme”).
 *
 * @param words
 *   Words of the source.
 * @returns
 *   Whether they can.
 */
function canSpeak(words: ReadonlyArray<string>): boolean {
  if (words.length === 1 && (/^\p{Lu}/u.test(words[0]) || pronounOf(words[0].toLowerCase()))) return true
  // The head: up to a comma, a preposition or a relative word.
  const head: string[] = []
  for (const [index, word] of words.entries()) {
    const plain = word.toLowerCase().replace(/[,;:()]+$/, '')
    if (index > 0 && headEnds.has(plain)) break
    if (index > 0 && /^\p{Lu}/u.test(word)) return true
    head.push(plain.replace(/[’']s$/, ''))
    if (word.endsWith(',')) break
  }

  return head.some((word) => speakerHeads.has(word) || speakerHeads.has(word.replace(/e?s$/, ''))) || /[^siu]s$/.test(head.at(-1) ?? '')
}

/**
 * Whether a cue tells what was said: not a negation or an empty report
 * (“said little about”, “declined to comment”, “have not answered”), nor
 * a work written (“wrote his first piece”).
 *
 * @param cue
 *   Cue words.
 * @returns
 *   Whether it tells.
 */
function cueTells(cue: string): boolean {
  const lower = cue.toLowerCase()
  if (/\b(?:little|nothing|not|never|declined|refused)\b|n[’']t\b/.test(lower)) return false
  return !/\b(?:wrote|writes|write|written)\s+(?:his|her|their|its|my|our|a|an|the)\b/.test(lower)
}

/** Whether a cue's words report (“said”, “according to”, “statement”), and not in a passive (“were found”). */
function cueReports(cue: string): boolean {
  const words = cue.toLowerCase().split(/[^\p{L}’']+/u).filter(Boolean)
  return words.some((word, index) => reportingCues.has(word) && !(index > 0 && beForms.has(words[index - 1]) && !words.includes('by')))
}
