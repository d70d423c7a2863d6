/**
 * Lists the few claims of an article most worth checking — five by
 * default (`claimsToCheck`, 0 to 10), ranked — each with why: its kind
 * and, when the article makes it clear, who stands behind it (“statistic
 * with no source”, “prediction attributed to an unnamed source”, “causal
 * claim attributed to Cezary Tomczyk”), else its kind alone (“statistic”).
 * The list is also in the result (`toCheck`): the sidebar shows it whatever
 * the preset, and this rule puts it in the Problems panel too.
 *
 * ## Why
 *
 * A reader who gets a warning on every sentence checks none. A short list,
 * best first, is what a fact-checker works from: the claims the model finds
 * most check-worthy, weighing what kind of claim it is (a cause or a
 * statistic before a plain fact, a quote of feelings last) and who stands
 * behind it (no one, or an unnamed group, before a named source), each
 * claim once (a repeated claim is listed where it is first made).
 *
 * The reason says only what the text shows: a source is named when the
 * quote model gives it for half or more of the claim (not for one clause,
 * not a name in apposition to the noun that spoke), and “no source” only
 * when the sentence names, quotes or cites no one who could be one and
 * neither sentence next to it cites a source or gives a record (a report,
 * a statement) as one; a person quoted next to a figure is no source of
 * it. Otherwise it gives the kind alone: a wrong source costs a reader
 * more than none.
 *
 * Left out: headings, photo captions and credits and other page furniture
 * (“Getty Images”, “Sign up”), claims the model scores below 0.7, a
 * quotation with no figure, prediction or cause in which the speaker
 * speaks of themselves (“We are delighted …”), advice to the reader (“you
 * can try to …”), a plain fact in the writer's own voice with no source
 * (narrative, background), a press release's own announcement (“Acme
 * today announced …”), and articles whose genre makes no claims to check
 * (a game story, a review, a recipe, a list: see `unattributed-claim` for
 * how the genre is known). In a press release or an interview, what no
 * one else says is the issuer's or the interviewee's: the reason never
 * says “no source” there.
 *
 * ## Default severity
 *
 * `info`: a claim to check is a place to look, not an error.
 *
 * ## Fix
 *
 * Check it, and give it a verdict (**Newsmark: Set Verdict**): the finding
 * stays, with the verdict in the sidebar and the exports.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   Poland and Canada held talks in Ottawa.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   Unemployment fell to 4.1 percent in March because of the new subsidies.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:1-1:72: Claim to check (1 of 1): statistic with no source
 */
import type {Rule} from './rule.ts'

const rule: Rule = {
  id: 'claim-to-check',
  severity: 'info',
  check(context, report) {
    const ranked = context.toCheck
    for (const [index, entry] of ranked.entries()) {
      report({
        start: entry.claim.start,
        end: entry.claim.end,
        reason: toCheckMessage(index + 1, ranked.length, entry.reason)
      })
    }
  }
}

export default rule

/**
 * The message of a claim to check (“Claim to check (2 of 5): statistic
 * with no source”).
 *
 * @param rank
 *   Its rank, 1 first.
 * @param count
 *   How many are listed.
 * @param reason
 *   Why (`ClaimToCheck.reason`).
 * @returns
 *   Message.
 */
export function toCheckMessage(rank: number, count: number, reason: string): string {
  return `Claim to check (${rank} of ${count}): ${reason}`
}
