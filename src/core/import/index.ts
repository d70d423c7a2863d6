/**
 * Import a news article from its web page: HTML (and the page's address)
 * in, a Markdown article with YAML front matter out. Pure: no network, no
 * file system, no Node built-ins (the page is fetched by the caller:
 * `src/node/fetch-page.ts`), so it runs in a browser bundle too.
 *
 * The main text is what Mozilla Readability finds, on a linkedom DOM; the
 * metadata is read before Readability changes the page (`metadata.ts`);
 * the conversion to Markdown is unified's (`to-markdown.ts`).
 *
 * Throws an `ImportError` with code `no-article` when Readability finds
 * nothing, or too little text (fewer than `minWords` words, or a text that
 * is mostly links: a section front, a list of headlines), and `paywall`
 * when the short text it found has a paywall's words (subscribe, sign in)
 * or the page says the article is not free. What the reader should check
 * (a date guessed from the URL, no date at all, media left out) comes back
 * as `warnings`.
 */
import {isProbablyReaderable, Readability} from '@mozilla/readability'
import {parseHTML} from 'linkedom'
import type {DomDocument} from './dom.ts'
import {ImportError} from './errors.ts'
import {frontMatterText, type ImportFrontMatter} from './front-matter.ts'
import {absoluteUrl, readMetadata, type PageMetadata} from './metadata.ts'
import {slugify} from './slug.ts'
import {chromeMarks, htmlToMarkdown, type TextStats} from './to-markdown.ts'

export {ImportError, type ImportErrorCode} from './errors.ts'
export {frontMatterText, type ImportFrontMatter} from './front-matter.ts'
export {dateInPath, readMetadata, type DateSource, type PageMetadata} from './metadata.ts'
export {slugify} from './slug.ts'

/** Configuration of {@link importArticle}. */
export interface ImportOptions {
  /** Where the page came from (its final address after redirects), if known. */
  readonly url?: string | undefined
  /** Day of the import (`YYYY-MM-DD`), written as `retrieved:` (default: none). */
  readonly retrieved?: string | undefined
  /** Fewest words an article has (default: 50). */
  readonly minWords?: number | undefined
}

/** An imported article. */
export interface ImportedArticle {
  /** The whole Markdown file: front matter, headline, text. */
  markdown: string
  /** The front matter's fields. */
  frontMatter: ImportFrontMatter
  /** What the reader should check, one sentence each. */
  warnings: string[]
  /** A file name for it, without extension (from the headline). */
  slug: string
  /** Words in the text. */
  words: number
}

/** Under this many words, a text with a paywall's words is a paywall stub. */
const paywallWords = 150
const paywallText =
  /\b(?:subscribe|subscribers?(?:[- ]only)?|subscription|sign[- ]?in|log[- ]?in|sign[- ]?up|register(?:ed)? (?:to|for)|already a (?:member|subscriber)|premium|paywall|unlock|free trial|become a member|members? only)\b/i

/** Elements no article text is in, removed before Readability scores the page. */
const noise = [
  'amp-ad',
  'amp-embed',
  'amp-analytics',
  'amp-pixel',
  'amp-sticky-ad',
  'amp-auto-ads',
  'amp-social-share',
  'amp-consent',
  'amp-user-notification',
  'amp-sidebar',
  '[aria-hidden="true"]',
  '[hidden]'
].join(',')

/**
 * Import an article from a web page.
 *
 * @param html
 *   The page's HTML.
 * @param options
 *   Configuration.
 * @returns
 *   Markdown, front matter and warnings.
 * @throws {ImportError}
 *   `no-article` or `paywall`.
 */
