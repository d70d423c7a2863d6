/**
 * What every exporter takes: one or more articles, each with its source,
 * its automatic tags, its (anchored) annotations and a little metadata.
 */
import type {Orphan} from '../annotations/anchor.ts'
import type {Agent, Annotation, RejectAnnotation} from '../annotations/types.ts'
import type {NewsmarkResult} from '../types.ts'

/** Metadata of an article, for links and JSON-LD. */
export interface ExportMeta {
  /**
   * Path of the article as the output should link to it, relative to where
   * the output goes (`poland-ottawa.md`, `../articles/poland-ottawa.md`).
   */
  file: string
  /** Public URL of the article (front matter `url:`), when known. */
  url?: string | undefined
  /** Headline (front matter `title:` or the first heading). */
  title?: string | undefined
  /** Publication date, `YYYY-MM-DD` (front matter `date:`). */
  datePublished?: string | undefined
  /** Author of the article (front matter `author:`). */
  author?: string | undefined
  /** Annotations that could not be re-anchored: exported, never dropped. */
  orphans?: ReadonlyArray<Orphan> | undefined
  /** The software writing the export (default: Newsmark). */
  generator?: Agent | undefined
  /** Who publishes ClaimReviews (default: each verdict’s creator). */
  reviewer?: Agent | undefined
  /**
   * Workspace-wide rejections from other articles (`scope: 'workspace'`),
   * applied to this article too (default: none).
   */
  workspaceRejects?: ReadonlyArray<RejectAnnotation> | undefined
}

/** One article to export. */
export interface ArticleExport {
  /** The Markdown source the offsets refer to. */
  source: string
  /** Automatic tags of `source`. */
  result: NewsmarkResult
  /** Manual annotations, anchored in `source` (see `reanchor`). */
  annotations: ReadonlyArray<Annotation>
  meta: ExportMeta
}

/** Export formats. */
export type ExportFormat = 'notes' | 'json' | 'webannotation' | 'claimreview' | 'csv'

/** The default generator. */
export const newsmarkAgent: Agent = {type: 'Software', name: 'Newsmark'}
