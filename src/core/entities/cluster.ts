/**
 * Entity clustering: groups mentions into entities with a canonical name.
 *
 * - Mentions with the same name (ignoring case, a leading "the" and curly
 *   apostrophes) are one entity, and so are a ministry's two word orders
 *   ("Department of Justice", "Justice Department") and a firm with its
 *   legal form and without ("Illumina Inc.", "Illumina").
 * - A short form the article gives in brackets after a name (“Centers for
 *   Disease Control and Prevention (CDC)”) is that name wherever written.
 * - A shorter person mention whose words are a part of a longer person name
 *   ("Tomczyk" of "Cezary Tomczyk") joins it, whatever type the tagger gave
 *   the shorter one. A surname two people share goes to the one named
 *   first (news names the other in full); another shared part (two Annas)
 *   stays apart.
 * - The type is the one the words around its mentions tell (“Millbrook
 *   police”, “the nonprofit …”), when those that tell one agree; else the
 *   most frequent among the mentions (persons first on ties). The name is
 *   the longest most frequent form, the role the first one seen.
 * - A one-word firm of the article and words that name no firm, place or
 *   part of one (“Kia Carnival”, “Nintendo Switch”) is a thing the firm
 *   makes (MISC), not the firm.
 */
import type {Entity, EntityType, Mention} from '../types.ts'
import {isCompanyName, isFirstName, isPlaceName} from './gazetteer.ts'
import {genericAcronyms} from './filter.ts'
import {isHeadline, joinedParticles, legalSuffix, type RawMention} from './mentions.ts'

/** An entity under construction. */
interface Group {
  mentions: RawMention[]
  key: string
  /** Words of the key. */
  words: string[]
  /** Word count of mentions per type, for the majority type. */
  counts: Map<EntityType, number>
  /** Types the words around its mentions tell (`RawMention.cued`). */
  cued: Set<EntityType>
  /** Start of the first mention. */
  first: number
  /** Index of the sentence of the first mention. */
  sentence: number
}

/**
 * Group mentions into entities.
 *
 * @param mentions
 *   Mentions in document order.
 * @returns
 *   Entities, ordered by first mention, ids `e1`, `e2`, …; and for each
 *   mention (same order) the id of its entity.
 */
