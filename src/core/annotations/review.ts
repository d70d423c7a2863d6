/**
 * The review stage of an article: the reader's annotations (the sidecar's,
 * re-anchored in the current text, and the inline directives) applied to
 * the automatic tags. The VS Code extension and the language server run
 * it after each analysis; reading the sidecar is theirs to do.
 */
import type {NewsmarkResult} from '../types.ts'
import {reanchor, type Anchored, type Anchoring, type Orphan} from './anchor.ts'
import {applyAnnotations, type ReviewedResult} from './apply.ts'
import type {DirectiveProblem} from './inline.ts'
import type {Annotation, RejectAnnotation} from './types.ts'

/** What the review reads besides the tags. */
export interface ReviewInput {
  /** The sidecar's valid annotations (offsets in the text it was written against) and its problems. */
  readonly sidecar?: {readonly annotations: readonly Annotation[]; readonly problems: readonly string[]} | undefined
  /** The inline directives' annotations and problems (`readDirectives`). */
  readonly inline?: {readonly annotations: readonly Annotation[]; readonly problems: readonly DirectiveProblem[]} | undefined
  /** Rejections that apply to every article of the workspace. */
  readonly workspaceRejects?: readonly RejectAnnotation[] | undefined
  /** Re-anchoring that remembers past reviews (`createAnchoring`); default: none. */
  readonly anchoring?: Anchoring | undefined
}

/** The annotations of one version of one article, applied to its tags. */
export interface ArticleReview {
  /** The automatic tags with the annotations applied. */
  readonly result: ReviewedResult
  /** Every annotation placed in this version: sidecar (re-anchored) and inline. */
  readonly anchored: readonly Anchored[]
  /** Sidecar annotations that could not be placed: shown, kept, never dropped. */
  readonly orphans: readonly Orphan[]
  /** What is wrong with the sidecar, one line each. */
  readonly sidecarProblems: readonly string[]
  /** What is wrong with inline directives. */
  readonly directiveProblems: readonly DirectiveProblem[]
}

/**
 * Re-anchor and apply the annotations of an article to its tags.
 * @param source
 *   The article's text (the version analysed).
 * @param machine
 *   Its automatic tags.
 * @param input
 *   Its sidecar, its inline directives, the workspace's rejections.
 * @returns
 *   The review.
 */
export function reviewArticle(source: string, machine: NewsmarkResult, input: ReviewInput = {}): ArticleReview {
  const report = (input.anchoring?.reanchor ?? reanchor)(source, input.sidecar?.annotations ?? [])
  const inline = input.inline?.annotations ?? []
  const anchored: Anchored[] = [
    ...report.anchored,
    ...inline.map((annotation): Anchored => ({annotation, method: 'position', errors: 0, previous: annotation.target.exact}))
  ]
  const result = applyAnnotations(machine, anchored.map((item) => item.annotation), {workspaceRejects: input.workspaceRejects ?? []})
  return {
    result,
    anchored,
    orphans: report.orphans,
    sidecarProblems: input.sidecar?.problems ?? [],
    directiveProblems: input.inline?.problems ?? []
  }
}
