/**
 * Attribution: who made a claim, with which reporting verb, and where.
 *
 * In one sentence it looks for a reporting verb ("said", "claimed",
 * "according to") and takes as speaker the entity mention closest before it
 * (the subject), or the one right after "according to" / after the verb in
 * an inverted quote ("…,” Tomczyk said" / "said Tomczyk"). For a passive
 * ("was reported by NATO") the speaker is the agent after "by", and a
 * passive without one has none (its subject is what was said). A pronoun
 * speaker ("he said", "according to him") resolves to the nearest earlier
 * person of fitting gender, and becomes a mention of that person. A
 * capitalised or plural noun phrase that is no entity ("Russian officials",
 * "Officials") is kept as the speaker's name with no entity: the vague-source
 * rule reads it, and so is a description that can speak ("the statement
 * said", "according to a statement from the department", "…, say
 * experts"). A subject before an apposition is found past it ("Acme AB, a
 * maker of tools, today announced", "shop owner Ada Obi, 29, said"); a
 * place after a preposition ("Mercy Clinic in Port Alden tweeted") is not
 * the speaker. The medium is the name after "speaking to", "told", "in an
 * interview with".
 */
import type {SentenceView} from '../document.ts'
import {SentenceSlot} from '../incremental/memory.ts'
import type {Token} from '../text/tokenize.ts'
import quoteLexicon from '../quotes/lexicon.json' with {type: 'json'}
import lexicon from './attribution-lexicon.json' with {type: 'json'}

/** A mention the attribution can point at. */
export interface Candidate {
  entity: string
  name: string
  type: string
  /** Token range in the sentence. */
  first: number
  last: number
  /** Gender cue of the entity, if known. */
  gender?: 'male' | 'female'
}

/** What the attribution found. */
export interface Found {
  speaker?: {entity?: string; name: string; pronoun?: {first: number; last: number}}
  verb?: string
  medium?: string
  /** Token index of the reporting verb or phrase. */
  verbAt?: number
}

const verbs: ReadonlySet<string> = new Set(lexicon.reportingVerbs)
// Phrases and cues by their first word, in lexicon order (a word starts
// few of them: most positions need no comparison at all).
const phrasesByFirst = byFirstWord(lexicon.attributionPhrases)
const cuesByFirst = byFirstWord(lexicon.mediumCues)
// Lower-cased words of a sentence, kept with its text (`SentenceSlot`):
// attribution runs twice on a sentence (the claim tagger, then the rules),
// and a block that did not change keeps its sentences' memos from one
// analysis to the next.
const wordsOf = new SentenceSlot<string[]>()
// A Map, not the lexicon's object: the words looked up are the article's
// (“the constructor said” found `Object.prototype.constructor`, read as a
// pronoun of no gender and resolved to the last person named).
const pronouns: ReadonlyMap<string, 'male' | 'female'> = new Map(
  Object.entries(lexicon.pronouns as Record<string, 'male' | 'female'>)
)
const groupPronouns: ReadonlySet<string> = new Set(lexicon.groupPronouns)
// Head nouns of a description that can say something: "the statement",
// "the department", "experts", "the spokeswoman".
const speakingHeads: ReadonlySet<string> = new Set([
  ...quoteLexicon.documentHeads,
  ...quoteLexicon.anonymousHeads,
  ...quoteLexicon.organisationHeads.filter((head) => !head.includes(' ')),
  'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'secretary', 'governor', 'mayor', 'senator', 'president',
  'chairman', 'chairwoman', 'director', 'commissioner', 'prosecutor', 'judge', 'sheriff', 'chief', 'lawyer', 'attorney',
  'outlook', 'forecast', 'update', 'announcement', 'department', 'authority', 'agency'
])
// Forms of "be" before a passive participle ("was reported").
const auxiliaries: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s"])
// Words that end in `s` and are no plural noun that could say something.
const notNouns: ReadonlySet<string> = new Set([
  'is', 'was', 'has', 'does', 'this', 'its', 'his', 'hers', 'ours', 'yours', 'theirs', 'us', 'as', 'thus', 'less',
  'unless', 'whereas', 'perhaps', 'always', 'sometimes', 'afterwards', 'towards', 'besides', 'yes', 'plus', 'across',
  'news'
])

