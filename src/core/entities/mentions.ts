/**
 * Entity mentions: runs the tagger over the document, drops what is never
 * a name (sentence-initial connectives such as "Meanwhile"), moves job
 * titles that the tagger took into a name out of it, lets a name's head
 * word ("… Convention", "… Region") set its type where the tagger is
 * unsure, and finds the role written before a person's name ("Deputy
 * Defense Minister Cezary Tomczyk").
 */
import {spanOf, type DocumentView, type SentenceView} from '../document.ts'
import {ObjectCache} from '../incremental/memory.ts'
import type {EntityType, Span} from '../types.ts'
import {DocumentTagging, type WordSet} from './document-tagging.ts'
import {countryFacts, isFirstName, isPlaceName} from './gazetteer.ts'
import {isNationalityText} from './groups.ts'
import lexicon from './lexicon.json' with {type: 'json'}
import {spansOf, type Tagged, type TokenSpan} from './tagger.ts'

/** A mention found by the tagger, before clustering. */
export interface RawMention extends Span {
  type: EntityType
  sentence: SentenceView
  /** Token range within the sentence. */
  first: number
  last: number
  /** Role written before the name, if any. */
  role?: string
  /** How sure the tagger was of the name's words and type (its smallest margin). */
  confidence?: number
  /**
   * Words of a place the tagger tagged apart before the institution's name
   * this mention joined it to (“California | Avocado Commission”): the
   * name without them is the institution's short form, for clustering.
   */
  place?: number
  /**
   * Whether the words around the name tell its type (“Millbrook police”,
   * “the nonprofit …”, “my colleague …”), not the tagger alone: the
   * cluster takes that type when its cued mentions agree.
   */
  cued?: boolean
  /**
   * The name's words as read: the prose, without the Markdown markup its
   * source text may hold (`*Cezary* Tomczyk`, a `> ` between lines).
   */
  prose: string
}

