/**
 * Clusters that are no name a reader would tag: a title alone (“Manager”,
 * “Actress”), an interjection or a day's name (“Hey”, “Sundays”), a
 * generic acronym (“AI”, “DNA”, “CEO”), and a
 * common word capitalised only because it starts a sentence or a caption
 * (“Based on …”, “Season 4.”), told by the document itself: the same word
 * written in lower case elsewhere in it; words that end in one no name
 * ends in (“Half of our”, a quote's opening); a genus before its species
 * (“Candida auris”); a page's buttons (“Gift Article Share”); a
 * headline's common words (“Increase Speeds”); a thing counted (“hits a
 * Flying Elbow on …”).
 */
import type {Entity} from '../types.ts'
import lexicon from './lexicon.json' with {type: 'json'}
import type {DocumentTagging} from './document-tagging.ts'
import {isFirstName, isPlaceName} from './gazetteer.ts'
import {isNationalityText} from './groups.ts'
import {isHeadline, legalSuffix, type RawMention} from './mentions.ts'

/** Titles and role nouns, less those that are also names (“King”, “Dean”, “Queen”). */
const titleWords: ReadonlySet<string> = new Set(
  [...lexicon.titleHeads, ...lexicon.female, ...lexicon.male, 'actor', 'actress', 'host', 'anchor', 'author', 'writer', 'producer'].filter(
    (word) => !['king', 'queen', 'prince', 'princess', 'pope', 'cardinal', 'bishop', 'dean', 'general', 'justice', 'head', 'mp', 'sister', 'lady', 'lord', 'duke', 'baron'].includes(word)
  )
)

/** Words that are never a name alone. */
const neverNames: ReadonlySet<string> = new Set([
  'oh',
  'yeah',
  'yep',
  'nope',
  'hey',
  'hi',
  'hello',
  'wow',
  'yes',
  'no',
  'ok',
  'okay',
  'please',
  'thanks',
  'let',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mondays',
  'tuesdays',
  'wednesdays',
  'thursdays',
  'fridays',
  'saturdays',
  'sundays',
  'photo',
  'photos',
  'image',
  'images',
  'video',
  'share',
  'comment',
  'comments',
  'advertisement',
  'subscribe',
  'related',
  'episode',
  'season',
  'celsius',
  'fahrenheit',
  // Commands that open a list's items (“Check your tyres”, “Don’t drive
  // through water”, “Watch live”).
  "don't",
  'don’t',
  'do',
  'check',
  'watch',
  'slow',
  'keep',
  'avoid',
  'stay',
  'make',
  'take',
  'use',
  'try',
  'never',
  'always',
  'remember',
  'click',
  'read',
  'follow',
  ...lexicon.connectives
])

/** Acronyms of things, not of a named organisation (“AI”, “DNA”, “CEO”, “R&D”), as written. */
export const genericAcronyms: ReadonlySet<string> = new Set(lexicon.genericAcronyms)

/** Lower-case words no name ends in (a name may hold them: “Bank of England”). */
const functionWords: ReadonlySet<string> = new Set(
  ['of', 'the', 'a', 'an', 'and', 'or', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'our', 'my', 'your', 'his', 'her', 'its', 'their', 'we', 'us', 'they', 'them', 'that', 'this', 'which', 'who']
)

/**
 * A clock time's words (“1 AM PDT”): no name with “AM” or “PM” in them. A
 * time zone alone (“GMT”) stays: CoNLL-2003 tags it MISC.
 */
const clockWords: ReadonlySet<string> = new Set(['am', 'pm', 'a.m.', 'p.m.', 'et', 'pt', 'ct', 'mt', 'est', 'edt', 'pst', 'pdt', 'cst', 'cdt', 'mst', 'mdt', 'gmt', 'utc', 'bst', 'cet'])

/**
 * The entities worth showing: those that are names.
 *
 * @param entities
 *   Entities.
 * @param mentions
 *   Mentions (as clustered).
 * @param entityOf
 *   Entity id of each mention.
 * @param tagging
 *   The document's entity tagging, just run (its word tables).
 * @returns
 *   The entities that are names.
 */