export function clusterMentions(mentions: ReadonlyArray<RawMention>): {
  entities: Entity[]
  entityOf: string[]
} {
  const groups = new Map<string, Group>()
  // Multi-word person groups by each of their words.
  const personsByWord = new Map<string, Set<Group>>()
  const groupOf: Group[] = []
  // Names repeat: each text is normalised and counted once.
  const normalized = new Map<string, {key: string; size: number}>()
  const read = (mention: RawMention) => {
    const prose = mention.prose
    let found = normalized.get(prose)
    if (found === undefined) {
      const key = normalize(prose)
      found = {key, size: key.split(' ').length}
      normalized.set(prose, found)
    }

    return found
  }

  const sizeOf = (mention: RawMention) => read(mention).size
  const keys: string[] = new Array(mentions.length)
  const sizes: number[] = new Array(mentions.length)
  for (let index = 0; index < mentions.length; index++) {
    const found = read(mentions[index])
    keys[index] = found.key
    sizes[index] = found.size
  }

  // A short form the article gives in brackets after a name (“the Centers
  // for Disease Control and Prevention (CDC)”) is that name, wherever it is
  // written.
  const aliases = shortForms(mentions, keys)
  initialsOf(mentions, keys, aliases)
  for (let index = 0; index < mentions.length; index++) {
    const full = aliases.get(keys[index])
    if (full !== undefined) keys[index] = full
  }

  // A country before an organisation's name that the article also writes
  // alone (“100 US Starbucks stores”, “Starbucks”): the organisation. So is
  // a place the tagger tagged apart before an institution's name (“the Gaza
  // | Health Ministry”, then “the Health Ministry”), shown by the name the
  // article writes alone. (Not a name the tagger read whole, “the Seattle
  // Police Department”: the police of another city may follow.)
  const typed = new Set(mentions.map((mention, index) => `${mention.type} ${keys[index]}`))
  const demoted = new Set<RawMention>()
  for (let index = 0; index < mentions.length; index++) {
    const mention = mentions[index]
    let rest = /^(?:us|u\.s\.|uk|u\.k\.) (.+)$/.exec(keys[index])?.[1]
    // “United States” written out: an organisation's, not a body every
    // state or team has too (“the United States Senate”, “Army beat Navy”).
    const spelled = /^united states (.+)$/.exec(keys[index])?.[1]
    if (spelled !== undefined && mention.type === 'ORG' && !everywhere.has(spelled.split(' ').at(-1)!)) rest = spelled
    if (rest === undefined && mention.place && mention.type === 'ORG') {
      rest = keys[index].split(' ').slice(mention.place).join(' ')
      if (typed.has(`ORG ${rest}`)) demoted.add(mention)
    }
    if (rest !== undefined && mention.type !== 'PER' && typed.has(`ORG ${rest}`)) {
      keys[index] = rest
      sizes[index] = rest.split(' ').length
      normalized.set(mention.prose, {key: rest, size: sizes[index]})
    }
  }

  // Full names first, so parts can find them.
  const order = [...mentions.keys()].sort((a, b) => sizes[b] - sizes[a] || a - b)
  for (const index of order) {
    const mention = mentions[index]
    const key = keys[index]
    let group = groups.get(key)
    // A part that joins a person's full name (a first name and more)
    // counts as the person's, whatever the tagger typed it.
    let type = mention.type
    // (A surname with its particles is a part too: “Von der Leyen”.)
    if (!group && (sizes[index] < 3 || particleSurname.test(key))) {
      group = personWithPart(key, mention.type)
      if (group && namesPerson(group)) type = 'PER'
    }

    if (!group) {
      group = {mentions: [], key, words: key.split(' '), counts: new Map(), cued: new Set(), first: mention.start, sentence: mention.sentence.index}
      groups.set(key, group)
    }

    group.mentions.push(mention)
    if (mention.start < group.first) {
      group.first = mention.start
      group.sentence = mention.sentence.index
    }
    group.counts.set(type, (group.counts.get(type) ?? 0) + sizes[index])
    if (mention.cued) group.cued.add(type)
    groupOf[index] = group
    if (group.words.length > 1 && typeOf(group) === 'PER') {
      for (const word of group.words) {
        let set = personsByWord.get(word)
        if (!set) {
          set = new Set()
          personsByWord.set(word, set)
        }

        set.add(group)
      }
    }
  }

  const ordered = [...new Set(groupOf.filter(Boolean))].sort((a, b) => a.first - b.first)
  const types = new Map(ordered.map((group) => [group, typeOf(group)]))
  const brands = new Set(ordered.filter((group) => types.get(group) === 'ORG' && group.words.length === 1).map((group) => group.key))
  for (const group of ordered) {
    if (types.get(group) === 'ORG' && isBrandsThing(group, brands)) types.set(group, 'MISC')
  }

  const ids = new Map<Group, string>()
  const entities = ordered.map((group, index) => {
    const id = 'e' + (index + 1)
    ids.set(group, id)
    return toEntity(group, id, types.get(group)!, sizeOf, demoted)
  })
  return {entities, entityOf: groupOf.map((group) => ids.get(group)!)}

  function personWithPart(key: string, type: EntityType): Group | undefined {
    const parts = key.split(' ')
    const candidates = personsByWord.get(parts[0])
    if (!candidates) return undefined
    const needle = ' ' + key + ' '
    let found: Group | undefined
    // Whether another person has the part too, and whether one was named
    // in the same sentence as the first (“John Smith met Anna Smith”).
    let shared = false
    let tied = false
    for (const group of candidates) {
      if (group.words.length <= parts.length || typeOf(group) !== 'PER') continue
      if (!(' ' + group.key + ' ').includes(needle)) continue
      // A place or organisation joins a person only as the surname, and
      // not one after a particle: “Siemens” is the firm, not “Werner von
      // Siemens”; “Houthi” the movement, not “Abdul Malik al Houthi”.
      if (type !== 'PER' && (group.words.at(-1) !== parts.at(-1) || ((type === 'ORG' || type === 'MISC') && joinedParticles.has(group.words.at(-parts.length - 1) ?? '')))) continue
      if (found && found !== group) {
        shared = true
        // Two people share a surname (a father and a daughter): news calls
        // the one it introduced first by the surname alone, and names the
        // other in full.
        const earlier = group.first < found.first ? group : found
        const later = earlier === group ? found : group
        if (later.sentence === earlier.sentence) tied = true
        found = earlier
      } else found = group
    }

    // Two people named first in one sentence, who share another part (a
    // first name), or a name that is no person's first and last (“Illinois
    // Republican”): leave it alone.
    if (shared && (tied || parts.length > 1 || found?.words.at(-1) !== parts[0] || !namesPerson(found))) return undefined
    return found
  }
}

