/**
 * The IRIs that exports give articles, annotations and fact checks, and
 * what an export lacks to be publishable (`exportWarnings`).
 *
 * An article is its front matter `url:`; else its `path` resolved against
 * the base URL; else, when no public URL is known,
 * `urn:newsmark:file:<path>` (each path segment percent-encoded), which
 * stays the same for the same article wherever the export is written.
 * Machine tags are fragments of it (`<article>#newsmark-e1-1`). A
 * ClaimReview’s `url` comes from the `reviewUrl` pattern; without one it is
 * the verdict’s own id, which no search engine takes.
 */
import type {ArticleExport, ExportFormat, ExportMeta} from './types.ts'

/**
 * The IRI of an article.
 *
 * @param meta
 *   Its metadata.
 * @returns
 *   Absolute IRI, without a fragment.
 * @example
 *   articleIri({file: 'a.md', path: 'news/a b.md'}) // 'urn:newsmark:file:news/a%20b.md'
 *   articleIri({file: 'a.md', path: 'news/a.md', baseUrl: 'https://example.org/'}) // 'https://example.org/news/a.md'
 */
export function articleIri(meta: Readonly<ExportMeta>): string {
  if (meta.url) return meta.url.replace(/#.*$/s, '')
  const path = (meta.path ?? meta.file)
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/')
  return meta.baseUrl ? new URL(path, meta.baseUrl).href.replace(/#.*$/s, '') : `urn:newsmark:file:${path}`
}

/**
 * The stable id of a verdict, for URLs and file names: the UUID of a
 * `urn:uuid:` id, the hash of an inline one, else the id with every
 * character but letters, digits, `.`, `_` and `-` replaced by `-`.
 *
 * @param id
 *   Id of the verdict annotation.
 * @returns
 *   Key.
 * @example
 *   verdictKey('urn:uuid:9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c03') // '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c03'
 */
export function verdictKey(id: string): string {
  const known = /^urn:(?:uuid|newsmark:inline):([\w.-]+)$/i.exec(id)
  return known ? known[1]! : id.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'verdict'
}

/**
 * The URL of the published fact check of a verdict, from the article’s
 * `reviewUrl` pattern.
 *
 * @param meta
 *   Metadata of the article.
 * @param id
 *   Id of the verdict annotation.
 * @returns
 *   Absolute URL, or `undefined` without a pattern.
 */
export function reviewUrlOf(meta: Readonly<ExportMeta>, id: string): string | undefined {
  if (!meta.reviewUrl) return undefined
  const name = (meta.path ?? meta.file).split('/').pop()!.replace(/\.[^.]*$/, '')
  const filled = meta.reviewUrl
    .replace(/\{id\}/g, encodeURIComponent(verdictKey(id)))
    .replace(/\{article\}/g, encodeURIComponent(name))
  return meta.baseUrl ? new URL(filled, meta.baseUrl).href : filled
}

/**
 * What keeps an export from being publishable as it is, one line each
 * (the export is written all the same).
 *
 * @param format
 *   Format.
 * @param articles
 *   Articles.
 * @returns
 *   Warnings, each starting with the article’s `path` (or `file`).
 */
export function exportWarnings(format: ExportFormat, articles: ReadonlyArray<ArticleExport>): string[] {
  if (format !== 'webannotation' && format !== 'claimreview') return []
  const warnings: string[] = []
  for (const {meta, annotations} of articles) {
    const name = meta.path ?? meta.file
    if (!meta.url && !meta.baseUrl) {
      warnings.push(
        `${name}: no public URL (front matter \`url:\`, \`--base-url\` or \`newsmark.export.baseUrl\`), so its ids are \`${articleIri(meta)}…\``
      )
    }

    if (format !== 'claimreview' || !annotations.some((item) => item.kind === 'verdict' && item.verdict !== 'needs-checking')) continue
    if (!meta.publisher) {
      warnings.push(`${name}: no publisher (\`export.publisher\` in \`.newsmarkrc\`, or \`newsmark.export.publisher\`), so the ClaimReviews’ \`author\` is each reviewer`)
    }

    if (!meta.reviewUrl) {
      warnings.push(`${name}: no fact-check URL pattern (\`--review-url\`, \`export.reviewUrl\`), so the ClaimReviews’ \`url\` is the verdict’s id, which search engines do not take`)
    }
  }

  return warnings
}
