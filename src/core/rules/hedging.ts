/**
 * Flags hedges and weasel wording that put a claim on no one: “reportedly”,
 * “allegedly”, “it is believed”, “is said to”, “according to reports”
 * (`data/hedges.json`).
 *
 * ## Why
 *
 * A hedge tells the reader that the writer does not stand behind a claim,
 * without saying who does. “Reportedly” by whom? The claim may be true, but
 * the article gives no way to check it.
 *
 * “Alleged” before a noun (“the alleged attacker”) is not flagged: it is the
 * legal convention for charges not yet proven. Vague groups (“some say”)
 * are `vague-source`’s.
 *
 * ## Default severity
 *
 * `warning`.
 *
 * ## Fix
 *
 * Name who reports, believes or alleges it, or drop the claim.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   According to Reuters, Poland will leave the treaty on February 20.
 *
 *   Police questioned the alleged attacker.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   Poland will reportedly leave the treaty on February 20.
 *
 *   It is believed that the plant will increase production.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:13-1:23: Unexpected hedge `reportedly`, expected a named source
 *   3:1-3:15: Unexpected hedge `It is believed`, expected a named source
 */
import lexicon from './data/hedges.json' with {type: 'json'}
import type {Rule} from './rule.ts'
import {code, indexPhrases, phraseMatcher} from './util.ts'

const matches = phraseMatcher(indexPhrases(lexicon.phrases))

const rule: Rule = {
  id: 'hedging',
  severity: 'warning',
  check(context, report) {
    for (const sentence of context.sentences) {
      const tokens = sentence.tokens
      const found = matches(sentence)
      // Matches do not overlap: the longest at a token, then after it.
      let next = 0
      for (let at = 0; at < found.length; at += 2) {
        const index = found[at]
        const length = found[at + 1]
        if (index < next) continue
        next = index + length
        const start = tokens[index].start
        const end = tokens[index + length - 1].end
        const text = context.source.slice(start, end)
        report({
          start,
          end,
          actual: text,
          reason: `Unexpected hedge ${code(text)}, expected a named source`,
          note: 'A hedge puts a claim on no one: say who reports, believes or alleges it.'
        })
      }
    }
  }
}

export default rule