// A surname that opens with its particles (“von der leyen”, “de la cruz”), as a key.
const particleSurname = /^(?:van|von|de|da|di|du|del|della|la|le|bin|ibn|al) (?:\p{L}+ )?\p{L}[\p{L}'-]*$/u

// Last words of bodies that states, cities and teams have as the country
// does (“the Texas Senate”, “the Army” of West Point's football).
const everywhere: ReadonlySet<string> = new Set(['court', 'senate', 'house', 'legislature', 'assembly', 'parliament', 'congress', 'commerce', 'army', 'navy', 'appeals', 'mayors', 'bishops', 'representatives'])

/**
 * Whether a group's name is a person's first name and more: a first name
 * before its last word (“Style Juliette Lewis”, not “Illinois Republican”).
 *
 * @param group
 *   Group.
 * @returns
 *   Whether it is.
 */
function namesPerson(group: Group): boolean {
  return group.words.slice(0, -1).some((word) => isFirstName(word))
}

/**
 * Build the public entity of a group.
 *
 * @param group
 *   Group.
 * @param id
 *   Id.
 * @param type
 *   Its type.
 * @param sizeOf
 *   Words in the normalised key of a mention.
 * @returns
 *   Entity.
 */
function toEntity(group: Group, id: string, type: EntityType, sizeOf: (mention: RawMention) => number, demoted: ReadonlySet<RawMention>): Entity {
  const mentions = [...group.mentions].sort((a, b) => a.start - b.start)
  const role = mentions.find((mention) => mention.role)?.role
  return {
    id,
    type,
    name: canonicalName(mentions.some((mention) => !demoted.has(mention)) ? mentions.filter((mention) => !demoted.has(mention)) : mentions, sizeOf),
    ...(role ? {role} : {}),
    mentions: mentions.map(
      (mention): Mention => ({start: mention.start, end: mention.end, text: mention.text})
    )
  }
}

/**
 * The short forms an article gives in brackets right after a name of two
 * words or more (“Centers for Disease Control and Prevention (CDC)”,
 * “Metropolitan Council of Governments (Metro COG)”): each short form's key
 * to the name's. A short form is one or two capitalised words, of ten
 * letters at most, an acronym (two capitals or more in a word) or the
 * start of one of the name's words (“Muni”), and no place (“Red Star
 * (Yugoslavia)” is a club and its country); a person's name takes none
 * (“Ann Lee (D)” is a party).
 *
 * @param mentions
 *   Mentions in document order.
 * @param keys
 *   Their keys.
 * @returns
 *   Short form key → name key (the first name a short form follows).
 */
function shortForms(mentions: ReadonlyArray<RawMention>, keys: ReadonlyArray<string>): Map<string, string> {
  const aliases = new Map<string, string>()
  for (let index = 1; index < mentions.length; index++) {
    const short = mentions[index]
    const full = mentions[index - 1]
    if (short.sentence !== full.sentence || full.type === 'PER' || short.first !== full.last + 1) continue
    const tokens = short.sentence.tokens
    if (tokens[full.last]?.text !== '(' || tokens[short.last]?.text !== ')') continue
    const words = short.prose.split(/\s+/)
    if (words.length > 2 || short.prose.replace(/[^\p{L}]/gu, '').length > 10 || !words.every((word) => /^\p{Lu}/u.test(word))) continue
    const fullWords = full.prose.split(/\s+/)
    if (fullWords.length < 2 || keys[index] === keys[index - 1] || aliases.has(keys[index])) continue
    // Letters of an acronym (“CDC”, “Metro COG”), or the start of one of
    // the name's words (“Muni”); not a place (“Red Star (Yugoslavia)” is a
    // club and its country).
    const acronym = words.some((word) => /\p{Lu}.*\p{Lu}/u.test(word))
    const clipped = words.length === 1 && fullWords.some((word) => word.length > short.prose.length && word.startsWith(short.prose))
    if ((!acronym && !clipped) || isPlaceName(short.prose)) continue
    aliases.set(keys[index], keys[index - 1])
  }

  return aliases
}

/** Small words an acronym skips (“Food and Drug Administration”: FDA). */
const skipped: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'to', '&', 'de'])

