/**
 * Deterministic benchmark inputs, generated in memory from
 * `examples/poland-ottawa.md` (seeded): `makeDocument(size, seed)` (one
 * Markdown file of about `size` characters) and `makeArticle(index)` (a
 * variant of the whole example). Shared by `scripts/bench.mjs` and
 * `scripts/perf-steps.mjs`.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Seeded PRNG (mulberry32). */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)]
const shuffle = (rand, list) => {
  const copy = [...list]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }

  return copy
}

const example = fs.readFileSync(path.join(root, 'examples/poland-ottawa.md'), 'utf8')
const exampleBody = example.replace(/^---\n[\s\S]*?\n---\n/, '')
const exampleTitle = exampleBody.match(/^# (.+)$/m)[1]
const exampleParagraphs = exampleBody
  .replace(/^# .+$/m, '')
  .split(/\n{2,}/)
  .map((paragraph) => paragraph.trim())
  .filter(Boolean)

const pools = {
  country: ['Poland', 'Finland', 'Lithuania', 'Latvia', 'Estonia', 'Romania', 'Sweden', 'Norway', 'Germany', 'Slovakia', 'Hungary', 'Denmark', 'Czechia', 'Bulgaria', 'Moldova', 'Georgia'],
  city: ['Warsaw', 'Bydgoszcz', 'Krakow', 'Gdansk', 'Vilnius', 'Riga', 'Tallinn', 'Helsinki', 'Bucharest', 'Oslo', 'Prague', 'Sofia', 'Tartu', 'Kaunas', 'Turku', 'Poznan'],
  first: ['Cezary', 'Maria', 'Anna', 'Piotr', 'Jonas', 'Ilze', 'Kaja', 'Mikko', 'Elena', 'Tomas', 'Ingrid', 'Viktor', 'Agnieszka', 'Lars', 'Daina', 'Andrei'],
  last: ['Tomczyk', 'Zakharova', 'Nowak', 'Kask', 'Virtanen', 'Ozols', 'Petrauskas', 'Lindqvist', 'Popescu', 'Horvath', 'Novak', 'Jensen', 'Dimitrov', 'Berg', 'Kowalski', 'Tamm'],
  month: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  region: ['Eastern Europe', 'Central Europe', 'Northern Europe', 'the Baltic region', 'Scandinavia', 'the Balkans']
}

/** Tokens of the example that a variant replaces, with their pool. */
const slots = [
  ['Poland', 'country'],
  ['Finland', 'country'],
  ['Lithuania', 'country'],
  ['Latvia', 'country'],
  ['Estonia', 'country'],
  ['Warsaw', 'city'],
  ['Bydgoszcz', 'city'],
  ['Cezary', 'first'],
  ['Tomczyk', 'last'],
  ['Maria', 'first'],
  ['Zakharova', 'last'],
  ['February', 'month'],
  ['December', 'month'],
  ['Eastern Europe', 'region']
]
const slotPattern = new RegExp(`\\b(?:${slots.map(([word]) => word).join('|')})\\b|\\d+`, 'g')

/** A variant of a paragraph: names, places, months and numbers changed. */
function vary(rand, text, mapping) {
  return text.replace(slotPattern, (match) => {
    if (/^\d+$/.test(match)) {
      if (match.length === 4 && /^(19|20)/.test(match)) return String(1990 + Math.floor(rand() * 40))
      const n = Math.floor(rand() * 10 ** match.length)
      return String(Math.max(n, match.length > 1 ? 10 ** (match.length - 1) : 1))
    }

    return mapping.get(match) ?? match
  })
}

function variantMapping(rand) {
  const mapping = new Map()
  const used = new Set()
  for (const [word, pool] of slots) {
    let choice = pick(rand, pools[pool])
    for (let tries = 0; used.has(choice) && tries < 8; tries++) choice = pick(rand, pools[pool])
    used.add(choice)
    mapping.set(word, choice)
  }

  return mapping
}

const isoDate = (rand) => `${2015 + Math.floor(rand() * 12)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`

/**
 * Markdown blocks of one varied section: its paragraphs shuffled, now and
 * then one as a block quote and one as a list of its sentences.
 */
function sectionBlocks(rand) {
  const mapping = variantMapping(rand)
  return shuffle(rand, exampleParagraphs).map((paragraph) => {
    const text = vary(rand, paragraph, mapping)
    const roll = rand()
    if (roll < 0.08) return `> ${text}`
    if (roll < 0.16) {
      const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z“])/)
      if (sentences.length > 1) return sentences.map((sentence) => `- ${sentence}`).join('\n')
    }

    return text
  })
}

/**
 * One Markdown file of about `size` characters (cut back to the last whole
 * block, so it never ends mid-sentence): front matter, a title, then `##`
 * sections of varied paragraphs.
 */
export function makeDocument(size, seed) {
  const rand = random(seed)
  const parts = [`---\ntitle: ${exampleTitle}\ndate: ${isoDate(rand)}\nlanguage: en\n---\n`, `# ${vary(rand, exampleTitle, variantMapping(rand))}\n`]
  let length = parts[0].length + parts[1].length
  while (length < size) {
    const heading = `## ${vary(rand, pick(rand, exampleParagraphs).split(/[.,]/)[0], variantMapping(rand))}\n`
    parts.push(heading)
    length += heading.length + 1
    for (const block of sectionBlocks(rand)) {
      parts.push(`${block}\n`)
      length += block.length + 2
      if (length >= size) break
    }
  }

  const text = parts.join('\n')
  return text.slice(0, text.lastIndexOf('\n\n', size) + 1)
}

/** One article: a variant of the whole example, with its own front matter. */
export function makeArticle(index) {
  const rand = random(1_000_003 * (index + 1))
  const mapping = variantMapping(rand)
  return [
    `---\ntitle: ${vary(rand, exampleTitle, mapping)}\ndate: ${isoDate(rand)}\nlanguage: en\n---\n`,
    `# ${vary(rand, exampleTitle, mapping)}\n`,
    ...shuffle(rand, exampleParagraphs).map((paragraph) => `${vary(rand, paragraph, mapping)}\n`)
  ].join('\n')
}
