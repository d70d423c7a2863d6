/**
 * A news page's metadata, read the ways news sites publish it: schema.org
 * JSON-LD (a `NewsArticle` and its kin, alone, in an array or in an
 * `@graph`, with `@id` references followed), Open Graph and `article:*`
 * meta tags, Twitter cards, Dublin Core and the usual `name=` tags,
 * `<time datetime>`, `<link rel=canonical>`, `<html lang>`, and a date in
 * the URL's path as the last resort.
 *
 * Dates are kept as the publisher wrote them: `2026-01-16T23:30:00-05:00`
 * is the 16th (the publisher's calendar day), not the 17th in UTC, since
 * that is the day the article's “yesterday” counts from.
 *
 * Known limits: microdata (`itemprop`) is read only for `datePublished`,
 * `author` and `headline` given as `content=` or text; RDFa is not read.
 */
import type {DomDocument} from './dom.ts'

/** Where the article date came from (the less sure sources get a warning). */
export type DateSource = 'json-ld' | 'meta' | 'time' | 'url'

/** What the page says about its article. */
export interface PageMetadata {
  /** Headline. */
  title?: string
  /** Publication date, `YYYY-MM-DD`. */
  date?: string
  /** Where `date` came from. */
  dateFrom?: DateSource
  /** Authors, in order, without “By”. */
  authors: string[]
  /** Name of the site or publisher. */
  siteName?: string
  /** Canonical address (absolute `http:`/`https:`). */
  url?: string
  /** Language tag as the page gives it (`en`, `en-GB`). */
  language?: string
  /** Section (`Politics`, `Opinion`). */
  section?: string
  /** One-paragraph summary. */
  description?: string
  /** `isAccessibleForFree: false` in the JSON-LD: a paywalled article. */
  paywalled: boolean
  /** The JSON-LD `@type` of the article (`NewsArticle`, `LiveBlogPosting`). */
  type?: string
  /** JSON-LD blocks that are not valid JSON (skipped). */
  invalidJsonLd: number
}

/** schema.org types of articles, in the order they are preferred. */
const articleType = /^(?:\w*NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|LiveBlogPosting|BlogPosting|\w*Article|Report)$/
const pageType = /^(?:WebPage|ItemPage|CollectionPage)$/

type JsonObject = Record<string, unknown>

/**
 * Read a page's metadata.
 *
 * @param document
 *   The parsed page (before Readability changes it).
 * @param pageUrl
 *   Where the page was fetched from, if known: relative canonical links
 *   resolve against it, and its path may hold the date.
 * @returns
 *   Metadata.
 */