/**
 * Acronyms the article writes without brackets that spell a longer name it
 * gives (“FDA” and “Food and Drug Administration”, “U.S.” and “United
 * States”): each acronym's key to the name's (`aliases`, added to, where it
 * has none yet). The letters are the initials of the name's words, small
 * words aside and a leading “US” or “U.S.” allowed (“US Centers for …”); an
 * acronym of three letters or more may spell its first words only, one word
 * left over (“CDC”, “Centers for Disease Control and Prevention”). A
 * person's name takes none (“MRT”), nor does an acronym of no one thing
 * (“AI”) or one of another type (“L.A.”, a team, and “Los Angeles”), and
 * the first name in the article that fits is the one.
 *
 * @param mentions
 *   Mentions in document order.
 * @param keys
 *   Their keys.
 * @param aliases
 *   Short form key → name key (changed).
 */
function initialsOf(mentions: ReadonlyArray<RawMention>, keys: ReadonlyArray<string>, aliases: Map<string, string>): void {
  const acronyms = new Map<string, {key: string; type: EntityType}>()
  for (const [index, mention] of mentions.entries()) {
    const letters = acronymLetters(mention.prose)
    if (letters && !genericAcronyms.has(letters) && !aliases.has(keys[index])) acronyms.set(letters, {key: keys[index], type: mention.type})
  }

  if (acronyms.size === 0) return
  const named = new Set<string>()
  for (const [index, mention] of mentions.entries()) {
    if (mention.type === 'PER' || named.has(keys[index])) continue
    named.add(keys[index])
    for (const [letters, {key, type}] of acronyms) {
      if (key === keys[index] || aliases.has(key) || type !== mention.type) continue
      if (spellsName(letters, mention.prose)) aliases.set(key, keys[index])
    }
  }
}

/**
 * The letters of an acronym (“CDC”, “U.S.”: “US”): two to six capitals,
 * full stops aside.
 *
 * @param text
 *   Words.
 * @returns
 *   Letters, if the words are an acronym.
 */
export function acronymLetters(text: string): string | undefined {
  const letters = text.trim().replace(/\./g, '')
  return /^\p{Lu}{2,6}$/u.test(letters) ? letters : undefined
}

/**
 * Whether an acronym spells a name (`initialsOf`): the initials of its
 * words, small words aside and a leading “US” or “U.S.” allowed; three
 * letters or more may spell its first words, one word left over.
 *
 * @param acronym
 *   Acronym, full stops aside (“CDC”, “US”).
 * @param name
 *   Name of two words or more (“Centers for Disease Control and Prevention”).
 * @returns
 *   Whether it does.
 */
export function spellsName(acronym: string, name: string): boolean {
  let words = name.split(/\s+/).filter((word) => !skipped.has(word.toLowerCase()))
  if (words.length > 2 && /^U\.?S\.?$/.test(words[0])) words = words.slice(1)
  // “United States” spelt by its initials or left out (“USPS”, “SEC”).
  if (words.length > 3 && words[0] === 'United' && words[1] === 'States' && spells(acronym, words.slice(2))) return true
  return spells(acronym, words)
}