const connectives: ReadonlySet<string> = new Set(lexicon.connectives)
const titleHeads: ReadonlySet<string> = new Set(lexicon.titleHeads)
const titleModifiers: ReadonlySet<string> = new Set(lexicon.titleModifiers)
/** Marks no name starts or ends with. */
const looseMarks = /^(?:[–—,#;]|-{1,3})$/u
/** Quotation marks that may open or close a name or title. */
const quoteMarks = /^["“”‘’'«»]$/u
const cues = Object.entries(lexicon.typeCues).map(([type, cue]) => ({
  type: type as EntityType,
  heads: new Set<string>(cue.heads),
  firsts: new Set<string>('firsts' in cue ? cue.firsts : [])
}))

/**
 * Below this margin (the tagger's weights are scaled so that the largest
 * is 1000), a name's head or first word ("… Region", "Radio …") decides its
 * type; above it the tagger does, as it knows better: "West Bank" is a
 * place and "Notts County" a club, whatever "Bank" and "County" say. A
 * treaty, event or prize head ("… Convention", "… Cup") always decides.
 * (On CoNLL dev and on a fold of train held out from the tagger, cues that
 * always decide cost 0.8 F1; below this margin they cost at most 0.1.)
 */
const cueMargin = 1000

/**
 * Find entity mentions in a document.
 *
 * @param document
 *   Document view.
 * @param tagging
 *   The document's tagging kept from its last analysis (default: none,
 *   every sentence is tagged).
 * @returns
 *   Mentions in document order.
 */
export function findMentions(
  document: DocumentView,
  tagging: DocumentTagging = new DocumentTagging()
): RawMention[] {
  const tagged = tagging.tag(document.sentences.map((sentence) => sentence.tokens))
  const mentions: RawMention[] = []
  // Words the document writes in lower case.
  const lowerWords = tagging.lowerWords()

  const found = document.sentences.map((sentence) => sentenceMentions(sentence, tagged[sentence.index]))
  const persons = personNames(document, found, lowerWords)
  // Names as the document's sentences (not its headlines) write them.
  let written: Written | undefined
  for (const sentence of document.sentences) {
    for (let each of found[sentence.index]) {
      if (isHeadline(sentence.tokens)) {
        written ??= namesWritten(document, found)
        const trimmed = headlineName(sentence, each, written, lowerWords)
        if (!trimmed) continue
        each = trimmed
      }

      if (persons.size > 0 && each.last - each.first > 1) each = asPerson(sentence, each, persons)
      // A headline's capitals run a person's name into the next word (“How Did
      // Ann Lee Die”, “Ann Lee Documentary”): a word the document writes in
      // lower case elsewhere ends no person's name.
      if (each.type === 'PER' && each.last - each.first > 1 && isHeadline(sentence.tokens)) {
        let last = each.first + 1
        while (last < each.last && !isCommonWord(sentence.tokens[last].text, lowerWords)) last++
        if (last < each.last) {
          const end = sentence.tokens[last - 1].end
          each = {...each, last, end, prose: proseOf(sentence, each.start, end)}
        }
      }

      // A name alone right before a title (“Ripple CEO …”, “Ripple President
      // Monica Long”) that the tagger took for a person: whose title it is,
      // a firm, unless it is the surname of a person the document names
      // (“Trump spokesperson Steven Cheung” is Trump's, whatever a cue said).
      const owner = each.last - each.first === 1 ? titleOwner(sentence.tokens, each.first, persons, lowerWords) : undefined
      if (owner === 'ORG' && each.type === 'PER') each = {...each, type: 'ORG', cued: true}
      if (owner === 'PER' && each.type !== 'PER') {
        const {cued: _cued, ...rest} = each
        each = {...rest, type: 'PER'}
      }

      const span = spanOf(document, sentence.block, each.start, each.end)
      const mention: RawMention = {
        start: span.start,
        end: span.end,
        text: span.text,
        type: each.type,
        sentence,
        first: each.first,
        last: each.last,
        confidence: each.confidence,
        prose: each.prose
      }
      if (each.cued) mention.cued = true
      if (each.place) mention.place = each.place
      if (each.role) mention.role = each.role
      mentions.push(mention)
    }
  }

  return mentions
}

// Small words a headline capitalises (“Interview With …”).
const headlineSmallWords: ReadonlySet<string> = new Set(['with', 'of', 'the', 'in', 'and', 'for', 'to', 'on', 'at', 'from', 'by', 'a', 'an', 'as', 'is', 'are', 'be', 'after', 'over', 'through', 'into', 'now'])

/**
 * The names the document's sentences write, headlines aside (`nameKey`s).
 *
 * @param document
 *   Document.
 * @param found
 *   Mentions of each sentence.
 * @returns
 *   Keys.
 */
function namesWritten(document: DocumentView, found: ReadonlyArray<ReadonlyArray<SentenceMention>>): Written {
  const keys = new Map<string, EntityType>()
  let sentences = 0
  for (const sentence of document.sentences) {
    if (isHeadline(sentence.tokens)) continue
    sentences++
    for (const each of found[sentence.index]) {
      const key = nameKey(each.prose)
      // A person's name wherever the tagger calls it one.
      if (!keys.has(key) || each.type === 'PER') keys.set(key, each.type)
    }
  }

  return {names: keys, enough: sentences >= minSentences}
}

/** The names a document's sentences write (`namesWritten`). */
interface Written {
  /** Name keys, with the type the tagger gives them. */
  names: ReadonlyMap<string, EntityType>
  /** Whether the sentences are enough to tell a headline's names by. */
  enough: boolean
}

/** Sentences that are no headline, below which a headline keeps its names. */
const minSentences = 3

/**
 * A name in a headline, whose capitals run it into the words around it
 * (“Interview With Ann Lee”, “Acme Studios Promises”, “… Verdict Now Up
 * To The Jury”): the longest part of it that the document's
 * sentences write as a name, when the words left out are common words
 * (written in lower case elsewhere) or small ones; none when all its words
 * are common (“New Weather System”); else a person's name of two words or
 * more the sentences write, anywhere in it (“Michael Steele Shows”); else
 * in a heading none (“Aboriginal Art Is Booming”, “Crank”), unless it is a
 * place the gazetteer knows or the document has too few other sentences to
 * tell; elsewhere (a list item, a credit line) the name as tagged.
 *
 * @param sentence
 *   The headline.
 * @param each
 *   A mention of several words in it.
 * @param written
 *   Names the sentences write (`namesWritten`).
 * @param lowerWords
 *   The document's words in lower case.
 * @returns
 *   The mention, trimmed, or `undefined` for no name.
 */
function headlineName(sentence: SentenceView, each: SentenceMention, written: Written, lowerWords: WordSet): SentenceMention | undefined {
  if (written.names.has(nameKey(each.prose))) return each
  // Only a heading is surely one (a short line of names, a list item or a
  // credit is title case too): a word alone there is a name when the
  // sentences write it as one, or a place.
  const heading = (sentence.block.kind === 'heading' || isHeadingLine(sentence, lowerWords)) && written.enough
  if (each.last - each.first === 1) return !heading || isPlaceName(each.prose) || isBrandShaped(each.prose) ? each : undefined
  const tokens = sentence.tokens
  // The name cut to `[first, last)`; a role read before words cut off is
  // no role of it.
  const cut = (first: number, last: number, prose: string): SentenceMention => {
    const {role: _role, ...rest} = each
    return {...(first === each.first ? each : rest), first, last, start: tokens[first].start, end: tokens[last - 1].end, prose}
  }

  const loose = (at: number) => isCommonWord(tokens[at].text, lowerWords) || headlineSmallWords.has(tokens[at].text.toLowerCase()) || !/[\p{L}\p{N}]/u.test(tokens[at].text)
  for (let size = each.last - each.first - 1; size > 0; size--) {
    for (let first = each.first; first + size <= each.last; first++) {
      const last = first + size
      const prose = proseOf(sentence, tokens[first].start, tokens[last - 1].end)
      if (!written.names.has(nameKey(prose))) continue
      let outside = true
      for (let at = each.first; at < each.last && outside; at++) if ((at < first || at >= last) && !loose(at)) outside = false
      if (outside) return cut(first, last, prose)
    }
  }

  let common = true
  for (let at = each.first; at < each.last && common; at++) if (!loose(at)) common = false
  if (common) return undefined
  // A person's name of two words or more that the sentences write, with
  // headline words around it (“Michael Steele Shows …”, “… Way Through Ari
  // Melber Interview”), no first name next to it: that name.
  for (let size = each.last - each.first - 1; size > 1; size--) {
    for (let first = each.first; first + size <= each.last; first++) {
      const prose = proseOf(sentence, tokens[first].start, tokens[first + size - 1].end)
      if (written.names.get(nameKey(prose)) !== 'PER') continue
      // Not a first name of the same person left out (“Filip De Wilde”).
      if ((first > each.first && isFirstName(tokens[first - 1].text)) || (first + size < each.last && isFirstName(tokens[first + size].text))) continue
      return cut(first, first + size, prose)
    }
  }

  // Nothing of it is a name the sentences write: in a heading, its capitals
  // made it (“Aboriginal Art Is Booming”), unless it is a place, a firm's
  // name (“QuByte Interactive”) (or the document has too few sentences to
  // tell).
  const head = tokens[each.last - 1].text.toLowerCase()
  return !heading || isPlaceName(each.prose) || businessHeads.has(head) || institutionHeads.has(head) || isBrandShaped(tokens[each.first].text) ? each : undefined
}

/** Most words of a person's name that `personNames` reads. */
const maxNameWords = 4

/**
 * Normalised key of a person's name (lower case, one space).
 *
 * @param prose
 *   Name.
 * @returns
 *   Key.
 */
function nameKey(prose: string): string {
  return prose.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim()
}

/**
 * The names of several words the document gives a person (one person keeps
 * one type): those the tagger calls a person somewhere, and those whose
 * last word the tagger calls a person when it stands alone (“Tessa
 * Marlowe … Marlowe said”), unless they end in an institution's head or
 * hold a common word (“Koreatown After Dark”).
 *
 * @param document
 *   Document.
 * @param found
 *   Mentions of each sentence.
 * @param lowerWords
 *   The document's words in lower case.
 * @returns
 *   Keys (`nameKey`).
 */
function personNames(document: DocumentView, found: ReadonlyArray<ReadonlyArray<SentenceMention>>, lowerWords: WordSet): Set<string> {
  const persons = new Set<string>()
  const surnames = new Set<string>()
  for (const mentions of found) {
    for (const each of mentions) {
      if (each.type !== 'PER') continue
      if (each.last - each.first === 1) surnames.add(nameKey(each.prose))
      else if (each.last - each.first <= maxNameWords) persons.add(nameKey(each.prose))
    }
  }

  if (surnames.size === 0) return persons
  for (const sentence of document.sentences) {
    for (const each of found[sentence.index]) {
      const size = each.last - each.first
      if (each.type === 'PER' || size < 2 || size > 3) continue
      if (!surnames.has(sentence.tokens[each.last - 1].text.toLowerCase())) continue
      const words = sentence.tokens.slice(each.first, each.last).map((token) => token.text)
      if (!words.every((word) => /^\p{Lu}\p{Ll}/u.test(word) && !isCommonWord(word, lowerWords)) || words.some((word) => isNameHead(word)) || isPlaceName(words.join(' '))) continue
      persons.add(nameKey(each.prose))
    }
  }

  return persons
}

/**
 * Whose a title after a one-word name is (a title head or a spokesperson,
 * in lower or title case; not “Gov.”: a state's): a person's when the word
 * is the surname of a person the document names (“Trump spokesperson
 * Steven Cheung”), else an organisation's; none for a place, a first name
 * or a nationality.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param at
 *   Index of the name.
 * @param persons
 *   Keys of the people's full names (`personNames`).
 * @param lowerWords
 *   The document's words in lower case.
 * @returns
 *   Type of the owner, if the word is followed by a title.
 */
function titleOwner(tokens: SentenceView['tokens'], at: number, persons: ReadonlySet<string>, lowerWords: WordSet): 'ORG' | 'PER' | undefined {
  const next = tokens[at + 1]?.text ?? ''
  const word = tokens[at].text
  if (!/^\p{L}+$/u.test(next) || !(titleHeads.has(next.toLowerCase()) || spokesNouns.has(next.toLowerCase())) || isFirstName(word) || isPlaceName(word) || isNationalityText(word)) return undefined
  const key = nameKey(word)
  for (const person of persons) {
    // (Not a headline's words taken for a name: “Is Ripple”.)
    const given = person.split(' ')[0]
    if (person.endsWith(' ' + key) && !headlineSmallWords.has(given) && !lowerWords.has(given)) return 'PER'
  }

  // A firm's titles (“Ripple CEO”, “Acme President Ann Lee”), not a
  // politician's aides (“Clinton spokesman …” names Clinton alone).
  return firmTitles.has(next.toLowerCase()) ? 'ORG' : undefined
}

/** Titles a firm gives, after its name. */
const firmTitles: ReadonlySet<string> = new Set(['ceo', 'cfo', 'cto', 'coo', 'president', 'chairman', 'chairwoman', 'founder', 'co-founder', 'cofounder', 'executive'])

/**
 * Whether a word ends names of organisations, businesses or of a kind
 * (“Center”, “Inn”, “Region”).
 *
 * @param word
 *   Word.
 * @returns
 *   Whether it does.
 */
function isNameHead(word: string): boolean {
  const lower = word.toLowerCase()
  return institutionHeads.has(lower) || businessHeads.has(lower) || isHead(word)
}

/**
 * A mention as the person the document names elsewhere: a name of a person
 * (`personNames`) the tagger typed otherwise is a person; a longer name
 * that ends in one after a title is the person and the words before it
 * their role (“Digital Media Champion Tessa Marlowe”).
 *
 * @param sentence
 *   Sentence.
 * @param each
 *   Mention of several words.
 * @param persons
 *   Keys of persons' names.
 * @returns
 *   Mention (a new one when changed).
 */
function asPerson(sentence: SentenceView, each: SentenceMention, persons: ReadonlySet<string>): SentenceMention {
  const tokens = sentence.tokens
  if (persons.has(nameKey(each.prose))) return each.type === 'PER' ? each : {...each, type: 'PER'}
  for (let first = Math.max(each.first + 1, each.last - maxNameWords); first < each.last - 1; first++) {
    if (!/^\p{Lu}/u.test(tokens[first].text)) continue
    // The words before it hold a title (“Champion”), not more of the name (“Aung San …”).
    if (!tokens.slice(each.first, first).some((token) => titleHeads.has(token.text.toLowerCase()))) continue
    const prose = proseOf(sentence, tokens[first].start, each.end)
    if (!persons.has(nameKey(prose))) continue
    const role = proseOf(sentence, each.start, tokens[first - 1].end).replace(/\s+/g, ' ').replace(/[“"‘'\s]+$/u, '')
    return {...each, first, start: tokens[first].start, type: 'PER', prose, ...(role && /\p{L}/u.test(role) ? {role} : {})}
  }

  return each
}

/**
 * Whether a capitalised word is a common word the document writes in lower
 * case elsewhere (“Documentary”), and no first name.
 *
 * @param word
 *   Word.
 * @param lowerWords
 *   The document's words in lower case.
 * @returns
 *   Whether it is.
 */
function isCommonWord(word: string, lowerWords: WordSet): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(word) && !isFirstName(word) && lowerWords.has(word.toLowerCase())
}

/**
 * Whether a word is written as a brand is, capitals inside it
 * (“AlignmentSharp”, “QuByte”, “iPhone”): no headline's common word.
 *
 * @param word
 *   Word.
 * @returns
 *   Whether it is.
 */
function isBrandShaped(word: string): boolean {
  return /^\p{L}+\p{Ll}\p{Lu}\p{L}*$/u.test(word)
}

/**
 * Whether a sentence is a heading that the page's scraper left as a
 * paragraph of its own (“Crypto Market Analysis – What’s in the News?”,
 * “Next Week’s Crypto Market Forecast”): the whole paragraph, short, with
 * no full stop, and two common words or more capitalised (a line of names
 * or a photo credit has none).
 *
 * @param sentence
 *   A title-case sentence.
 * @param lowerWords
 *   The document's words in lower case.
 * @returns
 *   Whether it is.
 */
function isHeadingLine(sentence: SentenceView, lowerWords: WordSet): boolean {
  const tokens = sentence.tokens
  if (sentence.block.kind !== 'paragraph' || tokens.length > 16 || tokens.at(-1)?.text === '.') return false
  if (sentence.text.trim() !== sentence.block.text.trim()) return false
  let common = 0
  for (const token of tokens) if (isCommonWord(token.text, lowerWords)) common++
  return common >= 2
}

/**
 * Whether a sentence is written in title case, as a headline is: most of
 * its words capitalised, small words too (“How Did … Die”).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @returns
 *   Whether it is.
 */
export function isHeadline(tokens: SentenceView['tokens']): boolean {
  let known = headlines.get(tokens)
  if (known === undefined) {
    known = titleCase(tokens)
    headlines.set(tokens, known)
  }

  return known
}

/** `isHeadline` of each sentence's tokens, asked once per sentence (not once per name in it). */
const headlines = new WeakMap<SentenceView['tokens'], boolean>()

/**
 * See `isHeadline`.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @returns
 *   Whether it is.
 */
function titleCase(tokens: SentenceView['tokens']): boolean {
  let words = 0
  let capitals = 0
  for (const token of tokens) {
    if (!/^\p{L}/u.test(token.text)) continue
    words++
    if (/^\p{Lu}/u.test(token.text)) capitals++
  }

  return words >= 3 && capitals >= words * 0.75
}

/** A mention of a sentence, with offsets in its block's text. */
interface SentenceMention {
  /** Start and end in the block text. */
  start: number
  end: number
  type: EntityType
  /** Token range within the sentence. */
  first: number
  last: number
  role?: string
  confidence: number
  /** Whether the words around it tell its type (`RawMention.cued`). */
  cued?: boolean
  /** Words of a place joined before it (`RawMention.place`). */
  place?: number
  /** The words as read (`RawMention.prose`). */
  prose: string
}

// The mentions of each tagging of a sentence: a function of its tokens and
// tags, so an analysis after an edit keeps those of the sentences whose
// tags it kept (`DocumentTagging` gives the same object for them).
const kept = new ObjectCache<Tagged, {tokens: SentenceView['tokens']; mentions: ReadonlyArray<SentenceMention>}>()

/**
 * The mentions in one sentence.
 *
 * @param sentence
 *   Sentence.
 * @param tagged
 *   Its tags and margins.
 * @returns
 *   Mentions.
 */
function sentenceMentions(sentence: SentenceView, tagged: Tagged): ReadonlyArray<SentenceMention> {
  const known = kept.get(tagged)
  if (known?.tokens === sentence.tokens) return known.mentions
  const tokens = sentence.tokens
  const mentions: SentenceMention[] = []
  // Places found by how news writes them: states by a party or a town,
  // numbered streets and highways.
  const states = statesOf(tokens)
  const roads = [...roadsOf(tokens)]
  roads.push(...coordinatedPlacesOf(tokens, roads))
  roads.sort((a, b) => a.first - b.first)
  const spans = joinSurnames(tokens, joinInstitutions(tokens, splitOwners(tokens, spansOf(tagged.tags))))
  const credits = creditsOf(tokens, spans)
  const written = [...states, ...roads, ...credits]
  const allWorks = worksOf(tokens)
  // Where the last mention ends: a span it took in (a head, a surname, a
  // road's number the tagger tagged apart) is no mention of its own.
  let taken = 0
  for (const span of spans) {
    if (span.first < taken) continue
    // A state written as a party's or a dateline's (“R-Ga.”, “Peoria, Ill.”) is
    // that state alone, whatever the tagger took with it (“Ill. -- The”); a
    // numbered street or highway is the whole of its name (“26th | Street
    // West”).
    if (written.some((place) => place.first < span.last && span.first < place.last)) continue
    const confidence = Math.min(...tagged.margins.slice(span.first, span.last))
    let {first, last} = span
    const {label} = span
    // A capitalised head the tagger left out ("Kaliningrad Region").
    while (last < tokens.length && /^\p{Lu}/u.test(tokens[last].text) && isHead(tokens[last].text)) {
      last++
    }

    // (Not in a headline, whose capitals run on past the field.)
    const fielded = isHeadline(tokens) ? last : withField(tokens, last, spans)
    const field = fielded > last
    last = fielded
    // A firm's legal form right after its name, which the tagger often
    // tags apart (“… Technologies | AB”, “Marta Olsen Consulting | LLC”).
    // (Not one the tagger took into a longer next name, “S.A. Santander”,
    // nor “AG” after a state: “California AG Rob Bonta”, “Reno NV”.)
    const form = tokens[last]?.text ?? ''
    const legal =
      /^\p{Lu}/u.test(tokens[last - 1].text) &&
      !spans.some((other) => other.first <= last && last < other.last && other.first > span.first && other.last > last + 1) &&
      (legalSuffix.test(form) || (sharedLegalSuffix.test(form) && !namesPlace(tokens, first, last)))
    if (legal) last++
    // Where such a name ends (its type holds while it still ends there).
    const institutionEnd = field || legal ? last : -1

    // A name the tagger ended at a title and a first name, the surname left
    // out (“DoorDash CEO Tony | Xu”): the person's name runs on over it.
    if (last - first >= 3 && tagged.tags[last] === 'O' && isTitledFirstName(tokens, last)) last++
    // Words in lower case the tagger ran a name on over (“Thomas noted the
    // change”, “Keanu Reeves of 1983”): a name ends in a capital's word (a
    // particle aside: “van”, “de”).
    // (Not a quote's opening of small words only, “Half of our …”: the
    // filter drops it whole.)
    let content = false
    for (let at = first + 1; at < last && !content; at++) content = trailingWord(tokens, at) && !smallWords.has(tokens[at].text)
    if (content) while (last - first > 1 && trailingWord(tokens, last - 1)) last--
    // A particle's surname whose first name the tagger left out (“Wout |
    // van Aert”), and a middle initial's surname (“Samuel L. | Jackson”).
    if (label === 'PER' && particles.has(tokens[first].text) && first > 0 && /^\p{Lu}\p{Ll}+$/u.test(tokens[first - 1].text) && tagged.tags[first - 1] === 'O' && !openers.has(tokens[first - 1].text.toLowerCase())) first--
    if (label === 'PER' && last - first >= 2 && /^\p{Lu}\.$/u.test(tokens[last - 1].text) && /^\p{Lu}\p{Ll}+$/u.test(tokens[last]?.text ?? '')) last++
    // The end of a title's field the tagger ran into the name after it
    // (“Minister of Water and | Energy Ola Nord”): the
    // person's name alone.
    const fieldEnd = titleFieldEnd(tokens, first, last)
    if (fieldEnd > first) first = fieldEnd
    // An institution's head tagged alone (“Financial Conduct | Authority”,
    // “… Pituitary Treatment | Center” as a person): the capitalised words
    // the tagger left before it are its name, an organisation's.
    let headAlone = false
    if (label === 'PER' && last - first === 1 && isInstitutionHead(tokens[first].text) && !titleHeads.has(tokens[first].text.toLowerCase())) {
      headAlone = true
      while (first > 0 && first - 1 >= taken && tagged.tags[first - 1] === 'O' && /^\p{Lu}\p{Ll}/u.test(tokens[first - 1].text) && !openerWords.has(tokens[first - 1].text) && !weekdayOrMonth.test(tokens[first - 1].text)) first--
    }
    // A party's member after the place they represent (“an Illinois |
    // Republican”, “a Texas | Democrat”): the place alone; the member is
    // a group's word, no name.
    let partyPlace = false
    if (last - first > 1 && partyMembers.test(tokens[last - 1].text) && namesPlace(tokens, first, last - 1)) {
      last--
      partyPlace = true
    }

    // Who runs or backs it, hyphened before a name, is no part of it
    // (“the Democratic-run | Senate”, “a Saudi-backed | league”).
    // (What it qualified may have typed the name: a body or an
    // institution left is an organisation.)
    let cutBacker = false
    if (last - first > 1 && /^\p{Lu}[\p{L}.]*[-\u2010\u2011](?:run|led|controlled|held|dominated|backed|owned|funded|sponsored|allied|aligned)$/u.test(tokens[first].text)) {
      first++
      cutBacker = true
    }
    // A preposition that opens the sentence is no part of a name (“Through
    // Trump, …”).
    if (first === 0 && last - first > 1 && openingPrepositions.has(tokens[0].text)) first++
    // A weekday after a name is the sentence's date (“Theresa May |
    // Tuesday announced”, “in Gaza | Tuesday”), no part of the name (a
    // holiday's stays: “Ash Wednesday”, “Black Friday”).
    while (last - first > 1 && weekdayName.test(tokens[last - 1].text) && !holidayFirsts.has(tokens[last - 2].text)) last--
    // A generation after a name is part of it (“Vince McMahon Sr.”).
    if (generations.has(tokens[last]?.text ?? '') && /^\p{Lu}\p{Ll}/u.test(tokens[last - 1].text)) last++
    // And a surname the tagger left out before it (“Martin Luther | King
    // Jr.”, the surname read as a title).
    else if (label === 'PER' && /^\p{Lu}\p{Ll}+$/u.test(tokens[last]?.text ?? '') && generations.has(tokens[last + 1]?.text ?? '')) last += 2
    // A place's kind before its name (“the District of | Columbia”, “the
    // Province of | Quebec”): the whole name.
    if (first >= 2 && tokens[first - 1].text === 'of' && placeKinds.has(tokens[first - 2].text) && namesPlace(tokens, first, last)) first -= 2
    // A road's number (“Interstate | 5”, “Route | 66”) is part of its name.
    const road = roadWords.has(tokens[last - 1].text) && /^\d{1,4}[A-Z]?$/u.test(tokens[last]?.text ?? '')
    if (road) last++
    // A street the tagger took for a person's name (“Maple Drive”), or
    // whose type it left out after an address's number (“1842 W.
    // Washington | Blvd.”): a place, its type in its name.
    const numbered = /^\d{1,5}$/u.test(tokens[first - 1]?.text ?? '') && label !== 'ORG'
    if ((numbered || label === 'PER') && !road && streetTypes.has(tokens[last]?.text ?? '') && !tokens[last].newline && (numbered || !/^\p{Lu}/u.test(tokens[last + 1]?.text ?? ''))) last++
    // (A street's name typed as a work's only after a preposition of
    // place, “on Olympic Boulevard”; “in Sunset Boulevard” is the film.)
    const along = label === 'MISC' && streetPrepositions.has(tokens[first - 1]?.text ?? '')
    // (A person's “Street” is a surname: “Stephen Street”.)
    const street = !road && (numbered || (label === 'PER' && !/^St(?:reet|\.)$/.test(tokens[last - 1].text)) || along) && last - first >= 2 && namedStreetTypes.has(tokens[last - 1].text)
    // A name that makes a law's or a disease's (“Moore's Law”,
    // “Alzheimer’s disease”): the thing, the law's name whole.
    const eponym = /^[’']s$/u.test(tokens[last]?.text ?? '') && eponymHeads.has(tokens[last + 1]?.text.toLowerCase() ?? '')
    if (eponym && /^\p{Lu}/u.test(tokens[last + 1].text)) last += 2
    // Two names the tagger ran together over a comma (“the BBC, Ecuador
    // has …”): the first (“Acme, Inc.” and “Ann Lee, Jr.” stay whole).
    for (let at = first + 1; at < last - 1; at++) {
      if (tokens[at].text !== ',' || afterComma.has(tokens[at + 1].text)) continue
      last = at
      break
    }

    // A nickname in quotation marks between a first name and a surname
    // (Dwayne “The Rock” Johnson, Earvin "Magic" Johnson): the name runs on
    // to the surname.
    if (label === 'PER' && /^[”"]$/.test(tokens[last]?.text ?? '') && /^\p{Lu}\p{Ll}/u.test(tokens[last + 1]?.text ?? '')) {
      const open = tokens.slice(first + 1, last).findIndex((token) => /^[“"]$/.test(token.text))
      if (open >= 0 && /^\p{Lu}\p{Ll}/u.test(tokens[first].text)) last += 2
    }

    const bounds = nameBounds(tokens, first, last)
    if (!bounds) continue
    ;[first, last] = bounds
    // Two places joined by a hyphen (“the California-Mexico border”,
    // “U.S.-China talks”): two places.
    const pair = placePair(tokens, first, last)
    if (pair) {
      for (const [start, end, at] of pair) mentions.push({start, end, type: 'LOC', first: at, last: at + 1, confidence, cued: true, prose: proseOf(sentence, start, end)})
      taken = last
      continue
    }

    first = quotedStart(tokens, first, last)
    // A name inside a title in quotation marks (“What Ever Happened to
    // Willow Lane?”, “Breaking News in Tulsa County”): the title whole.
    // (And a name in a work's title after its kind, whole: “the singles
    // “Red Sky” and …”.)
    const titled = allWorks.find((work) => work.first <= first && last <= work.last)
    const title = quotedTitle(tokens, first, last) ?? (titled ? ([titled.first, titled.last] as [number, number]) : undefined)
    if (title) [first, last] = title

    if (first === 0 && last === 1 && connectives.has(tokens[0].text.toLowerCase())) {
      continue
    }

    let type: EntityType = road || partyPlace || street ? 'LOC' : eponym ? 'MISC' : fieldEnd > 0 ? 'PER' : headAlone ? 'ORG' : label
    if (cutBacker && (legislatures.has(tokens[last - 1].text) || institutionHeads.has(tokens[last - 1].text.toLowerCase()))) type = 'ORG'
    let cued = road || street || eponym || title !== undefined
    // “Alvarez family” taken whole: the surname is the name.
    if (last - first === 2 && personNouns.has(tokens[last - 1].text) && /^\p{Lu}/u.test(tokens[first].text)) last--
    // A name that qualifies a government or a family is a person's (“the
    // Marlowe administration”, “the Okafor family”), not a place's.
    if (last - first === 1 && personNouns.has(tokens[last]?.text ?? '') && !isPlaceName(tokens[first].text) && !isNationalityText(tokens[first].text)) {
      type = 'PER'
      cued = true
    }
    // A person of an organisation, named after its possessive (“ABC13's
    // Mayra Moreno”, “Apple's Tim Cook”): a known first name and a surname.
    if (type !== 'PER' && /^[’']s$/u.test(tokens[first - 1]?.text ?? '') && (last - first === 2 || last - first === 3) && isFirstName(tokens[first].text)) {
      const name = tokens.slice(first, last)
      if (name.every((token) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(token.text) && !isHead(token.text))) type = 'PER'
    }

    // An institution is never a person ("Justice Department", "… Trauma
    // Center"): no title to cut from it.
    // Nor is a name that ends with a title ("Acme Robotics President").
    if (type === 'PER' && last - first > 1) {
      const end = tokens[last - 1].text
      if (institutionHeads.has(end.toLowerCase()) || businessHeads.has(end.toLowerCase()) || (titleHeads.has(end.toLowerCase()) && !isFirstName(end))) type = 'ORG'
    }

    // A name after a person's honorific (“Dr. Mara Quist”, “Mrs. Alvarez”):
    // a person's, whatever the tagger or the words around it say; not a
    // firm's, a place's or a title's (“Dr. Pepper Snapple Group”, “Mr.
    // Cooper Group”, “Ocean Dr. San Diego”, “Mrs. Doubtfire” in quotation
    // marks).
    const at = isHonorific(tokens, first - 1) ? first - 1 : tokens[first - 1]?.text === '.' && isHonorific(tokens, first - 2) ? first - 2 : last - first > 1 && isHonorific(tokens, first) ? first : -1
    const honorific = at >= 0 && title === undefined && !isNameHead(tokens[last - 1].text) && !namesPlace(tokens, at === first ? first + 1 : first, last) && !notHonorificHere(tokens, at)
    if (honorific) {
      type = 'PER'
      cued = true
    }

    // A person named after an organisation and a title ("Homeland Security
    // Secretary Alejandro Mayorkas", "Speaker of the House Kevin McCarthy"):
    // the person alone.
    const start = personInside(tokens, first, last)
    if (start !== undefined) {
      first = start
      type = 'PER'
    }

    if (type === 'PER') {
      // A title inside a person's name ("Minister Cezary Tomczyk").
      first = afterTitle(tokens, first, last)
      // A first name the tagger left between a title and the surname (“CEO
      // Olusegun Adebayo”): the person's, not the role's.
      if (last - first === 1 && first >= 2 && isLeftFirstName(tokens, first)) first--
    }
    // A title after an organisation's name ("Acme Robotics President").
    else last = beforeTitle(tokens, first, last)

    const words = tokens.slice(first, last).map((token) => token.text)
    const cue = cueType(words)
    // Types the words around tell; those that tell them surely are given
    // to the name's other mentions (`cued`): a seat of power is a place or
    // an organisation by its sentence, and a year before a name does not
    // always make it a product (“a 2021 … Department memo”).
    const seat = seatOfPower(tokens, first, words)
    const work = seat ? undefined : workOrPlan(tokens, first, last)
    const product = seat ?? work ?? listingOf(tokens, first, last) ?? productOf(tokens, first, last, type)
    const weak = {weak: false}
    // A news outlet by its name (“Vanity Fair”, “Axios”, “The Hollywood
    // Reporter”): an organisation, whatever the words around it (“confirmed
    // to Bloomberg”, “an interview with Vanity Fair”).
    const outlet = isNewsOutlet(words) ? 'ORG' : undefined
    const context = (title ? 'MISC' : undefined) ?? outlet ?? product ?? evidenceOf(tokens, first, last, words) ?? kindOf(tokens, first, last, weak) ?? creditAgency(tokens, first, last, words)
    const named = cue && (cue === 'MISC' || confidence < cueMargin) ? cue : type
    const placed = context ? undefined : placeAsPlace(tokens, first, last, words, named, weak)
    if (work !== undefined || (context !== undefined && product === undefined && !weak.weak) || (placed !== undefined && placed !== named && !weak.weak)) cued = true
    // A noun only a town has tells it where the tagger agrees too (“Springfield police”).
    if (placed === 'LOC' && (tokens[first - 1]?.text.toLowerCase() === 'downtown' || townNouns.has(tokens[last]?.text ?? ''))) cued = true
    // An institution's head and the field after it (“… Council of
    // Governments”, “… Federation of Fishermen’s Associations”), or a name
    // and its legal form, make an organisation, whatever the tagger or the
    // words before the name tell (“Lake Country …”, “Gulf Coast …”).
    const institution = last === institutionEnd && start === undefined
    if (institution) cued = true
    // A name whose head is a body's (“European Commission”, “… River
    // Forecast Center”), an organisation's whatever the tagger or a place
    // in it said; not a title's work (“… Commission President” is cut
    // before), nor a venue (“Barclays Center”, “Convention Center”).
    const bodied = !institution && context !== 'MISC' && last - first > 1 && namedBody(tokens[last - 1].text, tokens[last - 2].text)
    const mention: SentenceMention = {
      start: tokens[first].start,
      end: tokens[last - 1].end,
      type: honorific ? 'PER' : institution || bodied ? 'ORG' : context ?? placed!,
      first,
      last,
      confidence,
      prose: proseOf(sentence, tokens[first].start, tokens[last - 1].end)
    }
    if (cued) mention.cued = true
    if (span.place && first === span.first && mention.type === 'ORG') mention.place = span.place
    if (type === 'PER') {
      const role = roleBefore(sentence, first)
      if (role) {
        mention.role = role
        // A title before a name (“Starbucks CEO …”) tells a person: the
        // name's other mentions follow it, whatever the tagger typed them.
        if (mention.type === 'PER') mention.cued = true
      }
    }

    mentions.push(mention)
    taken = last
  }

  for (const state of states) {
    mentions.push({...state, type: 'LOC', confidence: 0, prose: proseOf(sentence, state.start, state.end)})
  }

  for (const road of roads) {
    mentions.push({...road, type: 'LOC', confidence: 0, cued: true, prose: proseOf(sentence, road.start, road.end)})
  }

  for (const credit of credits) {
    mentions.push({...credit, confidence: 0, cued: true, prose: proseOf(sentence, credit.start, credit.end)})
  }

  // A work's title in quotation marks that the tagger took no name in
  // (“her singles “Harbor Lights” and “Red Sky””).
  const works = allWorks.filter((work) => !spans.some((span) => span.first < work.last && work.first < span.last))
  for (const work of works) {
    mentions.push({...work, type: 'MISC', confidence: 0, cued: true, prose: proseOf(sentence, work.start, work.end)})
  }

  if (written.length > 0 || works.length > 0) mentions.sort((a, b) => a.start - b.start)
  kept.set(tagged, {tokens, mentions})
  return mentions
}

/**
 * The words of a name once the marks the tagger took in are left out:
 * quotation marks (“Northern Wall” plan), a dash, a comma or “#” at either
 * end (“Konami –”, “Cheap Eats #”: a list's or a title's marks), a full
 * stop at the end (“the BBC.”); none for
 * the tail of a name the tagger cut at “&” (“Stats & Information”).
 *
 * @param tokens
 *   Tokens (their texts).
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @returns
 *   The name's first and after-last token, or nothing when no name is left.
 */
export function nameBounds(tokens: ReadonlyArray<{text: string}>, first: number, last: number): [number, number] | undefined {
  if (tokens[first].text === '&') return undefined
  while (last - first > 1 && quoteMarks.test(tokens[last - 1].text)) last--
  while (last - first > 1 && quoteMarks.test(tokens[first].text)) first++
  while (last - first > 1 && looseMarks.test(tokens[last - 1].text)) last--
  while (last - first > 1 && looseMarks.test(tokens[first].text)) first++
  // The sentence's full stop (“the BBC.”): abbreviations keep their dots
  // in their token.
  while (last - first > 1 && tokens[last - 1].text === '.') last--
  return [first, last]
}

/**
 * The prose of a sentence between two offsets of its block's text: cut from
 * the sentence's text, which the block-text caches keep as a string of its
 * own, rather than from the block's, which is a slice of the whole document
 * and would keep that version of it alive with the mentions kept.
 *
 * @param sentence
 *   Sentence.
 * @param start
 *   Start offset in the block text.
 * @param end
 *   End offset in the block text.
 * @returns
 *   Text.
 */
function proseOf(sentence: SentenceView, start: number, end: number): string {
  return sentence.text.slice(start - sentence.start, end - sentence.start)
}

/** Nouns after a surname that make it a person's (“the … administration”). */
const personNouns: ReadonlySet<string> = new Set(lexicon.personNouns)

/** Kinds of place written before “of” and a place's name (“District of Columbia”). */
const placeKinds: ReadonlySet<string> = new Set(['District', 'Province', 'State', 'Republic', 'Kingdom', 'Commonwealth', 'Territory'])

/** Groups whose possessive opens an institution's name (“Children’s Hospital”, “Veterans’ Memorial Stadium”). */
const groupOwners: ReadonlySet<string> = new Set(['Children', 'Women', 'Men', 'Veterans', 'People', 'Workers', 'Teachers', 'Farmers', 'Nurses', 'Firefighters', 'Mothers', 'Families', 'Shriners', 'Citizens', 'Taxpayers'])

/** Heads of a place one eats, drinks, shops or is treated at (“Charlie’s Irish Pub”). */
const venueHeads: ReadonlySet<string> = new Set([
  'pub', 'bar', 'grill', 'restaurant', 'cafe', 'café', 'diner', 'kitchen', 'bakery', 'tavern', 'inn', 'deli', 'pizzeria',
  'steakhouse', 'saloon', 'shop', 'store', 'market', 'hospital', 'clinic'
])

/**
 * Whether tokens name a place of the gazetteer (“New York”, “District of
 * Columbia”).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   First token.
 * @param last
 *   End (exclusive).
 * @returns
 *   Whether they do.
 */
function namesPlace(tokens: SentenceView['tokens'], first: number, last: number): boolean {
  return isPlaceName(tokens.slice(first, last).map((token) => token.text).join(' '))
}

/** A firm's legal form written after its name (“Inc.”, “LLC”, Sweden's “AB”, Germany's “GmbH”). */
export const legalSuffix = /^(?:Inc\.?|Corp\.?|Co\.|Ltd\.?|LLC|LLP|PLC|plc|GmbH|N\.V\.|S\.A\.|SpA|S\.p\.A\.|Oyj|Pty)$/u
/** Legal forms that are also other words (an attorney general, Alberta, Nevada): only after a name that is no place. */
export const sharedLegalSuffix = /^(?:AB|AG|NV|ASA)$/u

/** Words that make the name before them a firm's (“… Technologies”, “… Holdings”). */
const firmHeads: ReadonlySet<string> = new Set([
  ...['Technologies', 'Systems', 'Holdings', 'Group', 'Pharmaceuticals', 'Therapeutics', 'Biosciences', 'Industries', 'Enterprises'],
  ...['Partners', 'Capital', 'Ventures', 'Labs', 'Solutions', 'Networks', 'Motors', 'Airlines', 'Brands', 'Consulting', 'Associates']
])

/** Heads that close a firm's name (“… Corp. and …” are two firms). */
const legalForms: ReadonlySet<string> = new Set(['inc.', 'corp.', 'ltd.', 'llc', 'co.', 'plc', 'company', 'corporation'])

/** Conjunctions that join two halves of one institution's name. */
const ands: ReadonlySet<string> = new Set(['and', '&'])

/** Whether a capitalised word is an institution's head (“Center”, “Foundation”). */
function isInstitutionHead(word: string): boolean {
  const lower = word.toLowerCase()
  return /^\p{Lu}/u.test(word) && (institutionHeads.has(lower) || (lower.endsWith('s') && institutionHeads.has(lower.slice(0, -1))))
}

/**
 * The tagger's spans with the halves of an institution's name joined: a
 * name and the place or field after its head (“… Foundation of America”),
 * and two names joined by “and” or “&” where the second ends in an
 * institution's head that the first does not share (“Lakeside Hospital and
 * Trauma Center”, “Asthma and Allergy Foundation”). Two institutions with
 * the same head (“Alder University and Birch University”) and names
 * before a head-less one (“Hyundai and Kia”) stay apart. Two one-word
 * names joined by “&” are a firm's (“Johnson & Johnson”, “Ernst & Young”),
 * and so is a name and the “&” and words after it the tagger tagged apart
 * (“ESPN Stats | & Information”).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param spans
 *   The tagger's spans, in order.
 * @returns
 *   Spans, joined ones as organisations.
 */
function joinInstitutions(tokens: SentenceView['tokens'], spans: ReadonlyArray<TokenSpan>): ReadonlyArray<TokenSpan> {
  if (spans.length === 0) return spans
  const joined: TokenSpan[] = []
  for (const span of spans) {
    const previous = joined.at(-1)
    const end = tokens[span.last - 1].text
    const venue = venueHeads.has(end.toLowerCase())
    const head = isInstitutionHead(end) || venue
    // A name, its possessive and a venue's head (“Charlie’s | Irish Pub”),
    // or two names and a possessive before a venue's or an institution's
    // head (“Brigham | and Women’s | Hospital”): one organisation. (Not an
    // organisation's possessive before an institution: “NASA’s | Johnson
    // Space Center” is the centre.)
    const possessive = (at: number) => /^[’']s$/u.test(tokens[at]?.text ?? '')
    // (A group's possessive opens an institution's name headed anywhere: “Hospital of Philadelphia”.)
    const headed = head || (previous !== undefined && groupOwners.has(tokens[previous.first].text) && tokens.slice(span.first, span.last).some((token) => isInstitutionHead(token.text)))
    if (previous && headed && previous.last - previous.first <= 2 && /^\p{Lu}/u.test(tokens[previous.first].text)) {
      // (Nor a group's possessive before an institution: “Children’s |
      // Hospital of Philadelphia”, “Veterans’ | Memorial Stadium”.)
      const group = previous.last - previous.first === 1 && groupOwners.has(tokens[previous.first].text)
      const owner = (venue || group) && span.first === previous.last + 1 && (possessive(previous.last) || (group && /^[’']$/u.test(tokens[previous.last].text)))
      const couple =
        ands.has(tokens[previous.last].text) &&
        ((span.first === previous.last + 3 && /^\p{Lu}\p{Ll}+$/u.test(tokens[previous.last + 1].text) && possessive(previous.last + 2)) ||
          (span.first === previous.last + 1 && span.last - span.first >= 3 && possessive(span.first + 1)))
      if (owner || couple) {
        joined[joined.length - 1] = {first: previous.first, last: span.last, label: 'ORG'}
        // A name and “and” before an owner's possessive (“Harlow | and |
        // Children’s Hospital”): one name.
        const before = joined.at(-2)
        if (owner && before && before.last === previous.first - 1 && ands.has(tokens[before.last].text) && before.last - before.first <= 2 && /^\p{Lu}/u.test(tokens[before.first].text)) {
          joined.pop()
          joined[joined.length - 1] = {first: before.first, last: span.last, label: 'ORG'}
        }

        continue
      }
    }

    // A name and the “&” and words after it the tagger tagged apart
    // (“ESPN Stats | & Information”): one firm.
    if (previous && span.first === previous.last && tokens[span.first].text === '&' && /^\p{Lu}/u.test(tokens[previous.first].text)) {
      joined[joined.length - 1] = {first: previous.first, last: span.last, label: 'ORG'}
      continue
    }

    // A place the tagger tagged apart right before an institution's name
    // (“California | Avocado Commission”): the place is the name's first
    // word. (Not before an acronym, “Chicago | NAPM”, nor over a line
    // break.)
    // (Nor after a preposition, “In Brussels | European Commission
    // officials”, nor a dateline's place in capitals.)
    if (
      previous?.label === 'LOC' &&
      span.label === 'ORG' &&
      span.first === previous.last &&
      previous.last - previous.first <= 3 &&
      isInstitutionHead(end) &&
      /^\p{Lu}\p{Ll}/u.test(tokens[span.first].text) &&
      /^\p{Lu}\p{Ll}/u.test(tokens[previous.first].text) &&
      !openingPrepositions.has(tokens[previous.first - 1]?.text ?? '') &&
      !/^(?:in|from|across|at|outside|inside|near|around)$/iu.test(tokens[previous.first - 1]?.text ?? '') &&
      !tokens[span.first].newline
    ) {
      joined[joined.length - 1] = {first: previous.first, last: span.last, label: 'ORG', place: previous.last - previous.first}
      continue
    }

    // Two words and “&” in one name (“Ernst & Young”): a firm's, not a
    // person's (“Tommy & Mickie”, two first names, is two people's).
    if (span.last - span.first === 3 && tokens[span.first + 1].text === '&' && span.label === 'PER' && !(isFirstName(tokens[span.first].text) && isFirstName(tokens[span.first + 2].text))) {
      joined.push({...span, label: 'ORG'})
      continue
    }

    // A name the tagger ended before the word that makes it a firm's
    // (“Zyros Protein | Technologies AB”): one firm.
    if (previous && span.first === previous.last && firmHeads.has(tokens[span.first].text) && /^\p{Lu}/u.test(tokens[previous.first].text)) {
      joined[joined.length - 1] = {first: previous.first, last: span.last, label: 'ORG'}
      continue
    }

    if (previous && span.first === previous.last + 1) {
      const between = tokens[previous.last].text
      const previousEnd = tokens[previous.last - 1].text
      const ofPlace = (between === 'of' || between === 'for' || between === 'on') && isInstitutionHead(previousEnd)
      // A first name alone, “and”, and a couple's foundation (“Gordon and
      // Betty Moore Foundation”).
      const couple = ands.has(between) && previous.last - previous.first === 1 && isFirstName(tokens[previous.first].text) && isInstitutionHead(end) && isFirstName(tokens[span.first].text)
      // More of the field after the head's “of”, “for” or “on” (“Centers
      // for Disease Control | and | Prevention”, “National Center on Birth
      // Defects | and | Developmental Disabilities”): no name of its own.
      const moreField =
        ands.has(between) &&
        fieldAfterHead(tokens, previous) &&
        span.label !== 'PER' &&
        !isInstitutionHead(end) &&
        !namesPlace(tokens, span.first, span.last) &&
        !isFirstName(tokens[span.first].text)
      const andHead =
        ands.has(between) &&
        isInstitutionHead(headOf(tokens, span)) &&
        !legalForms.has(headOf(tokens, span).toLowerCase()) &&
        !legalForms.has(previousEnd.toLowerCase()) &&
        headOf(tokens, span).toLowerCase() !== headOf(tokens, previous).toLowerCase() &&
        !namesPlace(tokens, span.first, span.last) &&
        !isFirstName(tokens[span.first].text)
      // Two one-word names joined by “&” (“Johnson & Johnson”, “Ernst &
      // Young”): a firm's name, not two people (“Tommy & Mickie”, two first
      // names, stay two).
      const ampersand =
        between === '&' &&
        previous.last - previous.first === 1 &&
        span.last - span.first === 1 &&
        /^\p{Lu}/u.test(tokens[previous.first].text) &&
        /^\p{Lu}/u.test(tokens[span.first].text) &&
        !(isFirstName(tokens[previous.first].text) && isFirstName(tokens[span.first].text))
      if (ofPlace || moreField || couple || ampersand || (andHead && end !== previousEnd)) {
        joined[joined.length - 1] = {first: previous.first, last: span.last, label: 'ORG'}
        continue
      }
    }

    joined.push(span)
  }

  return joined
}

/**
 * The tagger's spans with a first name and the surname right after it
 * joined when it tagged them apart (“Jamie | LaRocca” in a list of
 * guests) or left the surname out (“Jamie | McAvoy”): one person. The
 * surname is one capitalised word that is no first name, place, outlet or
 * institution's head (“Maria | Reuters”, “Ann | Texas” stay apart), or one
 * with a capital after its prefix.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param spans
 *   Spans, in order.
 * @returns
 *   Spans, joined.
 */
function joinSurnames(tokens: SentenceView['tokens'], spans: ReadonlyArray<TokenSpan>): ReadonlyArray<TokenSpan> {
  const joined: TokenSpan[] = []
  for (const span of spans) {
    const previous = joined.at(-1)
    const surname = tokens[span.first].text
    if (
      previous?.label === 'PER' &&
      previous.last === span.first &&
      previous.last - previous.first === 1 &&
      span.last - span.first === 1 &&
      (span.label !== 'LOC' || prefixedSurname.test(surname)) &&
      isFirstName(tokens[previous.first].text) &&
      /^\p{Lu}\p{L}*\p{Ll}\p{L}*$/u.test(surname) &&
      !isFirstName(surname) &&
      !isPlaceName(surname) &&
      !isInstitutionHead(surname) &&
      !isNewsOutlet([surname])
    ) {
      joined[joined.length - 1] = {first: previous.first, last: span.last, label: 'PER'}
      continue
    }

    joined.push(span)
  }

  // A first name and a surname with a capital inside that the tagger left
  // out (“Jamie | McAvoy”, “Jamie | DeVane”): the surname is the name's.
  for (const [at, span] of joined.entries()) {
    const next = tokens[span.last]?.text ?? ''
    if (span.label !== 'PER' || span.last - span.first !== 1 || !isFirstName(tokens[span.first].text) || !prefixedSurname.test(next)) continue
    if (joined[at + 1]?.first === span.last) continue
    joined[at] = {...span, last: span.last + 1}
  }

  return joinParticles(tokens, joined)
}

/**
 * A person named after an organisation's possessive that the tagger ran
 * into one name with it (“Twenty One Pilots’ | Tyler Joseph”, “Sotheby’s |
 * Amy Lane”): two names, the person's a known first name and a surname
 * or two, none of them an institution's or a venue's head (“Children’s
 * Hospital”, “Macy’s Thanksgiving Day Parade” stay whole).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param spans
 *   The tagger's spans, in order.
 * @returns
 *   Spans, the owner and the person apart.
 */
function splitOwners(tokens: SentenceView['tokens'], spans: ReadonlyArray<TokenSpan>): ReadonlyArray<TokenSpan> {
  const split: TokenSpan[] = []
  for (const span of spans) {
    let at = span.first + 1
    while (at < span.last - 2 && !/^[’']s?$/u.test(tokens[at].text)) at++
    const size = span.last - at - 1
    const person = tokens.slice(at + 1, span.last)
    if (
      at < span.last - 2 &&
      (size === 2 || size === 3) &&
      /^\p{Lu}/u.test(tokens[at - 1].text) &&
      isFirstName(tokens[at + 1].text) &&
      !placeWords.has(tokens[at + 1].text.toLowerCase()) &&
      person.every((token) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(token.text) && !isHead(token.text) && !venueHeads.has(token.text.toLowerCase()) && !token.newline)
    ) {
      // The owner: a person's when the tagger read a person and it opens
      // with a first name (“Marcus’ | Maria Lopez”), else an organisation's.
      const owner = span.label === 'PER' && !isFirstName(tokens[span.first].text) ? 'ORG' : span.label
      split.push({first: span.first, last: at, label: owner}, {first: at + 1, last: span.last, label: 'PER'})
      continue
    }

    split.push(span)
  }

  return split
}

// First names that are also words of places' and clubs' names (“Queen’s
// Park Rangers”, “St. Mary’s Rose Garden”).
const placeWords: ReadonlySet<string> = new Set(['park', 'hill', 'lane', 'grove', 'field', 'rose', 'bay', 'glen', 'dale', 'brook', 'wood', 'forest', 'cliff', 'king', 'star', 'river', 'lake', 'summer', 'ocean', 'court', 'chase', 'hall'])

/**
 * A person's name the tagger cut at its particles: the name runs on over
 * them and the capitalised surname after (“Leonardo | da | Vinci”, “Prince
 * Mohammed | bin | Salman”, a chain: “Tamim | bin Hamad | al Thani”),
 * a capitalised particle opening a name takes the rest of it (“Von | der |
 * Leyen” at a sentence's start), and a capitalised particle's surname takes
 * the known first name the tagger left before it (“Elena | De Marco”).
 *
 * Kept apart: a place after the particles (“Antonello da | Messina”, a
 * city), a name already run on past its first name (“Texas Congressman |
 * Al Green”), a name inside a chain whose first name the tagger missed,
 * anything over a line break, and a headline, whose capitals run names
 * together.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param spans
 *   Spans, in order.
 * @returns
 *   Spans, the person's pieces joined.
 */
function joinParticles(tokens: SentenceView['tokens'], spans: ReadonlyArray<TokenSpan>): ReadonlyArray<TokenSpan> {
  if (spans.length === 0 || isHeadline(tokens)) return spans
  const surname = (at: number) => /^\p{Lu}\p{Ll}+(?:[-’']\p{Lu}?\p{Ll}+)*$/u.test(tokens[at]?.text ?? '') && !weekdayOrMonth.test(tokens[at].text)
  // Whether a line break comes inside tokens `from` to `to` (exclusive).
  const broken = (from: number, to: number) => tokens.slice(from + 1, to).some((token) => token.newline)
  const joined: TokenSpan[] = []
  for (let index = 0; index < spans.length; index++) {
    let span = spans[index]
    // The surname after particles from `at` (“da”, “von der”, “de la”):
    // where the name then ends, and how many spans it took in.
    const surnameAfter = (at: number): {last: number; taken: number} | undefined => {
      let end = at
      while (end - at < 3 && joinedParticles.has(tokens[end]?.text ?? '')) end++
      if (end === at || !surname(end)) return undefined
      const next = spans[index + 1]
      if (next?.first === end) {
        // A place, or a name the tagger typed otherwise that a place's
        // word ends (“da | Messina”, “von | Hannover”), is no surname.
        if (next.label !== 'PER' && (next.last - next.first > 1 || isPlaceName(tokens[end].text))) return undefined
        return {last: next.last, taken: 1}
      }
      if (isPlaceName(tokens[end].text)) return undefined
      return {last: end + 1, taken: 0}
    }

    // A capitalised particle opening the name (“Von der Leyen”, “De la
    // Cruz”), as a span of its own.
    if (capitalParticles.has(tokens[span.first].text) && span.last - span.first === 1) {
      const after = surnameAfter(span.first + 1)
      const next = spans[index + 1]
      if (after && (span.label === 'PER' || (after.taken === 1 && next.label === 'PER')) && !broken(span.first, after.last)) {
        span = {first: span.first, last: after.last, label: 'PER'}
        index += after.taken
      }
    } else if (span.label === 'PER' && span.last - span.first <= 3 && !joinedParticles.has(tokens[span.first - 1]?.text ?? '')) {
      // Surnames after a name's last word and its particles, one after
      // another (“bin Hamad al Thani”).
      for (let after = surnameAfter(span.last); after && !broken(span.first, after.last); after = surnameAfter(span.last)) {
        span = {first: span.first, last: after.last, label: 'PER'}
        index += after.taken
      }
    }

    // A first name the tagger left before a person's particles (“Osama |
    // bin | Laden”, “Ayman | al | Zawahiri”): not a place's, a month's, a
    // title's or a word that opens a sentence.
    if (span.label === 'PER' && joinedParticles.has(tokens[span.first - 1]?.text ?? '')) {
      let before = span.first - 1
      while (before > span.first - 3 && joinedParticles.has(tokens[before - 1]?.text ?? '')) before--
      before--
      const word = tokens[before]?.text ?? ''
      const previous = joined.at(-1)
      if (
        before >= 0 &&
        (previous === undefined || previous.last <= before) &&
        /^\p{Lu}\p{Ll}+$/u.test(word) &&
        !openerWords.has(word) &&
        !titleHeads.has(word.toLowerCase()) &&
        !weekdayOrMonth.test(word) &&
        !isPlaceName(word) &&
        !broken(before, span.last)
      ) {
        span = {...span, first: before}
      }
    }

    // A known first name left before a capitalised particle's surname
    // (“Elena | De Marco”), as a span of its own or none.
    if (span.label === 'PER' && capitalParticles.has(tokens[span.first].text) && span.last - span.first >= 2 && span.first >= 1) {
      const previous = joined.at(-1)
      const before = span.first - 1
      const alone = previous?.last === span.first && previous.first === before && previous.label === 'PER'
      // (Not a month's or a weekday's name: “In May Van Dijk signed”.)
      if ((alone || previous?.last !== span.first) && isFirstName(tokens[before].text) && /^\p{Lu}\p{Ll}+$/u.test(tokens[before].text) && !weekdayOrMonth.test(tokens[before].text) && !tokens[span.first].newline) {
        if (alone) joined.pop()
        span = {...span, first: before}
      }
    }

    joined.push(span)
  }

  return joined
}

/** Particles a surname may open with when they are written in lower case (read by clustering too). */
export const joinedParticles: ReadonlySet<string> = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'del', 'della', 'dos', 'das'])

/** Particles written with a capital that may open a surname (“De Marco”, “Von der Leyen”). */
const capitalParticles: ReadonlySet<string> = new Set(['Van', 'Von', 'De', 'Da', 'Di', 'Du', 'Del', 'Della', 'La', 'Le', 'Bin', 'Ibn', 'Al'])

// A surname with a capital after its prefix (“McAvoy”, “DeVane”, “LaRocca”,
// “O'Hara”, “VanDyke”).
const prefixedSurname = /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O['’])\p{Lu}\p{Ll}+$/u

/**
 * Where an institution's name ends with the capitalised field after its
 * head's “of” that the tagger left untagged (“… Council | of Governments”,
 * “… Federation | of Fishermen’s Associations”): over the field's words,
 * their possessives and an “and” between two of them.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param last
 *   End of the name (exclusive token index).
 * @param spans
 *   The tagger's spans in the sentence (a tagged name after “of” is no
 *   field).
 * @returns
 *   End of the name, later when a field follows its head.
 */
export function withField(tokens: SentenceView['tokens'], last: number, spans: ReadonlyArray<TokenSpan>): number {
  if (!isInstitutionHead(tokens[last - 1].text) || tokens[last]?.text !== 'of') return last
  const capital = (at: number) => /^\p{Lu}\p{Ll}/u.test(tokens[at]?.text ?? '') && !spans.some((other) => other.first <= at && at < other.last)
  let end = last + 1
  if (!capital(end)) return last
  while (capital(end)) {
    end++
    // A possessive (“Fishermen’s”, “Shrimpers’”) or an “and” inside the
    // field, with more of it after.
    const apostrophe = tokens[end]?.text ?? ''
    if ((/^[’']s$/u.test(apostrophe) || (/^[’']$/u.test(apostrophe) && tokens[end - 1]!.text.endsWith('s'))) && capital(end + 1)) end++
    else if (ands.has(tokens[end]?.text ?? '') && capital(end + 1)) end++
  }

  return end
}

/**
 * Whether a span is an institution's head and the field after it (“National
 * Center on Birth Defects”, “Centers for Disease Control”), with no “and”
 * in the field yet.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param span
 *   Span.
 * @returns
 *   Whether it is.
 */
function fieldAfterHead(tokens: SentenceView['tokens'], span: TokenSpan): boolean {
  for (let index = span.first + 1; index < span.last - 1; index++) {
    if (!/^(?:of|for|on)$/.test(tokens[index].text) || !isInstitutionHead(tokens[index - 1].text)) continue
    // A field already joined with “and” takes no more.
    return !tokens.slice(index + 1, span.last).some((token) => ands.has(token.text))
  }

  return false
}

/**
 * The head of a name: its last word, or the word before its “of” (“Allergy
 * Foundation of America”).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param span
 *   Span.
 * @returns
 *   Head word.
 */
function headOf(tokens: SentenceView['tokens'], span: TokenSpan): string {
  for (let index = span.first + 1; index < span.last - 1; index++) {
    if (tokens[index].text === 'of' || tokens[index].text === 'for') return tokens[index - 1].text
  }

  return tokens[span.last - 1].text
}

/** US states as news abbreviates them (AP style: “Calif.”, “N.Y.”). */
const stateAbbreviations: ReadonlySet<string> = new Set(lexicon.stateAbbreviations)

/**
 * A name found by how news writes it (a state by its party label, a
 * street, a credit, a title, places in a list), with its token range and
 * block offsets.
 */
interface WrittenSpan {
  start: number
  end: number
  first: number
  last: number
}

/**
 * US states written as news writes them next to a party or a town: the
 * state of a party label (“R-Ga.”, “D-Texas”, “(I-VT)”) and the
 * abbreviated state after a town and a comma (“Peoria, Ill.”).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @returns
 *   States, in order.
 */
function statesOf(tokens: SentenceView['tokens']): WrittenSpan[] {
  const states: WrittenSpan[] = []
  for (const [index, token] of tokens.entries()) {
    const text = token.text
    const party = /^[RDI]-(\p{Lu}[\p{L}.]*)$/u.exec(text)
    if (party) {
      let state = party[1]
      let last = index + 1
      // “R-Ga” and its period are two tokens.
      if (!state.endsWith('.') && tokens[index + 1]?.text === '.' && tokens[index + 1].start === token.end && stateAbbreviations.has(state + '.')) {
        state += '.'
        last++
      }

      if (stateAbbreviations.has(state) || /^\p{Lu}{2}$/u.test(state) || (/^\p{Lu}\p{Ll}+$/u.test(state) && isPlaceName(state))) {
        states.push({start: token.start + 2, end: tokens[last - 1].end, first: index, last})
      }

      continue
    }

    if (stateAbbreviations.has(text) && index > 1 && tokens[index - 1].text === ',' && /^\p{Lu}/u.test(tokens[index - 2].text)) {
      states.push({start: token.start, end: token.end, first: index, last: index + 1})
    }
  }

  return states
}

// Street types after an ordinal (“26th Street”, “5th Ave.”); not “Dr.”, a
// doctor's title, nor “Court”, a court's.
// (Not “Place”, “Lane”, “Drive” or “Way”, which an ordinal makes a placing,
// a lane of a pool or a play: “3rd Place”.)
const streetTypes: ReadonlySet<string> = new Set(['Street', 'St.', 'Avenue', 'Ave.', 'Road', 'Rd.', 'Boulevard', 'Blvd.', 'Parkway', 'Pkwy.', 'Terrace'])
// Types of a named street (“Maple Drive”, “Olympic Blvd.”): those after an
// ordinal and “Drive” (not “Dr.”, a doctor's); not “Lane”, “Court” or
// “Way”, also surnames (“Amy Lane”, “Margaret Court”).
const namedStreetTypes: ReadonlySet<string> = new Set([...streetTypes, 'Drive'])
// Prepositions before a street's name (“on Olympic Boulevard”).
const streetPrepositions: ReadonlySet<string> = new Set(['on', 'along', 'off', 'near', 'down', 'up', 'onto', 'across', 'at'])
// Where a street lies (“West 26th Street”, “13th Avenue South”, “5th Ave. NW”).
const directions: ReadonlySet<string> = new Set(['North', 'South', 'East', 'West', 'Northeast', 'Northwest', 'Southeast', 'Southwest', 'NE', 'NW', 'SE', 'SW'])

// Words of a credit that name no photographer (“Photo”, “Courtesy”).
const creditLabels: ReadonlySet<string> = new Set(['Photo', 'Photos', 'Photograph', 'Image', 'Images', 'Courtesy', 'Credit', 'Getty', 'Staff', 'File', 'Pool', 'Illustration'])

/**
 * The photographer and the outlet of a photo credit as news pages print
 * them after a caption: a person's name, a slash and the outlet, in
 * brackets or ending the sentence (“(Ann Lee/AP)”, “(Ann Lee / Daily
 * Courier)”, “Ann Lee / The Courier”, “(J. Ann Lee/AP Photo)”, “(Ann
 * Lee/For The Courier)”): the person whole, whatever the tagger read (a
 * first name that is a weekday, “Sunday”; an initial), and the outlet
 * without “The”, “For” or “Photo”.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @returns
 *   The person (PER) and the outlet (ORG) of each credit, in order.
 */
function creditsOf(tokens: SentenceView['tokens'], spans: ReadonlyArray<TokenSpan>): Array<WrittenSpan & {type: EntityType}> {
  const credits: Array<WrittenSpan & {type: EntityType}> = []
  const capital = (at: number) => /^\p{Lu}/u.test(tokens[at]?.text ?? '') && !creditLabels.has(tokens[at].text)
  for (let slash = 2; slash < tokens.length - 1; slash++) {
    if (tokens[slash].text !== '/') continue
    let first = slash
    while (first > 0 && slash - first < 4 && capital(first - 1)) first--
    let from = slash + 1
    if (tokens[from]?.text === 'For') from++
    if (tokens[from]?.text === 'The') from++
    let last = from
    while (last < tokens.length && last - from < 5 && (capital(last) || tokens[last].text === '&')) last++
    let end = last
    if (/^Photos?$/.test(tokens[end]?.text ?? '')) end++
    // (A byline's “By”: “By Ann Lee / The Courier”.)
    if (tokens[first].text === 'By') first++
    const bracketed = (tokens[first - 1]?.text === '(' || tokens[first - 1]?.text === 'By') && tokens[end]?.text === ')'
    const closes = end === tokens.length || (end === tokens.length - 1 && /^[.]$/.test(tokens[end].text))
    if (slash - first < 2 || last === from || !(bracketed || closes)) continue
    // A person the tagger saw in it, or an agency's or outlet's credit.
    const tagged = spans.some((span) => span.label === 'PER' && span.first < slash && first < span.last) || isPhotoAgency(tokens.slice(from, last).map((token) => token.text))
    if (!isCreditedPerson(tokens, first, slash, tagged) || namesPlace(tokens, from, last) || tokens.slice(from, last).some((token) => titleHeads.has(token.text.toLowerCase()))) continue
    credits.push({start: tokens[first].start, end: tokens[slash - 1].end, first, last: slash, type: 'PER'})
    credits.push({start: tokens[from].start, end: tokens[last - 1].end, first: from, last, type: 'ORG'})
    slash = end
  }

  return credits
}

/**
 * Whether the words before a credit's slash are a photographer's name: a
 * first name, a weekday that is one (“Sunday Alamba”) or an initial, then
 * names, none a title, an institution's head or a place (“(National
 * Archives/AP)”, “(Chicago Tribune/TNS)”, “West Bank/Gaza Strip”, “Vice
 * President/General Manager” are no credit of a person).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token (the slash).
 * @param tagged
 *   Whether the tagger took them for a person.
 * @returns
 *   Whether they are.
 */
function isCreditedPerson(tokens: SentenceView['tokens'], first: number, last: number, tagged: boolean): boolean {
  const words = tokens.slice(first, last).map((token) => token.text)
  if (!words.every((word) => /^\p{Lu}(?:\p{Ll}+(?:[-’']\p{Lu}\p{Ll}+)?|\.)$/u.test(word))) return false
  if (directions.has(words[0]) || (isPlaceName(words[0]) && !isFirstName(words[0])) || namesPlace(tokens, first, last)) return false
  if (!(tagged || isFirstName(words[0]) || /^\p{Lu}\.$/u.test(words[0]) || weekdayOrMonth.test(words[0]))) return false
  return !words.some((word) => titleHeads.has(word.toLowerCase()) || isInstitutionHead(word) || creditBodies.has(word))
}

// Words of a body that credits a photo (“National Archives”, “Library of
// Congress”, “Emergency Service”), no photographer's name.
const creditBodies: ReadonlySet<string> = new Set([
  'National', 'Archives', 'Library', 'Press', 'News', 'Media', 'Handout', 'Collection', 'Studio', 'Studios', 'Emergency', 'Service',
  'Police', 'Army', 'Navy', 'Guard', 'Government', 'State', 'Federal', 'Public', 'Royal', 'United', 'Tribune', 'Times', 'Post', 'Herald'
])
// Photo agencies beside the news outlets (“(Ann Lee/EPA)”, “/Getty Images”).
const photoAgencies: ReadonlySet<string> = new Set(['EPA', 'UPI', 'TNS', 'Getty', 'Getty Images', 'Shutterstock', 'Alamy', 'Zuma Press', 'Sipa', 'Pool', 'NurPhoto', 'Anadolu', 'Anadolu Agency', 'Redux', 'Polaris'])

/**
 * Whether an outlet's words are a news outlet's or a photo agency's.
 *
 * @param words
 *   Words after a credit's slash.
 * @returns
 *   Whether they are.
 */
function isPhotoAgency(words: ReadonlyArray<string>): boolean {
  return isNewsOutlet(words) || photoAgencies.has(words.join(' '))
}

// What an “I-” number also names: a form (“Form I-9”, “an I-130
// petition”) and a ballot measure (“approved I-976”).
const forms = /^(?:Form|form|Forms|forms|Initiative|initiative|approved|passed|rejected)$/u
const formNouns = /^(?:form|forms|petition|petitions|application|applications|visa|visas|filing|filings|measure|Blackbird)$/u

// Places named after a street (“2nd Street Bridge”, “14th Street Station”).
const facilities: ReadonlySet<string> = new Set(['Bridge', 'Tunnel', 'Station', 'Park', 'Plaza', 'Pier', 'Market', 'Mall', 'Garage', 'Terminal', 'Crossing', 'Viaduct', 'Overpass', 'Interchange', 'Corridor'])
const weekdays = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday'
const weekdayName = new RegExp(`^(?:${weekdays})$`)
const weekdayOrMonth = new RegExp(`^(?:${weekdays}|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\\.?$`)

/**
 * Numbered streets and highways as news writes them, which the tagger
 * seldom takes whole: an ordinal and a street type, with where it lies
 * before or after (“26th Street West”, “West 42nd Street”, “5th Ave.”), an
 * interstate or a route by its letters (“I-94”, “US-2”, “SR-99”), and a
 * road's word and number that open a name (“Interstate 29”, “Route 66”;
 * “Pacific Coast Highway 1” is the tagger's, its number joined on).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @returns
 *   Roads, in order.
 */
function roadsOf(tokens: SentenceView['tokens']): WrittenSpan[] {
  const roads: WrittenSpan[] = []
  for (let index = 0; index < tokens.length; index++) {
    const text = tokens[index].text
    let first = -1
    let last = -1
    if (/^\d{1,3}(?:st|nd|rd|th)$/.test(text) && streetTypes.has(tokens[index + 1]?.text ?? '')) {
      first = directions.has(tokens[index - 1]?.text ?? '') ? index - 1 : index
      last = index + 2
      if (directions.has(tokens[last]?.text ?? '')) last++
      // A place named after the street is that place (“2nd Street
      // Bridge”); another name after it is the tagger's to read.
      const next = tokens[last]?.text ?? ''
      if (facilities.has(next)) last++
      else if (/^\p{Lu}\p{Ll}/u.test(next) && !weekdayOrMonth.test(next)) continue
    } else if (/^(?:I|US|SR)-\d{1,3}[A-Z]?$/.test(text) && !forms.test(tokens[index - 1]?.text ?? '') && !formNouns.test(tokens[index + 1]?.text ?? '')) {
      first = index
      last = index + 1
    } else if (roadWords.has(text) && text.length > 2 && /^\d{1,4}[A-Z]?$/.test(tokens[index + 1]?.text ?? '') && !/^\p{Lu}/u.test(tokens[index - 1]?.text ?? '')) {
      first = index
      last = index + 2
    }

    if (first < 0) continue
    // A road's name that opens a longer name (“the Route 91 Harvest
    // festival”, “Highway 61 Revisited”, “the SR-71 Blackbird”) is the
    // tagger's to read; not a direction after a road (“I-29 North”).
    const after = tokens[last]?.text ?? ''
    if (!/\d(?:st|nd|rd|th)$/.test(tokens[first].text) && !/^\d/.test(tokens[first].text) && /^\p{Lu}\p{Ll}/u.test(after) && !directions.has(after) && !weekdayOrMonth.test(after) && !facilities.has(after)) continue
    roads.push({start: tokens[first].start, end: tokens[last - 1].end, first, last})
    index = last - 1
  }

  return roads
}

// Plural heads that make the names before them places (“the Rogue and
// Umpqua rivers”, “Main and Elm streets”).
const placePlurals: ReadonlySet<string> = new Set(['rivers', 'streets', 'avenues', 'roads', 'boulevards', 'lakes', 'mountains', 'islands', 'creeks', 'bays', 'canyons', 'valleys', 'counties'])
// Words before a name and a street that make both places (“at Olive and
// 5th Street”); “from”, “to” or “of” before names and a street are as
// often people's and a street that stands for a trade or a government
// (“from Pelosi and Wall Street”), so they need two names or more and a
// numbered street (“the thoroughfares of Alder, Birch, Cedar and 3rd
// Street”).
const streetOpeners: ReadonlySet<string> = new Set(['between', 'at', 'along', 'near', 'off', 'across'])
const streetListOpeners: ReadonlySet<string> = new Set([...streetOpeners, 'of', 'on', 'from', 'to', 'down', 'up'])
// Capitalised words that open a list of places without being part of the
// first (“Both Dallas and Tarrant counties”, “Neighboring Fairfax and …”).
const listAdjectives: ReadonlySet<string> = new Set(['Both', 'Neighboring', 'Neighbouring', 'Nearby', 'Surrounding', 'Adjacent', 'Rural', 'Suburban', 'Coastal', 'Several', 'Many', 'Some', 'All', 'Other', 'Either', 'Neither', 'Each', 'Most', 'Northern', 'Southern', 'Eastern', 'Central'])

/**
 * Names joined by “and” or “or” that a place's plural head or a street
 * ends, each a place of its own: the names before a plural head (“the
 * Rogue and Umpqua rivers”, “Main and Elm streets”), and the names listed
 * after a preposition before a street (“of Alder, Birch, Cedar and
 * 3rd Street”). One to three capitalised words each; a list the head does
 * not end is the tagger's to read.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param roads
 *   Streets and highways found already (`roadsOf`).
 * @returns
 *   The names, in order (not the streets already found).
 */
function coordinatedPlacesOf(tokens: SentenceView['tokens'], roads: ReadonlyArray<WrittenSpan>): WrittenSpan[] {
  const places: WrittenSpan[] = []
  for (let index = 2; index < tokens.length; index++) {
    let names: Array<[number, number]> = []
    if (placePlurals.has(tokens[index].text)) {
      // Two names or more before a plural head.
      names = namesBefore(tokens, index, true)
      if (names.length < 2) names = []
    } else {
      // A street (“3rd Street”, “Elm Street”) closing a list after a
      // preposition: the names before its “and”.
      const text = tokens[index].text
      const road = roads.find((each) => each.first === index)
      const after = road ? road.last : streetTypes.has(tokens[index + 1]?.text ?? '') ? index + 2 : -1
      const street = road !== undefined || (/^\p{Lu}\p{Ll}+$/u.test(text) && after > 0 && !/^\p{Lu}/u.test(tokens[after]?.text ?? ''))
      if (!street || (tokens[index - 1].text !== 'and' && tokens[index - 1].text !== 'or')) continue
      names = namesBefore(tokens, tokens[index - 2].text === ',' ? index - 2 : index - 1, false)
      // (Not a name and a street that qualifies a noun: “Johnson and Elm
      // Street residents”.)
      if (names.length === 1 && /^\p{Ll}/u.test(tokens[after]?.text ?? '')) continue
      const opener = tokens[names[0]?.[0] - 1]?.text ?? ''
      // (A named street after “from”, “on” or “of” may stand for a trade or
      // a government, whatever the list: “from Bloomberg, Soros and Wall
      // Street”; a numbered one does not.)
      if (names.length > 0 && !(names.length > 1 && road ? streetListOpeners : streetOpeners).has(opener)) names = []
    }

    for (const [first, last] of names) places.push({start: tokens[first].start, end: tokens[last - 1].end, first, last})
  }

  return places
}

/**
 * The names of a list that ends right before `end`, back to front: one to
 * three capitalised words each, joined by commas and, when `and` is set,
 * one “and” or “or” (and its comma) before the last.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param end
 *   Index after the list.
 * @param and
 *   Whether the last name comes after “and” or “or”.
 * @returns
 *   The names' token ranges, in order (none when the list is not so).
 */
function namesBefore(tokens: SentenceView['tokens'], end: number, and: boolean): Array<[number, number]> {
  const names: Array<[number, number]> = []
  let joined = !and
  let at = end
  for (;;) {
    let first = at
    while (first > 0 && at - first < 3 && /^\p{Lu}\p{Ll}+$/u.test(tokens[first - 1].text) && !openerWords.has(tokens[first - 1].text)) first--
    // (“Both | Dallas and Tarrant counties”.)
    while (first < at && listAdjectives.has(tokens[first].text)) first++
    if (first === at) break
    names.unshift([first, at])
    if (listAdjectives.has(tokens[first - 1]?.text ?? '')) break
    const before = tokens[first - 1]?.text ?? ''
    if (!joined && (before === 'and' || before === 'or')) {
      joined = true
      at = tokens[first - 2]?.text === ',' ? first - 2 : first - 1
    } else if (joined && before === ',') {
      at = first - 1
    } else {
      break
    }
  }

  return joined ? names : []
}

/** Most tokens a role before a name may take. */
const maxRoleWords = 12

/**
 * The role written just before a name: the run of capitalised words and
 * title words that ends right before it and holds a title head
 * ("Russian Foreign Ministry spokeswoman").
 *
 * @param sentence
 *   Sentence of the name.
 * @param first
 *   Index of the name's first token.
 * @returns
 *   Role text (the prose, without markup), if any.
 */
function roleBefore(
  sentence: SentenceView,
  first: number
): string | undefined {
  const tokens = sentence.tokens
  let start = first
  let hasHead = false
  // A role has a few words ("Deputy Defense Minister"); a run of
  // capitals longer than that ("A. B. C. …") is no role, and looking
  // further back for every name would take time quadratic in the run.
  while (start > 0 && first - start < maxRoleWords) {
    const word = tokens[start - 1].text
    const lower = word.toLowerCase()
    const capital = /^\p{Lu}/u.test(word)
    if (titleHeads.has(lower)) hasHead = true
    else if (!capital && !titleModifiers.has(lower)) break
    // “Zipcart CEO Tony Xu and Fizzco Chief Executive …”: the role ends
    // at another person's title and name.
    if (lower === 'and' && endsTitledName(tokens, start - 1)) break
    // "Reacting to Finland’s withdrawal, Russian …": a comma ends the run.
    start--
  }

  // Trim leading function words and connectives ("the", "When").
  while (start < first) {
    const lower = tokens[start].text.toLowerCase()
    const functionWord = /^\p{Ll}/u.test(tokens[start].text) || connectives.has(lower)
    if (!functionWord || titleHeads.has(lower)) break
    start++
  }

  if (!hasHead || start === first) return undefined
  // The prose, not the source: no emphasis marks nor link syntax inside
  // (“Deputy **Defense** Minister”), one space for a line break.
  return proseOf(sentence, tokens[start].start, tokens[first - 1].end).replace(/\s+/g, ' ')
}

/**
 * Whether the words before a connective end with a title and a name (“CEO
 * Tony Xu and”): the end of another person's role and name.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param connective
 *   Index of the connective.
 * @returns
 *   Whether they do.
 */
function endsTitledName(tokens: SentenceView['tokens'], connective: number): boolean {
  let at = connective - 1
  while (at >= 0 && connective - at <= 3 && /^\p{Lu}\p{Ll}/u.test(tokens[at].text) && !isTitleWord(tokens[at].text)) at--
  return at < connective - 1 && at >= 0 && titleHeads.has(tokens[at].text.toLowerCase())
}

/**
 * Whether the word before a one-word name is a first name the tagger left
 * out, between a title and the name (“CEO Olusegun Adebayo”): a
 * capitalised word that is no title word, place or nationality, right
 * after a title head.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's token.
 * @returns
 *   Whether it is.
 */
function isLeftFirstName(tokens: SentenceView['tokens'], first: number): boolean {
  const word = tokens[first - 1].text
  return (
    /^\p{Lu}\p{Ll}+$/u.test(word) &&
    !isTitleWord(word) &&
    !connectives.has(word.toLowerCase()) &&
    !isPlaceName(word) &&
    !isNationalityText(word) &&
    titleHeads.has(tokens[first - 2].text.toLowerCase())
  )
}

/** Titles that the lists of first names hold but news never gives as one (“Mayor Ann Moss”). */
const titlesFirst: ReadonlySet<string> = new Set(['mayor', 'rabbi'])

/**
 * Where a person's name starts once a title written inside it is left out:
 * after the last title head of the run of title words it starts with
 * ("Deputy Defense Minister Cezary Tomczyk"). A run with no head ("De
 * Wilde") and a head that is also a first name ("Dean Jones") stay.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @returns
 *   Index of the first token of the name proper.
 */
function afterTitle(tokens: SentenceView['tokens'], first: number, last: number): number {
  let start = first
  for (let index = first; index < last - 1 && isTitleWord(tokens[index].text); index++) {
    const word = tokens[index].text
    if (titleHeads.has(word.toLowerCase()) && (!isFirstName(word) || titlesFirst.has(word.toLowerCase()))) {
      start = index + 1
    }
  }

  return start
}

/** A person's honorifics (“Dr.”, “Mrs.”), not titles of office. */
const honorifics: ReadonlySet<string> = new Set(['dr.', 'mr.', 'mrs.', 'ms.', 'mx.', 'prof.', 'dr', 'mr', 'mrs', 'ms'])

/**
 * Whether the honorific at `at` may be a street's abbreviation (“400
 * Ocean Dr. …”, “Harbor Dr. …”: a capitalised word or a number before it)
 * or open a title in quotation marks (“Mrs. Doubtfire”).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param at
 *   Index of the honorific.
 * @returns
 *   Whether it may.
 */
function notHonorificHere(tokens: SentenceView['tokens'], at: number): boolean {
  const before = tokens[at - 1]?.text ?? ''
  return /^\p{Lu}/u.test(before) || /^\d/u.test(before) || /^[“"‘']$/u.test(before)
}

/**
 * Whether a token is a person's honorific (“Dr.”, or “Dr” before a full
 * stop token).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param at
 *   Index of the token.
 * @returns
 *   Whether it is.
 */
function isHonorific(tokens: SentenceView['tokens'], at: number): boolean {
  const word = tokens[at]?.text
  if (word === undefined || !/^\p{Lu}/u.test(word)) return false
  if (word.endsWith('.')) return honorifics.has(word.toLowerCase())
  return honorifics.has(word.toLowerCase()) && tokens[at + 1]?.text === '.'
}

/**
 * Last words of an institution's name: no person's name ends so, whatever
 * the tagger says ("Justice Department", "… Hospital and Trauma Center").
 */
const institutionHeads: ReadonlySet<string> = new Set(lexicon.institutionHeads)
// First words of holidays named by a weekday (“Ash Wednesday”, “Black Friday”).
const holidayFirsts: ReadonlySet<string> = new Set(['Ash', 'Good', 'Holy', 'Maundy', 'Black', 'Cyber', 'Super', 'Easter', 'Palm', 'Giving', 'Bloody', 'Shrove', 'Small'])

// Capitalised words that open a sentence or a phrase, no name's (“But
// Council leaders”, “In January Commission staff”).
const openerWords: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'But', 'And', 'Or', 'Meanwhile', 'In', 'On', 'At', 'For', 'From', 'With', 'By', 'Several', 'Some', 'Many', 'Most', 'All',
  'Every', 'Each', 'When', 'While', 'After', 'Before', 'Since', 'If', 'As', 'Yet', 'So', 'Then', 'Also', 'However', 'Still', 'Now', 'Today',
  'Yesterday', 'Instead', 'Though', 'Although', 'Because', 'Why', 'What', 'How', 'Where', 'Who', 'This', 'That', 'These', 'Those', 'Its',
  'Their', 'His', 'Her', 'Our', 'My', 'Your', 'Other', 'Two', 'Three', 'No', 'Former', 'Top', 'Senior'
])

// Fields of a ministry or a department in a title (“Minister of Mineral
// Resources and Energy”, “Secretary of Health and Human Services”).
const titleFields: ReadonlySet<string> = new Set([
  'Energy', 'Health', 'Defense', 'Defence', 'Finance', 'Education', 'Justice', 'State', 'Transport', 'Transportation', 'Agriculture',
  'Commerce', 'Labor', 'Labour', 'Interior', 'Affairs', 'Security', 'Trade', 'Environment', 'Resources', 'Services', 'Development',
  'Culture', 'Tourism', 'Sport', 'Sports', 'Housing', 'Treasury', 'Intelligence', 'Communications', 'Infrastructure', 'Industry',
  'Economy', 'Welfare', 'Care', 'Fisheries', 'Forestry', 'Mines', 'Mining', 'Water', 'Works', 'Innovation', 'Technology', 'Science',
  'Employment', 'Planning', 'Immigration', 'Citizenship', 'Veterans', 'Aviation', 'Petroleum', 'Power', 'Telecommunications',
  'Information', 'Broadcasting', 'Youth', 'Women', 'Family', 'Children', 'Research', 'Policy'
])

/**
 * Where the name after a title's field starts, when the tagger ran the
 * field's last words into it: a span after “of”, “and” or “&” in a title
 * (“Minister of …”), whose first words are fields of a ministry and the
 * rest two or three capitalised words (“… and | Energy Gwede Mantashe”).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @returns
 *   Index of the person's first token, or -1.
 */
function titleFieldEnd(tokens: SentenceView['tokens'], first: number, last: number): number {
  if (!/^(?:of|and|&)$/.test(tokens[first - 1]?.text ?? '')) return -1
  let at = first
  while (at < last && titleFields.has(tokens[at].text)) at++
  if (at === first || last - at < 2 || last - at > 3) return -1
  if (!tokens.slice(at, last).every((token) => /^\p{Lu}\p{Ll}/u.test(token.text) && !titleFields.has(token.text))) return -1
  // A title before the field (“Minister of”, “Secretary of Health and”).
  for (let back = first - 1; back >= 0 && first - back <= 8; back--) {
    if (titleHeads.has(tokens[back].text.toLowerCase())) return at
  }

  return -1
}

// Heads that make a name a body's, whatever comes before them (not
// “Federation”, also a country's: “the Russian Federation”; not “Office”,
// also a room's: “the Oval Office”).
const bodyHeads: ReadonlySet<string> = new Set(['Commission', 'Council', 'Authority', 'Agency', 'Institute', 'Bureau', 'Committee', 'Administration', 'Department', 'Ministry', 'Foundation', 'Association', 'Society', 'Corporation'])
// What a centre does, before “Center” in a body's name (“Forecast Center”,
// “Research Center”), not a venue's (“Barclays Center”).
const centreFields: ReadonlySet<string> = new Set([
  'Research', 'Forecast', 'Forecasting', 'Prediction', 'Medical', 'Treatment', 'Mitigation', 'Health', 'Cancer', 'Data', 'Policy', 'Information',
  'Hurricane', 'Control', 'Flight', 'Space', 'Science', 'Sciences', 'Studies', 'Study', 'Resource', 'Legal', 'Trauma', 'Care', 'Crisis', 'Rights'
])

/**
 * Whether a name's last two words make it a body's (“European |
 * Commission”, “River Forecast | Center”).
 *
 * @param head
 *   Its last word.
 * @param before
 *   The word before it.
 * @returns
 *   Whether they do.
 */
function namedBody(head: string, before: string): boolean {
  return bodyHeads.has(head) || ((head === 'Center' || head === 'Centre') && centreFields.has(before))
}

/** News outlets by the names they publish under, without “The”. */
const newsOutlets: ReadonlySet<string> = new Set(lexicon.newsOutlets)

/**
 * Whether a name is a news outlet's (“Axios”, “The Hollywood Reporter”).
 *
 * @param words
 *   Words of the name.
 * @returns
 *   Whether it is.
 */
function isNewsOutlet(words: ReadonlyArray<string>): boolean {
  const name = (words[0] === 'The' ? words.slice(1) : words).join(' ')
  return newsOutlets.has(name)
}

/** A party's member, as news writes one after the place they represent. */
const partyMembers = /^(?:Republicans?|Democrats?|Independents?|Conservatives?|Liberals?|Tory|Tories)$/u

/** Legislatures, named by their chamber. */
const legislatures: ReadonlySet<string> = new Set(['House', 'Senate', 'Congress', 'Parliament', 'Assembly', 'Legislature'])

/**
 * Last words of a business's or a service's name (“… Inn”, “… Studio”,
 * “Border Patrol”): no person's name either, but two of them joined by “and”
 * are two (“Mill Pub and Harbor Inn”).
 */
const businessHeads: ReadonlySet<string> = new Set(lexicon.businessHeads)

/**
 * Where a person's name starts inside a longer name that is not a person's
 * (an organisation and a title before it: "Homeland Security Secretary
 * Alejandro Mayorkas"): at a known first name followed by a capitalised
 * word, after a title head in the name or in the three words before it
 * ("Speaker of the House Kevin McCarthy").
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @returns
 *   Index of the person's first name, if there is one.
 */
function personInside(tokens: SentenceView['tokens'], first: number, last: number): number | undefined {
  if (last - first < 3) return undefined
  let titled = false
  for (let index = Math.max(0, first - 3); index < first; index++) {
    if (titleHeads.has(tokens[index].text.toLowerCase())) titled = true
  }

  for (let index = first; index < last - 1; index++) {
    const word = tokens[index].text
    if (titleHeads.has(word.toLowerCase()) && !isFirstName(word)) {
      titled = true
      continue
    }

    if (index > first && titled && isFirstName(word) && /^\p{Lu}\p{Ll}/u.test(word) && /^\p{Lu}/u.test(tokens[index + 1].text)) {
      // A surname's capitalised particle after a known first name is no
      // first name: the person is named from that first name (“Dr. Elena De
      // Marco”, “chief Oscar De La Hoya”).
      if (capitalParticles.has(word) && isFirstName(tokens[index - 1].text) && !weekdayOrMonth.test(tokens[index - 1].text)) return index - 1
      return index
    }
  }

  // A title head inside it, then two or three words shaped as a name to its
  // end (“Starbucks CEO Laxman Narasimhan”): the name, its first name known
  // or not.
  for (let index = Math.max(first + 1, last - 3); index <= last - 2; index++) {
    const head = tokens[index - 1].text
    if (!titleHeads.has(head.toLowerCase()) || isFirstName(head)) continue
    const name = tokens.slice(index, last)
    const lower = (token: {text: string}) => token.text.toLowerCase()
    if (name.every((token) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(token.text) && !titleHeads.has(lower(token)) && !institutionHeads.has(lower(token)) && !businessHeads.has(lower(token)))) return index
  }

  return undefined
}

/**
 * Whether a name that ends at `last` ends with a title head and a known
 * first name, and a surname-shaped word follows it (“CEO Tony | Xu”).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param last
 *   Index after the name's last token.
 * @returns
 *   Whether it does.
 */
function isTitledFirstName(tokens: SentenceView['tokens'], last: number): boolean {
  const title = tokens[last - 2].text
  const given = tokens[last - 1].text
  const next = tokens[last]?.text ?? ''
  return (
    titleHeads.has(title.toLowerCase()) &&
    !isFirstName(title) &&
    isFirstName(given) &&
    /^\p{Lu}\p{Ll}+$/u.test(given) &&
    /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(next) &&
    !titleHeads.has(next.toLowerCase()) &&
    !institutionHeads.has(next.toLowerCase()) &&
    !isPlaceName(next)
  )
}

/** What a name makes an eponym of (“Moore's Law”, “Alzheimer’s disease”). */
const eponymHeads: ReadonlySet<string> = new Set(['law', 'laws', 'disease', 'syndrome', 'theorem', 'principle', 'paradox', 'rule', 'razor', 'constant', 'effect'])

/** Particles of a surname (“van Aert”, “de la Cruz”). */
const particles: ReadonlySet<string> = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'ter', 'ten', 'dos', 'das', 'del'])

/** Small words in lower case (“of our”, “the”). */
const smallWords: ReadonlySet<string> = new Set(['of', 'our', 'the', 'a', 'an', 'and', 'or', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'my', 'your', 'his', 'her', 'their', 'its', 'we', 'i', 'you', 'they', 'he', 'she', 'it'])

/** Words a sentence opens with that are no first name (“The”, “In”). */
const openers: ReadonlySet<string> = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'and', 'but', 'for', 'with', 'by', 'to', 'of', 'as', 'from', 'after', 'before', 'when', 'while', 'if'])

/**
 * Whether the word at `at` cannot end a name: a word in lower case that is
 * no particle, or a number after one (“of 1983”).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param at
 *   Index.
 * @returns
 *   Whether it cannot.
 */
function trailingWord(tokens: SentenceView['tokens'], at: number): boolean {
  const word = tokens[at].text
  if (/^\p{Ll}+(?:[’']\p{Ll}+)?$/u.test(word)) return !particles.has(word)
  return /^\d+$/u.test(word) && /^\p{Ll}+$/u.test(tokens[at - 1]?.text ?? '') && !particles.has(tokens[at - 1].text)
}

/** Prepositions a sentence opens with, capitalised there. */
const openingPrepositions: ReadonlySet<string> = new Set(['Through', 'With', 'Without', 'After', 'Before', 'Despite', 'During', 'From', 'Into', 'Under', 'Against', 'Among', 'Across', 'Like', 'Unlike', 'For', 'To', 'Toward', 'Towards', 'Since', 'Until', 'Behind', 'Beyond', 'Inside', 'Outside'])

/** A generation after a person's name. */
const generations: ReadonlySet<string> = new Set(['Jr.', 'Sr.', 'II', 'III', 'IV'])

/** Words of a road's name before its number. */
const roadWords: ReadonlySet<string> = new Set(['Interstate', 'Route', 'Highway', 'Freeway', 'Loop', 'I', 'US', 'SR'])

/** What may follow a comma inside one name (“Acme, Inc.”, “Ann Lee, Jr.”). */
const afterComma: ReadonlySet<string> = new Set(['Inc.', 'Inc', 'Ltd.', 'Ltd', 'LLC', 'L.L.C.', 'LLP', 'Corp.', 'Co.', 'PLC', 'plc', 'S.A.', 'AG', 'N.V.', 'Jr.', 'Jr', 'Sr.', 'Sr', 'II', 'III', 'IV'])

/** Buildings and streets that stand for a government (metonymy). */
const seats: ReadonlySet<string> = new Set(lexicon.seatsOfPower)

/** Prepositions of place: “at the White House” is the building. */
const placePrepositions: ReadonlySet<string> = new Set(['at', 'in', 'inside', 'outside', 'near', 'into', 'to', 'from', 'toward', 'towards', 'around', 'outside', 'on', 'across', 'past', 'within'])

/**
 * The type of a seat of power (“the Kremlin”, “the White House”, “Downing
 * Street”): an organisation where it acts (“the Kremlin said”, “a White
 * House official”, “according to the Kremlin”), a place after a
 * preposition of place (“protesters outside the White House”).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param words
 *   Words of the name.
 * @returns
 *   Type, for a seat of power.
 */
function seatOfPower(tokens: SentenceView['tokens'], first: number, words: ReadonlyArray<string>): EntityType | undefined {
  if (!seats.has(words.join(' ').replace(/[’']s$/u, '').toLowerCase())) return undefined
  let before = first - 1
  if (before >= 0 && tokens[before].text.toLowerCase() === 'the') before--
  // “According to the Kremlin” is who said it, not a place.
  if (before > 0 && tokens[before].text.toLowerCase() === 'to' && tokens[before - 1].text.toLowerCase() === 'according') return 'ORG'
  return before >= 0 && placePrepositions.has(tokens[before].text.toLowerCase()) ? 'LOC' : 'ORG'
}

/** Kinds of work written before a title (“his opera Fidelio”). */
const workKinds: ReadonlySet<string> = new Set(lexicon.workKinds)

/** Words after a work's title that are no verb of its author (“the documentary … about …”). */
const afterWork = /^(?:about|by|from|on|in|with|of|that|which|starring|and|or|is|was)$/u

/** Kinds of thing written after a name (“the … movement”, “a … plan”). */
const thingKinds: ReadonlySet<string> = new Set(lexicon.thingKinds)

/**
 * The type of a name that a kind of work or thing next to it makes a work,
 * plan or product (MISC): a kind before it (“the opera Fidelio”, “the
 * novel Great Expectations,”, “the documentary … about”) when no verb
 * follows it (“the novel Dickens wrote” is the author) and it is no
 * person's full name, or a kind after it (“the Civil Rights movement”,
 * “the “East Shield” plan”, “the Carnival minivan”) when no `to` follows
 * (“Ann and Bo plan to …” is a verb), or a title alone in single quotes
 * (“‘Northwind’ returns to TV”) that starts with no first name.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @returns
 *   `MISC`, when a kind says so.
 */
function workOrPlan(tokens: SentenceView['tokens'], first: number, last: number): EntityType | undefined {
  let before = first - 1
  if (before >= 0 && quoteMarks.test(tokens[before].text)) before--
  let after = last
  if (after < tokens.length && quoteMarks.test(tokens[after].text)) after++
  const next = tokens[after]?.text
  if (
    before >= 0 &&
    workKinds.has(tokens[before].text) &&
    !(last - first > 1 && isFirstName(tokens[first].text)) &&
    !(next && /^\p{Ll}/u.test(next) && !afterWork.test(next))
  ) {
    return 'MISC'
  }

  if (next && thingKinds.has(next) && tokens[after + 1]?.text.toLowerCase() !== 'to') return 'MISC'
  // A title in single quotes, whole (“‘Succession’ returns”), not a nickname.
  if (tokens[first - 1]?.text === '‘' && tokens[last]?.text === '’' && !isFirstName(tokens[first].text)) return 'MISC'
  // A title in double quotes, whole, as news writes films, shows and books
  // (“Cape Fear”, “Christmas Vacation,”): a work, not a person or a place.
  if (quotedWhole(tokens, first, last) && !isFirstName(tokens[first].text)) return 'MISC'
  return undefined
}

// Kinds of work whose title news writes in quotation marks after them
// (not “show”, “play” or “video”, also verbs: “records show “…””).
const quotedWorkKinds: ReadonlySet<string> = new Set(
  [...workKinds, 'single', 'track', 'episode', 'series', 'book', 'essay', 'exhibition', 'newsletter'].flatMap((kind) => [kind, `${kind}s`])
)
// Words between a work's kind and its title (“an episode called …”).
const namingWords: ReadonlySet<string> = new Set(['called', 'titled', 'entitled', 'named', 'dubbed'])

/**
 * Titles of works in double quotation marks right after the kind of work
 * (“the song “Falling.””, “a miniseries called “What Can I Do?””), and a
 * title joined to one by “and”, “or” or a comma (“singles “A” and “B””):
 * the words between the marks, in title case (a final “?” or “!” is the
 * title's; a comma or full stop before the closing mark is the
 * sentence's), up to 12 words.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @returns
 *   Their token ranges and offsets, in order.
 */
function worksOf(tokens: SentenceView['tokens']): WrittenSpan[] {
  const works: WrittenSpan[] = []
  let joined = -1
  for (let open = 0; open < tokens.length; open++) {
    if (tokens[open].text !== '“' && tokens[open].text !== '"') continue
    let kind = open - 1
    if (namingWords.has(tokens[kind]?.text ?? '')) kind--
    if (kind < open - 1 && /^(?:is|was|be|been)$/.test(tokens[kind]?.text ?? '')) kind--
    if (!(kind >= 0 && quotedWorkKinds.has(tokens[kind].text)) && joined !== open) continue
    const closing = tokens[open].text === '“' ? '”' : '"'
    let close = open + 1
    while (close < tokens.length && close - open <= 14 && tokens[close].text !== closing) close++
    if (tokens[close]?.text !== closing) continue
    let end = close
    if (/^[,.]$/.test(tokens[end - 1].text)) end--
    const words = tokens.slice(open + 1, end).map((token) => token.text)
    const capital = (word: string) => /^[\p{Lu}\p{N}]/u.test(word)
    const fits =
      words.length > 0 &&
      words.length <= 12 &&
      capital(words[0]) &&
      words.every((word, index) => capital(word) || titleSmallWords.has(word) || /^(?:[’']s|[’']|:|-|–|&)$/.test(word) || (/^[?!]$/.test(word) && index === words.length - 1))
    if (!fits) continue
    works.push({start: tokens[open + 1].start, end: tokens[end - 1].end, first: open + 1, last: end})
    // The next title of a list (“A” and “B”, “A,” “B”, “A”, “B”).
    let after = close + 1
    if (tokens[after]?.text === ',') after++
    if (/^(?:and|or)$/.test(tokens[after]?.text ?? '')) after++
    joined = (after > close + 1 || tokens[close - 1].text === ',') && /^[“"]$/.test(tokens[after]?.text ?? '') ? after : -1
    open = close
  }

  return works
}

/**
 * Whether a name is all the words between an opening double quotation mark
 * and its closing one (a comma, a full stop or a possessive may come
 * before it: “Cape Fear,”, “Cape Fear’s”).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @returns
 *   Whether it is.
 */
function quotedWhole(tokens: SentenceView['tokens'], first: number, last: number): boolean {
  const open = tokens[first - 1]?.text
  if (open !== '“' && open !== '"') return false
  let after = last
  // A possessive or a comma before the closing mark (“Cape Fear’s”, “Cape Fear,”).
  if (/^(?:[’']s|[,.])$/.test(tokens[after]?.text ?? '')) after++
  const close = tokens[after]?.text
  return close === '”' || (open === '"' && close === '"')
}

/**
 * Where a name in double quotation marks starts when the tagger left out
 * its first capitalised words (“Natural Born Killers”): at the mark.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @returns
 *   Index of its first token.
 */
function quotedStart(tokens: SentenceView['tokens'], first: number, last: number): number {
  let start = first
  while (start > 0 && first - start < 3 && /^\p{Lu}/u.test(tokens[start - 1].text)) start--
  return start < first && quotedWhole(tokens, start, last) ? start : first
}

// Small words a title in title case keeps in lower case (“Ode to Summer”).
const titleSmallWords: ReadonlySet<string> = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'for', 'and', 'or', 'but', 'nor', 'with', 'from', 'by', 'as', 'into', 'vs.'])

/**
 * The words between quotation marks, double or single, around a name when
 * they are a title in title case, longer than the name (“Born to Wander”,
 * “What Ever Happened to Willow Lane?”, ‘Animal Village: New Horizons’): every
 * word capitalised, a number or a small word, the first and last not
 * small, up to 12 words. Not a nickname inside a person's name (Dwayne
 * “The Rock” Johnson) nor a cry (“Go Lions!”).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @returns
 *   The title's token range, if the name is inside one.
 */
function quotedTitle(tokens: SentenceView['tokens'], first: number, last: number): [number, number] | undefined {
  let open = first - 1
  while (open >= 0 && first - open <= 12 && !/^[“"”‘’]$/.test(tokens[open].text)) open--
  const mark = tokens[open]?.text
  if (mark !== '“' && mark !== '"' && mark !== '‘') return undefined
  let close = last
  while (close < tokens.length && close - open <= 14 && !/^[”"“‘’]$/.test(tokens[close].text)) close++
  const closing = mark === '“' ? '”' : mark === '‘' ? '’' : '"'
  if (close >= tokens.length || tokens[close].text !== closing) return undefined
  // A comma or a full stop before the closing mark is the sentence's (“The Long Field,”).
  let end = close
  if (/^[,.]$/.test(tokens[end - 1].text)) end--
  const start = open + 1
  if (end - start < 2 || end - start > 12 || (start === first && end === last)) return undefined
  const words = tokens.slice(start, end).map((token) => token.text)
  const capital = (word: string) => /^[\p{Lu}\p{N}]/u.test(word)
  if (!capital(words[0]) || !(capital(words.at(-1)!) || words.at(-1) === '?')) return undefined
  const fits = words.every((word, index) =>
    capital(word) || titleSmallWords.has(word) || /^(?:[’']s|[’']|:|-|–|&)$/.test(word) || (word === '?' && index === words.length - 1)
  )
  if (!fits || words.some((word) => word === '!')) return undefined
  // A nickname inside a person's name: a name right before and after.
  if (/^\p{Lu}\p{Ll}/u.test(tokens[open - 1]?.text ?? '') && /^\p{Lu}\p{Ll}/u.test(tokens[close + 1]?.text ?? '')) return undefined
  return [start, end]
}

/** Kinds of organisation, place and thing a name may be said to be (“…, the country's biggest dam”). */
const kinds = Object.entries(lexicon.kindNouns).map(([type, nouns]) => ({type: type as EntityType, nouns: new Set<string>(nouns)}))

/** Organisations that publish what a reader is told (“a … report”). */
const sourceNouns: ReadonlySet<string> = new Set(lexicon.sourceNouns)

/** Titles and words of work before where someone works (“officer at …”). */
const workers: ReadonlySet<string> = new Set([...titleHeads, 'works', 'worked', 'work', 'working', 'employee', 'employees', 'staff', 'staffer', 'intern', 'officer', 'researcher', 'scientist', 'engineer', 'co-founder', 'cofounder', 'owner', 'partner'])

/** Words that may follow the kind that ends an apposition. */
const afterKind = /^(?:that|which|who|whose|in|on|of|with|for|based|and|from|at)$/u

/**
 * The kind of a noun, if it is one of `kindNouns`.
 *
 * @param word
 *   Word.
 * @returns
 *   Type.
 */
function kindType(word: string): EntityType | undefined {
  for (const kind of kinds) if (kind.nouns.has(word)) return kind.type
  return undefined
}

/**
 * The type a kind next to a name tells: a person's occupation before a
 * name of two or three words (“journalist Piers Morgan”); a kind of organisation before it
 * (“the nonprofit Lakeworks”, “retailer Brightmart”) unless the name starts
 * with a first name (“the company Ann Lee founded”); the kind that ends an apposition after
 * it (“Kariva, the country's biggest dam,” “Ingenuity, the Mars
 * helicopter”); a publisher before a report (“a Northwind report”, “an
 * ABC News poll”); where someone works (“officer at Allerva”); a list
 * its kind closes (“Amazon, Walmart and other retailers”).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @param weak
 *   Set to `true` when an apposition tells it: not to give the name's
 *   other mentions.
 * @returns
 *   Type, when a kind tells it.
 */
function kindOf(tokens: SentenceView['tokens'], first: number, last: number, weak?: {weak: boolean}): EntityType | undefined {
  const before = tokens[first - 1]?.text
  const next = tokens[last]?.text
  if (before && /^\p{Ll}/u.test(before) && kindType(before) === 'ORG' && !isFirstName(tokens[first].text)) {
    return 'ORG'
  }

  // A person's occupation right before a name of two or three words
  // (“British journalist Piers Morgan”, “actress Ann Lee”).
  if (
    before &&
    /^\p{Ll}/u.test(before) &&
    kindType(before) === 'PER' &&
    last - first >= 2 &&
    last - first <= 3 &&
    tokens.slice(first, last).every((token) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(token.text) && !isHead(token.text))
  ) {
    return 'PER'
  }

  if (before && /^an?$/iu.test(before) && next && sourceNouns.has(next)) return 'ORG'
  // Where someone works (“chief medical officer at Allerva”, “works at Pine
  // Coffee”, “a reporter for the Northwind”), a place's name aside.
  let job = first - 1
  if (tokens[job]?.text.toLowerCase() === 'the') job--
  if ((tokens[job]?.text === 'at' || tokens[job]?.text === 'for') && workers.has(tokens[job - 1]?.text.toLowerCase() ?? '') && !namesPlace(tokens, first, last)) {
    return 'ORG'
  }

  // A list closed by its kind (“via Amazon, Walmart and other retailers”).
  for (let index = last, names = 0; index < tokens.length && names < 12; index++, names++) {
    const word = tokens[index].text
    if (word === 'and' || word === 'or') {
      if (tokens[index + 1]?.text !== 'other') continue
      const kind = tokens[index + 2]?.text ?? ''
      return kindType(kind.replace(/ies$/u, 'y').replace(/(?<=[sxz]|[cs]h)es$/u, '').replace(/s$/u, ''))
    }

    if (word !== ',' && !/\p{Lu}/u.test(word)) break
  }
  if (next !== ',') return undefined
  let index = last + 1
  if (/^(?:the|a|an)$/iu.test(tokens[index]?.text ?? '')) index++
  else return undefined
  // The apposition may be of the sentence's subject (“… behind Dynamo, the
  // Volgograd side have”): not to give the name's other mentions.
  if (weak) weak.weak = true
  for (let words = 0; index < tokens.length && words < 5; index++, words++) {
    const word = tokens[index].text
    if (!/^[\p{L}\p{N}’'-]+$/u.test(word)) return undefined
    const type = /^\p{Ll}/u.test(word) ? kindType(word) : undefined
    const after = tokens[index + 1]?.text
    if (type && (after === undefined || (!/^\p{L}/u.test(after) && !/^[’']s$/u.test(after)) || afterKind.test(after))) return type
  }

  return undefined
}

/**
 * A TV listing's work and channel (“Harbor Lights (KTV at 9)”): a name
 * that is the whole of the title before the brackets is a show, the one in
 * them a broadcaster.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @returns
 *   Type, in a listing.
 */
function listingOf(tokens: SentenceView['tokens'], first: number, last: number): EntityType | undefined {
  const slot = (open: number) => {
    if (tokens[open]?.text !== '(') return false
    let index = open + 1
    while (index < tokens.length && index < open + 5 && /^\p{Lu}/u.test(tokens[index].text)) index++
    return index > open + 1 && tokens[index]?.text === 'at' && /^\d{1,2}(?::\d\d)?$/u.test(tokens[index + 1]?.text ?? '') && tokens[index + 2]?.text === ')'
  }

  if (slot(first - 1) && tokens[last]?.text === 'at') return 'ORG'
  // The whole title only, not a name in it (“Searching for Mexico (…)”).
  if (slot(last) && (first === 0 || !/^[\p{L}\p{N}:]/u.test(tokens[first - 1].text))) return 'MISC'
  return undefined
}

/** Nouns of a person's relations or peers before their name (“my colleague …”, “her husband …”). */
const relationNouns: ReadonlySet<string> = new Set(lexicon.relationNouns)

/** A spokesperson's nouns (“a spokeswoman for …”, “… spokesman”). */
const spokesNouns: ReadonlySet<string> = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'spokespeople', 'spokespersons'])


/**
 * The type the document's own words give a name, whatever the tagger says:
 * a person after a possessive and a relation (“my colleague …”, “his
 * wife …”); an organisation that has a spokesperson (“a spokeswoman for
 * …”, “… spokesman”) or that has “its” own (“… and its subsidiaries”),
 * a place's name aside (a country or a town has spokespeople too).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @param words
 *   Words of the name.
 * @returns
 *   Type, when the words around tell it.
 */
function evidenceOf(tokens: SentenceView['tokens'], first: number, last: number, words: ReadonlyArray<string>): EntityType | undefined {
  const before = tokens[first - 1]?.text.toLowerCase()
  const owner = tokens[first - 2]?.text.toLowerCase()
  if (
    before &&
    relationNouns.has(before) &&
    owner &&
    (possessives.has(owner) || /^[’']s$/u.test(owner)) &&
    words.length <= 3 &&
    words.every((word) => /^\p{Lu}\p{Ll}/u.test(word) && !isHead(word)) &&
    !isPlaceName(words.join(' '))
  ) {
    return 'PER'
  }

  const name = words.join(' ')
  if (isPlaceName(name) || countryFacts(name) || countryAbbreviations.has(name) || isNationalityText(name)) return undefined
  const after = tokens[last]?.text.toLowerCase()
  if (after && spokesNouns.has(after)) return 'ORG'
  let spokes = first - 1
  if (tokens[spokes]?.text.toLowerCase() === 'the') spokes--
  if (tokens[spokes]?.text === 'for' && spokesNouns.has(tokens[spokes - 1]?.text.toLowerCase() ?? '')) return 'ORG'
  // “… and its”, not “… said its”: a person speaks of their company's too.
  if (after === 'and' && tokens[last + 1]?.text === 'its') return 'ORG'
  return undefined
}

/** A model year or a range of them (“2019”, “2019-2023”); not a season (“2003-04”). */
const modelYear = /^(?:19|20)\d\d(?:[-–](?:19|20)\d\d)?$/u

/** Words before a model year (“the 2022 …”, “2022 and 2023 …”). */
const beforeYear: ReadonlySet<string> = new Set(['the', 'a', 'an', 'and', 'or', 'its', 'their', 'his', 'her', 'my', 'your', 'our', 'new', 'used', ','])

/** Possessives before a thing owned (“your Tesla”). */
const possessives: ReadonlySet<string> = new Set(['my', 'your', 'his', 'her', 'our', 'their'])

/**
 * The type of a product named by its maker or model: a company's or
 * place's name after a model year (“the 2021-2023 Santa Fe”, “the 2022
 * Kia Carnival”), and a company's name owned (“charge your Tesla”, “their
 * Teslas at home”) where no noun follows it (“his Twitter account” is the
 * company's).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @param type
 *   Type so far.
 * @returns
 *   `MISC`, for a product.
 */
function productOf(tokens: SentenceView['tokens'], first: number, last: number, type: EntityType): EntityType | undefined {
  if (type === 'MISC') return undefined
  let before = first - 1
  // “the 2022 and 2023 Santa Cruz”
  if (before >= 2 && modelYear.test(tokens[before].text) && (tokens[before - 1].text === 'and' || tokens[before - 1].text === 'or') && modelYear.test(tokens[before - 2].text)) before -= 2
  if (before >= 0 && modelYear.test(tokens[before].text) && (before === 0 || beforeYear.has(tokens[before - 1].text.toLowerCase()))) {
    return 'MISC'
  }

  const next = tokens[last]?.text
  if (
    type === 'ORG' &&
    first > 0 &&
    possessives.has(tokens[first - 1].text.toLowerCase()) &&
    !isInstitutionHead(tokens[last - 1].text) &&
    (next === undefined || (!/^\p{L}/u.test(next) && !/^[’']s?$/u.test(next)) || /^(?:at|in|on|to|for|with|and|or|is|was|will|can)$/u.test(next))
  ) {
    return 'MISC'
  }

  return undefined
}

/**
 * The type of a photo agency in a credit: the name after the photographer's
 * and a slash that closes the credit (“(Ann Lee/AP)”), or one ending in
 * “Images” (“via Getty Images”).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @param words
 *   Words of the name.
 * @returns
 *   `ORG`, for an agency.
 */
function creditAgency(tokens: SentenceView['tokens'], first: number, last: number, words: ReadonlyArray<string>): EntityType | undefined {
  if (words.length > 1 && words.at(-1) === 'Images') return 'ORG'
  const after = tokens[last]?.text
  return tokens[first - 1]?.text === '/' && (after === undefined || after === ')') ? 'ORG' : undefined
}

/** Nouns a place's name modifies as a place (“Uvalde police”, “Ohio officials”). */
const placeNouns: ReadonlySet<string> = new Set(lexicon.placeNouns)

/**
 * The two places of a name that is two places joined by a hyphen or a dash
 * (“California-Oregon”, “U.S. - Mexico”): each one's offsets and token.
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @returns
 *   `[start, end, token]` of each place, if the name is two places.
 */
function placePair(tokens: SentenceView['tokens'], first: number, last: number): Array<[number, number, number]> | undefined {
  const place = (word: string) => isPlaceName(word) || isRegion(word)
  if (last - first === 1) {
    const token = tokens[first]
    const dash = /^([^-–]+)[-–]([^-–]+)$/u.exec(token.text)
    if (!dash || !place(dash[1]) || !place(dash[2])) return undefined
    const end = token.start + dash[1].length
    return [[token.start, end, first], [end + 1, token.end, first]]
  }

  if (last - first === 3 && /^[-–]$/.test(tokens[first + 1].text) && place(tokens[first].text) && place(tokens[first + 2].text)) {
    return [[tokens[first].start, tokens[first].end, first], [tokens[first + 2].start, tokens[first + 2].end, first + 2]]
  }

  return undefined
}

/**
 * Whether a word is a country or an abbreviated US state, alone or as a
 * modifier (“India-based”).
 *
 * @param word
 *   Word.
 * @returns
 *   Whether it is.
 */
function isRegion(word: string): boolean {
  const name = word.replace(/-based$/u, '')
  return Boolean(countryFacts(name)) || countryAbbreviations.has(name) || stateAbbreviations.has(name)
}

/** Nouns after a team's name (“… team”, “… coach”). */
const teamNouns: ReadonlySet<string> = new Set(lexicon.teamNouns)

/** Countries and the US capital written short (“US”, “U.K.”, “DC”). */
const countryAbbreviations: ReadonlySet<string> = new Set(['US', 'U.S.', 'USA', 'U.S.A.', 'UK', 'U.K.', 'DC', 'D.C.'])

/** Of those, the nouns only a town has (“… police”, “… residents”). */
const townNouns: ReadonlySet<string> = new Set(['police', 'residents', 'mayor', 'sheriff', 'neighborhood', 'neighbourhood', 'suburb'])

/**
 * The type of a town, province or country the tagger calls an organisation:
 * a place after a preposition of place (“from Springfield”, “a senator of
 * New York”) or before a noun of its people (“Ohio officials”); any name
 * after “downtown” or before a noun only a town has (“Millbrook police
 * said”); the tagger's type otherwise (“Chicago beat Boston”: teams).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @param words
 *   Words of the name.
 * @param type
 *   Type so far.
 * @param weak
 *   Set to `true` when the evidence is weak (a preposition, a team's
 *   noun): not to give the name's other mentions.
 * @returns
 *   Type.
 */
function placeAsPlace(tokens: SentenceView['tokens'], first: number, last: number, words: ReadonlyArray<string>, type: EntityType, weak?: {weak: boolean}): EntityType {
  // A team's name before its team, coach or players (“a good Hornets team”,
  // “Lakers guard Ann Lee”); a country's side stays a place (CoNLL-2003).
  if (type === 'MISC' && teamNouns.has(tokens[last]?.text ?? '') && /^\p{Lu}/u.test(words[0]) && !cueType(words) && !isNationalityText(words.join(' ')) && !isPlaceName(words.join(' '))) {
    if (weak) weak.weak = true
    return 'ORG'
  }

  // A town before its country or state (“Lagos, Nigeria”, “a Peoria, Ill.-based firm”).
  // The region ends there: no name goes on after it (“IDLC, Bangladesh Lamps”, “U.S. agency”).
  const afterRegion = tokens[last + 2]?.text
  if (
    (type === 'ORG' || type === 'MISC') &&
    tokens[last]?.text === ',' &&
    isRegion(tokens[last + 1]?.text ?? '') &&
    (afterRegion === undefined || !/^\p{L}/u.test(afterRegion) || tokens[last + 1].text.endsWith('-based'))
  ) {
    return 'LOC'
  }

  // A country is a place where it qualifies too (“US stores”, CoNLL-2003).
  if (type === 'MISC' && (countryFacts(words.join(' ')) || countryAbbreviations.has(words.join(' ')))) return 'LOC'
  if (type !== 'ORG') return type
  const before = tokens[first - 1]?.text.toLowerCase()
  const after = tokens[last]?.text
  // Only a town has these, whatever the gazetteers know (“downtown Millbrook”,
  // “Millbrook police”, “Millbrook residents”).
  if (before === 'downtown' || (after && townNouns.has(after))) return 'LOC'
  const name = words.join(' ')
  // A country is a place, as a team too (CoNLL-2003's convention, which
  // news follows for national sides); a club is named by its town.
  if (countryFacts(name) || countryAbbreviations.has(name)) return 'LOC'
  if (!isPlaceName(name)) return type
  // A preposition or a noun after tells less (“the inventor of …”, “joined
  // Milan from Torino”: teams): the tagger's type elsewhere stands.
  if (weak) weak.weak = true
  if (before && (placePrepositions.has(before) || before === 'of')) return 'LOC'
  if (after && placeNouns.has(after)) return 'LOC'
  return type
}

/**
 * Where an organisation's name ends once a title written after it is left
 * out ("Acme Robotics President", "Example Corp CEO", "… Assistant
 * Commissioner").
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param first
 *   Index of the name's first token.
 * @param last
 *   Index after its last token.
 * @returns
 *   Index after the name's last token.
 */
function beforeTitle(tokens: SentenceView['tokens'], first: number, last: number): number {
  let end = last
  if (!titleHeads.has(tokens[end - 1].text.toLowerCase())) return last
  // A field after “of” is no title (“Department of Justice”, “Ministry of Health”).
  if (end - first > 2 && (tokens[end - 2].text === 'of' || tokens[end - 2].text === 'for')) return last
  while (end - 1 > first && isTitleWord(tokens[end - 1].text)) end--
  return end
}

/**
 * Whether a word is a title word (head or modifier).
 *
 * @param word
 *   Word.
 * @returns
 *   Whether it is.
 */
function isTitleWord(word: string): boolean {
  const lower = word.toLowerCase()
  return titleHeads.has(lower) || (titleModifiers.has(lower) && /^\p{Lu}/u.test(word))
}

/**
 * Whether a word is the head of a type cue ("Region", "Convention").
 *
 * @param word
 *   Word.
 * @returns
 *   Whether it is.
 */
function isHead(word: string): boolean {
  const lower = word.toLowerCase()
  return cues.some((cue) => cue.heads.has(lower))
}

/**
 * The type a multi-word name's head or first word tells (news
 * conventions: "… Convention" is a treaty, "Radio …" a broadcaster,
 * "… Region" a place).
 *
 * @param words
 *   Words of the name.
 * @returns
 *   Type, when a cue applies.
 */
function cueType(words: ReadonlyArray<string>): EntityType | undefined {
  if (words.length < 2) return undefined
  const head = words[words.length - 1].toLowerCase()
  const firstWord = words[0].toLowerCase()
  for (const cue of cues) if (cue.heads.has(head)) return cue.type
  for (const cue of cues) if (cue.firsts.has(firstWord)) return cue.type
  return undefined
}