export function readMetadata(document: DomDocument, pageUrl?: string): PageMetadata {
  const meta = metaTags(document)
  const {article, nodes, invalid} = jsonLd(document)
  const metadata: PageMetadata = {authors: [], paywalled: false, invalidJsonLd: invalid}

  const title =
    text(article?.headline) ??
    text(article?.name) ??
    meta.get('og:title') ??
    meta.get('twitter:title') ??
    meta.get('dc.title') ??
    meta.get('headline') ??
    text(document.querySelector('[itemprop="headline"]')?.textContent) ??
    text(document.querySelector('h1')?.textContent) ??
    text(document.querySelector('title')?.textContent)

  const siteName =
    meta.get('og:site_name') ??
    text(objectOf(article?.publisher, nodes)?.name) ??
    text(nodes.find((node) => types(node).includes('WebSite'))?.name) ??
    meta.get('application-name') ??
    meta.get('dc.publisher')
  if (siteName) metadata.siteName = siteName
  if (title) metadata.title = stripSiteName(title, siteName)

  const published = date(article?.datePublished) ?? date(article?.dateCreated)
  if (published) {
    metadata.date = published
    metadata.dateFrom = 'json-ld'
  } else {
    const fromMeta = firstDate(meta, [
      'article:published_time',
      'og:article:published_time',
      'article.published',
      'datepublished',
      'date.published',
      'publish-date',
      'publish_date',
      'pubdate',
      'parsely-pub-date',
      'sailthru.date',
      'dc.date.issued',
      'dc.date',
      'dcterms.date',
      'date'
    ])
    if (fromMeta) {
      metadata.date = fromMeta
      metadata.dateFrom = 'meta'
    } else {
      const time =
        document.querySelector('time[itemprop~="datePublished"]') ??
        document.querySelector('time[pubdate]') ??
        document.querySelector('article time[datetime]') ??
        document.querySelector('time[datetime]')
      const fromTime = date(time?.getAttribute('datetime'))
      if (fromTime) {
        metadata.date = fromTime
        metadata.dateFrom = 'time'
      }
    }
  }

  const authors = authorNames(article?.author, nodes)
  if (authors.length === 0) {
    const named = meta.get('author') ?? meta.get('article:author') ?? meta.get('dc.creator') ?? meta.get('byl') ?? meta.get('parsely-author')
    if (named && !/^https?:\/\//i.test(named)) authors.push(...splitAuthors(named))
  }
  metadata.authors = unique(authors.map(stripBy).filter((name) => name !== ''))

  const canonical =
    document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ??
    meta.get('og:url') ??
    text(article?.url) ??
    idOf(article?.mainEntityOfPage)
  const base = pageUrl ?? canonical
  const url = absoluteUrl(canonical, base) ?? absoluteUrl(pageUrl, undefined)
  if (url) metadata.url = url
  if (!metadata.date) {
    const fromUrl = dateInPath(url) ?? dateInPath(pageUrl)
    if (fromUrl) {
      metadata.date = fromUrl
      metadata.dateFrom = 'url'
    }
  }

  const ogLocale = meta.get('og:locale')
  const language =
    text(document.documentElement?.getAttribute('lang')) ??
    text(document.documentElement?.getAttribute('xml:lang')) ??
    languageOf(article?.inLanguage) ??
    meta.get('content-language') ??
    meta.get('dc.language') ??
    (ogLocale ? ogLocale.replace('_', '-') : undefined)
  if (language && /^[a-z]{2,3}(?:[-_][a-z\d]{2,8})*$/i.test(language)) metadata.language = language.replace(/_/g, '-')

  const section = firstText(article?.articleSection) ?? meta.get('article:section') ?? meta.get('parsely-section')
  if (section) metadata.section = section
  const description = text(article?.description) ?? meta.get('og:description') ?? meta.get('description') ?? meta.get('twitter:description')
  if (description) metadata.description = description
  const free = article?.isAccessibleForFree
  metadata.paywalled = free === false || (typeof free === 'string' && /^false$/i.test(free.trim()))
  const type = article ? types(article).find((name) => articleType.test(name)) : undefined
  if (type) metadata.type = type
  return metadata
}

/**
 * A date in a URL's path: `/2026/01/16/`, `/2026-01-16/`, `/20260116/`.
 *
 * @param url
 *   Address.
 * @returns
 *   `YYYY-MM-DD`, if the path has a real date in a plausible year.
 */
export function dateInPath(url: string | undefined): string | undefined {
  if (!url) return undefined
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    return undefined
  }
  const match = /(?:^|\/)((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(path) ??
    /(?:^|[/_-])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(path)
  return match ? validDate(match[1]!, match[2]!, match[3]!) : undefined
}

/**
 * A date as the publisher wrote it, as `YYYY-MM-DD`: ISO 8601 (the calendar
 * day written, whatever the offset), else anything `Date` reads (RFC 2822
 * dates), taken in UTC.
 *
 * @param value
 *   A JSON-LD or attribute value.
 * @returns
 *   `YYYY-MM-DD`, or `undefined` when it is no date.
 */
export function date(value: unknown): string | undefined {
  const raw = firstText(value)
  if (!raw) return undefined
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)/.exec(raw) ?? /^(\d{4})(\d{2})(\d{2})(?:$|T\d)/.exec(raw)
  if (iso) return validDate(iso[1]!, iso[2]!, iso[3]!)
  // Not a bare number (a timestamp or a year is no publication day).
  if (/^\d+$/.test(raw)) return undefined
  const parsed = new Date(raw)
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10)
}

function validDate(year: string, month: string, day: string): string | undefined {
  const value = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  return value.getUTCFullYear() === Number(year) && value.getUTCMonth() === Number(month) - 1 && value.getUTCDate() === Number(day)
    ? `${year}-${month}-${day}`
    : undefined
}

/** `<meta>` values by lowercased `property`, `name` or `itemprop` (the first of each wins). */
function metaTags(document: DomDocument): Map<string, string> {
  const tags = new Map<string, string>()
  for (const element of document.querySelectorAll('meta')) {
    const content = text(element.getAttribute('content'))
    if (!content) continue
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase()
      if (key && !tags.has(key)) tags.set(key, content)
    }
  }
  return tags
}