export function namedEntities(entities: ReadonlyArray<Entity>, mentions: ReadonlyArray<RawMention>, entityOf: ReadonlyArray<string>, tagging: DocumentTagging): Entity[] {
  // Words the document writes in lower case; species epithets it writes
  // after an initial (“C. auris”).
  const lowerWords = tagging.lowerWords()
  const epithets = tagging.epithets()

  const byEntity = new Map<string, RawMention[]>()
  for (const [index, mention] of mentions.entries()) {
    const id = entityOf[index]
    let list = byEntity.get(id)
    if (!list) byEntity.set(id, (list = []))
    list.push(mention)
  }

  return entities.filter((entity) => {
    const own = byEntity.get(entity.id) ?? []
    if (own.length === 0) return true
    // Clock times (“1 AM PDT”).
    if (
      own.every((mention) => {
        const words = mention.prose.toLowerCase().split(/\s+/)
        return words.some((word) => word === 'am' || word === 'pm') && words.every((word) => clockWords.has(word))
      })
    ) {
      return false
    }

    // A name ends in a name's word, not in “of”, “our” or “the”: a quote's
    // opening words (“Half of our customers…”) are no organisation.
    if (own.every((mention) => functionWords.has(mention.prose.trim().split(/\s+/).at(-1) ?? ''))) return false
    // A genus before its species' epithet (“Candida auris”, “C. auris”), when
    // the document writes the species short: a name of a living thing, no
    // entity of the news.
    if (
      own.every((mention) => {
        // The species written short, taken whole (“P. aeruginosa”).
        if (/^\p{Lu}\.\s*\p{Ll}{3,}$/u.test(mention.prose.trim())) return true
        const next = mention.sentence.tokens[mention.last]?.text
        return mention.last - mention.first === 1 && next !== undefined && /^\p{Ll}/u.test(next) && epithets.has(next)
      })
    ) {
      return false
    }

    // A page's buttons and links left in by the scraper (“Gift Article Share”).
    if (own.some((mention) => isInterfaceText(mention.prose)) && own.every((mention) => isInterfaceText(mention.prose, true))) return false
    // A headline capitalises its common words (“Increase Speeds”): words the
    // document writes in lower case elsewhere are no name there.
    if (own.every((mention) => isHeadline(mention.sentence.tokens) && mention.sentence.tokens.slice(mention.first, mention.last).every((token) => !/\p{L}/u.test(token.text) || (/^\p{Lu}\p{Ll}+$/u.test(token.text) && lowerWords.has(token.text.toLowerCase()))))) {
      return false
    }

    // One of a kind, counted (“hits a Flying Elbow on …”, “a given
    // Supercharger.”): no entity of the news, and no sure type.
    if (own.every((mention) => isCounted(mention))) return false
    // A short form given only for a common noun's words (“a drug-resistant
    // strain (DRS)”): no name either.
    if (own.every((mention) => isCommonAcronym(mention))) return false
    if (own.some((mention) => /\s/u.test(mention.prose.trim()))) return true
    return !own.every((mention) => {
      const word = mention.prose
        .replace(/^[“"‘'(\[]+/u, '')
        .replace(/[’']s$/u, '')
        .toLowerCase()
      // A firm's legal form alone (“Inc.” after “Acme,”) names no firm.
      if (legalSuffix.test(mention.prose.trim())) return true
      // A generic acronym (“AI”, “DNA”, “CEO”, “R&D”) names no one thing.
      if (genericAcronyms.has(mention.prose.trim().replace(/[’']s$/u, ''))) return true
      // “No. 1”: a rank, no name.
      if (word === 'no.' && /^\d/u.test(mention.sentence.tokens[mention.last]?.text ?? '')) return true
      // “OK, so …”: an interjection (not a state after its city: “Tulsa, OK”).
      if (word === 'ok' && mention.sentence.tokens[mention.first - 1]?.text !== ',') return true
      // Another acronym is no common word (“IN”, “OR”).
      if (/^\p{Lu}{2,}$/u.test(mention.prose.trim())) return false
      if (neverNames.has(word) || titleWords.has(word)) return true
      // A participle opening a sentence (“Based on …”, “Born in …”, “Located
      // near …”), a first name aside (“Ted”).
      if (isSentenceStart(mention) && /^(?:\p{Lu}\p{Ll}+ed|Born)$/u.test(mention.prose.trim()) && !isFirstName(mention.prose.trim()) && /^\p{Ll}+$/u.test(mention.sentence.tokens[mention.last]?.text ?? '')) return true
      // A common word at the start of a sentence, written in lower case
      // elsewhere in the document.
      return isSentenceStart(mention) && /^\p{L}+$/u.test(word) && lowerWords.has(word)
    })
  })
}

/**
 * Words after a thing counted (“a … on him”), where no noun follows the
 * name; not “for” (an award: “nominated for an Oscar for best actor”).
 */
const afterCounted: ReadonlySet<string> = new Set(['on', 'onto', 'by', 'in', 'at', 'to', 'with', 'from', 'into', 'instead', '.', ';', '!', '?', ')'])

/**
 * Whether a mention is a thing counted: a name after “a” or “an” (and at
 * most one word in lower case: “a delayed …”) with no noun after it, and
 * neither a place, a group nor a person's first name (“a Democrat”, “a
 * Chennai, India-based firm”, “a Northwind report”, “an Ann Lee film”).
 *
 * @param mention
 *   Mention.
 * @returns
 *   Whether it is.
 */
function isCounted(mention: RawMention): boolean {
  const tokens = mention.sentence.tokens
  let article = mention.first - 1
  if (article > 0 && /^\p{Ll}+$/u.test(tokens[article].text) && !/^an?$/u.test(tokens[article].text)) article--
  if (article < 0 || !/^an?$/iu.test(tokens[article].text)) return false
  const next = tokens[mention.last]?.text
  if (next !== undefined && !afterCounted.has(next.toLowerCase())) return false
  const name = mention.prose.trim()
  return !isFirstName(name.split(/\s+/)[0]) && !isPlaceName(name) && !isNationalityText(name) && !/^\p{Lu}{2,}$/u.test(name)
}

/**
 * Whether a mention is an acronym in brackets after words in lower case
 * (“a resistant strain (RSX)”), the short form of no name; not after a
 * name (“Acme Robotics (AR)”) nor after an organisation's noun (“the
 * electoral commission (IEBC)”).
 *
 * @param mention
 *   Mention.
 * @returns
 *   Whether it is.
 */
function isCommonAcronym(mention: RawMention): boolean {
  const tokens = mention.sentence.tokens
  if (mention.last - mention.first !== 1 || !/^\p{Lu}{2,6}s?$/u.test(tokens[mention.first].text)) return false
  if (tokens[mention.first - 1]?.text !== '(' || tokens[mention.last]?.text !== ')') return false
  const before = tokens[mention.first - 2]?.text
  return before !== undefined && /^\p{Ll}[\p{Ll}\p{N}-]*$/u.test(before) && !functionWords.has(before) && !organisationNouns.has(before.replace(/s$/u, ''))
}

/** Nouns of organisations (“commission”, “agency”): their short form is a name. */
const organisationNouns: ReadonlySet<string> = new Set([...lexicon.kindNouns.ORG, ...lexicon.institutionHeads, ...lexicon.typeCues.ORG.heads].map((word) => word.toLowerCase()))

/** Words of a web page's buttons and links (“Share”, “Comment”). */
const interfaceWords: ReadonlySet<string> = new Set(lexicon.interfaceWords)

/** Words of an icon's name run together (“ArrowRight”). */
const iconWords: ReadonlySet<string> = new Set(['arrow', 'right', 'left', 'up', 'down', 'outline', 'filled', 'icon'])

/**
 * Whether a name is made of a page's interface words only: several of them
 * (“Gift Article Share”) or an icon's name run together (“GiftOutline”,
 * “ArrowRight”); a word alone (“Share”) is judged with the other common
 * words.
 *
 * @param prose
 *   The name's words.
 * @param alone
 *   Whether a word alone counts (for the other mentions of a cluster that
 *   has a longer one: “Gift Article Share” and “Article”).
 * @returns
 *   Whether it is.
 */
export function isInterfaceText(prose: string, alone = false): boolean {
  const words = prose.trim().split(/\s+/u)
  let parts = 0
  for (const word of words) {
    const pieces = word.split(/(?<=\p{Ll})(?=\p{Lu})/u)
    parts += pieces.length
    for (const piece of pieces) {
      const lower = piece.toLowerCase()
      if (!interfaceWords.has(lower) && !(pieces.length > 1 && iconWords.has(lower))) return false
    }
  }

  return alone || parts > 1
}

/**
 * Whether a mention starts its sentence (after an opening quote or
 * bracket, if any).
 *
 * @param mention
 *   Mention.
 * @returns
 *   Whether it does.
 */
function isSentenceStart(mention: RawMention): boolean {
  const tokens = mention.sentence.tokens
  // A verse's line (“… kiss Aaron and / Sit by the lake”) starts as a sentence does.
  if (tokens[mention.first - 1]?.text === '/') return true
  for (let index = 0; index < mention.last - 1; index++) {
    if (/\p{L}|\p{N}/u.test(tokens[index].text)) return false
  }

  return true
}
