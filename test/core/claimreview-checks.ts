/**
 * Checks of schema.org ClaimReview JSON-LD against the properties search
 * engines require and recommend, as docs/export.md lists them with their
 * sources: schema.org/ClaimReview (https://schema.org/ClaimReview) and
 * Google’s fact check structured data documentation
 * (https://developers.google.com/search/docs/appearance/structured-data/factcheck).
 *
 * Required (Google): `claimReviewed`, `reviewRating` with `alternateName`,
 * `url` (a page, no page-level anchor); a `ratingValue` between
 * `worstRating` and `bestRating` (schema.org/Rating). Recommended (Google),
 * reported apart: `author` (with `name`), `datePublished`, `itemReviewed`
 * (a Claim with `author`, `datePublished` and `appearance`), and the
 * Rating’s `name`, `ratingValue`, `bestRating` and `worstRating`.
 */

/** A JSON object. */
type Json = {[key: string]: unknown}

/** What a ClaimReview lacks, one line each (`<url>: <property>: <what> (<source>)`). */
export interface ClaimReviewFailures {
  /** Missing or wrong required properties: search engines ignore the review. */
  required: string[]
  /** Missing or wrong recommended properties. */
  recommended: string[]
}

/**
 * Check one ClaimReview.
 *
 * @param review
 *   A ClaimReview object (from a `@graph`, or a document of its own).
 * @returns
 *   Failures; both lists empty when it passes.
 */
export function checkClaimReview(review: Json): ClaimReviewFailures {
  const failures: ClaimReviewFailures = {required: [], recommended: []}
  const where = typeof review.url === 'string' ? review.url : 'ClaimReview'
  const required = (property: string, what: string, source = 'Google fact check: required') =>
    failures.required.push(`${where}: ${property}: ${what} (${source})`)
  const recommended = (property: string, what: string, source = 'Google fact check: recommended') =>
    failures.recommended.push(`${where}: ${property}: ${what} (${source})`)
  if (review['@type'] !== 'ClaimReview') required('@type', 'not ClaimReview', 'schema.org/ClaimReview')
  if (typeof review.claimReviewed !== 'string' || !review.claimReviewed.trim()) required('claimReviewed', 'no text')
  // A page-level anchor is not taken, nor is anything but a web page.
  if (typeof review.url !== 'string' || !/^https?:\/\/[^\s/#]+[^\s#]*$/.test(review.url)) required('url', `${JSON.stringify(review.url)} is not the http(s) URL of a page`)
  const rating = review.reviewRating
  if (!isObject(rating) || rating['@type'] !== 'Rating') {
    required('reviewRating', 'no Rating')
  } else if (typeof rating.alternateName !== 'string' || !rating.alternateName) {
    required('reviewRating.alternateName', 'no text')
  }

  const author = review.author
  if (!isObject(author) || (author['@type'] !== 'Organization' && author['@type'] !== 'Person') || typeof author.name !== 'string') {
    recommended('author', 'no Organization or Person with a name')
  }

  if (typeof review.datePublished !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(review.datePublished)) recommended('datePublished', 'no ISO 8601 date')
  if (isObject(rating)) {
    if (typeof rating.name !== 'string') recommended('reviewRating.name', 'no text')
    const {ratingValue: value, worstRating: worst, bestRating: best} = rating
    if (typeof value !== 'number' || typeof worst !== 'number' || typeof best !== 'number') {
      recommended('reviewRating.ratingValue', 'no ratingValue, worstRating and bestRating numbers')
    } else if (!(worst <= value && value <= best)) {
      required('reviewRating.ratingValue', `${value} is not between ${worst} and ${best}`, 'schema.org/Rating')
    }
  }

  const claim = review.itemReviewed
  if (!isObject(claim) || claim['@type'] !== 'Claim') {
    recommended('itemReviewed', 'no Claim')
    return failures
  }

  if (!isObject(claim.author) || typeof claim.author.name !== 'string') recommended('itemReviewed.author', 'no author with a name')
  if (typeof claim.datePublished !== 'string') recommended('itemReviewed.datePublished', 'no date')
  const appearance = claim.appearance ?? claim.firstAppearance
  const url = isObject(appearance) ? appearance.url : appearance
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) recommended('itemReviewed.appearance', 'no http(s) URL of where the claim appeared')
  return failures
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
