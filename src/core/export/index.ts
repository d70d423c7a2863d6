/**
 * Exporters: pure functions from articles (source, tags, annotations,
 * metadata) to the text of one export format.
 */
import {toClaimReview} from './claimreview.ts'
import {toCsv} from './csv.ts'
import {toJsonExport} from './json.ts'
import {toNotes} from './notes.ts'
import type {ArticleExport, ExportFormat, ExportMeta, ExportOptions} from './types.ts'
import {toWebAnnotation} from './webannotation.ts'
import type {Annotation} from '../annotations/types.ts'
import type {NewsmarkResult} from '../types.ts'

export {articleMeta} from './meta.ts'
export {claimReviews, toClaimReview, ratings, type ClaimReviewDocument} from './claimreview.ts'
export {articleIri, exportWarnings, verdictKey} from './ids.ts'
export {csvColumns, toCsv} from './csv.ts'
export {toJsonExport} from './json.ts'
export {timelineKey, toNotes} from './notes.ts'
export {toWebAnnotation} from './webannotation.ts'
export {newsmarkAgent, type ArticleExport, type ExportFormat, type ExportMeta, type ExportOptions, type Publisher} from './types.ts'

/** Each format: its exporter, a file extension and a media type. */
export const exportFormats: Readonly<
  Record<
    ExportFormat,
    {run: (articles: ReadonlyArray<ArticleExport>, options?: Readonly<ExportOptions> | null) => string; extension: string; mediaType: string}
  >
> = {
  notes: {run: toNotes, extension: '.md', mediaType: 'text/markdown'},
  json: {run: toJsonExport, extension: '.json', mediaType: 'application/json'},
  webannotation: {run: toWebAnnotation, extension: '.jsonld', mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'},
  claimreview: {run: toClaimReview, extension: '.jsonld', mediaType: 'application/ld+json'},
  csv: {run: toCsv, extension: '.csv', mediaType: 'text/csv'}
}

/**
 * Export one article.
 *
 * @param format
 *   Format.
 * @param source
 *   Markdown source.
 * @param result
 *   Its automatic tags.
 * @param annotations
 *   Its annotations, anchored in `source`.
 * @param meta
 *   Metadata (see `articleMeta`).
 * @param options
 *   Options of the export.
 * @returns
 *   Export text.
 * @throws
 *   When the format is unknown.
 */
export function exportArticle(
  format: ExportFormat,
  source: string,
  result: NewsmarkResult,
  annotations: ReadonlyArray<Annotation>,
  meta: ExportMeta,
  options?: Readonly<ExportOptions> | null
): string {
  return exportArticles(format, [{source, result, annotations, meta}], options)
}

/**
 * Export several articles into one output.
 *
 * @param format
 *   Format.
 * @param articles
 *   Articles.
 * @param options
 *   Options of the export.
 * @returns
 *   Export text.
 * @throws
 *   When the format is unknown.
 */
export function exportArticles(format: ExportFormat, articles: ReadonlyArray<ArticleExport>, options?: Readonly<ExportOptions> | null): string {
  const entry = Object.hasOwn(exportFormats, format) ? exportFormats[format] : undefined
  if (!entry) {
    throw new Error(`Unexpected format \`${String(format)}\`, expected one of ${Object.keys(exportFormats).join(', ')}`)
  }

  return entry.run(articles, options)
}
