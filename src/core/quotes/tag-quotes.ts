/**
 * Quotes of a document (`find.ts`) with their sources resolved: a source
 * span goes to the entity it names, through titles and roles ("Trump
 * spokesperson Steven Cheung" is Cheung, "Netanyahu's office" is not
 * Netanyahu, "an ally of Netanyahu" neither), pronouns ("he" is the man
 * who spoke in its sentence or the one before when no person is named
 * before it in its own, else the last man named, or the last person of no
 * known gender), and descriptions ("the spokeswoman", "the minister": the
 * last person whose role has that word).
 * Its kind is `named`, `organisation`, `document` ("a report by …") or
 * `anonymous` ("a source", "officials", "people familiar with the matter").
 *
 * A role written after a name, between it and the cue (`Jay Lund, vice
 * director of the center, said`), becomes the person's role when the
 * entity has none.
 *
 * Known limits: a description resolves only through a role seen with a
 * name; "they" and "we" resolve to no entity.
 */
import {genderOf} from '../claims/tag-claims.ts'
import type {DocumentView} from '../document.ts'
import type {RawMention} from '../entities/mentions.ts'
import type {Perceptron} from '../ml/perceptron.ts'
import type {Claim, Entity, Quote, QuoteSource, SourceKind, Span} from '../types.ts'
import {pronounOf} from './features.ts'
import {findQuotes, type FoundQuote, type FoundSource} from './find.ts'
import {clauseSubjects, isReported, speakerHeads, tellsSpeaker} from './reported.ts'
import lexicon from './lexicon.json' with {type: 'json'}
import {firstIndex} from '../sorted.ts'

