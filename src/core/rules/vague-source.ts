/**
 * Flags attribution to an unnamed group: “officials argue”, “Russian
 * officials have dismissed claims”, “human rights groups continue to
 * warn”, “some say”, “critics”, “according to sources”, “…, said
 * diplomats”.
 *
 * ## Why
 *
 * An attribution only helps if the reader can tell who is speaking and
 * weigh their interest. “Officials” could be anyone; a name, a title and an
 * organisation can be checked.
 *
 * A speaker is vague when it is the source the quotes model shows for
 * words the article reports (`shownSource`), with no entity, and headed by
 * a plural group noun (“officials”, “experts”, `data/vague-sources.json`)
 * with at most a few modifiers
 * (“senior”, “Western”, “human rights”) and a reporting verb after it
 * (“argue”, “have dismissed”), “according to” before it, or an inverted
 * “said” before it. It is named — and not flagged — when a person or
 * organisation is part of the phrase (“NATO officials”), when names follow
 * (“groups such as Human Rights Watch”), or when it refers back to someone
 * named before (“these officials”, “the critics”).
 *
 * ## Default severity
 *
 * `warning`.
 *
 * ## Fix
 *
 * Name the source: “Foreign Ministry spokeswoman Maria Zakharova”,
 * “Human Rights Watch”.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   Russian Foreign Ministry spokeswoman Maria Zakharova dismissed claims that Russia plans to attack.
 *
 *   Human rights groups such as Human Rights Watch continue to warn against landmines.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   Russian officials have dismissed claims that Russia plans to attack NATO members.
 *
 *   Officials argue that national survival must take priority.
 *
 *   At the same time, human rights groups continue to warn against the return of landmines.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:1-1:18: Unexpected vague source `Russian officials`, expected a named person or organisation
 *   3:1-3:10: Unexpected vague source `Officials`, expected a named person or organisation
 *   5:19-5:38: Unexpected vague source `human rights groups`, expected a named person or organisation
 */
import lexicon from '../quotes/lexicon.json' with {type: 'json'}
import {shownSource} from '../quotes/reported.ts'
import type {SentenceInfo} from './context.ts'
import type {Rule} from './rule.ts'
import {SpanIndex} from './span-index.ts'
import {code} from './util.ts'
import {vagueSources} from './vague.ts'

// Words that end the head of a source (`advocates for … people`).
const pastHead = /(?:^|\s)(?:of|for|with|from|at|in|by|to|on|about)\s/i
const reportingCues: ReadonlySet<string> = new Set(lexicon.reportingCues)
// Words between a source and its verb (`groups continue to warn`).
const beforeVerb: ReadonlySet<string> = new Set(['have', 'has', 'had', 'continue', 'continued', 'continues', 'to', 'also', 'still', 'now', 'often', 'will', 'would', 'may', 'might', 'could'])

const rule: Rule = {
  id: 'vague-source',
  severity: 'warning',
  check(context, report) {
    const quotes = context.result.quotes ?? []
    // Who the quotes model shows as the source of someone's words.
    const sources = quotes.flatMap((quote) => {
      const source = shownSource(quote)
      return source && source.entity === undefined ? [source] : []
    })
    // Looked up by place, not by a pass over every quote for each phrase
    // (thousands of each in a long document).
    const covering = new SpanIndex(sources)
    const quoteSources = new SpanIndex(quotes.flatMap((quote) => (quote.source ? [quote.source] : [])))
    for (const found of vagueSources(context)) {
      // Only a phrase that heads the source of words the article reports
      // (“officials said”), not a group that did something (“officials
      // have resorted to”) or one a source names (“advocates for … people”).
      const source = covering.covering(found.start, found.end)
      if (source) {
        if (pastHead.test(context.source.slice(source.start, found.start))) continue
      } else if (
        // Where the model found no source at all, a reporting verb right
        // after the phrase (“human rights groups continue to warn”).
        quoteSources.overlaps(found.start, found.end) ||
        !verbAfter(found.sentence, found.end)
      ) {
        continue
      }

      const text = context.source.slice(found.start, found.end)
      report({
        start: found.start,
        end: found.end,
        actual: text,
        reason: `Unexpected vague source ${code(text)}, expected a named person or organisation`,
        note: 'Say who: a name, a title and an organisation (“Foreign Ministry spokeswoman Maria Zakharova”).'
      })
    }
  }
}

/**
 * Whether a reporting verb follows a place in a sentence, past auxiliaries
 * (“have warned”, “continue to warn”).
 *
 * @param sentence
 *   Sentence.
 * @param end
 *   Source offset after the phrase.
 * @returns
 *   Whether one does.
 */
function verbAfter(sentence: SentenceInfo, end: number): boolean {
  let index = sentence.tokens.findIndex((token) => token.start >= end)
  if (index < 0) return false
  while (index < sentence.tokens.length && beforeVerb.has(sentence.tokens[index].lower)) index++
  return index < sentence.tokens.length && reportingCues.has(sentence.tokens[index].lower)
}

export default rule