function firstDate(meta: Map<string, string>, keys: ReadonlyArray<string>): string | undefined {
  for (const key of keys) {
    const value = date(meta.get(key))
    if (value) return value
  }
  return undefined
}

/** The article node of the page's JSON-LD, every node (for `@id` references), and how many blocks were broken. */
function jsonLd(document: DomDocument): {article: JsonObject | undefined; nodes: JsonObject[]; invalid: number} {
  const nodes: JsonObject[] = []
  let invalid = 0
  for (const script of document.querySelectorAll('script')) {
    const type = script.getAttribute('type')?.split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/ld+json') continue
    const source = (script.textContent ?? '').replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, '').trim()
    if (!source) continue
    try {
      collect(JSON.parse(source), nodes, 0)
    } catch {
      invalid++
    }
  }
  const article =
    nodes.find((node) => types(node).some((name) => articleType.test(name))) ??
    objectOf(nodes.find((node) => types(node).some((name) => pageType.test(name)))?.mainEntity, nodes)
  return {article: article && types(article).some((name) => articleType.test(name)) ? article : undefined, nodes, invalid}
}

/** Flatten arrays, `@graph` and `mainEntity` into `nodes`. */
function collect(value: unknown, nodes: JsonObject[], depth: number): void {
  if (depth > 8 || !value || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (const item of value) collect(item, nodes, depth + 1)
    return
  }
  const node = value as JsonObject
  nodes.push(node)
  if (node['@graph']) collect(node['@graph'], nodes, depth + 1)
  if (node.mainEntity && typeof node.mainEntity === 'object') collect(node.mainEntity, nodes, depth + 1)
}

function types(node: JsonObject): string[] {
  const type = node['@type']
  const list = Array.isArray(type) ? type : [type]
  return list.filter((item): item is string => typeof item === 'string').map((item) => item.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, ''))
}

/** An object value, following an `{"@id": …}` reference to its node. */
function objectOf(value: unknown, nodes: ReadonlyArray<JsonObject>): JsonObject | undefined {
  const item = Array.isArray(value) ? value[0] : value
  if (!item || typeof item !== 'object') return undefined
  const object = item as JsonObject
  const id = object['@id']
  if (typeof id === 'string' && Object.keys(object).length === 1) return nodes.find((node) => node !== object && node['@id'] === id) ?? object
  return object
}

function authorNames(value: unknown, nodes: ReadonlyArray<JsonObject>): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  const names: string[] = []
  for (const item of list) {
    if (typeof item === 'string') {
      if (!/^https?:\/\//i.test(item)) names.push(...splitAuthors(item))
      continue
    }
    const name = text(objectOf(item, nodes)?.name)
    if (name) names.push(name)
  }
  return names
}

/** “Jane Doe and John Roe”, “Jane Doe, John Roe”. */
function splitAuthors(value: string): string[] {
  return stripBy(value)
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
}

function stripBy(name: string): string {
  return name.replace(/^\s*by\s+/i, '').replace(/\s+/g, ' ').trim()
}

/** A headline without the site's name after a separator (`Headline | Site`). */
function stripSiteName(title: string, siteName: string | undefined): string {
  if (!siteName) return title
  const escaped = siteName.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')
  const stripped = title.replace(new RegExp(`\\s+[|–—:·-]\\s+${escaped}\\s*$`, 'i'), '')
  return stripped || title
}

function languageOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return text((value as JsonObject).alternateName) ?? text((value as JsonObject).name)
  }
  return firstText(value)
}

function idOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) return text((value as JsonObject)['@id']) ?? text((value as JsonObject).url)
  return text(value)
}

/**
 * An absolute `http:` or `https:` address.
 *
 * @param value
 *   Address, perhaps relative.
 * @param base
 *   What it is relative to.
 * @returns
 *   Absolute address, or `undefined` when there is none or it is another scheme.
 */
export function absoluteUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value.trim(), base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

function firstText(value: unknown): string | undefined {
  return Array.isArray(value) ? firstText(value[0]) : text(value)
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.replace(/\s+/g, ' ').trim()
  return trimmed === '' ? undefined : trimmed
}

function unique(names: string[]): string[] {
  return [...new Set(names)]
}
