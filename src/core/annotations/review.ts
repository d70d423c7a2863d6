/**
 * The review stage of an article: the reader's annotations (the sidecar's,
 * re-anchored in the current text, and the inline directives) applied to
 * the automatic tags. The VS Code extension and the language server run
 * it after each analysis; reading the sidecar is theirs to do. What could
 * not be read (`reviewMessages`) is reported as findings are, as vfile
 * messages with rule ids, by the editor, the language server and the CLI.
 */
import {location} from 'vfile-location'
import {VFileMessage} from 'vfile-message'
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
  /** The sidecar's file name, for its problems' message (default `sidecar`). */
  readonly sidecarName?: string | undefined
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
  /** Both, as vfile messages with rule ids (`reviewMessages`). */
  readonly messages: readonly VFileMessage[]
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
  const sidecarProblems = input.sidecar?.problems ?? []
  const directiveProblems = input.inline?.problems ?? []
  return {
    result,
    anchored,
    orphans: report.orphans,
    sidecarProblems,
    directiveProblems,
    messages: reviewMessages(source, {sidecarProblems, directiveProblems}, {sidecar: input.sidecarName})
  }
}

/**
 * What could not be read with an article, as vfile messages with rule ids:
 * `sidecar-invalid`, an error on the article's first line listing what is
 * wrong with its sidecar (its valid annotations still apply), and
 * `directive-invalid`, a warning at each inline directive that could not be
 * read.
 *
 * @param source
 *   The article's text (the version reviewed).
 * @param review
 *   Its problems (`reviewArticle`, or read without a review).
 * @param options
 *   The sidecar's file name, for the message (default `sidecar`).
 * @returns
 *   Messages, the sidecar's first.
 */
export function reviewMessages(
  source: string,
  review: Pick<ArticleReview, 'sidecarProblems' | 'directiveProblems'>,
  options: {readonly sidecar?: string | undefined} = {}
): VFileMessage[] {
  const messages: VFileMessage[] = []
  if (review.sidecarProblems.length === 0 && review.directiveProblems.length === 0) return messages
  const place = location(source)
  const span = (start: number, end: number) => {
    const from = place.toPoint(start)
    const to = place.toPoint(Math.max(start, end))
    return from && to ? {place: {start: from, end: to}} : {}
  }
  const message = (reason: string, where: object, ruleId: string, fatal: boolean) => {
    const item = new VFileMessage(reason, {...where, ruleId, source: 'newsmark'})
    item.fatal = fatal
    messages.push(item)
  }

  if (review.sidecarProblems.length > 0) {
    const name = options.sidecar ?? 'sidecar'
    const count = review.sidecarProblems.length
    const firstLine = source.indexOf('\n')
    message(
      `Unexpected content in the annotation sidecar ${name} (${count} ${count === 1 ? 'problem' : 'problems'}), expected W3C Web Annotations:\n` +
        review.sidecarProblems.map((problem) => `- ${problem}`).join('\n') +
        `\nIts valid annotations are shown; before Newsmark writes it again, it is kept as ${name}.bak-<time>.`,
      span(0, firstLine === -1 ? source.length : firstLine),
      'sidecar-invalid',
      true
    )
  }

  for (const problem of review.directiveProblems) {
    message(problem.message.charAt(0).toUpperCase() + problem.message.slice(1), span(problem.start, problem.end), 'directive-invalid', false)
  }

  return messages
}
