/**
 * Nationalities and other words made from names: “Polish”, “Americans”,
 * “Republicans”, “East African”, “Chinese-Korean”, “Ohio-based”,
 * “Korean-style”. CoNLL-2003 tags them MISC, but they name no one thing a
 * reader would look up: a careful reader does not count them among an
 * article's people, organisations and places (`docs/labelling.md`). They are
 * kept apart from the entities (`NewsmarkResult.nationalities`).
 */
import type {Entity} from '../types.ts'
import {gazetteerFeatures} from './gazetteer.ts'

/**
 * Words for groups of people by region, religion, ethnicity or party,
 * beside the gazetteer's nationalities (which has the countries' demonyms).
 */
const groupWords: ReadonlySet<string> = new Set([
  'african',
  'asian',
  'european',
  'arab',
  'latino',
  'latina',
  'latinx',
  'hispanic',
  'korean',
  'palestinian',
  'muslim',
  'christian',
  'jewish',
  'jew',
  'catholic',
  'protestant',
  'evangelical',
  'hindu',
  'sikh',
  'buddhist',
  'sunni',
  'shia',
  'shiite',
  'republican',
  'democrat',
  'democratic',
  'tory',
  'tories',
  'communist',
  'socialist',
  'indigenous'
])

/**
 * Adjectives of a region of the world (“Western powers”): a nationality only
 * where the tagger calls them MISC, as “Western” is also a street's name.
 */
const regionAdjectives: ReadonlySet<string> = new Set(['western', 'eastern', 'northern', 'southern', 'oriental', 'occidental', 'arabic'])

/** Compass words before a demonym (“East African”, “South Korean”). */
const regionWords: ReadonlySet<string> = new Set(['east', 'west', 'north', 'south', 'central', 'latin', 'sub-saharan', 'southeast', 'northeast', 'southwest', 'northwest'])

/**
 * Lower-case second parts of a compound modifier made from a name
 * (“Ohio-based”, “Republican-led”, “Korean-style”, “Trump-era”).
 */
const modifierParts: ReadonlySet<string> = new Set([
  'based',
  'led',
  'run',
  'held',
  'owned',
  'funded',
  'backed',
  'born',
  'bred',
  'made',
  'style',
  'era',
  'grade',
  'themed',
  'inspired',
  'controlled',
  'dominated',
  'occupied',
  'speaking'
])

/**
 * Whether one word is a demonym or group word, singular or plural
 * (“Poles” is not recognised; “Americans”, “Republicans”, “Tories” are).
 *
 * @param word
 *   Word.
 * @param misc
 *   Whether the tagger called it MISC (region adjectives count then only).
 * @returns
 *   Whether it is.
 */
function isGroupWord(word: string, misc: boolean): boolean {
  if (!/^\p{Lu}/u.test(word)) return false
  const lower = word.toLowerCase()
  for (const form of lower.endsWith('s') ? [lower, lower.slice(0, -1), lower.replace(/ies$/, 'y')] : [lower]) {
    if (groupWords.has(form)) return true
    if (gazetteerFeatures(form).includes('gz=nationality')) return true
    if (misc && regionAdjectives.has(form)) return true
  }

  // An adjective made from a name, where the tagger calls it MISC
  // (“Orwellian”, “Shakespearean”, “Kafkaesque”, “Sudanese”).
  if (misc && /.{3}(?:ian|ean|esque|ese)s?$/u.test(lower)) return true

  return false
}

/**
 * Whether a mention's words are a nationality, a group word or a modifier
 * made from a name.
 *
 * @param text
 *   The mention's words.
 * @param misc
 *   Whether the tagger called them MISC (default: yes).
 * @returns
 *   Whether they are.
 */
export function isNationalityText(text: string, misc = true): boolean {
  const words = text.replace(/[’‘]/g, "'").trim().split(/\s+/)
  const last = words.at(-1) ?? ''
  // A compound modifier: “Ohio-based”, “New York-style”, “Chinese-Korean”.
  const dash = last.lastIndexOf('-')
  if (dash > 0) {
    const tail = last.slice(dash + 1)
    if (modifierParts.has(tail.toLowerCase()) && /^\p{Ll}/u.test(tail)) return true
    const parts = last.split('-')
    if (words.length === 1 && parts.every((part) => isGroupWord(part, misc))) return true
  }

  if (!isGroupWord(last, misc)) return false
  // “East African”, “South Korean”.
  return words.slice(0, -1).every((word) => regionWords.has(word.toLowerCase()) || isGroupWord(word, misc))
}

/** Words of race capitalised as a group's (AP style: “Black children”). */
const raceWords: ReadonlySet<string> = new Set(['Black', 'White', 'Brown'])

// What follows a race word used of people: perhaps more group words
// (“Black, Asian and Hispanic”), perhaps one modifier, then people.
const peopleAfter =
  /^(?:\s*(?:,|and|or)?\s*\p{Lu}\p{Ll}+)*(?:\s*,)?\s+(?:(?:and|or)\s+)?(?:[\p{Ll}-]+\s+)?(?:people|persons|children|kids|women|men|girls|boys|adults|teens|teenagers|youth|students|patients|residents|voters|workers|families|households|communities|americans|individuals|mothers|fathers|parents|infants|babies|veterans|drivers|employees|owners|artists|candidates|lawmakers|leaders|victims|neighborhoods|population|populations|counterparts|peers)\b/u

/**
 * Whether a mention is a race word used of people (“more than half of
 * Black children”, “Asian, Black and Hispanic children”), not a name
 * (“Jack White”, “White said”).
 *
 * @param text
 *   The mention's words.
 * @param after
 *   The text right after it.
 * @returns
 *   Whether it is.
 */
function isRaceWord(text: string, after: string): boolean {
  return raceWords.has(text.trim()) && peopleAfter.test(after.slice(0, 120))
}

/**
 * Whether an entity is a nationality, a group or a modifier made from a
 * name: each of its mentions is one.
 *
 * @param entity
 *   Entity.
 * @param source
 *   The document's text, when known (a race word is told by what follows
 *   it).
 * @returns
 *   Whether it is.
 */
export function isNationality(entity: Readonly<Entity>, source?: string): boolean {
  const named = entity.mentions.filter((mention) => !mention.pronoun)
  const misc = entity.type === 'MISC'
  return (
    named.length > 0 &&
    named.every((mention) => isNationalityText(mention.text, misc) || (source !== undefined && isRaceWord(mention.text, source.slice(mention.end, mention.end + 120))))
  )
}
