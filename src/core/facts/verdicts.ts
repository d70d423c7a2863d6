/**
 * Verdicts as facts: every verdict a reader gives to a claim (a `verdict`
 * annotation, inline `:claim[…]{verdict=false}` or in a sidecar) becomes a
 * claim fact, so the same claim in another article of the workspace is
 * flagged (`fact-contradiction`).
 */
import type {Annotation} from '../annotations/types.ts'
import type {ClaimFactInput} from './types.ts'

/**
 * The claim facts of an article’s annotations.
 *
 * @param annotations
 *   Annotations of one article (others are skipped).
 * @param file
 *   Path of the article, the source when a verdict cites none.
 * @returns
 *   One claim fact per verdict with quoted text.
 */
export function factsFromVerdicts(annotations: ReadonlyArray<Annotation>, file: string): ClaimFactInput[] {
  const facts: ClaimFactInput[] = []
  for (const annotation of annotations) {
    if (annotation.kind !== 'verdict' || !annotation.target.exact.trim()) continue
    const fact: ClaimFactInput = {
      claim: annotation.target.exact.trim(),
      verdict: annotation.verdict,
      source: annotation.source ?? file,
      origin: file
    }
    const date = annotation.modified ?? annotation.created
    if (date && /^\d{4}-\d{2}-\d{2}/.test(date)) fact.date = date.slice(0, 10)
    facts.push(fact)
  }

  return facts
}
