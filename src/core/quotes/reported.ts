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
const reportingCues: ReadonlySet<string> = new Set(lexicon.reportingCues)
const beForms: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being'])

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

    // A pronoun and more words is a clause, not a name.
    if (words.length > 1 && pronounOf(first)) return false
    // A clause the model took for a source: a verb before its first comma
    // (“another option is the …, which …”).
    const head = source.text.split(',')[0].toLowerCase()
    if (words.length > 3 && /\s(?:is|are|was|were|has|have|had)\s/.test(` ${head} `)) return false
  }

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

/** Whether a cue's words report (“said”, “according to”, “statement”), and not in a passive (“were found”). */
function cueReports(cue: string): boolean {
  const words = cue.toLowerCase().split(/[^\p{L}’']+/u).filter(Boolean)
  return words.some((word, index) => reportingCues.has(word) && !(index > 0 && beForms.has(words[index - 1]) && !words.includes('by')))
}
