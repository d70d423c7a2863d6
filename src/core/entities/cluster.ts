/**
 * Entity clustering: groups mentions into entities with a canonical name.
 *
 * - Mentions with the same name (ignoring case, a leading "the" and curly
 *   apostrophes) are one entity.
 * - A shorter person mention whose words are a part of a longer person name
 *   ("Tomczyk" of "Cezary Tomczyk") joins it, whatever type the tagger gave
 *   the shorter one; an ambiguous part (two Smiths) stays apart.
 * - The type is the most frequent among the mentions (persons first on ties),
 *   the name the longest most frequent form, the role the first one seen.
 */
import type {Entity, EntityType, Mention} from '../types.ts'
import type {RawMention} from './mentions.ts'

/** An entity under construction. */
interface Group {
  mentions: RawMention[]
  key: string
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
  const groupOf: Group[] = []

  // Full names first, so parts can find them.
  const order = [...mentions.keys()].sort(
    (a, b) => words(mentions[b]).length - words(mentions[a]).length || a - b
  )
  for (const index of order) {
    const mention = mentions[index]
    const key = normalize(mention.text)
    let group = groups.get(key)
    if (!group && words(mention).length < 3) group = personWithPart(key, mention.type)
    if (!group) {
      group = {mentions: [], key}
      groups.set(key, group)
    }

    group.mentions.push(mention)
    groupOf[index] = group
  }

  const ordered = [...new Set(groupOf.filter(Boolean))].sort(
    (a, b) => firstStart(a) - firstStart(b)
  )
  const ids = new Map<Group, string>()
  const entities = ordered.map((group, index) => {
    const id = 'e' + (index + 1)
    ids.set(group, id)
    return toEntity(group, id)
  })
  return {entities, entityOf: groupOf.map((group) => ids.get(group)!)}

  function personWithPart(key: string, type: EntityType): Group | undefined {
    const parts = key.split(' ')
    let found: Group | undefined
    for (const group of groups.values()) {
      if (group.key === key || typeOf(group) !== 'PER') continue
      const names = group.key.split(' ')
      if (names.length <= parts.length) continue
      const joined = ' ' + names.join(' ') + ' '
      if (!joined.includes(' ' + parts.join(' ') + ' ')) continue
      // A place or organisation joins a person only as the surname.
      if (type !== 'PER' && names.at(-1) !== parts.at(-1)) continue
      // Two different people share the part: leave it alone.
      if (found && found !== group) return undefined
      found = group
    }

    return found
  }
}

/**
 * Build the public entity of a group.
 *
 * @param group
 *   Group.
 * @param id
 *   Id.
 * @returns
 *   Entity.
 */
function toEntity(group: Group, id: string): Entity {
  const mentions = [...group.mentions].sort((a, b) => a.start - b.start)
  const role = mentions.find((mention) => mention.role)?.role
  return {
    id,
    type: typeOf(group),
    name: canonicalName(mentions),
    ...(role ? {role} : {}),
    mentions: mentions.map(
      (mention): Mention => ({start: mention.start, end: mention.end, text: mention.text})
    )
  }
}

/**
 * Majority type of a group, persons first on ties.
 *
 * @param group
 *   Group.
 * @returns
 *   Type.
 */
function typeOf(group: Group): EntityType {
  const counts = new Map<EntityType, number>()
  for (const mention of group.mentions) {
    counts.set(mention.type, (counts.get(mention.type) ?? 0) + words(mention).length)
  }

  let best: EntityType = group.mentions[0].type
  for (const type of ['PER', 'ORG', 'LOC', 'MISC'] as const) {
    if ((counts.get(type) ?? 0) > (counts.get(best) ?? 0)) best = type
  }

  return best
}

/**
 * The canonical name: the most frequent of the longest forms.
 *
 * @param mentions
 *   Mentions.
 * @returns
 *   Name.
 */
function canonicalName(mentions: ReadonlyArray<RawMention>): string {
  const longest = Math.max(...mentions.map((mention) => words(mention).length))
  const counts = new Map<string, number>()
  for (const mention of mentions) {
    if (words(mention).length !== longest) continue
    const name = mention.text.replace(/\s+/g, ' ').replace(/^the /i, '')
    counts.set(name, (counts.get(name) ?? 0) + 1)
  }

  return [...counts].sort((a, b) => b[1] - a[1])[0][0]
}

/**
 * Normalised key of a name.
 *
 * @param text
 *   Mention text.
 * @returns
 *   Key.
 */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^the /, '')
    .trim()
}

function words(mention: RawMention): string[] {
  return normalize(mention.text).split(' ')
}

function firstStart(group: Group): number {
  return Math.min(...group.mentions.map((mention) => mention.start))
}
