/**
 * The sample article with its sidecar (`examples/poland-ottawa.md` and
 * `.newsmark.json`: 13 annotations, 6 verdicts by two reviewers, two on one
 * claim) exported as W3C Web Annotations and as ClaimReview, checked
 * against the W3C test schemas’ rules (`web-annotation-checks.ts`), the
 * ClaimReview properties search engines require (`claimreview-checks.ts`),
 * and a JSON-LD processor: expanded and converted to RDF in safe mode, with
 * the remote contexts served from `test/fixtures/json-ld/` (no network).
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import jsonld from 'jsonld'
import {analyzeSync, createProcessor} from '../../src/core/analyze.ts'
import {parseSidecar, readDirectives, reanchor, serializeSidecar, setVerdict, type Annotation} from '../../src/core/annotations/index.ts'
import {articleMeta, claimReviews, exportArticles, exportWarnings, type ArticleExport, type ExportMeta} from '../../src/core/export/index.ts'
import {checkClaimReview} from './claimreview-checks.ts'
import {checkCollection, isAbsoluteIri} from './web-annotation-checks.ts'

const source = fs.readFileSync('examples/poland-ottawa.md', 'utf8')
const sidecar = parseSidecar(fs.readFileSync('examples/poland-ottawa.md.newsmark.json', 'utf8'), source)
const result = analyzeSync(source).data.newsmark!
const now = '2026-02-01T12:00:00.000Z'
const published: Partial<ExportMeta> = {
  path: 'examples/poland-ottawa.md',
  baseUrl: 'https://news.example.org/',
  reviewUrl: 'https://factcheck.example.org/checks/{id}',
  publisher: {name: 'Example Fact Check', url: 'https://factcheck.example.org/'}
}

/** The sample, with the given publishing settings. */
function sample(settings: Partial<ExportMeta> = published, annotations: Annotation[] = sidecar.annotations): ArticleExport {
  const {anchored, orphans} = reanchor(source, annotations)
  return {
    source,
    result,
    annotations: anchored.map((item) => item.annotation),
    meta: {...articleMeta(source, 'poland-ottawa.md'), ...settings, orphans}
  }
}

const contexts: Record<string, string> = {
  'http://www.w3.org/ns/anno.jsonld': 'test/fixtures/json-ld/anno-terms.jsonld',
  'https://schema.org': 'test/fixtures/json-ld/schema-terms.jsonld',
  'https://schema.org/': 'test/fixtures/json-ld/schema-terms.jsonld'
}

/** A document loader with no network: the contexts above, nothing else. */
async function documentLoader(url: string) {
  const file = contexts[url]
  if (!file) throw new Error(`Unexpected remote document ${url}, expected one of ${Object.keys(contexts).join(', ')}`)
  return {contextUrl: undefined, documentUrl: url, document: JSON.parse(fs.readFileSync(file, 'utf8'))}
}

/** Expand and convert to N-Quads in safe mode: a dropped term or relative IRI throws. */
async function toQuads(document: object): Promise<string> {
  const options = {documentLoader, safe: true} as const
  await jsonld.expand(document as jsonld.JsonLdDocument, options)
  return (await jsonld.toRDF(document as jsonld.JsonLdDocument, {...options, format: 'application/n-quads'})) as unknown as string
}

test('standards: the sidecar of the sample', () => {
  assert.deepEqual(sidecar.problems, [])
  assert.equal(sidecar.annotations.length, 13)
  const kinds = sidecar.annotations.map((item) => item.kind)
  assert.equal(kinds.filter((kind) => kind === 'verdict').length, 6)
  assert.ok(['tag', 'reject', 'merge'].every((kind) => kinds.includes(kind as 'tag')))
  const reviewers = new Set(sidecar.annotations.filter((item) => item.kind === 'verdict').map((item) => item.creator?.name))
  assert.equal(reviewers.size, 2)
})

