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
  /**
   * Path of the article in the project, `/`-separated and relative to the
   * working folder (CLI) or the workspace folder (editor): what names it
   * under `baseUrl` and in `urn:newsmark:file:` ids (default: `file`).
   */
  path?: string | undefined
  /**
   * URL the articles are published under (`newsmark.export.baseUrl`,
   * `--base-url`, `.newsmarkrc` `export.baseUrl`): an article without
   * front matter `url:` is taken to be at its `path` resolved against it.
   */
  baseUrl?: string | undefined
  /**
   * Pattern of the URL of a published fact check (`export.reviewUrl`):
   * `{id}` stands for the verdict’s stable id (`verdictKey`) and
   * `{article}` for the article’s file name without its extension; a
   * relative pattern is resolved against `baseUrl`.
   */
  reviewUrl?: string | undefined
  /** The organisation that publishes the fact checks: the ClaimReviews’ `author`. */
  publisher?: Publisher | undefined
  /** The software writing the export (default: Newsmark). */
  generator?: Agent | undefined
  /**
   * Workspace-wide rejections from other articles (`scope: 'workspace'`),
   * applied to this article too (default: none).
   */
  workspaceRejects?: ReadonlyArray<RejectAnnotation> | undefined
}

/** Who publishes fact checks (`export.publisher` in settings and `.newsmarkrc`). */
export interface Publisher {
  /** Name of the organisation (“Example Fact Check”). */
  name: string
  /** Its home page (an http(s) URL). */
  url?: string | undefined
}

/** Options of a whole export. */
export interface ExportOptions {
  /**
   * When the export is made (ISO 8601): the `created` of machine tags, the
   * `generated` of the collection and the `datePublished` of a ClaimReview
   * whose verdict has no date (default: now).
   */
  now?: string | null | undefined
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
