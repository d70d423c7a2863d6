/**
 * Flags a check-worthy claim with no speaker or source: no one is named as
 * saying it (“Tomczyk said”, “according to him”, “…, the ministry said”,
 * “Landmine Monitor, a research group, estimates”), and the sentence cites
 * nothing (no link, footnote or “a report by …”).
 *
 * ## Why
 *
 * A claim the article states in its own voice can only be checked by
 * finding its source elsewhere. News writing attributes facts that are not
 * common knowledge; an unattributed claim is where a reader should look
 * first.
 *
 * Headings are left out (headlines never attribute), and so are sentences
 * that are no claim (see the claim tagger’s check-worthiness threshold) and
 * claims attributed to a vague source (“officials say”), which
 * `vague-source` reports.
 *
 * It runs on straight news and analysis only: a game story (the reporter
 * saw the game), a review or an opinion piece (the writer's own
 * judgement), a press release or an interview (the issuer or the
 * interviewee speaks throughout), a recipe or a list attribute nothing by
 * custom. The genre is the front matter's
 * `genre:` (or a `category:` such as `Opinion`), else read from the text
 * (`src/core/genre.ts`).
 *
 * ## Default severity
 *
 * `warning`.
 *
 * ## Fix
 *
 * Name the source (“…, according to the defence ministry”, “Tomczyk said
 * …”) or link to it.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   Deputy Defense Minister Cezary Tomczyk confirmed that Poland will exit the treaty on February 20.
 *
 *   Finland’s withdrawal from the Ottawa Convention [took effect](https://example.com/finland) last week.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   ---
 *   genre: opinion
 *   ---
 *
 *   Finland’s withdrawal from the Ottawa Convention was a mistake that will cost lives.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   Mine stocks in Finland grew by 40 percent after its withdrawal from the Ottawa Convention.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:1-1:91: Unexpected statistic claim with no speaker or source, expected an attribution (“according to …”, “… said”)
 */
import {expectsAttribution} from '../genre.ts'
import type {Rule} from './rule.ts'
import {vagueSources} from './vague.ts'

const rule: Rule = {
  id: 'unattributed-claim',
  severity: 'warning',
  check(context, report) {
    if (!expectsAttribution(context.kind.genre)) return
    // A vague source is still a source: `vague-source` reports those.
    const vague = new Set(vagueSources(context).map((found) => found.sentence))
    for (const sentence of context.sentences) {
      const claim = sentence.claim
      if (!claim || sentence.speaker || sentence.heading || sentence.cited || vague.has(sentence)) continue
      report({
        start: claim.start,
        end: claim.end,
        reason: `Unexpected ${claim.kind} claim with no speaker or source, expected an attribution (“according to …”, “… said”)`
      })
    }
  }
}

export default rule