/**
 * Whether an acronym spells the initials of words (`spellsName`).
 *
 * @param acronym
 *   Acronym.
 * @param words
 *   Words, small ones left out.
 * @returns
 *   Whether it does.
 */
function spells(acronym: string, words: ReadonlyArray<string>): boolean {
  if (words.length < 2 || !words.every((word) => /^\p{Lu}/u.test(word))) return false
  const initials = words.map((word) => word[0]).join('')
  return initials === acronym || (acronym.length >= 3 && words.length === acronym.length + 1 && initials.startsWith(acronym))
}

/**
 * Type of a group: the one its mentions' contexts tell, when they agree;
 * else the majority (by words of its mentions), persons first on ties.
 *
 * @param group
 *   Group.
 * @returns
 *   Type.
 */
function typeOf(group: Group): EntityType {
  // The context tells one type: one type per name.
  if (group.cued.size === 1) return group.cued.values().next().value!
  let best: EntityType = group.mentions[0].type
  for (const type of ['PER', 'ORG', 'LOC', 'MISC'] as const) {
    if ((group.counts.get(type) ?? 0) > (group.counts.get(best) ?? 0)) best = type
  }

  // A company's one-word name that nothing around calls a person (“Follow
  // us on Twitter”): the company. (Not one typed a place: the list holds
  // “America”, “Pacific”, “Korea”.)
  if (best === 'PER' && group.words.length === 1 && group.mentions.every((mention) => !mention.role && isCompanyName(mention.text))) return 'ORG'
  return best
}

