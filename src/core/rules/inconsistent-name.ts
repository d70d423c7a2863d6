/**
 * Flags one name spelled two ways in an article (“Zakharova” and
 * “Zaharova”), and a number that changes for the same thing (“output will
 * rise by 25 times” … “output will rise by 20 times”).
 *
 * ## Why
 *
 * A misspelt name is the most common correction a paper prints, and two
 * spellings make a reader wonder whether there are two people. A figure
 * that changes within one article means at least one of them is wrong.
 *
 * Names: the words (five letters or more) of entities of the same type
 * are compared; words one edit apart (two for words of eight letters or
 * more) that differ in more than an ending (“Zakharov” / “Zakharova” are
 * two people) are one name spelled two ways; not another apostrophe
 * (“Don’t” / “Don't”), nor kin (“Grandma” / “Grandpa”). The spelling used more often
 * is expected; every mention of the other is flagged. When both are used
 * as often, the mentions of the one used later are flagged, and neither
 * is said to be expected (no replacement is offered).
 *
 * Numbers: two quantities in different sentences count the same thing when
 * they have the same unit or counted noun and the same word before the
 * number (“rise by”; not “and”, “is” or a hedge such as “approximately”), the sentences name someone in common (“BELMA”,
 * “Tomczyk”) and give no different dates. The later one is flagged.
 *
 * ## Default severity
 *
 * `warning`.
 *
 * ## Fix
 *
 * Check the right spelling or figure and use it throughout (the quick fix
 * puts in the spelling used more often; none is offered when both are used
 * as often).
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   Maria Zakharova warned of consequences. Zakharova said Russia would respond.
 *
 *   Democrats voted against the bill. The Democratic leader Hakeem Jeffries said it would fail.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   Foreign Ministry spokeswoman Maria Zakharova warned of consequences. Zakharova said Russia would respond. Zaharova did not give details.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:107-1:115: Unexpected spelling `Zaharova`, expected `Zakharova` as elsewhere in the article
 *
 * @example
 *   {"name": "numbers.md", "label": "input"}
 *
 *   Deputy Defense Minister Cezary Tomczyk said output at the BELMA plant will rise by 25 times.
 *
 *   Later in the interview, Tomczyk said that output will rise by 20 times.
 *
 * @example
 *   {"name": "numbers.md", "label": "output"}
 *
 *   3:63-3:71: Unexpected `20 times`, expected `25 times` as stated earlier for the same thing
 */
import {sameQuantity, singular, type Quantity} from '../facts/quantity.ts'
import {stem} from '../facts/match.ts'
import entityLexicon from '../entities/lexicon.json' with {type: 'json'}
import {Cache} from '../incremental/memory.ts'
import type {Entity} from '../types.ts'
import type {RuleContext, SentenceInfo} from './context.ts'
import type {Rule, RuleFinding} from './rule.ts'
import {code, perSentence, quantitiesOf} from './util.ts'

// Titles and connectives are words, not names (“Minister” is no misspelt
// “Ministry”).
const notNames: ReadonlySet<string> = new Set([
  // Kin, written as names (“Grandma”, “Grandpa”): two words, two people.
  ...['grandma', 'grandpa', 'granny', 'grandmother', 'grandfather', 'mama', 'papa', 'mommy', 'daddy', 'auntie', 'uncle', 'nana', 'nanna'],
  ...entityLexicon.titleHeads,
  ...entityLexicon.titleModifiers,
  ...entityLexicon.connectives
])
const skipBefore: ReadonlySet<string> = new Set(['by', 'to', 'of', 'about', 'around', 'nearly', 'some', 'than', 'at', 'least', 'more', 'over', 'up', 'almost', 'roughly', 'only', 'just', 'the', 'a', 'an', 'approximately', 'estimated', 'close', 'under', 'below', 'above'])
// Words before a figure that say nothing of what it counts (“and $2.7
// million went to …”, “it’s $16.8 million in assets”): no key.
const emptyBefore: ReadonlySet<string> = new Set(['and', 'or', 'but', 'is', 'was', 'are', 'were', 'be', 'been', "it's", 'its', 'that', 'which', 'with', 'while', 'as', 'for', 'from', 'in', 'on', 'had', 'has', 'have', 'totaling', 'totalling', 'including'])

const rule: Rule = {
  id: 'inconsistent-name',
  severity: 'warning',
  check(context, report) {
    names(context, report)
    numbers(context, report)
  }
}

export default rule

/** A spelling of a name word and where it occurs. */
interface Spelling {
  word: string
  places: Array<{start: number; end: number}>
  /** The other name words of the entities it is a word of (“Landman” for “Keren” of “Keren Landman”). */
  others?: Set<string>
}

