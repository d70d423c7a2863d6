/**
 * `claimreview` export: schema.org ClaimReview JSON-LD, one per verdict
 * (so one per reviewer and claim), in a `@graph`; or one document per
 * ClaimReview (`claimReviews`, `newsmark export --split`), since a page is
 * to carry one.
 *
 * - `url`: the published fact check, from the `reviewUrl` pattern (else
 *   the verdict’s id, and `exportWarnings` says so);
 * - `claimReviewed`: the text the verdict is on;
 * - `author`: the publisher (`export.publisher`), an Organization; without
 *   one, the verdict’s creator;
 * - `datePublished`: the day of the verdict, or of the export for a verdict
 *   without a date (an inline one);
 * - `reviewRating`: a `Rating` with `name` and `alternateName` (“Mostly
 *   true”) and `ratingValue` on the 1–5 scale of `ratings`, with
 *   `worstRating` 1 and `bestRating` 5;
 * - `itemReviewed`: a `Claim` with its `author` (the speaker: a Person when
 *   tagged as one, else an Organization: “Poland”, “Russian officials”; for
 *   a claim without a speaker, the article’s author), its `datePublished`
 *   and `appearance` (the article);
 * - `citation`: the verdict’s source URL; `reviewBody`: its note.
 *
 * `needs-checking` is a to-do, not a review: such verdicts are left out.
 * Every `<` is written `\u003c`, so the JSON-LD can go in a `<script>`.
 */
import {applyAnnotations} from '../annotations/apply.ts'
import type {Agent, Verdict} from '../annotations/types.ts'
import type {JsonObject} from '../annotations/w3c.ts'
import {articleIri, reviewUrlOf, verdictKey} from './ids.ts'
import {escapeJsonLd} from './json-ld.ts'
import type {ArticleExport, ExportOptions} from './types.ts'

/**
 * Rating of each verdict on the 1–5 truth scale, and its display name.
 * `unverifiable` is the midpoint, 3: shown neither true nor false.
 */
export const ratings: Readonly<Record<Verdict, {name: string; value: number}>> = {
  true: {name: 'True', value: 5},
  'mostly-true': {name: 'Mostly true', value: 4},
  unverifiable: {name: 'Unverifiable', value: 3},
  misleading: {name: 'Misleading', value: 2},
  false: {name: 'False', value: 1},
  // Never exported (a to-do), but named for completeness.
  'needs-checking': {name: 'Needs checking', value: 3}
}

/** One ClaimReview as its own JSON-LD document. */
export interface ClaimReviewDocument {
  /** The verdict’s stable id (`verdictKey`), for a file name. */
  key: string
  /** JSON-LD text, ending in a newline. */
  text: string
}

/**
 * Export the verdicts of articles as schema.org ClaimReview JSON-LD.
 *
 * @param articles
 *   Articles.
 * @param options
 *   Options of the export.
 * @returns
 *   JSON-LD text (`{"@context": "https://schema.org", "@graph": [...]}`),
 *   ending in a newline.
 */
export function toClaimReview(articles: ReadonlyArray<ArticleExport>, options?: Readonly<ExportOptions> | null): string {
  const now = options?.now ?? new Date().toISOString()
  const graph = articles.flatMap((article) => reviewsOf(article, now).map((item) => item.review))
  return escapeJsonLd(JSON.stringify({'@context': 'https://schema.org', '@graph': graph}, null, 2)) + '\n'
}

/**
 * Export the verdicts of articles as one ClaimReview JSON-LD document each.
 *
 * @param articles
 *   Articles.
 * @param options
 *   Options of the export.
 * @returns
 *   Documents, in the order of the articles and claims.
 */
export function claimReviews(articles: ReadonlyArray<ArticleExport>, options?: Readonly<ExportOptions> | null): ClaimReviewDocument[] {
  const now = options?.now ?? new Date().toISOString()
  return articles.flatMap((article) =>
    reviewsOf(article, now).map(({key, review}) => ({
      key,
      text: escapeJsonLd(JSON.stringify({'@context': 'https://schema.org', ...review}, null, 2)) + '\n'
    }))
  )
}

function reviewsOf({result, annotations, meta}: ArticleExport, now: string): Array<{key: string; review: JsonObject}> {
  const review = applyAnnotations(result, annotations, {workspaceRejects: meta.workspaceRejects})
  const people = new Map(review.entities.map((entity) => [entity.id, entity]))
  const articleAuthor = meta.author ? {'@type': 'Person', name: meta.author} : undefined
  const appearance: JsonObject = {
    '@type': 'NewsArticle',
    url: articleIri(meta),
    ...(meta.title ? {headline: meta.title} : {}),
    ...(meta.datePublished ? {datePublished: meta.datePublished} : {}),
    ...(articleAuthor ? {author: articleAuthor} : {})
  }
  const publisher = meta.publisher
    ? {'@type': 'Organization', name: meta.publisher.name, ...(meta.publisher.url ? {url: meta.publisher.url} : {})}
    : undefined
  const reviews: Array<{key: string; review: JsonObject}> = []
  for (const claim of review.claims) {
    const speaker = claim.speaker
    const entity = speaker?.entity ? people.get(speaker.entity) : undefined
    const claimAuthor = speaker
      ? {
          '@type': entity?.type === 'PER' ? 'Person' : 'Organization',
          name: entity?.name ?? speaker.name,
          ...(entity?.role ? {jobTitle: entity.role} : {})
        }
      : articleAuthor
    for (const verdict of claim.verdicts) {
      if (verdict.verdict === 'needs-checking') continue
      const rating = ratings[verdict.verdict]
      const author = publisher ?? (verdict.creator ? agent(verdict.creator) : undefined)
      reviews.push({
        key: verdictKey(verdict.annotation),
        review: {
          '@type': 'ClaimReview',
          url: reviewUrlOf(meta, verdict.annotation) ?? verdict.annotation,
          claimReviewed: verdict.text.replace(/\s+/g, ' ').trim(),
          datePublished: (verdict.date ?? now).slice(0, 10),
          ...(author ? {author} : {}),
          reviewRating: {
            '@type': 'Rating',
            name: rating.name,
            alternateName: rating.name,
            ratingValue: rating.value,
            worstRating: 1,
            bestRating: 5
          },
          itemReviewed: {
            '@type': 'Claim',
            ...(claimAuthor ? {author: claimAuthor} : {}),
            ...(meta.datePublished ? {datePublished: meta.datePublished} : {}),
            appearance
          },
          ...(verdict.source ? {citation: verdict.source} : {}),
          ...(verdict.note ? {reviewBody: verdict.note} : {})
        }
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
