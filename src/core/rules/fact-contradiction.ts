/**
 * Checks sentences against the reader’s fact base (`.newsmark/facts.yaml`,
 * or the `facts` setting): a claim that contradicts a fact is a warning
 * citing the fact’s source; one that matches a fact rated false is an
 * error; one that matches a fact is an information note with its source.
 *
 * ## Why
 *
 * A reader who has checked a claim once should not have to check it again
 * in the next article. The fact base records what is known, with sources,
 * and each article is read against it.
 *
 * A value fact (subject, property, value) applies to a sentence that names
 * its subject (by name, alias, any mention of that entity including
 * pronouns, in the sentence or the one before it in the paragraph) and its
 * property (by word stem); the value is then compared with the sentence’s
 * dates and quantities, so “25-fold”, “twenty-five times” and “25x” are one
 * value (see `src/core/facts/`). A claim fact (a verdict a reader gave to a
 * claim, in this or another article) applies to a sentence with four fifths
 * of the claim’s words and the same numbers. Verdicts are the annotations’:
 * `false` gives an error, `misleading` a warning, the others (`true`,
 * `mostly-true`, `unverifiable`, `needs-checking`, or none) a note.
 *
 * ## Default severity
 *
 * `warning` for contradictions, `error` for claims matching a fact rated
 * false and `info` for matches. Configuring a severity sets all three.
 *
 * ## Fix
 *
 * Correct the claim (the quick fix puts in the fact’s value), or update
 * the fact base if the fact is out of date.
 *
 * @example
 *   {"name": "ok.md", "facts": [{"subject": "Ottawa Convention", "property": "adopted", "value": 1997, "source": "https://www.un.org/disarmament/anti-personnel-landmines-convention/"}]}
 *
 *   Poland will leave the Ottawa Convention.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input", "facts": [{"subject": "Ottawa Convention", "aliases": ["Mine Ban Treaty"], "property": "adopted", "value": 1997, "source": "UN treaty collection"}, {"subject": "BELMA", "property": ["production", "output"], "value": "25 times", "source": "Radio Zet, 2026-01-15", "verdict": false}]}
 *
 *   The Mine Ban Treaty, adopted in 1999, aimed to end the suffering caused by these weapons.
 *
 *   The BELMA plant in Bydgoszcz will increase production. According to him, output will rise twenty-five-fold.
 *
 *   The Ottawa Convention was adopted in 1997.
 *
 * @example
 *   {"name": "claims.md", "label": "input", "facts": [{"claim": "Russia plans to attack NATO members", "verdict": "unverifiable", "source": "articles/baltic.md"}, {"claim": "Polish forces could deploy mines on any border within 48 hours", "verdict": "misleading", "source": "https://example.com/check"}]}
 *
 *   Russian officials have dismissed claims that Russia plans to attack NATO members.
 *
 *   Moreover, he said that Polish forces could deploy mines on any border within 48 hours.
 *
 * @example
 *   {"name": "claims.md", "label": "output"}
 *
 *   1:1-1:82: Claim `Russian officials have dismissed claims that Russia plans…` rated `unverifiable` in the fact base (source: articles/baltic.md)
 *   3:1-3:87: Unexpected claim `Moreover, he said that Polish forces could deploy mines o…`, rated `misleading` in the fact base (source: https://example.com/check)
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:33-1:37: Unexpected `1999` for Ottawa Convention adopted, expected `1997` (source: UN treaty collection)
 *   3:91-3:107: Unexpected `twenty-five-fold` for BELMA production, a claim rated `false` in the fact base (source: Radio Zet, 2026-01-15)
 *   5:38-5:42: Fact: Ottawa Convention adopted `1997` (source: UN treaty collection)
 */
import {matchFacts, prepareFacts, type FactMatch, type FactSentence} from '../facts/match.ts'
import type {Rule, RuleFinding, Severity} from './rule.ts'
import {code} from './util.ts'

const rule: Rule = {
  id: 'fact-contradiction',
  severity: 'warning',
  check(context, report) {
    if (context.facts.length === 0) return
    const facts = prepareFacts(context.facts, context.result.entities)
    let previous: FactSentence | undefined
    let block: unknown

    for (const info of context.sentences) {
      const sentence: FactSentence = {
        start: info.start,
        end: info.end,
        tokens: info.tokens,
        dates: context.datesIn(info.start, info.end),
        previous: block === info.view.block ? previous : undefined
      }
      previous = sentence
      block = info.view.block

      for (const match of matchFacts(sentence, facts)) report(finding(context.source, match))
    }
  }
}

export default rule

/**
 * The finding for a fact that applies to a sentence.
 *
 * @param source
 *   Markdown source.
 * @param match
 *   The match.
 * @returns
 *   Finding.
 */
function finding(source: string, match: FactMatch): RuleFinding {
  const {fact} = match
  const actual = source.slice(match.start, match.end)
  const cited = `(source: ${fact.source})`
  const origin = [fact.origin ? `Fact from ${fact.origin}` : '', fact.date ? `dated ${fact.date}` : '']
    .filter(Boolean)
    .join(', ')
  const base = {start: match.start, end: match.end, actual, ...(origin ? {note: origin + '.'} : {})}
  const verdict = fact.verdict
  const severity: Severity = verdict === 'false' ? 'error' : verdict === 'misleading' ? 'warning' : 'info'

  if (fact.kind === 'claim') {
    const shown = actual.length > 60 ? actual.slice(0, 57) + '…' : actual
    return {
      ...base,
      severity,
      reason:
        severity === 'info'
          ? `Claim ${code(shown)} rated ${code(fact.verdict)} in the fact base ${cited}`
          : `Unexpected claim ${code(shown)}, rated ${code(fact.verdict)} in the fact base ${cited}`
    }
  }

  const what = `${fact.subject} ${fact.property[0]}`
  if (match.outcome === 'contradiction') {
    return {...base, expected: [fact.value], severity: 'warning', reason: `Unexpected ${code(actual)} for ${what}, expected ${code(fact.value)} ${cited}`}
  }

  if (severity !== 'info') {
    return {...base, severity, reason: `Unexpected ${code(actual)} for ${what}, a claim rated ${code(verdict!)} in the fact base ${cited}`}
  }

  return {
    ...base,
    severity,
    reason: `Fact: ${what} ${code(fact.value)}${verdict && verdict !== 'true' ? `, rated ${code(verdict)}` : ''} ${cited}`
  }
}