const documentHeads: ReadonlySet<string> = new Set(lexicon.documentHeads)
const anonymousHeads: ReadonlySet<string> = new Set(lexicon.anonymousHeads)
const organisationHeads: ReadonlySet<string> = new Set(lexicon.organisationHeads)
const personHeads: ReadonlySet<string> = new Set(lexicon.personHeads)
const prepositions: ReadonlySet<string> = new Set(['of', 'for', 'to', 'with', 'at', 'from', 'by', 'in', 'on', 'behind', 'among', 'across', 'within', 'close', 'familiar'])
const determiners: ReadonlySet<string> = new Set(['the', 'this', 'that', 'these', 'those'])
const relatives: ReadonlySet<string> = new Set(['who', 'which'])
// Possessive pronouns, and who they stand for as a source (“her” alone as
// a source is “her claim that …”): only “its” is resolved (`resolve`).
const possessors: ReadonlyMap<string, string> = new Map([
  ['his', 'he'],
  ['her', 'she'],
  ['their', 'they'],
  ['its', 'it']
])
// Relative pronouns a source span may end on when the model left their
// clause out (not “whom”: “many of whom” is the span's own).
const leftRelatives: ReadonlySet<string> = new Set(['who', 'which', 'that'])
// What a person's name heads that speaks for itself (“the Biden
// administration”, “the Trump campaign”).
const bodiesOfPeople: ReadonlySet<string> = new Set(['administration', 'campaign', 'government', 'team', 'family', 'camp', 'allies', 'associates'])
// Punctuation that closes an apposition or an aside.
const closing = /^[,;:\u2013\u2014-]$/u
// Words, as written, that join a clause to the one before it.
const joiners: ReadonlySet<string> = new Set(['which', 'and', 'but', 'or'])
const indefinite: ReadonlySet<string> = new Set(['a', 'an', 'one', 'another', 'some', 'several', 'two', 'three', 'many', 'other'])
// Words before “police” that say which kind, not whose.
const policeKinds: ReadonlySet<string> = new Set(['local', 'state', 'federal', 'city', 'county', 'military', 'riot', 'secret', 'border'])
// Days named by a word.
const dayWords: ReadonlyArray<string> = ['today', 'yesterday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
// Times that open a sentence before its subject (“Yesterday OpenAI said”).
const timeOpeners: ReadonlySet<string> = new Set([...dayWords, 'tonight', 'earlier', 'later', 'meanwhile'])
// What an article calls an organisation it has named (“the agency”): a
// public body, or a business.
const publicNouns: ReadonlySet<string> = new Set(['agency', 'department', 'ministry', 'administration', 'regulator'])
const businessNouns: ReadonlySet<string> = new Set(['company', 'firm', 'automaker', 'carmaker', 'manufacturer', 'retailer', 'startup', 'bank', 'airline', 'railroad', 'studio'])
const organisationNouns: ReadonlySet<string> = new Set([...publicNouns, ...businessNouns])
// Words in the name of a public body.
const publicBody = /\b(?:Agency|Administration|Department|Ministry|Service|Bureau|Commission|Authority|Centers?|Institutes?|Office|Board|Council|Agencies)\b/u
// Words before an organisation that is told, not telling (“told Reuters”).
const toldWords: ReadonlySet<string> = new Set(['told', 'tell', 'tells', 'telling', 'to', 'with', 'by', 'from'])
// Words that start what is said of a document after its head noun (“a
// report released Monday”, “a report the group published”, “an update
// this week from …”): a participle, a determiner, a time.
const afterHead: ReadonlySet<string> = new Set([
  ...determiners,
  ...['a', 'an', 'its', 'their', 'his', 'her', 'last', 'earlier', 'late', 'early', 'out', 'written', 'made', 'done', 'seen', 'shown', 'given', 'drawn', 'put', 'set'],
  ...dayWords
])

/** A mention with its entity, as the resolver reads it. */
interface Named {
  mention: RawMention
  entity: Entity
}

/**
 * The mentions of a document, indexed for its sources: those of a sentence,
 * and how many come before a place (a source looks at its own sentence and
 * back, never at every mention: linear over a long document).
 */
interface NamedIndex {
  /** Every mention, in document order. */
  all: ReadonlyArray<Named>
  /** Mentions by sentence. */
  bySentence: ReadonlyMap<RawMention['sentence'], ReadonlyArray<Named>>
  /** How many mentions end before a source starts (binary search). */
  before(source: FoundSource): number
  /**
   * The person whose role has a word (`spokeswoman`) and who was last
   * mentioned before a place (an index of `all`): looked up among the
   * people with that word in their role, not by a walk back over every
   * mention.
   */
  lastWithRole(word: string, before: number): Entity | undefined
  /** Take note of a role given to a person after indexing (`roleAfter`). */
  noteRole(entity: Entity): void
  /** The first mention written with these words (its prose), if any. */
  withProse(prose: string): Named | undefined
}

/**
 * Tag the quotes of a document and resolve their sources.
 *
 * @param document
 *   Text view.
 * @param mentions
 *   Entity mentions (document order).
 * @param entityOf
 *   Entity id of each mention.
 * @param entities
 *   Entities (a role found after a name is set on its entity).
 * @param perceptron
 *   Model (default: the shipped one).
 * @returns
 *   Quotes in document order.
 */
export function tagQuotes(
  document: DocumentView,
  mentions: ReadonlyArray<RawMention>,
  entityOf: ReadonlyArray<string>,
  entities: ReadonlyArray<Entity>,
  perceptron?: Perceptron
): Quote[] {
  const byId = new Map(entities.map((entity) => [entity.id, entity]))
  const named = indexNamed(mentions.map((mention, index) => ({mention, entity: byId.get(entityOf[index])!})))
  // Genders told by roles ("spokeswoman") and by pronouns resolved so far.
  const genders = new Map<string, string>()
  for (const entity of entities) {
    const gender = genderOf(entity)
    if (gender) genders.set(entity.id, gender)
  }

  let previous: QuoteSource | undefined
  let previousEnd = -Infinity
  let previousBlock = -Infinity
  // Whether the reader is shown that quote and its source.
  let previousShown = false
  // The person who last spoke, and the sentence of that source.
  let speaker: Speaker | undefined
  // Each person who spoke, and the sentence where they last did.
  const spoken = new Map<Entity, number>()
  // The group or organisation that last spoke (what a “they” after it is).
  let group: Group | undefined
  return findQuotes(document, perceptron).map((found) => {
    const quote: Quote = {start: found.start, end: found.end, kind: found.kind}
    if (found.parts.length > 1) quote.parts = found.parts
    if (found.cue) quote.cue = found.cue
    if (found.source) {
      // A “they” is the group that spoke last only when no other people
      // were named since (“Police said three protesters were arrested.
      // “…,” they said.”).
      const lastGroup = group && !namesPeople(document.source.slice(group.end, found.source.start)) ? group : undefined
      const resolved = resolve(found.source, named, genders, speaker, found.parts, spoken, lastGroup)
      // Words that name no one leave the quote without a source; whoever
      // spoke before is no longer the last to speak.
      if (resolved) quote.source = resolved
      // Whose words a noun tells (“Ann Roe's claims that …”) is no one who
      // spoke here: the last to speak stays whoever it was (a group's or a
      // body's claims are what a “they” after them stands for, as before).
      const tokens = found.source.sentence.tokens
      const last = tokens[found.source.last - 1]?.text ?? ''
      const alone = found.source.last - found.source.first === 1
      const possessor = owns(tokens[found.source.last - 2]?.text, last) || (alone && possessors.has(last.toLowerCase()))
      if (!possessor) {
        const entity = resolved?.entity === undefined ? undefined : byId.get(resolved.entity)
        speaker = entity?.type === 'PER' ? {entity, sentence: found.source.sentence.index} : undefined
        if (speaker) spoken.set(speaker.entity, speaker.sentence)
      }

      group = resolved && isGroup(resolved) ? {source: resolved, sentence: found.source.sentence.index, end: resolved.end} : undefined
    } else if (
      !found.cue &&
      found.kind !== 'indirect' &&
      previous &&
      found.start - previousEnd < 600 &&
      found.opensBlock &&
      found.block - previousBlock <= 1
    ) {
      // A quotation with no cue that opens a paragraph goes on the speaker
      // quoted in that paragraph or the one before (a quote in several
      // paragraphs, each in its marks); not one after a paragraph of the
      // writer's, nor one inside the writer's sentences (`… in a
      // statement: “…`).
      quote.source = previous
    } else if (
      !found.cue &&
      found.kind === 'direct' &&
      previous &&
      previousShown &&
      found.block === previousBlock &&
      found.start - previousEnd < 600 &&
      wholeSentences(document.source, found) &&
      !otherPersonBetween(named, previousEnd, found.start, previous.entity)
    ) {
      // Whole sentences in quotation marks later in the paragraph of a
      // quote with a source, and no one else named between them (`“…,” Dr.
      // Obi said. “Here we are a month later …”`): the same speaker goes on,
      // as news writes a new speaker with a cue of their own.
      quote.source = previous
    }

    if (quote.source) {
      previous = quote.source
      previousEnd = found.end
      previousBlock = found.block
      previousShown = isReported(quote) && tellsSpeaker(quote)
    }

    return quote
  })
}

/**
 * Whether a direct quote is whole sentences: it opens a sentence (after a
 * full stop, or at its block's start) and closes with a full stop inside
 * its marks.
 *
 * @param source
 *   Document source.
 * @param found
 *   The quote.
 * @returns
 *   Whether it is.
 */
function wholeSentences(source: string, found: FoundQuote): boolean {
  if (!/^["“]/u.test(source.slice(found.start, found.start + 1))) return false
  if (!/[.!?…]["”]$/u.test(source.slice(Math.max(found.start, found.end - 2), found.end))) return false
  const before = source.slice(Math.max(0, found.start - 4), found.start)
  return /(?:[.!?…]["”’)]?\s+|\n\s*)$/u.test(before)
}

/**
 * Whether a person other than a source is named between two places.
 *
 * @param named
 *   Mentions.
 * @param from
 *   Start (source offset).
 * @param to
 *   End (source offset).
 * @param entity
 *   The source's entity, if any.
 * @returns
 *   Whether one is.
 */
function otherPersonBetween(named: NamedIndex, from: number, to: number, entity: string | undefined): boolean {
  const {all} = named
  for (let index = firstIndex(all.length, (at) => all[at].mention.start >= from); index < all.length && all[index].mention.start < to; index++) {
    const other = all[index].entity
    if (other.type === 'PER' && other.id !== entity) return true
  }

  return false
}

/** Titles written short before a name, and the word that names them after (“the governor”). */
const titleWords: ReadonlyMap<string, string> = new Map([
  ['gov.', 'governor'],
  ['sen.', 'senator'],
  ['rep.', 'representative'],
  ['lt.', 'lieutenant'],
  ['gen.', 'general'],
  ['sec.', 'secretary'],
  ['atty.', 'attorney'],
  ['supt.', 'superintendent'],
  ['det.', 'detective'],
  ['sgt.', 'sergeant'],
  ['cmdr.', 'commander'],
  ['pres.', 'president'],
  ['amb.', 'ambassador'],
  ['prof.', 'professor'],
  ['dr.', 'doctor'],
  ['insp.', 'inspector'],
  ['capt.', 'captain'],
  ['col.', 'colonel'],
  ['adm.', 'admiral']
])

/** A person who spoke, and the index of the sentence of the source. */
interface Speaker {
  entity: Entity
  sentence: number
}

/** A group or an organisation that spoke, the sentence where it did and where its name ends. */
interface Group {
  source: QuoteSource
  sentence: number
  end: number
}

/**
 * Whether words name people in the plural (“three protesters”, “its
 * workers”, “officials”) or an organisation's people.
 *
 * @param text
 *   Words.
 * @returns
 *   Whether they do.
 */
function namesPeople(text: string): boolean {
  for (const word of text.toLowerCase().match(/\p{L}+s\b/gu) ?? []) {
    if (anonymousHeads.has(word) || personHeads.has(word) || isPersonPlural(word)) return true
  }

  return false
}

/**
 * Whether a lower-cased word ending in “s” is the plural of a noun for
 * people (“protesters”, “nurses”, “advocates”).
 *
 * @param word
 *   Word.
 * @returns
 *   Whether it is.
 */
function isPersonPlural(word: string): boolean {
  return personHeads.has(word.slice(0, -1)) || personHeads.has(word.slice(0, -2))
}

/**
 * Whether a source is a group or an organisation a later “they” can be:
 * an organisation, or people in the plural (“officials”, “Democrats”,
 * “the police”), not a pronoun itself.
 *
 * @param source
 *   Source.
 * @returns
 *   Whether it is.
 */
function isGroup(source: Readonly<QuoteSource>): boolean {
  if (pronounOf(source.text.toLowerCase())) return false
  if (source.kind === 'organisation') return true
  const last = source.name.toLowerCase().split(/\s+/).at(-1) ?? ''
  return source.kind === 'anonymous' && (/[^su]s$/.test(last) || last === 'people' || last === 'police')
}

/**
 * Index the mentions of a document.
 *
 * @param named
 *   Mentions with their entities.
 * @returns
 *   Index.
 */
function indexNamed(named: ReadonlyArray<Named>): NamedIndex {
  const all = [...named].sort((a, b) => a.mention.sentence.index - b.mention.sentence.index || a.mention.first - b.mention.first)
  const bySentence = new Map<RawMention['sentence'], Named[]>()
  for (const item of all) {
    const list = bySentence.get(item.mention.sentence)
    if (list) list.push(item)
    else bySentence.set(item.mention.sentence, [item])
  }

  // Where each person is mentioned (indexes of `all`, in order), and the
  // people by the words of their roles.
  const places = new Map<Entity, number[]>()
  const byRoleWord = new Map<string, Set<Entity>>()
  const noteRole = (entity: Entity) => {
    if (entity.type !== 'PER' || entity.role === undefined) return
    for (const written of entity.role.toLowerCase().split(/\s+/)) {
      // “Gov. Ann Moss” is “the governor” after.
      for (const word of [written, titleWords.get(written)]) {
        if (word === undefined) continue
        const people = byRoleWord.get(word)
        if (people) people.add(entity)
        else byRoleWord.set(word, new Set([entity]))
      }
    }
  }

  for (const [index, {entity}] of all.entries()) {
    if (entity?.type !== 'PER') continue
    const list = places.get(entity)
    if (list) {
      list.push(index)
    } else {
      places.set(entity, [index])
      noteRole(entity)
    }
  }

  // Mentions by their words, made on the first lookup.
  let byProse: Map<string, Named> | undefined
  return {
    all,
    bySentence,
    noteRole,
    withProse(prose) {
      if (!byProse) {
        byProse = new Map()
        for (const item of all) if (!byProse.has(item.mention.prose)) byProse.set(item.mention.prose, item)
      }

      return byProse.get(prose)
    },
    lastWithRole(word, before) {
      let best: Entity | undefined
      let bestAt = -1
      for (const entity of byRoleWord.get(word) ?? []) {
        const list = places.get(entity)!
        // Its last mention before `before`.
        const low = firstIndex(list.length, (index) => list[index]! >= before)
        if (low > 0 && list[low - 1]! > bestAt) {
          bestAt = list[low - 1]!
          best = entity
        }
      }

      return best
    },
    before(source) {
      // The first mention that is not before the source.
      return firstIndex(all.length, (index) => !before(all[index].mention, source))
    }
  }
}

/**
 * Resolve a source span.
 *
 * @param source
 *   Source span.
 * @param named
 *   Mentions with their entities, in document order.
 * @param genders
 *   Genders learnt from pronouns (changed).
 * @param speaker
 *   The person who last spoke, if any.
 * @param content
 *   The quote's content pieces: a person named in them is not who a
 *   pronoun source is (`Biden will lose, he said` is not Biden's).
 * @param spoken
 *   The people who spoke so far, with the sentence where each last did.
 * @param group
 *   The group or organisation that last spoke, if it did last.
 * @returns
 *   Source, if its words can name one (`isBroken`).
 */
function resolve(
  source: FoundSource,
  named: NamedIndex,
  genders: Map<string, string>,
  speaker?: Speaker,
  content: ReadonlyArray<Span> = [],
  spoken: ReadonlyMap<Entity, number> = new Map(),
  group?: Group
): QuoteSource | undefined {
  source = trimmedSource(source, named)
  const tokens = source.sentence.tokens
  const cased = tokens.slice(source.first, source.last).map((token) => token.text)
  const words = cased.map((word) => word.toLowerCase())
  const span = {start: source.start, end: source.end, text: source.text}
  // What the source is called: its prose, not its Markdown (`according to
  // the [timetable](…)` is “the timetable”, not “the [timetable”).
  const prose = source.last > source.first ? source.sentence.block.text.slice(tokens[source.first]!.start, tokens[source.last - 1]!.end) : source.text
  // The head part: before an apposition's comma or a preposition.
  let head = words.findIndex((word, index) => index > 0 && (word === ',' || word === '(' || prepositions.has(word)))
  if (head < 0) head = words.length
  const inSpan = (named.bySentence.get(source.sentence) ?? []).filter(
    ({mention}) => mention.first >= source.first && mention.last <= source.last
  )
  const inHead = inSpan.filter(({mention}) => mention.first < source.first + head)
  // A person, not one whose name only qualifies the head ("Netanyahu's office", "Trump spokesperson Cheung" is Cheung).
  // The entity's type, not the mention's: a surname the tagger typed ORG
  // belongs to a person once the article calls him “CEO Laxman Narasimhan”.
  // Unless the possessive ends the span (“Despite Ann Roe's claims that
  // …”: the claims' cue is the noun, and whose they are is the source).
  // Nor one whose name only says whose people speak: people in the plural
  // after it (“Trump campaign officials”, “Biden aides”), or one of them or
  // a body in lower case (“a senior Biden administration official”, “the
  // Biden administration”); a title before a name is not after it (“Trump
  // aide Hope Hicks” is Hicks). Only the words right after the name count,
  // up to a dash, a clause or a determiner (“Ann Roe -- author of …”, “Ann
  // Roe who served as mayor”, “Ann Roe the lawyer”), not up to a year
  // (“Biden 2024 campaign officials”).
  const peopleAfter = ({mention}: Named) => {
    const all = cased.slice(mention.last - source.first, head)
    const stop = all.findIndex((word) => !/^[\p{L}\p{N}’'-]+$/u.test(word) || /^-+$/u.test(word) || clauseWords.has(word.toLowerCase()) || /^(?:the|a|an)$/u.test(word))
    const after = stop < 0 ? all : all.slice(0, stop)
    // One person after “and” is another speaker beside her (“Ann Roe and
    // an executive of the firm said”), people after it are hers (“Ann Roe
    // and her aides”).
    const and = after.findIndex((word) => word === 'and' || word === 'or')
    return (
      after.some((word) => /[^s]s$/u.test(word) && (anonymousHeads.has(word.toLowerCase()) || isPersonPlural(word.toLowerCase()))) ||
      (and < 0 ? after : after.slice(0, and)).some((word) => /^\p{Ll}+$/u.test(word) && (anonymousHeads.has(word) || personHeads.has(word) || bodiesOfPeople.has(word)))
    )
  }

  const person = inHead.findLast(
    (named) =>
      named.entity.type === 'PER' &&
      (!isPossessive(tokens[named.mention.last]?.text) || (named.mention.last + 1 === source.last && owns(tokens[named.mention.last - 1]?.text, tokens[named.mention.last]?.text))) &&
      !peopleAfter(named)
  )
  const peopleOf = inHead.some((named) => named.entity.type === 'PER' && peopleAfter(named))
  // Not a nationality, a work or a place before the head's noun (“the
  // Ecuadorean attorney general's office”, “Uvalde police”): that names no
  // one who speaks.
  const other = inHead.find(
    ({mention, entity}) =>
      entity.type !== 'PER' &&
      (entity.type === 'ORG' || mention.last >= source.first + head) &&
      (!isPossessive(tokens[mention.last]?.text) || (entity.type === 'ORG' && mention.last + 1 === source.last && owns(tokens[mention.last - 1]?.text, tokens[mention.last]?.text)))
  )
  const headWords = words.slice(0, head)
  const kindOfHead = headKind(cased.slice(0, head))

  if (person && kindOfHead !== 'document' && kindOfHead !== 'organisation') {
    if (roleAfter(source, person)) named.noteRole(person.entity)
    return {...span, entity: person.entity.id, name: person.entity.name, kind: 'named'}
  }

  // "said Acme Health Deputy Director, Ann Moss": the name after the comma
  // that ends the span is the person; the head only says what she is (“an
  // attorney for the family, Ben Crump” is Crump, as news writes it). Not
  // after people in the plural (“Lawyers for the victim, Tom Reed,”: the
  // name is the victim's).
  const last = inSpan.find(({mention, entity}) => entity.type === 'PER' && mention.last === source.last && tokens[mention.first - 1]?.text === ',')
  if (last && !person && kindOfHead !== 'document' && !/[^s]s$/u.test(headWords.at(-1) ?? '')) {
    return {...span, entity: last.entity.id, name: last.entity.name, kind: 'named'}
  }

  // “The Fortune Chief Editor wrote”: a role of an organisation's, the
  // last person given that role before (not the organisation).
  if (other && !person && headWords.length > 2 && determiners.has(headWords[0]) && personHeads.has(headWords.at(-1)!)) {
    const entity = named.lastWithRole(headWords.at(-1)!, named.before(source))
    if (entity) return {...span, entity: entity.id, name: entity.name, kind: 'named'}
  }

  if (other && kindOfHead !== 'document' && kindOfHead !== 'anonymous') {
    return {...span, entity: other.entity.id, name: other.entity.name, kind: 'organisation'}
  }

  // "Ann Moss, who chairs the board, said": the name the relative pronoun
  // follows (the span stays the pronoun's).
  if (words.length === 1 && relatives.has(words[0])) {
    const antecedent = antecedentOf(source, named)
    if (antecedent) {
      const kind: SourceKind = antecedent.entity.type === 'PER' ? 'named' : 'organisation'
      return {...span, entity: antecedent.entity.id, name: antecedent.entity.name, kind}
    }
  }

  // A pronoun with a verb joined on (“She’s writing a book, “…””).
  const joined = /^[’'](?:s|d|ll|re|ve|m)$/u
  const bare = words.filter((word) => !joined.test(word))
  // Only “he” and “she”: “it’ll tell you” is a thing, not who speaks.
  // A possessive one alone is whose words a noun tells (“his claim that
  // …”): not whoever spoke last, which a “he said” is, but the one the
  // sentence is about, which this tagger cannot tell: no one. “Its
  // statement” is the organisation's, as “it said” is.
  const owner = bare.length === 1 ? possessors.get(bare[0]) : undefined
  if (owner !== undefined && owner !== 'it') return undefined
  const pronoun = bare.length === 1 ? (owner ?? bare[0].replace(/^(he|she)[’'](?:s|d|ll)$/u, '$1')) : ''
  if (pronounOf(pronoun)) {
    const gender = pronounOf(pronoun)!
    if (gender === 'male' || gender === 'female') {
      // People named in the words quoted before the pronoun are not who
      // said them (`Biden will lose, he said`; but `He says that … Lee
      // could …` may be Lee's: a pronoun does not point ahead to a name).
      const quoted = new Set<Entity>()
      for (const piece of content) {
        for (const {mention, entity} of named.bySentence.get(source.sentence) ?? []) {
          if (entity.type === 'PER' && mention.start >= piece.start && mention.end <= piece.end && mention.end <= source.start) quoted.add(entity)
        }
      }

      const resolved =
        recentSpeaker(named, source, gender, genders, speaker, quoted) ?? speakerOverBystander(lastPerson(named, source, gender, genders, quoted), source, gender, genders, spoken, quoted)
      if (resolved) {
        genders.set(resolved.id, gender)
        return {...span, entity: resolved.id, name: resolved.name, kind: 'named'}
      }
    }

    // “It said …” right after an organisation is named (this sentence or
    // the one before, no person named since): the organisation.
    if (pronoun === 'it') {
      for (let index = named.before(source) - 1; index >= 0; index--) {
        const {entity, mention} = named.all[index]
        if (source.sentence.index - mention.sentence.index > 1 || entity.type === 'PER') break
        if (entity.type === 'ORG') return {...span, entity: entity.id, name: entity.name, kind: 'organisation'}
      }
    }

    // “Officials said … They added …”: the group that spoke in this
    // sentence or the one before.
    if (pronoun === 'they' && group && source.sentence.index - group.sentence <= 1) {
      return {...span, ...(group.source.entity === undefined ? {} : {entity: group.source.entity}), name: group.source.name, kind: group.source.kind}
    }

    // An “its” tied to no one names no one.
    if (owner) return undefined
    // A “they” or “we” not tied to a named group here: who speaks is not
    // said, as for “officials”.
    return {...span, name: prose, kind: gender === 'group' ? 'anonymous' : 'named'}
  }

  // "The spokeswoman", "the minister": the last person with that role.
  if (kindOfHead === undefined && headWords.length > 1 && determiners.has(headWords[0])) {
    const entity = named.lastWithRole(headWords.at(-1)!, named.before(source))
    if (entity) return {...span, entity: entity.id, name: entity.name, kind: 'named'}
  }

  // Words the tagger did not take for a name here that name an entity
  // elsewhere in the article (“Yesterday OpenAI confirmed” after “OpenAI”).
  if (kindOfHead !== 'anonymous' && /^\p{Lu}/u.test(prose) && !determiners.has(words[0])) {
    const same = named.withProse(prose)
    if (same && same.entity.type !== 'MISC') return {...span, entity: same.entity.id, name: same.entity.name, kind: same.entity.type === 'PER' ? 'named' : 'organisation'}
  }

  // “The agency said”, “the company told”: the organisation of that sort
  // named in this sentence or the three before, when it is the only one
  // (not one in the words quoted, nor one told or written to: “told
  // Reuters”).
  if (headWords.length === 2 && determiners.has(headWords[0]) && organisationNouns.has(headWords[1])) {
    const organisation = onlyOrganisation(source, named, content, headWords[1])
    if (organisation) return {...span, entity: organisation.id, name: organisation.name, kind: 'organisation'}
  }

  // “Fishers say”, “Advocates for … said”: the plural of a noun for people
  // (not “Peters said”), capitalised only because it opens the sentence.
  const opener = source.first === 0 || /^["“‘'(]$/u.test(tokens[source.first - 1]!.text)
  const people = opener && head === 1 && /[^s]s$/.test(words[0]) && isPersonPlural(words[0])
  // The noun, not the possessive after it (“the victims'”: people).
  const headNoun = (headWords.length > 1 && owns(headWords.at(-2), headWords.at(-1)) ? headWords.at(-2) : headWords.at(-1)) ?? ''
  const kind: SourceKind =
    kindOfHead ??
    (peopleOf ? 'anonymous' : undefined) ??
    (/^\p{Lu}/u.test(prose) && !determiners.has(words[0]) && !indefinite.has(words[0]) && !people
      ? 'named'
      : indefinite.has(words[0]) || people || /s$/.test(headNoun)
        ? 'anonymous'
        : 'named')
  // Called by its head, not its apposition (“The study, published
  // Tuesday in …” is “The study”).
  const noun = headWords.at(-1) ?? ''
  const name = words[head] === ',' && head <= 4 && (speakerHeads.has(noun) || speakerHeads.has(noun.replace(/e?s$/, ''))) ? source.sentence.block.text.slice(tokens[source.first]!.start, tokens[source.first + head - 1]!.end) : prose
  // Words that name no one: the model's span stopped inside a phrase or
  // ran over a clause. The quote keeps its cue and has no source.
  const nameWords = name === prose ? cased : cased.slice(0, head)
  // Whose words a noun tells, named by no entity (“the pastor's claims
  // that …”): the pastor.
  if (nameWords.length > 1 && owns(nameWords.at(-2), nameWords.at(-1))) {
    const owner = nameWords.slice(0, -1)
    if (isBroken(owner)) return undefined
    const end = tokens[source.first + owner.length - 1]!.end
    return {...span, name: source.sentence.block.text.slice(tokens[source.first]!.start, end), kind}
  }

  if (isBroken(nameWords)) return undefined
  return {...span, name, kind}
}

// Words a source's name does not end on (“excerpts of”, “protesters
// and”, “Their”). Not the prepositions that end a phrasal verb (“Families
// left behind”, “A bystander who stepped in”), nor “his” and “her”, which
// end a name as objects (“people close to her”, “a friend of his”).
const danglingEnds: ReadonlySet<string> = new Set([
  ...['of', 'for', 'to', 'with', 'at', 'from', 'by'],
  ...['about', 'into', 'than', 'as', 'that', 'who', 'whose', 'which', 'and', 'or', 'but', 'nor'],
  ...['the', 'a', 'an', 'their', 'its', 'our', 'my', 'your', "'s", '’s']
])
const relativePronouns: ReadonlySet<string> = new Set(['who', 'which', 'that', 'whose', 'whom'])
// Pronouns that are no one's subject (“calling them rapists and …”).
const objectPronouns: ReadonlySet<string> = new Set(['them', 'him', 'us', 'me'])
// Words before a noun.
const nounMarkers: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'his', 'her', 'their', 'its', 'my', 'our', 'your'])
// Participles that open a sentence before its subject (“Having announced
// that …”), not a name (“Boeing”, “Manning”).
const openingParticiples: ReadonlySet<string> = new Set(['Having', 'Being', 'Holding', 'Saying', 'Adding', 'Noting', 'Citing', 'Calling', 'Arguing', 'Insisting', 'Speaking', 'Writing', 'Asked', 'Asking'])
// Words that open a clause of their own inside a source (“people familiar
// with what was discussed”).
const clauseWords: ReadonlySet<string> = new Set([
  ...['who', 'whose', 'whom', 'which', 'that', 'what', 'how', 'where', 'when', 'whether', 'why', 'if', ','],
  ...['because', 'as', 'after', 'before', 'while', 'since', 'until', 'although', 'though']
])
// A verb of a clause (“The full poll can be”, “one could”), as written
// (not the month “May”); not “to be released Thursday”, not “being
// considered”.
const auxiliaries: ReadonlySet<string> = new Set(['can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'does', 'did', 'do'])

/**
 * Whether words hold a clause with no relative pronoun after their noun
 * (“voters I spoke with”): a subject pronoun after the first word, no
 * relative pronoun before it.
 *
 * @param words
 *   Words, lower-cased.
 * @returns
 *   Whether they do.
 */
function contactClause(words: ReadonlyArray<string>): boolean {
  const at = words.findIndex((word, index) => index > 0 && clauseSubjects.has(word))
  return at > 0 && !words.slice(0, at).some((word) => relativePronouns.has(word))
}

/**
 * Whether a source's words cannot be a name: they end on a preposition,
 * a conjunction, a determiner or a possessive, open on an object pronoun,
 * a relative pronoun or a participle that opens sentences (“Having”,
 * “Holding open a book”), or hold the verb of a clause before any
 * clause of their own (“The full poll can be”; not “a woman whose
 * husband was hurt”).
 *
 * @param cased
 *   Words of the source, as written.
 * @returns
 *   Whether they cannot.
 */
export function isBroken(cased: ReadonlyArray<string>): boolean {
  const words = cased.map((word) => word.toLowerCase())
  if (words.length === 0) return true
  // A relative pronoun alone is resolved before (`antecedentOf`), or kept.
  if (words.length === 1 && relativePronouns.has(words[0]!)) return false
  // Unless a clause of its own ends there (“voters I spoke with”).
  if (danglingEnds.has(words.at(-1)!) && !contactClause(words)) return true
  // A relative clause, not the name it follows (“who get frustrated by …”).
  // As written: “US officials” are no “us”, “WHO officials” no “who”.
  if (objectPronouns.has(cased[0]!) || (cased[0] !== 'that' && relativePronouns.has(cased[0]!))) return true
  if (openingParticiples.has(cased[0]!)) return true
  const clause = words.findIndex((word) => clauseWords.has(word))
  // Not a noun (“the will”, “the can factory”).
  return cased.slice(0, clause < 0 ? cased.length : clause).some((word, index) => auxiliaries.has(word) && words[index - 1] !== 'to' && !nounMarkers.has(words[index - 1] ?? ''))
}

/**
 * A source span without what the model took in before it: a clause before
 * a comma (“a storm flooded 40 homes and two schools, county
 * lawmakers”: the words after the comma), the sentence's subject before a
 * parenthetical pronoun (“The stories, I think, …”: “I”), a time opening
 * the sentence (“Yesterday OpenAI confirmed”: “OpenAI”).
 *
 * @param source
 *   Source span.
 * @param named
 *   Mentions (a time is cut only before one).
 * @returns
 *   Source span, those words left out.
 */
function trimmedSource(source: FoundSource, named: NamedIndex): FoundSource {
  const tokens = source.sentence.tokens
  const block = source.sentence.block
  // The source offset of a token's start (the block's text has no markup:
  // `[stories](…)` is “stories” there).
  const from = (first: number): FoundSource => {
    const start = block.base + block.map[tokens[first]!.start]!
    return {...source, first, start, text: source.text.slice(start - source.start)}
  }

  // A source ends on a word, not on the comma or dash that closes an
  // apposition (“the centre's director, Ann Moss,”: Ann Moss is then the
  // name that ends it), nor on the pronoun that opens a relative clause
  // the model left out (“Voters who say …”: voters).
  let last = source.last
  while (last - source.first > 1 && (closing.test(tokens[last - 1]!.text) || leftRelatives.has(tokens[last - 1]!.text))) last--
  if (last < source.last) {
    const end = block.base + block.ends[tokens[last - 1]!.end - 1]!
    source = {...source, last, end, text: source.text.slice(0, end - source.start)}
  }

  // Nor does it open on the word that joins its clause to the one before
  // (“a plan, which Democrats say …”, “and both surveys found”).
  // Not “which” before a verb (“a site, which posts …”).
  const opener = tokens[source.first]!.text
  const next = tokens[source.first + 1]?.text ?? ''
  if (source.last - source.first > 1 && joiners.has(opener) && (opener !== 'which' || /^\p{Lu}/u.test(next))) source = from(source.first + 1)

  // Only before a name the tagger found here, or one the article writes
  // elsewhere (“Yesterday OpenAI”, not “Monday Properties”).
  if (
    source.last - source.first > 1 &&
    timeOpeners.has(tokens[source.first]!.text.toLowerCase()) &&
    ((named.bySentence.get(source.sentence) ?? []).some(({mention}) => mention.first === source.first + 1) ||
      named.withProse(source.text.slice(block.base + block.map[tokens[source.first + 1]!.start]! - source.start)) !== undefined)
  ) {
    return from(source.first + 1)
  }

  let comma = -1
  for (let index = source.last - 2; index > source.first; index--) {
    if (tokens[index]!.text === ',') {
      comma = index
      break
    }
  }

  if (comma < 0) return source
  if (comma === source.last - 2 && pronounOf(tokens[comma + 1]!.text.toLowerCase())) return from(comma + 1)
  const before = tokens.slice(source.first, comma).map((token) => token.text.toLowerCase()).join(' ')
  return hasVerbObject(before) ? from(comma + 1) : source
}

/**
 * Whether words hold a verb with its object (“a gunman killed 19 children”),
 * not in a relative clause (“the two senators who visited the plant”): a
 * clause, not a name.
 *
 * @param text
 *   Words, lower-cased.
 * @returns
 *   Whether they do.
 */
export function hasVerbObject(text: string): boolean {
  const main = ` ${text} `.split(/\s(?:who|which|that|whose)\s/u)[0]
  return /\s\p{L}{2,}ed (?:\d|the |a |an |his |her |their |its )/u.test(main)
}

/**
 * The organisation a description (“the agency”, “the company”) stands for:
 * the only one of that sort (a public body for “the agency”, any other for
 * “the company”) named in the source's sentence or the three before, less
 * those named in the quoted words and those told or written to.
 *
 * @param source
 *   The description.
 * @param named
 *   Mentions.
 * @param content
 *   The quote's content pieces.
 * @param noun
 *   Its noun.
 * @returns
 *   The organisation, if one alone fits.
 */
function onlyOrganisation(source: FoundSource, named: NamedIndex, content: ReadonlyArray<Span>, noun: string): Entity | undefined {
  let found: Entity | undefined
  for (let index = named.before(source) - 1; index >= 0; index--) {
    const {entity, mention} = named.all[index]
    if (source.sentence.index - mention.sentence.index > 3) break
    if (entity.type !== 'ORG' || entity === found) continue
    if (content.some((piece) => mention.start >= piece.start && mention.end <= piece.end)) continue
    if (toldWords.has(mention.sentence.tokens[mention.first - 1]?.text.toLowerCase() ?? '')) continue
    if (publicBody.test(entity.name) !== publicNouns.has(noun)) continue
    if (found) return undefined
    found = entity
  }

  return found
}

/**
 * The kind a head noun tells: a document (also one with what is said of it
 * after it: “a report released Monday”, “a paper the team published”), an
 * anonymous source or an organisation.
 *
 * @param cased
 *   Words of the head part of a source, as written.
 * @returns
 *   Kind, if a head word tells one.
 */
function headKind(cased: ReadonlyArray<string>): SourceKind | undefined {
  const words = cased.map((word) => word.toLowerCase())
  const last = words.at(-1)
  if (last === undefined) return undefined
  if (documentHeads.has(last)) return 'document'
  const document = words.findIndex((word, index) => index > 0 && documentHeads.has(word) && index < words.length - 1 && postModifies(words[index + 1]))
  if (document > 0 && !words.slice(0, document).some((word) => personHeads.has(word) || anonymousHeads.has(word))) return 'document'
  // “The Uvalde Police Department” is one; “CDC officials” are people
  // not named.
  if (organisationHeads.has(last) && !anonymousHeads.has(last)) return 'organisation'
  // “Uvalde police”, “Capitol Police”: a force; “police” alone, “The
  // police”, “State police”: people.
  if (last === 'police' && cased.length > 1 && /^\p{Lu}/u.test(cased.at(-2)!) && !determiners.has(words.at(-2)!) && !indefinite.has(words.at(-2)!) && !policeKinds.has(words.at(-2)!)) return 'organisation'
  if (words.some((word) => anonymousHeads.has(word))) return 'anonymous'
  if (organisationHeads.has(last)) return 'organisation'
  return undefined
}

/**
 * Whether a word after a noun starts what is said of it (“released”, “the”,
 * “this”, “Monday”) rather than going on with the noun (“researchers”).
 *
 * @param word
 *   Lower-cased word.
 * @returns
 *   Whether it does.
 */
function postModifies(word: string): boolean {
  return afterHead.has(word) || /^\p{L}{3,}ed$/u.test(word)
}

/**
 * The name a relative pronoun source follows in its sentence, before a
 * comma or a dash, and a bracketed aside (`Sen. Ann Moss (D-Ore.), who`).
 *
 * @param source
 *   The pronoun.
 * @param named
 *   Mentions.
 * @returns
 *   Mention with its entity, if any.
 */
function antecedentOf(source: FoundSource, named: NamedIndex): Named | undefined {
  const tokens = source.sentence.tokens
  let at = source.first
  if (at === 0) return undefined
  // A person's name right before “who” (“It was Obi who said”): the name.
  if (tokens[at]!.text.toLowerCase() === 'who') {
    const person = (named.bySentence.get(source.sentence) ?? []).find(({mention}) => mention.last === at)
    if (person?.entity.type === 'PER') return person
  }

  // After a comma or a dash: not `Democrats in Congress who`, where the
  // name only ends a longer phrase.
  if (!/^[,–—-]$/.test(tokens[at - 1]!.text)) return undefined
  at--
  if (at > 0 && tokens[at - 1]!.text === ')') {
    let open = at - 1
    while (open > 0 && at - open < 8 && tokens[open]!.text !== '(') open--
    if (tokens[open]!.text !== '(') return undefined
    at = open
  }

  const found = (named.bySentence.get(source.sentence) ?? []).find(({mention}) => mention.last === at)
  return found && (found.entity.type === 'PER' || found.entity.type === 'ORG') ? found : undefined
}

/**
 * Whether a token makes the name before it a possessive or a modifier.
 *
 * @param text
 *   Token after the name.
 * @returns
 *   Whether it does.
 */
function isPossessive(text: string | undefined): boolean {
  return text === "'s" || text === '’s' || text === "'" || text === '’'
}

// Words whose “'s” is “is”, “has” or “us” (“she's”, “that's”, “let's”).
const contractedBefore: ReadonlySet<string> = new Set(['let', 'that', 'there', 'here', 'what', 'who', 'where', 'how'])

/**
 * Whether a word and the token after it make an owner (“Ann's claims”,
 * “the victims' claims”): not a contraction (“she's”, “let's”), nor a
 * closing quotation mark (“the ‘Squad’”).
 *
 * @param word
 *   Word.
 * @param next
 *   Token after it.
 * @returns
 *   Whether they do.
 */
function owns(word: string | undefined, next: string | undefined): boolean {
  const lower = (word ?? '').toLowerCase()
  if (lower === '' || pronounOf(lower) !== undefined || contractedBefore.has(lower)) return false
  return next === "'s" || next === '’s' || ((next === "'" || next === '’') && lower.endsWith('s'))
}

/**
 * Whether a mention comes before a source.
 *
 * @param mention
 *   Mention.
 * @param source
 *   Source.
 * @returns
 *   Whether it does.
 */
function before(mention: RawMention, source: FoundSource): boolean {
  return mention.sentence.index < source.sentence.index ||
    (mention.sentence === source.sentence && mention.last <= source.first)
}

/**
 * The person a pronoun source goes back to when someone spoke in its
 * sentence or the one before and no person is named before the pronoun in
 * its own sentence: the one who spoke, not the last person named (`Moss
 * says Reyes is right. He said …` is Moss; `Lee told Vogue that … “…,” she
 * said` is Lee).
 *
 * @param named
 *   Mentions.
 * @param source
 *   The pronoun.
 * @param gender
 *   Its gender.
 * @param genders
 *   Genders known.
 * @param speaker
 *   The person who last spoke, if any.
 * @param quoted
 *   People named in the quote's words (no one to go back to).
 * @returns
 *   Entity.
 */
function recentSpeaker(
  named: NamedIndex,
  source: FoundSource,
  gender: string,
  genders: ReadonlyMap<string, string>,
  speaker: Speaker | undefined,
  quoted: ReadonlySet<Entity>
): Entity | undefined {
  if (!speaker || speaker.sentence < source.sentence.index - 1 || speaker.sentence > source.sentence.index) return undefined
  if (quoted.has(speaker.entity)) return undefined
  const known = genders.get(speaker.entity.id)
  if (known !== undefined && known !== gender) return undefined
  const before = (named.bySentence.get(source.sentence) ?? []).some(
    ({mention, entity}) => entity.type === 'PER' && mention.last <= source.first && !quoted.has(entity)
  )
  return before ? undefined : speaker.entity
}

/** How many sentences back a person who spoke stays the one a pronoun may mean. */
const speakerReach = 8

/**
 * The person a pronoun source means when the last person named is a
 * bystander: someone who never spoke and whose gender no pronoun told
 * (a character, a person mentioned in passing, a name mistaken for a
 * person's), while a person of the pronoun's gender spoke a few sentences
 * before (a profile: “Natalie is …,” she says” is its subject's words).
 *
 * @param last
 *   The last person named before the pronoun, if any.
 * @param source
 *   The pronoun.
 * @param gender
 *   Its gender.
 * @param genders
 *   Genders known.
 * @param spoken
 *   People who spoke, with the sentence where each last did.
 * @param quoted
 *   People named in the quote's words (skipped).
 * @returns
 *   Entity.
 */
function speakerOverBystander(
  last: Entity | undefined,
  source: FoundSource,
  gender: string,
  genders: ReadonlyMap<string, string>,
  spoken: ReadonlyMap<Entity, number>,
  quoted: ReadonlySet<Entity>
): Entity | undefined {
  if (!last || spoken.has(last) || genders.has(last.id)) return last
  let best: Entity | undefined
  let bestSentence = source.sentence.index - speakerReach
  for (const [entity, sentence] of spoken) {
    if (sentence >= bestSentence && genders.get(entity.id) === gender && !quoted.has(entity)) {
      best = entity
      bestSentence = sentence
    }
  }

  return best ?? last
}

/**
 * The last person named before a pronoun, of its gender or of none known.
 *
 * @param named
 *   Mentions.
 * @param source
 *   The pronoun.
 * @param gender
 *   Its gender.
 * @param genders
 *   Genders known.
 * @param quoted
 *   People named in the quote's words (skipped).
 * @returns
 *   Entity.
 */
function lastPerson(
  named: NamedIndex,
  source: FoundSource,
  gender: string,
  genders: ReadonlyMap<string, string>,
  quoted: ReadonlySet<Entity>
): Entity | undefined {
  // Someone spoken to (“Steele told MSNBC's Chris Hayes”) is who the
  // pronoun means only when no one of its sentence spoke to them.
  let addressed: Entity | undefined
  let addressedIn: RawMention['sentence'] | undefined
  for (let index = named.before(source) - 1; index >= 0; index--) {
    const {entity, mention} = named.all[index]
    if (entity.type !== 'PER' || quoted.has(entity)) continue
    const known = genders.get(entity.id)
    if (known !== undefined && known !== gender) continue
    if (addressed) {
      // The one who spoke to them, earlier in the same sentence.
      return mention.sentence === addressedIn ? entity : addressed
    }

    if (isAddressed(mention)) {
      addressed = entity
      addressedIn = mention.sentence
      continue
    }

    return entity
  }

  return addressed
}

/** Words before someone spoken to: “told Ann Lee”, “asked by …”, “MSNBC's Ann Lee”. */
const addressWords: ReadonlySet<string> = new Set(['told', 'tells', 'tell', 'asked', 'asks', 'interviewed', 'to', 'with', 'for', 'against', 'about'])

/**
 * Whether a person's mention is someone spoken to: after “told”, “asked”,
 * “to”, “with”, or a possessive (a host: “MSNBC's Chris Hayes”).
 *
 * @param mention
 *   Mention.
 * @returns
 *   Whether it is.
 */
function isAddressed(mention: RawMention): boolean {
  const before = mention.sentence.tokens[mention.first - 1]?.text
  if (before === undefined) return false
  return addressWords.has(before.toLowerCase()) || /^[’']s$/.test(before) || /\p{L}[’']s$/u.test(before)
}

/** A role that is only a form of address (“Dr.”, “Mr.”): what the apposition says is more. */
const honorific = /^(?:(?:dr|mr|mrs|ms|mx|prof|rev|sir|dame|miss|mister)\.?\s*)+$/i

/**
 * Set a person's role from an apposition after the name, up to the cue:
 * `Jay Lund, vice director of the center, said`.
 *
 * @param source
 *   Source span (name, apposition).
 * @param person
 *   The person's mention.
 * @returns
 *   Whether it set one (a person with a role keeps it, unless it is only a
 *   form of address: “Dr.”).
 */
function roleAfter(source: FoundSource, person: Named): boolean {
  if (person.entity.role && !honorific.test(person.entity.role)) return false
  const tokens = source.sentence.tokens
  const at = person.mention.last
  if (tokens[at]?.text !== ',') return false
  let end = at + 1
  while (end < tokens.length && end - at <= 10 && tokens[end].text !== ',') end++
  if (tokens[end]?.text !== ',' || end === at + 1) return false
  let first = at + 1
  if (/^(who|which|whose|that|and|or|but)$/i.test(tokens[first].text)) return false
  if (/^(a|an|the)$/i.test(tokens[first].text)) first++
  if (first >= end) return false
  person.entity.role = source.sentence.text.slice(tokens[first].start - source.sentence.start, tokens[end - 1].end - source.sentence.start)
  return true
}

/**
 * Point each claim at the quote it belongs to (the one its text overlaps
 * most) and take the claim's speaker and verb from that quote: the model's
 * source, or none when the quote has none or does not tell who said it
 * (`tellsSpeaker`). A claim in no quote keeps what the sentence's
 * attribution found.
 *
 * @param claims
 *   Claims (changed).
 * @param quotes
 *   Quotes of the same document.
 */
export function linkClaims(claims: ReadonlyArray<Claim>, quotes: ReadonlyArray<Quote>): void {
  let from = 0
  for (const claim of claims) {
    while (from < quotes.length && quotes[from].end <= claim.start) from++
    let best = -1
    let most = 0
    for (let index = from; index < quotes.length && quotes[index].start < claim.end; index++) {
      const quote = quotes[index]
      let overlap = 0
      for (const part of quote.parts ?? [quote]) {
        overlap += Math.max(0, Math.min(part.end, claim.end) - Math.max(part.start, claim.start))
      }

      if (overlap > most) {
        best = index
        most = overlap
      }
    }

    if (best < 0) continue
    const quote = quotes[best]
    claim.quote = best
    const says = tellsSpeaker(quote)
    if (quote.source && says) {
      claim.speaker = quote.source.entity ? {entity: quote.source.entity, name: quote.source.name} : {name: quote.source.name}
    } else if (
      claim.speaker &&
      claim.verb &&
      (/^according to\b/i.test(claim.verb) || (!quote.source && claim.speaker.entity && quote.cue?.text.includes(claim.verb)))
    ) {
      // The sentence's attribution found “according to X”, or the quote's
      // cue with an entity before it where the quote has no source (`shop
      // owner Ada Obi, 29, said`): the claim keeps that speaker.
      continue
    } else {
      delete claim.speaker
    }

    // The cue is the claim's verb only when it tells who speaks.
    if (quote.cue && (says || !quote.source)) claim.verb = quote.cue.text
    else delete claim.verb
  }
}