/** Report names spelled two ways. */
function names(context: RuleContext, report: (finding: RuleFinding) => void): void {
  // Spellings per entity type, in order of first use.
  const byType = new Map<string, Map<string, Spelling>>()
  const known = new Set<string>()
  for (const entity of context.result.entities) {
    let list = byType.get(entity.type)
    if (!list) {
      list = new Map()
      byType.set(entity.type, list)
    }

    for (const spelling of spellings(entity)) {
      known.add(spelling.word)
      const same = list.get(spelling.word)
      if (same) {
        same.places.push(...spelling.places)
        for (const word of spelling.others ?? []) (same.others ??= new Set()).add(word)
      } else list.set(spelling.word, spelling)
    }
  }

  // Capitalised words the tagger did not take for a name (“Zaharova did
  // not…”) may still be a misspelling of one.
  const others = new Map<string, Spelling>()
  const covered = context.mentionSpans
  for (const sentence of context.sentences) {
    for (const index of capitalised(sentence)) {
      const token = sentence.tokens[index]
      if (known.has(token.text) || notNames.has(token.lower)) continue
      if (covered.covers(token.start, token.end)) continue
      const spelling = others.get(token.text) ?? {word: token.text, places: []}
      spelling.places.push({start: token.start, end: token.end})
      others.set(token.text, spelling)
    }
  }

  // Two words are variants only when they start with the same character:
  // compare each word with the words of its first character only (in the
  // same order as all of them, so the same pair is found first).
  const otherBuckets = bucketByFirst([...others.values()])
  // For each spelling flagged, the spelling it is compared with: the one
  // used most often among its variants (“Zelenskiy” against “Zelenskyy”,
  // used three times, not against “Zelensky”, used once as it is).
  const against = new Map<Spelling, Spelling>()
  const visit = (a: Spelling, b: Spelling) => {
    if (!variants(a.word, b.word)) return
    // Two people whose names share no other word are two people (“Keren
    // Landman” and “Karen Norris”), not one name spelled two ways.
    if (a.others && b.others && a.others.size > 0 && b.others.size > 0 && ![...a.others].some((word) => b.others!.has(word))) return
    const [common, rare] = b.places.length > a.places.length ? [b, a] : [a, b]
    const before = against.get(rare)
    if (!before || common.places.length > before.places.length) against.set(rare, common)
  }

  for (const map of byType.values()) {
    const list = [...map.values()]
    const buckets = bucketByFirst(list)
    // Position of each spelling in its bucket: the later ones follow it in `list` too.
    const seen = new Map<string, number>()
    for (const a of list) {
      const bucket = buckets.get(a.word[0])!
      const at = seen.get(a.word[0]) ?? 0
      seen.set(a.word[0], at + 1)
      for (let index = at + 1; index < bucket.length; index++) visit(a, bucket[index])
      for (const b of otherBuckets.get(a.word[0]) ?? []) visit(a, b)
    }
  }

  for (const [rare, common] of against) {
    // As often one way as the other: which is right is a guess, so neither
    // is said to be expected, and no replacement is offered.
    const tie = common.places.length === rare.places.length
    for (const place of rare.places) {
      report({
        ...place,
        actual: rare.word,
        ...(tie ? {} : {expected: [common.word]}),
        reason: tie
          ? `Unexpected spelling ${code(rare.word)}, also spelled ${code(common.word)} as often in the article: one of them is wrong`
          : `Unexpected spelling ${code(rare.word)}, expected ${code(common.word)} as elsewhere in the article`,
        related: {...common.places[0], reason: `Spelled ${code(common.word)} here`}
      })
    }
  }
}

/**
 * Where a sentence has a word of five letters or more with only its first a
 * capital (kept per sentence, see `perSentence`).
 */
const capitalised = perSentence((tokens) => {
  const found: number[] = []
  for (let index = 0; index < tokens.length; index++) {
    const text = tokens[index].text
    // (Five code points take five UTF-16 units at least.)
    if (text.length >= 5 && /^\p{Lu}\p{Ll}{4,}$/u.test(text)) found.push(index)
  }

  return found
})

/** Spellings grouped by their first UTF-16 unit, in order. */
function bucketByFirst(list: ReadonlyArray<Spelling>): Map<string, Spelling[]> {
  const buckets = new Map<string, Spelling[]>()
  for (const spelling of list) {
    const bucket = buckets.get(spelling.word[0])
    if (bucket) bucket.push(spelling)
    else buckets.set(spelling.word[0], [spelling])
  }

  return buckets
}

// The name words of a mention text: mentions repeat a few names.
const nameWords = new Cache<string, ReadonlyArray<string | number>>(4096)

/**
 * The name words of a mention text.
 *
 * @param text
 *   Mention text.
 * @returns
 *   Each word, then its offset in the text, flat.
 */