// Words after a firm's name that make the whole another firm or a part of
// it (“Kia Motors”, “Fox News”, “Tesla Energy”, “Google Research”, “Kia
// North America”), not something it makes.
const firmWords: ReadonlySet<string> = new Set([
  ...['inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'ltd', 'ltd.', 'llc', 'plc', 'ag', 'ab', 'sa', 'nv', 'gmbh', 'company', 'corporation', 'companies'],
  ...['group', 'holdings', 'holding', 'motors', 'motor', 'foundation', 'fund', 'trust', 'bank', 'capital', 'partners', 'ventures', 'investments'],
  ...['airlines', 'airways', 'air', 'energy', 'media', 'entertainment', 'studios', 'studio', 'pictures', 'films', 'records', 'music', 'publishing', 'press', 'books'],
  ...['news', 'channel', 'network', 'networks', 'tv', 'television', 'radio', 'broadcasting', 'sports', 'games', 'labs', 'lab', 'research', 'health', 'healthcare'],
  ...['financial', 'insurance', 'securities', 'pharmaceuticals', 'pharma', 'therapeutics', 'biosciences', 'technologies', 'technology', 'tech', 'systems', 'solutions'],
  ...['services', 'international', 'global', 'worldwide', 'industries', 'enterprises', 'brands', 'stores', 'retail', 'foods', 'beverages', 'electronics', 'software'],
  ...['university', 'institute', 'college', 'school', 'academy', 'hospital', 'center', 'centre', 'council', 'committee', 'board', 'association', 'union', 'party'],
  ...['department', 'agency', 'office', 'bureau', 'authority', 'commission', 'administration', 'team', 'club', 'fc', 'league', 'division', 'unit', 'subsidiary'],
  ...['railway', 'railways', 'railroad', 'rail', 'lines', 'express', 'transit', 'logistics', 'shipping', 'freight', 'aviation', 'aerospace', 'defense', 'defence'],
  ...['oil', 'gas', 'petroleum', 'chemical', 'chemicals', 'steel', 'mining', 'power', 'electric', 'utilities', 'telecom', 'communications', 'mobile', 'wireless', 'cable'],
  ...['united', 'workers', 'alliance', 'coalition', 'federation', 'society', 'guild', 'cooperative', 'co-op', 'collective'],
  ...['north', 'south', 'east', 'west', 'america', 'americas', 'europe', 'asia', 'africa', 'pacific', 'atlantic', 'usa', 'us', 'u.s.', 'uk', 'u.k.'],
  ...['management', 'business', 'law', 'service', 'estate', 'realty', 'properties', 'gaming', 'airplanes', 'platforms', 'digital', 'biologics', 'wealth', 'world'],
  ...['organization', 'organisation', 'sons', 'line', 'cruise', 'cruises', 'resorts', 'hotels', 'parks'],
  ...['caucus', 'republicans', 'democrats', 'members', 'wrestling', 'racing', 'football', 'basketball', 'baseball', 'hockey', 'soccer', 'golf', 'tennis']
])

// One-word organisations that are bodies, not firms: what follows their
// name is a part of them (“House Republicans”, “Senate Judiciary”).
const bodies: ReadonlySet<string> = new Set(['house', 'senate', 'congress', 'parliament', 'assembly', 'legislature', 'court', 'government', 'army', 'navy', 'police', 'cabinet'])

/**
 * Whether an organisation's name is one of the article's one-word firms and
 * more words that name no firm, place or part of one (“Kia Carnival”,
 * “Nintendo Switch”, “Tesla Navigation”): a thing the firm makes or holds,
 * not the firm (“Kia Motors”, “Kia America”, “Fox News” stay firms), when
 * the article writes it as a thing (`isThing`) and never with a legal
 * form. Only names the words around left untyped (“… , the automaker, …”
 * keeps a firm).
 *
 * @param group
 *   Group typed an organisation.
 * @param brands
 *   Keys of the article's one-word organisations.
 * @returns
 *   Whether it is.
 */
function isBrandsThing(group: Group, brands: ReadonlySet<string>): boolean {
  if (group.words.length < 2 || group.cued.size > 0 || !brands.has(group.words[0]) || bodies.has(group.words[0])) return false
  const rest = group.words.slice(1)
  if (isPlaceName(rest.join(' ')) || !rest.every((word) => /^\p{L}/u.test(word) && !firmWords.has(word) && !isPlaceName(word) && !brands.has(word))) return false
  // A name written with its legal form is the firm's (“Berkshire Hathaway Inc.”).
  if (group.mentions.some((mention) => legalSuffix.test(mention.prose.trim().split(/\s+/).at(-1) ?? ''))) return false
  // Written as a thing at least once (“the Kia Carnival”, “its new Acme
  // Phone”): a firm's full name (“JPMorgan Chase raised …” after
  // “JPMorgan”, “a Goldman Sachs analyst”) is not.
  return group.mentions.some((mention) => isThing(mention))
}

// Nouns after a firm's name that make it describe them (“a Goldman Sachs
// analyst”), not a thing the firm makes.
const firmParts: ReadonlySet<string> = new Set([
  ...['board', 'analyst', 'analysts', 'shares', 'stock', 'executive', 'executives', 'spokesperson', 'spokesman', 'spokeswoman', 'ceo', 'chief'],
  ...['chairman', 'chairwoman', 'president', 'founder', 'employees', 'employee', 'workers', 'staff', 'headquarters', 'office', 'offices', 'ship', 'ships'],
  ...['plant', 'factory', 'store', 'stores', 'deal', 'subsidiary', 'unit', 'division', 'team', 'lawyer', 'lawyers', 'investors', 'shareholders', 'stake', 'report', 'filing', 'statement']
])

// Words before a thing's name (“the …”, “its new …”).
const thingDeterminers: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'your', 'this', 'that', 'these', 'those', 'every', 'each'])

/**
 * Whether a mention is written as a thing: after a determiner, with at
 * most one word in lower case between (“the Kia Carnival”, “its novel Acme
 * Phone”), and not before a noun it describes (“the Exxon Mobil board”).
 * (Not after a possessive: “Buffett’s Berkshire Hathaway” is his firm.)
 *
 * @param mention
 *   Mention.
 * @returns
 *   Whether it is.
 */
