import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import * as esbuild from 'esbuild'
import {parse} from 'yaml'
import {createProcessor} from '../../src/core/analyze.ts'
import {frontMatterDate} from '../../src/core/front-matter.ts'
import {dateInPath, frontMatterText, ImportError, importArticle, slugify, type ImportedArticle} from '../../src/core/import/index.ts'
import {date} from '../../src/core/import/metadata.ts'

const fixtures = 'test/fixtures/import/'

function load(name: string, url?: string): ImportedArticle {
  return importArticle(fs.readFileSync(fixtures + name, 'utf8'), {url, retrieved: '2026-12-01'})
}

function failure(name: string): ImportError {
  try {
    load(name)
  } catch (error) {
    assert.ok(error instanceof ImportError, String(error))
    return error
  }
  assert.fail(`${name}: expected an ImportError`)
}

test('import: JSON-LD NewsArticle in an @graph, publisher by @id, the date as the publisher wrote it', () => {
  const result = load('jsonld-newsarticle.html', 'https://fenwick-gazette.example/news/local/millbrook-bridge-repairs?utm_source=x')
  assert.deepEqual(result.frontMatter, {
    title: 'Bridge repairs to close Millbrook crossing for six weeks',
    // 23:15 at -05:00 is the 5th in UTC: the publisher's day is kept.
    date: '2026-03-04',
    author: ['Ada Quillfeather', 'Tomas Ebberly'],
    source: 'The Fenwick Gazette',
    url: 'https://fenwick-gazette.example/news/local/millbrook-bridge-repairs',
    language: 'en-GB',
    section: 'Local',
    retrieved: '2026-12-01'
  })
  assert.equal(result.slug, 'bridge-repairs-to-close-millbrook-crossing-for-six-weeks')
  const {markdown} = result
  assert.match(markdown, /^---\ntitle: Bridge repairs[^\n]*\ndate: 2026-03-04\n/)
  assert.match(markdown, /\n---\n\n# Bridge repairs to close Millbrook crossing for six weeks\n\n/)
  // The headline once, the byline out of the text.
  assert.equal(markdown.split('Bridge repairs to close').length, 3)
  assert.doesNotMatch(markdown, /By Ada Quillfeather/)
  assert.match(markdown, /\n## Buses and cyclists\n/)
  assert.match(markdown, /\n- Closure starts on Monday at 7 a\.m\.\n/)
  assert.match(markdown, /\| Deck removal \| 2 +\|/)
  assert.match(markdown, /\[timetable published by the operator\]\(https:\/\/fenwick-gazette\.example\/transport\/timetables\)/)
  // No image (nothing loads from the network); its caption stays.
  assert.doesNotMatch(markdown, /!\[|bridge\.jpg/)
  assert.match(markdown, /The crossing was built in 1962\./)
  assert.doesNotMatch(markdown, /Privacy|Weather/)
  assert.deepEqual(result.warnings, ['1 image or embed left out (an imported article loads nothing from the network)'])
})

test('import: the Markdown reads back, and its date is the one relative dates resolve against', () => {
  const {markdown} = load('jsonld-newsarticle.html')
  const tree = createProcessor().parse(markdown)
  assert.equal(frontMatterDate(tree), '2026-03-04')
  assert.equal(tree.children[1]?.type, 'heading')
})

test('import: a local file without an address keeps relative links as text, and no url', () => {
  const result = load('jsonld-newsarticle.html')
  assert.equal(result.frontMatter.url, undefined)
  assert.match(result.markdown, /according to the timetable published by the operator\./)
  assert.doesNotMatch(result.markdown, /\]\(\//)
})

test('import: Open Graph only; the site name after the headline goes', () => {
  const result = load('opengraph.html')
  assert.deepEqual(result.frontMatter, {
    title: 'Orchard growers report record apple harvest',
    date: '2026-09-18',
    author: 'Lena Brightwater',
    source: 'The Valley Courier',
    url: 'https://valley-courier.example/business/2026/09/orchard-harvest',
    language: 'en',
    section: 'Business',
    retrieved: '2026-12-01'
  })
  assert.match(result.markdown, /“A big crop is not always good news for a small grower,” Marsh said\./)
  assert.deepEqual(result.warnings, [])
})

test('import: an AMP page: no amp-ad, share buttons or analytics; the date from <time>, with a warning', () => {
  const result = load('amp.html', 'https://northfield-record.example/amp/news/library-opening-hours')
  assert.equal(result.frontMatter.url, 'https://northfield-record.example/news/library-opening-hours')
  assert.equal(result.frontMatter.date, '2026-05-12')
  assert.equal(result.frontMatter.source, 'Northfield Record')
  assert.doesNotMatch(result.markdown, /Advertisement placeholder|Share on social|Email this story|UA-0000|amp-/)
  assert.match(result.markdown, /more than 2,000 residents signed a petition/)
  assert.match(result.markdown, /deciding whether to keep it\.\n$/)
  assert.ok(result.warnings.includes('Date 2026-05-12 taken from a `<time>` in the page, not from its metadata: check it'), result.warnings.join('\n'))
})

test('import: a live blog: JSON-LD LiveBlogPosting in an array; every update, without share links', () => {
  const result = load('liveblog.html')
  assert.equal(result.frontMatter.title, 'Live: storm Elspeth reaches the coast')
  assert.equal(result.frontMatter.date, '2026-11-02')
  assert.match(result.markdown, /^title: "Live: storm Elspeth reaches the coast"$/m)
  for (const heading of ['Ferries cancelled', 'Power cut in Saltmarsh', 'Welcome to our live coverage']) {
    assert.match(result.markdown, new RegExp(`\n## ${heading}\n`))
  }
  assert.match(result.markdown, /\n09:40\n/)
  assert.doesNotMatch(result.markdown, /social\.example|\bShare\b/)
})

test('import: scripts, ads, share buttons, forms, cookie banners, related links and footers stay out', () => {
  const result = load('noisy.html', 'https://eastbury-post.example/2026/04/21/school-meals-contract')
  assert.doesNotMatch(result.markdown, /[A-Z_]+_MARKER/)
  assert.doesNotMatch(result.markdown, /Accept all|Advertisement|Share on|Copy link|Sign up|Most read|Related|dataLayer/)
  assert.match(result.markdown, /The supplier, Hearth & Crumb, employs 35 people/)
  assert.match(result.markdown, /publish a review after the first term\.\n$/)
  // No date in the page: the address's.
  assert.equal(result.frontMatter.date, '2026-04-21')
  assert.deepEqual(result.warnings, ['1 JSON-LD block is not valid JSON and was skipped', 'Date 2026-04-21 taken from the address: check it'])
})

test('import: no date anywhere is a warning, not an error', () => {
  const result = load('noisy.html')
  assert.equal(result.frontMatter.date, undefined)
  assert.ok(result.warnings.some((warning) => warning.startsWith('No publication date found: add `date:`')))
})

test('import: a section front is no article', () => {
  const error = failure('no-article.html')
  assert.equal(error.code, 'no-article')
  assert.match(error.message, /mostly links/)
})

test('import: an empty page, or a short text, is no article', () => {
  assert.throws(() => importArticle('<html><body></body></html>'), (error: unknown) => error instanceof ImportError && error.code === 'no-article')
  assert.throws(
    () => importArticle('<html><body><article><p>Page not found. The page you asked for has moved or never existed.</p></article></body></html>'),
    (error: unknown) => error instanceof ImportError && error.code === 'no-article' && /fewer than 50/.test(error.message)
  )
})

test('import: a paywall stub is told apart', () => {
  const error = failure('paywall.html')
  assert.equal(error.code, 'paywall')
  assert.match(error.message, /paywalled/)
})

test('import: not-free in JSON-LD but the whole text in the page is a warning', () => {
  const html = fs
    .readFileSync(fixtures + 'jsonld-newsarticle.html', 'utf8')
    .replace('"isAccessibleForFree": true', '"isAccessibleForFree": false')
  const result = importArticle(html)
  assert.ok(result.warnings.includes('The page marks the article as not free: check that the text is complete'))
})

test('import: dates', () => {
  assert.equal(date('2026-01-16T23:30:00-05:00'), '2026-01-16')
  assert.equal(date('2026-01-16'), '2026-01-16')
  assert.equal(date('20260116T0930Z'), '2026-01-16')
  assert.equal(date('Fri, 16 Jan 2026 08:30:00 GMT'), '2026-01-16')
  assert.equal(date(['2026-02-03T00:00:00Z']), '2026-02-03')
  assert.equal(date('2026-02-30'), undefined)
  assert.equal(date('1768550400'), undefined)
  assert.equal(date('soon'), undefined)
  assert.equal(dateInPath('https://example.com/news/2026/01/16/title'), '2026-01-16')
  assert.equal(dateInPath('https://example.com/2026-01-16/title'), '2026-01-16')
  assert.equal(dateInPath('https://example.com/story_20260116_title.html'), '2026-01-16')
  assert.equal(dateInPath('https://example.com/news/2026/13/16/title'), undefined)
  assert.equal(dateInPath('https://example.com/news/2026/09/orchard'), undefined)
  assert.equal(dateInPath('https://example.com/article/1234567890'), undefined)
})

test('import: slugs', () => {
  assert.equal(slugify('Łódź: “Budget” up 5%'), 'lodz-budget-up-5')
  assert.equal(slugify('Live: storm Elspeth reaches the coast'), 'live-storm-elspeth-reaches-the-coast')
  assert.equal(slugify('Poland’s “East Shield”'), 'polands-east-shield')
  assert.equal(slugify('「」'), 'article')
  assert.equal(slugify('CON'), 'con-article')
  const long = slugify('a'.repeat(10) + ' ' + 'b'.repeat(40) + ' ' + 'c'.repeat(40))
  assert.equal(long, 'a'.repeat(10) + '-' + 'b'.repeat(40))
})

test('import: front matter reads back as written', () => {
  const text = frontMatterText({title: 'Q&A: “yes”, no # maybe', date: '2026-01-02', author: ['A', 'B'], url: 'https://example.com/a?b=c#d', source: ''})
  assert.match(text, /^---\n[\s\S]*\n---\n$/)
  assert.deepEqual(parse(text.slice(4, -4)), {title: 'Q&A: “yes”, no # maybe', date: '2026-01-02', author: ['A', 'B'], url: 'https://example.com/a?b=c#d'})
})

test('import: the importer bundles for the browser (no Node built-ins)', async () => {
  const result = await esbuild.build({
    entryPoints: ['src/core/import/index.ts'],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent'
  })
  assert.deepEqual(result.errors, [])
  assert.doesNotMatch(result.outputFiles[0]!.text, /\bfrom\s*["']node:|require\(["']node:/)
})