function readNameWords(text: string): ReadonlyArray<string | number> {
  const found: Array<string | number> = []
  for (const match of text.matchAll(/\p{Lu}[\p{L}’'-]{4,}/gu)) found.push(match[0], match.index)
  return found
}

/** Name words of an entity with their places. */
function spellings(entity: Entity): Spelling[] {
  const found = new Map<string, Spelling>()
  for (const mention of entity.mentions) {
    if (mention.pronoun) continue
    // (No LRU bookkeeping for each of thousands of mentions: the first texts stay.)
    const words = nameWords.peek(mention.text) ?? nameWords.get(mention.text, readNameWords)
    for (let index = 0; index < words.length; index += 2) {
      const word = words[index] as string
      const start = mention.start + (words[index + 1] as number)
      const spelling = found.get(word) ?? {word, places: []}
      spelling.places.push({start, end: start + word.length})
      found.set(word, spelling)
    }
  }

  const spellings = [...found.values()]
  // A person's first and last names go their own ways (two people may
  // share a first name spelled alike); a thing's other words are
  // modifiers (“Santa Fe Plug-in”, “Sante Fe Hybrid”).
  if (entity.type === 'PER') {
    for (const spelling of spellings) spelling.others = new Set(spellings.filter((other) => other !== spelling).map((other) => other.word))
  }

  return spellings
}

/** Whether two words are one name spelled two ways. */
function variants(a: string, b: string): boolean {
  // The cheap tests first: most pairs differ in length or first letter.
  const limit = Math.min(a.length, b.length) >= 8 ? 2 : 1
  if (Math.abs(a.length - b.length) > limit || a[0] !== b[0]) return false
  if (a === b || a.startsWith(b) || b.startsWith(a)) return false
  // The same word with another apostrophe (“Don’t”, “Don't”) is typography.
  if (a.replaceAll('’', "'") === b.replaceAll('’', "'")) return false
  if (notNames.has(a.toLowerCase()) || notNames.has(b.toLowerCase())) return false
  if (wordForms(a, b)) return false
  return distance(a, b) <= limit
}

// Endings that make another form of one word: a plural, an adjective, a
// trade (“Democrats”/“Democratic”, “Fishers”/“Fishery”).
const endings = new Set(['', 's', 'es', 'ic', 'ics', 'ical', 'y', 'ies', 'er', 'ers', 'ery', 'eries', 'ian', 'ians', 'an', 'ans', 'al', 'ism', 'ist', 'ists', 'ed', 'ing', 'n', 'ns'])

/** Whether two words are forms of one word: the same stem, two endings. */
function wordForms(a: string, b: string): boolean {
  let shared = 0
  while (shared < a.length && a[shared] === b[shared]) shared++
  return shared >= 4 && endings.has(a.slice(shared)) && endings.has(b.slice(shared))
}

/** Optimal string alignment distance (transpositions count as one edit). */
function distance(a: string, b: string): number {
  const rows: number[][] = Array.from({length: a.length + 1}, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) rows[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1)
      }
    }
  }

  return rows[a.length][b.length]
}

/** A quantity with what it counts. */
interface Counted {
  quantity: Quantity
  sentence: SentenceInfo
  /** Entities named in its sentence. */
  actors: ReadonlySet<string>
  start: number
  end: number
}

/** Report numbers that change for the same thing. */
function numbers(context: RuleContext, report: (finding: RuleFinding) => void): void {
  const seen = new Map<string, Counted[]>()

  for (const sentence of context.sentences) {
    const tokens = sentence.tokens
    const quantities = quantitiesOf(sentence)
    if (quantities.length === 0) continue
    const actors = new Set(
      context
        .mentionsIn(sentence.start, sentence.end)
        .filter((m) => m.entity.type !== 'MISC')
        .map((m) => m.entity.id)
    )
    if (actors.size === 0) continue
    for (const quantity of quantities) {
      const what = quantity.noun ? singular(quantity.noun) : quantity.unit
      if (!what || quantity.year) continue
      let at = quantity.first - 1
      while (at >= 0 && skipBefore.has(tokens[at].lower)) at--
      if (at < 0 || !/^\p{L}/u.test(tokens[at].text) || emptyBefore.has(tokens[at].lower)) continue
      const key = what + '|' + stem(tokens[at].lower)
      const counted: Counted = {quantity, sentence, actors, start: tokens[quantity.first].start, end: tokens[quantity.last - 1].end}
      let list = seen.get(key)
      if (!list) {
        list = []
        seen.set(key, list)
      }

      // The last few statements of the same thing are enough to compare with.
      const earlier = list.slice(-16).find(
        (other) =>
          other.sentence !== sentence &&
          shareActor(other.actors, actors) &&
          !sameQuantity(other.quantity, quantity) &&
          !datesDiffer(context, other.sentence, sentence)
      )
      list.push(counted)
      if (!earlier) continue
      const actual = context.source.slice(counted.start, counted.end)
      const before = context.source.slice(earlier.start, earlier.end)
      report({
        start: counted.start,
        end: counted.end,
        actual,
        expected: [before],
        reason: `Unexpected ${code(actual)}, expected ${code(before)} as stated earlier for the same thing`,
        related: {start: earlier.start, end: earlier.end, reason: `Stated as ${code(before)} here`}
      })
    }
  }
}

/** Whether two sets of entity ids have one in common. */
function shareActor(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const actor of a) if (b.has(actor)) return true
  return false
}

/** Whether two sentences give different concrete dates. */
function datesDiffer(context: RuleContext, a: SentenceInfo, b: SentenceInfo): boolean {
  const values = (sentence: SentenceInfo) =>
    context
      .datesIn(sentence.start, sentence.end)
      .filter((date) => /^\d{4}/.test(date.value))
      .map((date) => date.value)
  const first = values(a)
  const second = values(b)
  return first.length > 0 && second.length > 0 && !first.some((value) => second.includes(value))
}