export function importArticle(html: string, options: Readonly<ImportOptions> = {}): ImportedArticle {
  const minWords = options.minWords ?? 50
  const pageUrl = absoluteUrl(options.url, undefined)
  const {document} = parseHTML(html) as unknown as {document: DomDocument}
  const metadata = readMetadata(document, pageUrl)
  const warnings: string[] = []

  // Links resolve against `<base href>`, else the page's address, else the canonical one.
  const baseHref = document.querySelector('base[href]')?.getAttribute('href') ?? undefined
  const base = absoluteUrl(baseHref, pageUrl ?? metadata.url) ?? pageUrl ?? metadata.url

  for (const element of [...document.querySelectorAll(noise)]) element.remove()
  // Share bars, ads, sign-up boxes: short blocks marked as such (a long one
  // may be a wrapper of the article whose class happens to say so).
  for (const element of [...document.querySelectorAll('[class], [id]')]) {
    const marks = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    if (chromeMarks.test(marks) && (element.textContent ?? '').replace(/\s+/g, '').length < 400) element.remove()
  }
  // Classes kept: the conversion drops leftover share bars and ads by their class.
  const readerable = isProbablyReaderable(document as never)
  const article = new Readability(document as never, {charThreshold: 500, keepClasses: true}).parse()
  if (!article || !article.content) {
    throw new ImportError('no-article', 'no article found in the page (Readability found no main text)')
  }

  const title = metadata.title ?? article.title?.trim() ?? undefined
  const {markdown: body, stats, droppedMedia} = htmlToMarkdown(article.content, base, title)
  checkText(stats, metadata, minWords)

  if (!readerable) warnings.push('Readability was not sure this page is an article: check that the text is the article’s')
  if (metadata.paywalled) warnings.push('The page marks the article as not free: check that the text is complete')
  if (droppedMedia > 0) {
    warnings.push(`${droppedMedia} image${droppedMedia === 1 ? '' : 's'} or embed${droppedMedia === 1 ? '' : 's'} left out (an imported article loads nothing from the network)`)
  }
  if (metadata.invalidJsonLd > 0) warnings.push(`${metadata.invalidJsonLd} JSON-LD block${metadata.invalidJsonLd === 1 ? ' is' : 's are'} not valid JSON and ${metadata.invalidJsonLd === 1 ? 'was' : 'were'} skipped`)
  if (!title) warnings.push('No headline found: add `title:`')
  warnings.push(...dateWarnings(metadata))

  const authors = metadata.authors.length > 0 ? metadata.authors : bylineAuthors(article.byline)
  const frontMatter: ImportFrontMatter = {}
  if (title) frontMatter.title = title
  if (metadata.date) frontMatter.date = metadata.date
  if (authors.length > 0) frontMatter.author = authors.length === 1 ? authors[0]! : authors
  const source = metadata.siteName ?? article.siteName?.trim() ?? hostName(metadata.url ?? pageUrl)
  if (source) frontMatter.source = source
  if (metadata.url) frontMatter.url = metadata.url
  const language = metadata.language ?? article.lang?.trim()
  if (language) frontMatter.language = language
  if (metadata.section) frontMatter.section = metadata.section
  if (options.retrieved) frontMatter.retrieved = options.retrieved

  const markdown = frontMatterText(frontMatter) + '\n' + body + '\n'
  return {markdown, frontMatter, warnings, slug: slugify(title ?? 'article'), words: stats.words}
}

/** Stop on a page that has no article to read: a paywall stub, too little text, a list of links. */
function checkText(stats: TextStats, metadata: PageMetadata, minWords: number): void {
  const short = stats.words < paywallWords
  if (short && (metadata.paywalled || paywallText.test(stats.text))) {
    throw new ImportError(
      'paywall',
      `the page shows only the start of the article (${stats.words} words and a subscription or sign-in prompt): it looks paywalled; save the page from a browser where you are signed in, and import the .html file`
    )
  }
  if (stats.words < minWords) {
    throw new ImportError('no-article', `no article found in the page: its main text has ${stats.words} word${stats.words === 1 ? '' : 's'} (fewer than ${minWords})`)
  }
  if (stats.linkDensity > 0.5) {
    throw new ImportError('no-article', `no article found in the page: its main text is mostly links (${Math.round(stats.linkDensity * 100)}%), as on a section front or a list of headlines`)
  }
}

function dateWarnings(metadata: PageMetadata): string[] {
  switch (metadata.dateFrom) {
    case undefined:
      return ['No publication date found: add `date:` (YYYY-MM-DD) so relative dates such as “yesterday” resolve']
    case 'url':
      return [`Date ${metadata.date} taken from the address: check it`]
    case 'time':
      return [`Date ${metadata.date} taken from a \`<time>\` in the page, not from its metadata: check it`]
    default:
      return []
  }
}

function bylineAuthors(byline: string | null | undefined): string[] {
  const text = byline?.replace(/\s+/g, ' ').trim()
  // A byline longer than a few names is a sentence Readability took for one.
  if (!text || text.length > 100) return []
  return text
    .replace(/^by\s+/i, '')
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
}

function hostName(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined
  } catch {
    return undefined
  }
}

