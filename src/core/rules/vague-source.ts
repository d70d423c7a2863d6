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
 * A speaker is vague when it is a plural group noun (“officials”,
 * “experts”, `data/vague-sources.json`) with at most a few modifiers
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
import type {Rule} from './rule.ts'
import {code} from './util.ts'
import {vagueSources} from './vague.ts'

const rule: Rule = {
  id: 'vague-source',
  severity: 'warning',
  check(context, report) {
    for (const found of vagueSources(context)) {
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

export default rule
