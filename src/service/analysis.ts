/**
 * What the language service reads of an article's analysis: plain data,
 * the same in the VS Code extension (its `Analysis` has these fields) and
 * in the language server.
 */
import type {VFileMessage} from 'vfile-message'
import type {ArticleReview, ReviewedResult} from '../core/annotations/index.ts'
import type {NewsmarkResult} from '../core/types.ts'

/** The analysis of one version of an article. */
export interface ArticleAnalysis {
  /** Tags, with the reader's annotations applied. */
  readonly result: ReviewedResult
  /** Tags as the core found them. */
  readonly machine: NewsmarkResult
  /** Findings (`file.messages`). */
  readonly messages: readonly VFileMessage[]
  /** The reader's annotations (`reviewArticle`). */
  readonly review: ArticleReview
}