/**
 * Find the attribution of a sentence.
 *
 * @param sentence
 *   Sentence.
 * @param candidates
 *   Entity mentions in the sentence.
 * @param resolve
 *   Resolves a pronoun to the nearest fitting earlier person.
 * @returns
 *   Attribution parts found.
 */
export function attribute(
  sentence: SentenceView,
  candidates: ReadonlyArray<Candidate>,
  resolve: (gender: 'male' | 'female') => Candidate | undefined
): Found {
  const words = lowerWords(sentence)
  const found: Found = {}

  const medium = findMedium(words, sentence.tokens, candidates)
  if (medium) found.medium = medium

  // "According to X".
  const phrase = findPhrase(words, phrasesByFirst)
  if (phrase) {
    found.verb = sentence.tokens
      .slice(phrase.first, phrase.last)
      .map((token) => token.text)
      .join(' ')
    found.verbAt = phrase.first
    const speaker = speakerAt(phrase.last, 'after') ?? description(phrase.last)
    if (speaker) found.speaker = speaker
    return found
  }

  for (let index = 0; index < words.length; index++) {
    if (!verbs.has(words[index])) continue
    // "claims that Russia plans…" as a noun ("dismissed claims") is no verb.
    if (index > 0 && /^(the|these|such|those|their|his|her|its|of)$/.test(words[index - 1])) continue
    found.verb = sentence.tokens[index].text
    found.verbAt = index
    // "was reported by NATO", "reported by Reuters": the speaker is the
    // agent after `by`; the subject of a passive is what was reported.
    const agent = words[index + 1] === 'by' ? speakerAt(index + 2, 'after', true) : undefined
    const speaker = agent ?? (isPassive(index) ? undefined : speakerAt(index, 'before') ?? speakerAt(index + 1, 'after'))
    if (speaker) found.speaker = speaker
    if (found.speaker) return found
  }

  return found

  /**
   * The speaker before index `at` (the subject) or right after it (`agent`:
   * after a passive's `by`, where a noun phrase may be the speaker too).
   */
  function speakerAt(at: number, side: 'before' | 'after', agent = false): Found['speaker'] {
    if (side === 'after') {
      const word = words[at]
      if (word && pronouns.has(word)) return pronoun(at)
      const candidate = candidates.find((c) => c.first === at || (c.first === at + 1 && /^(the)$/.test(words[at])))
      // An agent is someone: "by Russian officials" is not "Russian" (MISC).
      if (candidate && (!agent || candidate.type !== 'MISC')) return {entity: candidate.entity, name: candidate.name}
      return agent ? agentGroup(at) : group(at, 'after')
    }

    // A verb that ends the sentence after a name in a prepositional phrase
    // is a noun: “in half of US states.” (“…, NATO reported.” reports).
    const ends = at + 1 >= words.length || /^[.!?]$/.test(words[at + 1])
    // Nearest entity or pronoun ending before the verb, within a short reach.
    for (let index = at - 1; index >= Math.max(0, at - 6); index--) {
      const word = words[index]
      if (word === ',' && index < at - 1 && words[index - 1] !== '”') break
      if (pronouns.has(word) && index === at - 1) return pronoun(index)
      const candidate = candidates.find((c) => c.last - 1 === index)
      if (candidate && (candidate.type === 'PER' || candidate.type === 'ORG' || candidate.type === 'LOC')) {
        if (ends && /^(of|in|at|from|for|across|with|by|to|on)$/.test(words[candidate.first - 1] ?? '')) return undefined
        // "University Health in San Antonio tweeted": a place after a
        // preposition is where the subject is, not who speaks.
        if (candidate.type === 'LOC' && /^(in|of|from|at|near|outside)$/.test(words[candidate.first - 1] ?? '')) return undefined
        return {entity: candidate.entity, name: candidate.name}
      }
    }

    return group(at - 1, 'before') ?? appositive(at) ?? description(at, true)
  }

  /**
   * A person or organisation before an apposition that ends right before
   * the verb: "Ann Lee, 29, said", "Acme Corp, a maker of tools, and a
   * pioneer of robots, today announced".
   */
  function appositive(at: number): Found['speaker'] {
    let end = at - 1
    // One adverb of time between the apposition and the verb.
    if (/^(today|also|recently|then|later|earlier|previously)$/.test(words[end] ?? '')) end--
    if (words[end] !== ',') return undefined
    for (let comma = end - 1; comma >= Math.max(1, end - 30); comma--) {
      const word = words[comma]
      if (word === '.' || word === ';' || word === ':' || word === '”' || word === '“' || word === '"' || verbs.has(word)) return undefined
      if (word !== ',') continue
      const candidate = candidates.find((c) => c.last === comma)
      if (!candidate || candidate.type === 'MISC') continue
      // What follows the name reads as an apposition: an age, or a noun
      // phrase ("a maker of …", "the head of …", "one of …", "who …").
      const next = words[comma + 1] ?? ''
      if (!/^(\d+|a|an|the|one|who|which|its|his|her|their|chief|head|co-founder|founder|director|president)$/.test(next)) return undefined
      // Names written together are one ("Acme Tools" "AB"): the first.
      let name = candidate
      for (let other = candidates.find((c) => c.last === name.first); other; other = candidates.find((c) => c.last === name.first)) name = other
      const speaker = [candidate, name].find((c) => c.type === 'PER' || c.type === 'ORG')
      if (!speaker) return undefined
      // The name starts the sentence or its clause, after a role at most
      // ("shop owner Ada Obi, 29, said").
      let start = name.first
      while (start > 0 && name.first - start < 4 && /^\p{Ll}+$/u.test(sentence.tokens[start - 1].text) && !verbs.has(words[start - 1])) start--
      if (start > 0 && !/^[,:;—–-]$/.test(words[start - 1])) return undefined
      return {
        entity: speaker.entity,
        name: name === candidate ? candidate.name : sentence.tokens.slice(name.first, candidate.last).map((token) => token.text).join(' ')
      }
    }

    return undefined
  }

  /**
   * A definite or indefinite description that can say something: "the
   * statement said", "according to a statement from the department".
   * `before`: the description ends right before `at`; else it starts at
   * `at` and runs to a comma or the end of the sentence.
   */
  function description(at: number, before = false): Found['speaker'] {
    let first: number
    let last: number
    if (before) {
      last = at
      first = at - 1
      while (first > 0 && at - first < 4 && /^\p{Ll}/u.test(sentence.tokens[first - 1].text) && !/^(the|a|an)$/.test(words[first])) first--
      if (!/^(the|a|an)$/.test(words[first] ?? '')) return undefined
      if (!speakingHeads.has(words[last - 1])) return undefined
    } else {
      first = at
      last = at
      while (last < words.length && last - at < 10 && !/^[,.;:!?”"()]$/.test(words[last])) last++
      if (!/^(the|a|an)$/.test(words[first] ?? '') || last - first < 2) return undefined
      if (!words.slice(first, last).some((word) => speakingHeads.has(word))) return undefined
    }

    return {
      name: sentence.tokens
        .slice(first, last)
        .map((token) => token.text)
        .join(' ')
    }
  }

  function pronoun(index: number): Found['speaker'] {
    const gender = pronouns.get(words[index])!
    const person = resolve(gender)
    const range = {first: index, last: index + 1}
    return person
      ? {entity: person.entity, name: person.name, pronoun: range}
      : {name: sentence.tokens[index].text}
  }

  /** Whether the verb at `index` is a passive ("was reported", "is also said"). */
  function isPassive(index: number): boolean {
    let before = index - 1
    // One adverb between ("was first reported", "were also confirmed").
    if (before > 0 && /ly$|^(also|first|later|earlier|not|never|since|widely|then)$/.test(words[before])) before--
    return before >= 0 && auxiliaries.has(words[before])
  }

  /**
   * A noun phrase after a passive's `by` that is no entity: "Russian
   * officials", "officials", "the ministry".
   */
  function agentGroup(index: number): Found['speaker'] {
    let first = index
    if (/^(the|a|an)$/.test(words[first] ?? '')) first++
    let last = first
    while (last < words.length && /^\p{Lu}/u.test(sentence.tokens[last].text)) last++
    // A common noun ends it ("Russian officials", "officials").
    if (last < words.length && /^\p{Ll}+s$/u.test(sentence.tokens[last].text) && !notNouns.has(words[last])) last++
    else if (last === first) return undefined
    return {
      name: sentence.tokens
        .slice(first, last)
        .map((token) => token.text)
        .join(' ')
    }
  }

  /** A noun phrase that is no entity: "Russian officials", "Officials". */
  function group(index: number, side: 'before' | 'after'): Found['speaker'] {
    const word = words[index]
    if (!word || !/^\p{L}/u.test(word)) return undefined
    if (groupPronouns.has(word)) return {name: sentence.tokens[index].text}
    // "…, say experts.": a group noun right after the verb, ending the sentence.
    if (side === 'after' && quoteLexicon.anonymousHeads.includes(word) && /^[.,;]?$/.test(words[index + 1] ?? '')) {
      return {name: sentence.tokens[index].text}
    }
    // Not "was", "has", "this": words that end in `s` and are no plural.
    if (side === 'before' && /s$/.test(word) && !notNouns.has(word)) {
      let first = index
      while (first > 0 && /^\p{Lu}/u.test(sentence.tokens[first - 1].text)) first--
      return {
        name: sentence.tokens
          .slice(first, index + 1)
          .map((token) => token.text)
          .join(' ')
      }
    }

    return undefined
  }
}

/**
 * Find a multi-word phrase.
 *
 * @param words
 *   Lower-cased words.
 * @param phrases
 *   Phrases as word lists.
 * @returns
 *   Token range of the first match.
 */
function findPhrase(
  words: ReadonlyArray<string>,
  phrases: ReadonlyMap<string, ReadonlyArray<ReadonlyArray<string>>>
): {first: number; last: number} | undefined {
  for (let index = 0; index < words.length; index++) {
    const starting = phrases.get(words[index])
    if (starting === undefined) continue
    for (const phrase of starting) {
      if (phrase.every((word, offset) => words[index + offset] === word)) {
        return {first: index, last: index + phrase.length}
      }
    }
  }

  return undefined
}

/**
 * The medium: an organisation (or capitalised name) after a medium cue.
 *
 * @param words
 *   Lower-cased words.
 * @param tokens
 *   Tokens.
 * @param candidates
 *   Entity mentions.
 * @returns
 *   Medium name.
 */
function findMedium(
  words: ReadonlyArray<string>,
  tokens: ReadonlyArray<Token>,
  candidates: ReadonlyArray<Candidate>
): string | undefined {
  for (let index = 0; index < words.length; index++) {
    const starting = cuesByFirst.get(words[index])
    if (starting === undefined) continue
    for (const cue of starting) {
      if (!cue.every((word, offset) => words[index + offset] === word)) continue
      const at = index + cue.length
      const candidate = candidates.find((c) => c.first === at || c.first === at + 1)
      if (candidate && candidate.type !== 'PER' && candidate.type !== 'LOC') return candidate.name
      // A capitalised name the tagger missed ("Radio Zet").
      let end = at
      while (end < tokens.length && /^\p{Lu}/u.test(tokens[end].text)) end++
      if (end > at && cue[0] !== 'according' && cue[0] !== 'told') {
        return tokens.slice(at, end).map((token) => token.text).join(' ')
      }
    }
  }

  return undefined
}

/**
 * The lower-cased words of a sentence (computed once per sentence).
 *
 * @param sentence
 *   Sentence.
 * @returns
 *   Words.
 */
function lowerWords(sentence: SentenceView): string[] {
  let words = wordsOf.get(sentence.memo)
  if (!words) {
    words = sentence.tokens.map((token) => token.text.toLowerCase())
    wordsOf.set(sentence.memo, words)
  }

  return words
}

/**
 * Word lists by their first word, each list in the given order.
 *
 * @param lists
 *   Word lists.
 * @returns
 *   Map from first word to the lists it starts.
 */
function byFirstWord(lists: ReadonlyArray<ReadonlyArray<string>>): Map<string, Array<ReadonlyArray<string>>> {
  const map = new Map<string, Array<ReadonlyArray<string>>>()
  for (const list of lists) {
    const bucket = map.get(list[0])
    if (bucket) bucket.push(list)
    else map.set(list[0], [list])
  }

  return map
}

// The attribution of each sentence with its mentions, and the one pronoun
// it resolved, if any (what a pronoun resolves to depends on the sentences
// before): shared by the claims and the rules of one analysis, and kept for
// the next.
const kept = new SentenceSlot<Attributed>()

/** What `attributeKept` keeps of a sentence. */
interface Attributed {
  candidates: ReadonlyArray<Candidate>
  found: Found
  /** The pronoun it resolved: its gender and the person it named. */
  asked?: {gender: 'male' | 'female'; entity: string | undefined; name: string | undefined}
}

/**
 * `attribute`, or what it found for the same sentence and mentions before
 * (a mention's gender only matters to `resolve`). A sentence that resolved
 * a pronoun asks `resolve` again: what it found stands when the pronoun
 * names the same person (`resolve` gives the same answer when asked twice).
 *
 * @param sentence
 *   Sentence.
 * @param candidates
 *   Its entity mentions.
 * @param resolve
 *   Resolves a pronoun to the nearest fitting earlier person.
 * @returns
 *   Attribution parts found (shared: never change them).
 */
export function attributeKept(
  sentence: SentenceView,
  candidates: ReadonlyArray<Candidate>,
  resolve: (gender: 'male' | 'female') => Candidate | undefined
): Found {
  const known = kept.get(sentence.memo)
  if (known && sameCandidates(known.candidates, candidates)) {
    const asked = known.asked
    if (!asked) return known.found
    const person = resolve(asked.gender)
    if (person?.entity === asked.entity && person?.name === asked.name) return known.found
  }

  let calls = 0
  let asked: Attributed['asked']
  const found = attribute(sentence, candidates, (gender) => {
    calls++
    const person = resolve(gender)
    asked = {gender, entity: person?.entity, name: person?.name}
    return person
  })
  // Asked twice, an answer could depend on the one before: not kept.
  if (calls > 1) kept.delete(sentence.memo)
  else kept.set(sentence.memo, asked ? {candidates, found, asked} : {candidates, found})
  return found
}

/**
 * Whether two lists of mentions are the same but for gender.
 *
 * @param a
 *   Mentions.
 * @param b
 *   Mentions.
 * @returns
 *   Whether they are.
 */
function sameCandidates(a: ReadonlyArray<Candidate>, b: ReadonlyArray<Candidate>): boolean {
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) {
    const x = a[index]
    const y = b[index]
    if (x.entity !== y.entity || x.name !== y.name || x.type !== y.type || x.first !== y.first || x.last !== y.last) return false
  }

  return true
}
