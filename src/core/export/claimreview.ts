/**
 * `claimreview` export: schema.org ClaimReview JSON-LD, one per claim with
 * a verdict, in a `@graph`.
 *
 * - `claimReviewed`: the text the verdict is on;
 * - `reviewRating`: a `Rating` with `alternateName` (“Mostly true”) and,
 *   for the truth scale, `ratingValue` from 1 (false) to 5 (true) with
 *   `worstRating` 1 and `bestRating` 5; `unverifiable` has no numeric value
 *   (it is not a point on that scale);
 * - `itemReviewed`: a `Claim` with its `author` (the speaker: a Person when
 *   tagged as one, else an Organization: “Poland”, “Russian officials”) and `appearance` (the article);
 * - `author`: the reviewer (the verdict’s creator, or `meta.reviewer`);
 * - `datePublished`: the day of the verdict; `url`: the verdict’s id, a
 *   `urn:uuid:` (publish the review and replace it with the page URL);
 * - `citation`: the verdict’s source URL; `reviewBody`: its note.
 *
 * `needs-checking` is a to-do, not a review: such claims are left out.
 */
import {applyAnnotations} from '../annotations/apply.ts'
import type {Agent, Verdict} from '../annotations/types.ts'
import type {JsonObject} from '../annotations/w3c.ts'
import type {ArticleExport} from './types.ts'

/** Rating of each verdict on the 1–5 truth scale, and its display name. */
export const ratings: Readonly<Record<Verdict, {name: string; value?: number}>> = {
  true: {name: 'True', value: 5},
  'mostly-true': {name: 'Mostly true', value: 4},
  misleading: {name: 'Misleading', value: 2},
  false: {name: 'False', value: 1},
  unverifiable: {name: 'Unverifiable'},
  'needs-checking': {name: 'Needs checking'}
}

/**
 * Export the verdicts of articles as schema.org ClaimReview JSON-LD.
 *
 * @param articles
 *   Articles.
 * @returns
 *   JSON-LD text (`{"@context": "https://schema.org", "@graph": [...]}`),
 *   ending in a newline.
 */
export function toClaimReview(articles: ReadonlyArray<ArticleExport>): string {
  return JSON.stringify({'@context': 'https://schema.org', '@graph': articles.flatMap((article) => reviewsOf(article))}, null, 2) + '\n'
}

function reviewsOf({result, annotations, meta}: ArticleExport): JsonObject[] {
  const review = applyAnnotations(result, annotations, {workspaceRejects: meta.workspaceRejects})
  const people = new Map(review.entities.map((entity) => [entity.id, entity]))
  const appearance: JsonObject = {
    '@type': 'NewsArticle',
    url: meta.url ?? meta.file,
    ...(meta.title ? {headline: meta.title} : {}),
    ...(meta.datePublished ? {datePublished: meta.datePublished} : {}),
    ...(meta.author ? {author: {'@type': 'Person', name: meta.author}} : {})
  }
  const reviews: JsonObject[] = []
  for (const claim of review.claims) {
    for (const verdict of claim.verdicts) {
      if (verdict.verdict === 'needs-checking') continue
      const rating = ratings[verdict.verdict]
      const speaker = claim.speaker
      const entity = speaker?.entity ? people.get(speaker.entity) : undefined
      const reviewer = meta.reviewer ?? verdict.creator
      reviews.push({
        '@type': 'ClaimReview',
        url: verdict.annotation,
        claimReviewed: verdict.text.replace(/\s+/g, ' ').trim(),
        ...(verdict.date ? {datePublished: verdict.date.slice(0, 10)} : {}),
        ...(reviewer ? {author: agent(reviewer)} : {}),
        reviewRating: {
          '@type': 'Rating',
          alternateName: rating.name,
          ...(rating.value === undefined ? {} : {ratingValue: rating.value, worstRating: 1, bestRating: 5})
        },
        itemReviewed: {
          '@type': 'Claim',
          ...(speaker
            ? {
                author: {
                  '@type': entity?.type === 'PER' ? 'Person' : 'Organization',
                  name: entity?.name ?? speaker.name,
                  ...(entity?.role ? {jobTitle: entity.role} : {})
                }
              }
            : {}),
          ...(meta.datePublished ? {datePublished: meta.datePublished} : {}),
          appearance
        },
        ...(verdict.source ? {citation: verdict.source} : {}),
        ...(verdict.note ? {reviewBody: verdict.note} : {})
      })
    }
  }

  return reviews
}

function agent(value: Readonly<Agent>): JsonObject {
  return {
    '@type': value.type === 'Software' ? 'SoftwareApplication' : value.type,
    name: value.name,
    ...(value.id && /^https?:/.test(value.id) ? {url: value.id} : {})
  }
}
