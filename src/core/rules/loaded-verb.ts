/**
 * Flags a loaded reporting verb where a neutral one would do: “claimed”,
 * “admitted”, “insisted”, “conceded”, “boasted”, “refuted”, “slammed”,
 * “pointed out” (`data/loaded-verbs.json`), and suggests the neutral verb
 * (“said”, “says”, “disputed”, “criticized”) as `expected`.
 *
 * ## Why
 *
 * Reporting verbs carry judgement: “claimed” casts doubt on what was said,
 * “admitted” implies guilt, “insisted” stubbornness, “pointed out” and
 * “revealed” present the statement as true. A reader should notice when the
 * verb, not the evidence, is doing the persuading.
 *
 * Other senses are left alone: “claimed responsibility”, “admitted to
 * hospital”, “insisted on”, nouns (“dismissed claims”, “these claims”) and
 * passives (“was claimed”, which `hedging` reports). Present forms that are
 * also nouns (“claims”, “insists”) count only after a subject (“he”, a
 * name, “the ministry”). A word of a name (“the Court of Federal Claims”)
 * and a speaker's own words in quotation marks are not the writer's verbs.
 *
 * ## Default severity
 *
 * `warning`.
 *
 * ## Fix
 *
 * Use the neutral verb (quick fix), or keep the loaded one when the
 * evidence backs it (an admission that is one).
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   Moreover, he said that Polish forces could deploy mines on any border within 48 hours.
 *
 *   Russian officials have dismissed claims that Russia plans to attack NATO members.
 *
 *   The group claimed responsibility for the attack, and two soldiers were admitted to hospital.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   Moreover, he claimed that Polish forces could deploy mines on any border within 48 hours.
 *
 *   They insist that Poland will use any future mine deployment in a controlled manner.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:14-1:21: Unexpected loaded reporting verb `claimed`, expected a neutral verb such as `said`
 *   3:6-3:12: Unexpected loaded reporting verb `insist`, expected a neutral verb such as `say`
 */
import type {RuleContext, SentenceInfo, SourceToken} from './context.ts'
import lexicon from './data/loaded-verbs.json' with {type: 'json'}
import type {Rule} from './rule.ts'
import {code, indexPhrases, longestPhraseAt, matchCase, perSentence, phraseAt} from './util.ts'

/** A loaded verb form. */
interface Form {
  neutral: string
  alternatives?: string[]
  before?: string[]
  subject?: boolean
  that?: boolean
}

const forms = lexicon.forms as Record<string, Form>
const phrases = indexPhrases(Object.keys(forms))
const after: ReadonlySet<string> = new Set(lexicon.after)
const subjects: ReadonlySet<string> = new Set(lexicon.subjects)

const rule: Rule = {
  id: 'loaded-verb',
  severity: 'warning',
  check(context, report) {
    for (const sentence of context.sentences) {
      const tokens = sentence.tokens
      // After a report, the next match starts after it.
      let from = 0
      for (const match of matches(sentence)) {
        const {index, length, form} = match
        if (index < from) continue
        // A noun only after a subject (“he claims”): a name counts.
        if (match.name && !context.mentionSpans.endsAt(tokens[index - 1].end)) continue
        const next = index + length
        const start = tokens[index].start
        const end = tokens[next - 1].end
        // A word of a name (“the Court of Federal Claims”), or a speaker's
        // own words in quotation marks: not the writer's verb.
        if (context.mentionSpans.covers(start, end) || quoted(context, sentence, start, end)) continue
        const actual = context.source.slice(start, end)
        const expected = [form.neutral, ...(form.alternatives ?? [])].map((verb) => matchCase(actual, verb))
        report({
          start,
          end,
          actual,
          expected,
          reason: `Unexpected loaded reporting verb ${code(actual)}, expected a neutral verb such as ${code(expected[0])}`,
          note: 'Loaded verbs judge what they report (“claimed” casts doubt, “admitted” implies guilt); a neutral verb leaves the judgement to the evidence.'
        })
        from = next
      }
    }
  }
}

/** A loaded verb as far as the words of its sentence tell. */
interface Match {
  /** Token index. */
  index: number
  /** Tokens. */
  length: number
  form: Form
  /** Whether it counts only when the word before is an entity's name. */
  name: boolean
}

/**
 * The loaded verbs of a sentence, as far as its words tell (kept per
 * sentence, see `perSentence`).
 */
const matches = perSentence((tokens) => {
  const found: Match[] = []
  for (let index = 0; index < tokens.length; index++) {
    const length = longestPhraseAt(tokens, index, phrases)
    if (length === 0) continue
    const form = forms[tokens.slice(index, index + length).map((token) => token.lower).join(' ')]
    const previous = tokens[index - 1]
    const next = index + length
    if (previous && after.has(previous.lower)) continue
    // “I admit it”: speakers may judge their own words.
    if (selfSubject(tokens, index)) continue
    if (form.before?.some((phrase) => phraseAt(tokens, next, phrase.split(' ')))) continue
    if (form.that && tokens[next]?.lower !== 'that') continue
    let name = false
    if (form.subject && !(previous && subjects.has(previous.lower))) {
      // A capitalised word is a name; another word may be one the tagger found.
      if (!previous) continue
      name = !/^\p{Lu}\p{Ll}/u.test(previous.text)
    }

    found.push({index, length, form, name})
  }

  return found
})

export default rule

/**
 * Whether words are inside quotation marks: an opening mark before them in
 * their sentence that is not closed, or a direct or mixed quote's words
 * (a quotation that began in an earlier sentence).
 */
function quoted(context: RuleContext, sentence: SentenceInfo, start: number, end: number): boolean {
  const before = context.source.slice(sentence.start, start)
  const curly = (before.match(/“/g)?.length ?? 0) - (before.match(/”/g)?.length ?? 0)
  const straight = before.match(/"/g)?.length ?? 0
  if (curly > 0 || straight % 2 === 1) return true
  return context
    .quotesOverlapping(start, end)
    .some((quote) => quote.kind !== 'indirect' && (quote.parts ?? [quote]).some((part) => part.start <= start && part.end >= end))
}

/** Whether the verb at `index` has a first-person subject (“I”, “we’ve”). */
function selfSubject(tokens: ReadonlyArray<SourceToken>, index: number): boolean {
  let at = index - 1
  while (at >= 0 && /^(have|has|had|'ve|'d|also|never|just|always|then|must|would|should|will|can|did|do)$/.test(tokens[at].lower)) at--
  return at >= 0 && /^(i|we|i've|we've|i'd|we'd)$/.test(tokens[at].lower)
}
