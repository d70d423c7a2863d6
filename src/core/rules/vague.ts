/**
 * Finding vague sources (“Russian officials have dismissed”, “some say”,
 * “according to sources”): shared by `vague-source`, which reports them,
 * and `unattributed-claim`, for which a vague source is still a source.
 * Found once per document.
 */
import {isPlaceName} from '../entities/gazetteer.ts'
import {isNationalityText} from '../entities/groups.ts'
import type {RuleContext, SentenceInfo, SourceToken} from './context.ts'
import lexicon from './data/vague-sources.json' with {type: 'json'}
import {perSentence, phraseAt} from './util.ts'

/** A vague speaker phrase. */
export interface VagueSource {
  sentence: SentenceInfo
  /** Source start offset of the phrase. */
  start: number
  /** Source end offset of the phrase. */
  end: number
}

const nouns: ReadonlySet<string> = new Set(lexicon.nouns)
const modifiers: ReadonlySet<string> = new Set(lexicon.modifiers)
const between: ReadonlySet<string> = new Set(lexicon.between)
const verbs: ReadonlySet<string> = new Set(lexicon.verbs)
const anaphora: ReadonlySet<string> = new Set(lexicon.anaphora)
// Before a speaker noun, a work that makes them its authors (“the study
// researchers”).
const studies: ReadonlySet<string> = new Set(['study', 'report', 'survey', 'paper', 'trial'])
// Pronoun-like speakers that are vague only as the subject right before a verb.
const bare: ReadonlySet<string> = new Set(['some', 'many', 'others', 'most', 'people'])

const found = new WeakMap<RuleContext, VagueSource[]>()

/**
 * The vague sources of a document.
 *
 * @param context
 *   Rule context.
 * @returns
 *   Vague speaker phrases in document order.
 */
export function vagueSources(context: RuleContext): VagueSource[] {
  let list = found.get(context)
  if (!list) {
    list = find(context)
    found.set(context, list)
  }

  return list
}

/** Find the vague sources of a document. */
function find(context: RuleContext): VagueSource[] {
  const named = context.speakerSpans
  const list: VagueSource[] = []

  for (const sentence of context.sentences) {
    const tokens = sentence.tokens
    const found = phrasesOf(sentence)
    for (let at = 0; at < found.length; at += 3) {
      let first = found[at + 1]
      // Whether the first word is a name matters only when it is capitalised.
      if (found[at + 2] !== first && context.mentionSpans.covers(tokens[0].start, tokens[0].end)) first = found[at + 2]
      if (first < 0) continue
      const start = tokens[first].start
      const end = tokens[found[at]].end
      if (named.within(start, end) || namesOne(tokens, first, found[at])) continue
      list.push({sentence, start, end})
    }
  }

  return list
}

/**
 * Whether a speaker phrase names whose people they are with a name the
 * tagger did not take for a person or an organisation (“Caltrans
 * officials”): a capitalised word inside the sentence that is no
 * nationality, group or place (“Russian officials”, “Texas officials” stay
 * vague).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the phrase's first token.
 * @param noun
 *   Index of its noun.
 * @returns
 *   Whether it does.
 */
function namesOne(tokens: ReadonlyArray<SourceToken>, first: number, noun: number): boolean {
  for (let at = Math.max(first, 1); at < noun; at++) {
    const word = tokens[at].text
    if (/^\p{Lu}/u.test(word) && !modifiers.has(tokens[at].lower) && !isNationalityText(word) && !isPlaceName(word)) return true
  }

  return false
}

/**
 * The vague speaker phrases of a sentence, as far as its words tell: for
 * each, the index of its noun, then the index of its first token when the
 * sentence's first token is no name and when it is (`-1`: no speaker
 * phrase), flat (kept per sentence, see `perSentence`).
 */
const phrasesOf = perSentence((tokens) => {
  const found: number[] = []
  for (let index = 0; index < tokens.length; index++) {
    if (!nouns.has(tokens[index].lower)) continue
    const plain = speakerPhrase(tokens, index, false)
    const named = speakerPhrase(tokens, index, true)
    if (plain >= 0 || named >= 0) found.push(index, plain, named)
  }

  return found
})

/**
 * The first token of a vague speaker phrase ending in a noun.
 *
 * @param tokens
 *   Tokens of a sentence.
 * @param index
 *   Index of the noun.
 * @param name
 *   Whether the first token of the sentence is a name.
 * @returns
 *   Index of its first token, or `-1` when it is no speaker there.
 */
function speakerPhrase(tokens: ReadonlyArray<SourceToken>, index: number, name: boolean): number {
  const first = phraseStart(tokens, index, name)
  const previous = tokens[first - 1]
  // “these officials”, “the ministry's experts”, “the study researchers”
  // (its authors): someone named or cited before.
  if (previous && (anaphora.has(previous.lower) || previous.lower === "'s" || studies.has(previous.lower))) return -1
  const attributed =
    verbAfter(tokens, index) ||
    (!bare.has(tokens[index].lower) &&
      (phraseAt(tokens, first - 2, ['according', 'to']) ||
        (previous !== undefined && verbs.has(previous.lower) && /^[,”"]$/.test(tokens[first - 2]?.text ?? ''))))
  return attributed && !namesFollow(tokens, index) ? first : -1
}

/** First token of the speaker phrase ending at `index` (“human rights groups”). */
function phraseStart(tokens: ReadonlyArray<SourceToken>, index: number, name: boolean): number {
  let first = index
  while (first > 0 && index - first < 3) {
    const token = tokens[first - 1]
    // A capitalised word is a modifier (“Western”), but at the start of a
    // sentence only when it is a name (“Russian”), not “However”.
    const capitalised = /^\p{Lu}[\p{L}.-]*$/u.test(token.text) && !anaphora.has(token.lower) && (first > 1 || name)
    if (!modifiers.has(token.lower) && !capitalised) break
    first--
  }

  return first
}

/** Whether a reporting verb follows the speaker at `index`. */
function verbAfter(tokens: ReadonlyArray<SourceToken>, index: number): boolean {
  let at = index + 1
  // “people familiar with the matter said”.
  if (phraseAt(tokens, at, ['familiar', 'with'])) at += tokens[at + 2]?.lower === 'the' ? 4 : 3
  const limit = at + 3
  while (at < tokens.length && at <= limit && between.has(tokens[at].lower) && !verbs.has(tokens[at].lower)) {
    // “to” only after a word that takes it (“continue to warn”), not “people to say”.
    if (tokens[at].lower === 'to' && (at === index + 1 || !between.has(tokens[at - 1].lower))) return false
    at++
  }

  return at < tokens.length && verbs.has(tokens[at].lower)
}

/** Whether names follow the speaker (“groups such as Human Rights Watch”). */
function namesFollow(tokens: ReadonlyArray<SourceToken>, index: number): boolean {
  const at = tokens[index + 1]?.text === ',' ? index + 2 : index + 1
  return lexicon.naming.some((cue) => phraseAt(tokens, at, cue) && /^\p{Lu}/u.test(tokens[at + cue.length]?.text ?? ''))
}