function isThing(mention: RawMention): boolean {
  const tokens = mention.sentence.tokens
  // A name before a noun of a firm's people or parts describes it (“a
  // Goldman Sachs analyst”, “the Exxon Mobil board”).
  if (firmParts.has(tokens[mention.last]?.text.toLowerCase() ?? '')) return false
  let at = mention.first - 1
  if (/^\p{Ll}+$/u.test(tokens[at]?.text ?? '') && !thingDeterminers.has(tokens[at]!.text)) at--
  return thingDeterminers.has(tokens[at]?.text.toLowerCase() ?? '')
}

/**
 * The canonical name: the most frequent of the longest forms the sentences
 * write (a headline's only when no sentence names it).
 *
 * @param mentions
 *   Mentions.
 * @param sizeOf
 *   Words in the normalised key of a mention.
 * @returns
 *   Name.
 */
function canonicalName(all: ReadonlyArray<RawMention>, sizeOf: (mention: RawMention) => number): string {
  // As the sentences write it, not a headline (whose capitals run names on).
  const written = all.filter((mention) => !isHeadline(mention.sentence.tokens))
  const mentions = written.length > 0 ? written : all
  const sizes = mentions.map(sizeOf)
  let longest = 0
  for (const size of sizes) longest = Math.max(longest, size)
  // By prose first (names repeat), then by name.
  const byProse = new Map<string, number>()
  for (let index = 0; index < mentions.length; index++) {
    const mention = mentions[index]
    if (sizes[index] !== longest) continue
    const prose = mention.prose
    byProse.set(prose, (byProse.get(prose) ?? 0) + 1)
  }

  const counts = new Map<string, number>()
  for (const [prose, count] of byProse) {
    const name = prose.replace(/\s+/g, ' ').replace(/^the /i, '')
    counts.set(name, (counts.get(name) ?? 0) + count)
  }

  const [name, count] = [...counts].sort((a, b) => b[1] - a[1])[0]
  if (count > 1 || longest < 3) return name
  // Written once with a word before it that is no first name, and often
  // without (“Style Juliette Lewis”, a section's label run into the
  // name; “Juliette Lewis” eight times): as it is written often.
  const words = name.split(' ')
  const rest = words.slice(1).join(' ')
  const often = mentions.filter((mention) => mention.prose.replace(/\s+/g, ' ') === rest).length
  return often > 1 && !isFirstName(words[0]) && !/^\p{Lu}\.$/u.test(words[0]) ? rest : name
}

// Street types written short (“St.”), as `normalize` reads them.
const streetWords: Readonly<Record<string, string>> = {st: 'street', ave: 'avenue', rd: 'road', blvd: 'boulevard'}

/**
 * Normalised key of a name.
 *
 * @param text
 *   Mention text.
 * @returns
 *   Key.
 */
function normalize(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .replace(/\s+/g, ' ')
      .replace(/^the /, '')
      .trim()
      // One ministry, two word orders (“Department of Justice”, “Justice Department”).
      .replace(/^(department|ministry) of (?:the )?([^ ]+(?: [^ ]+)?)$/u, '$2 $1')
      // One firm with its legal form and without (“Illumina Inc.”, “Illumina”).
      .replace(/(?<=\S),? (?:inc\.?|corp\.?|co\.|ltd\.?|llc|llp|plc|gmbh|n\.v\.|s\.a\.|spa|s\.p\.a\.|oyj|pty)$/u, '')
      // A form that is also another word only after a name that is no
      // place (“Volvo Cars AB”, not “Texas AG”).
      .replace(/^(.+?),? (?:ab|ag|nv|asa)$/u, (all, name: string) => (isPlaceName(name) ? all : name))
      // One road, written short and long (“I-94”, “Interstate 94”; “3rd St.”, “3rd Street”).
      .replace(/^i-(\d+)$/u, 'interstate $1')
      .replace(/^(.*\d(?:st|nd|rd|th)) (st|ave|rd|blvd)\.((?: \S+)?)$/u, (_, name: string, kind: string, rest: string) => `${name} ${streetWords[kind]}${rest}`)
  )
}