test('standards: Web Annotations pass the W3C checks, with a base URL and without', async () => {
  for (const settings of [published, {}]) {
    const data = JSON.parse(exportArticles('webannotation', [sample(settings)], {now}))
    assert.deepEqual(checkCollection(data), [])
    const items = data.first.items as Array<{id: string; target: {source: string}}>
    assert.ok(items.length > 50, `${items.length} annotations`)
    assert.ok(items.every((item) => isAbsoluteIri(item.id) && isAbsoluteIri(item.target.source)))
    const quads = await toQuads(data)
    assert.match(quads, /<http:\/\/www\.w3\.org\/ns\/oa#motivatedBy> <http:\/\/www\.w3\.org\/ns\/oa#assessing>/)
  }

  const data = JSON.parse(exportArticles('webannotation', [sample()], {now}))
  const machine = data.first.items[0]
  assert.equal(machine.id.startsWith('https://news.example.org/examples/poland-ottawa.md#newsmark-'), true)
  assert.equal(machine.created, now)
  assert.equal(data.last, data.first.id)
  assert.equal(data.first.partOf, data.id)
  const bare = JSON.parse(exportArticles('webannotation', [sample({path: 'examples/poland-ottawa.md'})], {now}))
  assert.equal(bare.first.items[0].target.source, 'urn:newsmark:file:examples/poland-ottawa.md')
})

test('standards: the checks catch what the issue found', () => {
  const data = JSON.parse(exportArticles('webannotation', [sample()], {now}))
  const verdict = data.first.items.find((item: {motivation: string}) => item.motivation === 'assessing')
  const broken = structuredClone(data)
  broken.first.items = [
    {...verdict, id: '../poland-ottawa.md#newsmark-e1-1', body: [{id: 'https://example.org/x', purpose: 'linking'}]},
    {...verdict, target: {...verdict.target, source: 'poland-ottawa.md'}}
  ]
  delete broken.last
  delete broken.first.partOf
  const failures = checkCollection(broken).map((line) => line.split(': ').find((part) => /^\d/.test(part)))
  assert.deepEqual(failures, [
    '5.1-collectionLastImplemented',
    '5.2-pagePartOfImplemented',
    '3.1-annotationIdValidated',
    '3.3.5-bodyEWRNoPurpose',
    '3.2-targetObjectsRecognized'
  ])
})

test('standards: a verdict’s source is a SpecificResource, read back by the sidecar reader', () => {
  const text = serializeSidecar(sidecar.annotations, source, 'poland-ottawa.md')
  const verdict = JSON.parse(text).first.items.find((item: {motivation: string}) => item.motivation === 'assessing')
  assert.deepEqual(verdict.body[1], {type: 'SpecificResource', purpose: 'linking', source: 'https://example.org/poland-ottawa-notice'})
  assert.deepEqual(parseSidecar(text, source), sidecar)
  // Older sidecars, with the URL as the body’s id, are still read.
  const old = text.replace(/\{\s*"type": "SpecificResource",\s*"purpose": "linking",\s*"source": ("[^"]+")\s*\}/g, '{"id": $1, "purpose": "linking"}')
  assert.notEqual(old, text)
  assert.deepEqual(parseSidecar(old, source), sidecar)
})

test('standards: ClaimReviews have the required and recommended properties, one per reviewer and claim', async () => {
  const data = JSON.parse(exportArticles('claimreview', [sample()], {now}))
  const reviews = data['@graph'] as Array<Record<string, unknown>>
  assert.equal(reviews.length, 5, 'six verdicts, one of them needs-checking')
  const failures = reviews.map((review) => checkClaimReview(review))
  assert.deepEqual(failures.flatMap((item) => item.required), [])
  // Recommended too, but for a claim with no speaker in an article with no
  // `author:` in its front matter: no one to name as the claim’s author.
  const unattributed = reviews.filter((review) => !(review.itemReviewed as {author?: unknown}).author).map((review) => review.claimReviewed)
  // (The sample sidecar's two verdicts on “output will rise by 25 times”,
  // which is no machine claim, make it a claim by hand: no speaker either.)
  assert.deepEqual(unattributed, [
    'output will rise by 25 times',
    'output will rise by 25 times',
    'Finland’s withdrawal from the Ottawa Convention took effect last week',
    'The Ottawa Convention, adopted in 1997'
  ])
  assert.deepEqual(
    failures.flatMap((item) => item.recommended).map((line) => line.split(': ')[1]),
    unattributed.map(() => 'itemReviewed.author')
  )
  assert.equal(reviews.filter((review) => review.claimReviewed === 'output will rise by 25 times').length, 2, 'both reviewers')
  await toQuads(data)

  const documents = claimReviews([sample()], {now})
  assert.equal(documents.length, 5)
  for (const {key, text} of documents) {
    const review = JSON.parse(text)
    assert.equal(review['@context'], 'https://schema.org')
    assert.equal(review['@graph'], undefined, 'one ClaimReview per document')
    assert.ok(review.url.endsWith('/' + key))
    assert.deepEqual(checkClaimReview(review).required, [])
    await toQuads(review)
  }
})

test('standards: an inline verdict gets a stable id, a date and the publisher as author', () => {
  const claim = 'Finland’s withdrawal from the Ottawa Convention took effect last week'
  const inline = source.replace(claim, `:claim[${claim}]{verdict=mostly-true}`)
  const {annotations, problems} = readDirectives(createProcessor().parse(inline), inline)
  assert.deepEqual(problems, [])
  const article: ArticleExport = {source: inline, result: analyzeSync(inline).data.newsmark!, annotations, meta: {...articleMeta(inline, 'a.md'), ...published}}
  const [review] = JSON.parse(exportArticles('claimreview', [article], {now}))['@graph']
  assert.equal(review.claimReviewed, claim)
  assert.equal(review.url, `https://factcheck.example.org/checks/${annotations[0]!.id.split(':').pop()}`)
  assert.equal(review.datePublished, '2026-02-01', 'the day of the export')
  assert.deepEqual(review.author, {'@type': 'Organization', name: 'Example Fact Check', url: 'https://factcheck.example.org/'})
  assert.deepEqual(checkClaimReview(review).required, [])
})

test('standards: without a public URL, publisher or pattern, the export says so', () => {
  assert.deepEqual(exportWarnings('claimreview', [sample({})]), [
    'poland-ottawa.md: no public URL (front matter `url:`, `--base-url` or `newsmark.export.baseUrl`), so its ids are `urn:newsmark:file:poland-ottawa.md…`',
    'poland-ottawa.md: no publisher (`export.publisher` in `.newsmarkrc`, or `newsmark.export.publisher`), so the ClaimReviews’ `author` is each reviewer',
    'poland-ottawa.md: no fact-check URL pattern (`--review-url`, `export.reviewUrl`), so the ClaimReviews’ `url` is the verdict’s id, which search engines do not take'
  ])
  assert.deepEqual(exportWarnings('webannotation', [sample()]), [])
  assert.deepEqual(exportWarnings('csv', [sample({})]), [])
})

test('standards: JSON-LD can be embedded in a page: no `<` is left', () => {
  const note = 'Ends here </script><script>alert(1)</script>'
  const list = setVerdict(sidecar.annotations, source, {start: source.indexOf('NATO countries'), end: source.indexOf('NATO countries') + 14}, 'false', {
    note,
    now,
    creator: {type: 'Person', name: 'Eve <b>'}
  })
  for (const format of ['claimreview', 'webannotation'] as const) {
    const text = exportArticles(format, [sample(published, list)], {now})
    assert.ok(!text.includes('<'), `${format}: no <`)
    assert.ok(text.includes('\\u003c/script>'))
    assert.ok(JSON.stringify(JSON.parse(text)).includes(note), `${format}: the same JSON`)
  }

  for (const {text} of claimReviews([sample(published, list)], {now})) assert.ok(!text.includes('<'))
})
