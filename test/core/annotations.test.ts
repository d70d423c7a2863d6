import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import fc from 'fast-check'
import {analyzeSync} from '../../src/core/analyze.ts'
import * as annotations from '../../src/core/annotations/index.ts'
import {
  applyAnnotations,
  codePointIndex,
  fromCodePoint,
  mergeEntities,
  parseSidecar,
  rejectTag,
  removeAnnotation,
  serializeSidecar,
  setVerdict,
  SidecarError,
  tagSelection,
  targetOf,
  toCodePoint,
  type Annotation
} from '../../src/core/annotations/index.ts'
import {findRange} from './find-range.ts'

const source = fs.readFileSync('examples/poland-ottawa.md', 'utf8')
const reader = {type: 'Person' as const, name: 'Ada Reader'}
const now = '2026-01-20T10:00:00.000Z'

function at(text: string, nth = 0, value = source) {
  return findRange(value, text, nth)
}

function sample(): Annotation[] {
  let list: Annotation[] = [
    tagSelection(source, at('BELMA plant'), 'ORG', {creator: reader, now, id: 'urn:uuid:1'}),
    tagSelection(source, at('February 20'), 'DATE', {value: '2026-02-20', now, id: 'urn:uuid:2'}),
    rejectTag(source, at('East Shield'), {type: 'MISC', scope: 'workspace', creator: reader, now, id: 'urn:uuid:3'}),
    mergeEntities(source, at('Warsaw'), at('Poland'), {creator: reader, now, id: 'urn:uuid:4', note: 'The government'})
  ]
  list = setVerdict(list, source, at('output will rise by 25 times'), 'unverifiable', {
    source: 'https://example.org/belma',
    note: 'No figures published.',
    creator: reader,
    now,
    id: 'urn:uuid:5'
  })
  return list
}

test('annotations: public API', () => {
  assert.deepEqual(Object.keys(annotations).sort(), [
    'SidecarError',
    'anchorTarget',
    'annotationContext',
    'applyAnnotations',
    'codePointIndex',
    'codePoints',
    'contextLength',
    'createAnchoring',
    'directiveNames',
    'fromCodePoint',
    'fromW3c',
    'isUrl',
    'lineIndex',
    'mayHaveDirectives',
    'mergeEntities',
    'parseSidecar',
    'readDirectives',
    'reanchor',
    'rejectTag',
    'removeAnnotation',
    'reviewArticle',
    'serializeSidecar',
    'setVerdict',
    'sidecarName',
    'tagSelection',
    'tagTypes',
    'targetOf',
    'toCodePoint',
    'toW3c',
    'verdicts',
    'wrapInDirective'
  ])
})

test('annotations: code points and UTF-16 offsets, both ways, with astral characters', () => {
  const text = 'a😀b𝄞c\u{1F1F5}\u{1F1F1}d'
  // Code points: a 😀 b 𝄞 c 🇵 🇱 d
  const units = [0, 1, 3, 4, 6, 7, 9, 11, 12]
  for (const [point, unit] of units.entries()) {
    assert.equal(fromCodePoint(text, point), unit, `code point ${point}`)
    assert.equal(toCodePoint(text, unit), point, `unit ${unit}`)
  }

  assert.equal(fromCodePoint(text, 9), -1, 'past the end')
  assert.equal(toCodePoint(text, 2), 2, 'inside a pair counts the pair as passed')
  const target = targetOf(text, 3, 4)
  assert.equal(target.exact, 'b')
  assert.equal(target.prefix, 'a😀')
})

test('annotations: making annotations trims the selection and checks input', () => {
  const tag = tagSelection(source, {start: at('Cezary Tomczyk').start - 1, end: at('Cezary Tomczyk').end + 1}, 'PER', {role: 'minister', now})
  assert.equal(tag.target.exact, 'Cezary Tomczyk')
  assert.equal(tag.target.prefix, source.slice(at('Cezary Tomczyk').start - 32, at('Cezary Tomczyk').start))
  assert.equal(tag.target.prefix.length, 32)
  assert.match(tag.id, /^urn:uuid:[0-9a-f-]{36}$/)
  assert.equal(tag.created, now)
  assert.throws(() => tagSelection(source, {start: 5, end: 5}, 'PER'), /empty selection/)
  assert.throws(() => tagSelection(source, {start: 5, end: 1e9}, 'PER'), /expected offsets within 0–/)
  assert.throws(() => tagSelection(source, at('Poland'), 'PERSON' as 'PER'), /Unexpected tag type `PERSON`, expected one of PER, ORG/)
  assert.throws(() => rejectTag(source, at('Poland'), {scope: 'everywhere' as 'article'}), /expected `article` or `workspace`/)
  assert.throws(() => mergeEntities(source, at('Poland'), at('Poland', 1)), /into itself/)
  assert.throws(() => setVerdict([], source, at('Poland'), 'pants-on-fire' as 'false'), /Unexpected verdict `pants-on-fire`/)
  assert.throws(() => setVerdict([], source, at('Poland'), 'false', {source: 'example.org'}), /expected an http\(s\) URL/)
})

test('annotations: setting a verdict twice on one span updates it', () => {
  const first = setVerdict([], source, at('25 times'), 'needs-checking', {now, id: 'urn:uuid:v'})
  const second = setVerdict(first, source, at('25 times'), 'false', {now: '2026-02-01T00:00:00.000Z'})
  assert.equal(second.length, 1)
  assert.deepEqual(
    {id: second[0]!.id, created: second[0]!.created, modified: second[0]!.modified, verdict: (second[0] as {verdict: string}).verdict},
    {id: 'urn:uuid:v', created: now, modified: '2026-02-01T00:00:00.000Z', verdict: 'false'}
  )
  assert.deepEqual(removeAnnotation(second, 'urn:uuid:v'), [])
})

test('annotations: a sidecar round-trips and is deterministic', () => {
  const list = sample()
  const text = serializeSidecar(list, source, 'poland-ottawa.md')
  const data = JSON.parse(text)
  assert.deepEqual(data['@context'][0], 'http://www.w3.org/ns/anno.jsonld')
  assert.equal(data.type, 'AnnotationCollection')
  assert.equal(data.total, 5)
  const items = data.first.items
  assert.deepEqual(items.map((item: {motivation: string}) => item.motivation), ['identifying', 'tagging', 'moderating', 'linking', 'assessing'].sort((a, b) => order(a) - order(b)))
  for (const item of items) {
    assert.equal(item.type, 'Annotation')
    assert.equal(item.target.source, 'poland-ottawa.md')
    const [quote, position] = item.target.selector
    assert.equal(quote.type, 'TextQuoteSelector')
    assert.equal(position.type, 'TextPositionSelector')
    assert.equal([...source].slice(position.start, position.end).join(''), quote.exact, 'positions are code points')
  }

  const parsed = parseSidecar(text, source)
  assert.deepEqual(parsed.problems, [])
  assert.deepEqual(
    [...parsed.annotations].sort((a, b) => (a.id < b.id ? -1 : 1)),
    list
  )
  assert.equal(serializeSidecar([...parsed.annotations].reverse(), source, 'poland-ottawa.md'), text, 'same text whatever the order')

  function order(motivation: string) {
    const start: Record<string, number> = {
      linking: at('Warsaw').start,
      moderating: at('East Shield').start,
      identifying: at('BELMA plant').start,
      tagging: at('February 20').start,
      assessing: at('output will rise').start
    }
    return start[motivation]!
  }
})

test('annotations: sidecar positions are code points when the article has astral characters', () => {
  const text = '# 🇵🇱 Poland\n\nThe 😀 minister Cezary Tomczyk spoke.\n'
  const tag = tagSelection(text, at('Cezary Tomczyk', 0, text), 'PER', {now, id: 'urn:uuid:x'})
  const json = JSON.parse(serializeSidecar([tag], text, 'a.md'))
  const position = json.first.items[0].target.selector[1]
  assert.equal(position.start, at('Cezary Tomczyk', 0, text).start - 3)
  assert.deepEqual(parseSidecar(JSON.stringify(json), text).annotations[0]!.target, tag.target)
})

test('annotations: a corrupt sidecar gives clear problems, never a throw', () => {
  const bad = parseSidecar('{"type": "AnnotationCollection", "first": {"items": [}', source)
  assert.equal(bad.annotations.length, 0)
  assert.equal(bad.problems.length, 1)
  assert.equal(bad.problems[0], 'not valid JSON: line 1, column 54: unexpected "}", expected a value (object, array, string, number, true, false or null)')
  assert.deepEqual(parseSidecar('{\n  "total": 1,\n}\n', source).problems, [
    'not valid JSON: line 3, column 1: unexpected "}", expected a property name in double quotes'
  ])

  assert.deepEqual(parseSidecar('42', source).problems, ['expected an AnnotationCollection object, not number'])
  assert.deepEqual(parseSidecar('{"type": "Thing"}', source).problems, ['unexpected `type` "Thing", expected "AnnotationCollection"'])

  const good = JSON.parse(serializeSidecar(sample(), source, 'poland-ottawa.md'))
  const items = good.first.items
  items[0].target.selector = [{type: 'TextQuoteSelector', exact: ''}]
  delete items[1].id
  items[2].scope = 'galaxy'
  items[3].motivation = 'bookmarking'
  items[4].body[0].value = 'pants-on-fire'
  items.push(JSON.parse(JSON.stringify(items[0])))
  items.push('hello')
  const result = parseSidecar(JSON.stringify(good), source)
  assert.deepEqual(result.annotations, [])
  assert.deepEqual(result.problems, [
    'annotation 1 (urn:uuid:4): `target.selector`: expected a TextQuoteSelector with a non-empty `exact`',
    'annotation 2: missing `id`, expected an IRI such as `urn:uuid:…`',
    'annotation 3 (urn:uuid:3): unexpected `scope` "galaxy", expected "article" or "workspace"',
    'annotation 4 (urn:uuid:1): unexpected `motivation` "bookmarking", expected identifying, tagging, moderating, linking or assessing',
    'annotation 5 (urn:uuid:5): unexpected verdict "pants-on-fire", expected one of true, mostly-true, misleading, false, unverifiable, needs-checking',
    'annotation 6 (urn:uuid:4): `target.selector`: expected a TextQuoteSelector with a non-empty `exact`',
    'annotation 7: expected an object, not string'
  ])

  const error = new SidecarError('a.md.newsmark.json', result.problems.slice(0, 2))
  assert.equal(
    error.message,
    'a.md.newsmark.json: 2 problems in the annotation sidecar:\n' +
      '  - annotation 1 (urn:uuid:4): `target.selector`: expected a TextQuoteSelector with a non-empty `exact`\n' +
      '  - annotation 2: missing `id`, expected an IRI such as `urn:uuid:…`'
  )
})

test('annotations: hand-written sidecars are read leniently', () => {
  const hand = [
    {
      id: 'urn:x:1',
      type: 'Annotation',
      motivation: 'identifying',
      creator: 'Ada',
      body: {purpose: 'classifying', value: 'ORG'},
      target: {selector: {type: 'TextQuoteSelector', exact: 'BELMA'}}
    }
  ]
  const {annotations: list, problems} = parseSidecar(JSON.stringify(hand), source)
  assert.deepEqual(problems, [])
  assert.deepEqual(list, [
    {id: 'urn:x:1', target: {start: -1, end: -1, exact: 'BELMA', prefix: '', suffix: ''}, creator: {type: 'Person', name: 'Ada'}, kind: 'tag', type: 'ORG'}
  ])
  assert.deepEqual(parseSidecar(JSON.stringify([{...hand[0], id: 'urn:x:1'}, hand[0]]), source).problems, [
    'annotation 2: duplicate `id` urn:x:1'
  ])
})

test('annotations: applying annotations to the automatic tags', () => {
  const result = analyzeSync(source).data.newsmark!
  const review = applyAnnotations(result, sample())
  const names = review.entities.map((entity) => entity.name)
  assert.ok(!names.includes('East Shield'), 'rejected MISC is gone')
  assert.ok(!names.includes('Warsaw'), 'merged into Poland')
  const poland = review.entities.find((entity) => entity.name === 'Poland')!
  const before = result.entities.find((entity) => entity.name === 'Poland')!.mentions.length
  assert.equal(poland.mentions.length, before + 2)
  const belma = review.entities.find((entity) => entity.name === 'BELMA plant')!
  assert.deepEqual([belma.type, belma.origin, belma.mentions.length], ['ORG', 'human', 1])
  assert.ok(!review.entities.some((entity) => entity.name === 'BELMA'), 'the overlapping machine tag is replaced')
  const date = review.dates.find((item) => item.text === 'February 20')!
  assert.deepEqual([date.value, date.origin], ['2026-02-20', 'human'])
  // A verdict on words that are no machine claim makes them a claim by hand.
  const claim = review.claims.find((item) => item.verdict)!
  assert.ok(!result.claims.some((item) => item.start <= claim.start && claim.end <= item.end), 'no machine claim holds it')
  assert.deepEqual([claim.text, claim.origin], ['output will rise by 25 times', 'human'])
  assert.deepEqual(claim.verdict, {
    verdict: 'unverifiable',
    text: 'output will rise by 25 times',
    ...at('output will rise by 25 times'),
    source: 'https://example.org/belma',
    note: 'No figures published.',
    annotation: 'urn:uuid:5',
    creator: reader,
    date: now
  })
  assert.deepEqual(review.unapplied, [])
  assert.equal(result.entities.find((entity) => entity.name === 'Poland')!.mentions.length, before, 'input unchanged')

  // A verdict on part of a machine claim goes to that claim.
  const kremlin = result.claims.find((item) => item.text.startsWith('According to the Kremlin'))
  assert.ok(kremlin, result.claims.map((item) => item.text).join(' | '))
  const part = applyAnnotations(result, setVerdict([], source, at('European governments use these claims'), 'needs-checking', {now, id: 'urn:uuid:6'}))
  const judged = part.claims.find((item) => item.verdict)!
  assert.deepEqual([judged.text, judged.origin, judged.verdict!.text], [kremlin.text, 'machine', 'European governments use these claims'])

  assert.ok(result.entities.some((entity) => entity.name === 'Radio Zet'))
  const workspace = applyAnnotations(result, [], {workspaceRejects: [rejectTag(source, at('Radio Zet'), {scope: 'workspace'})]})
  assert.ok(!workspace.entities.some((entity) => entity.name === 'Radio Zet'))

  const lost = applyAnnotations({entities: [], dates: [], claims: []}, [mergeEntities(source, at('Warsaw'), at('Poland'))])
  assert.deepEqual(lost.unapplied.map((item) => item.reason), ['no entity at “Warsaw”'])
})

test('annotations: code point conversions agree with a scan of the text', () => {
  // The conversions search an index of the text's astral characters; a
  // scan from the start is the reference (lone surrogates included).
  const pieces = ['a', 'é', '😀', '𝄞', '\uD800', '\uDC00', '\n', '  ']
  const scanTo = (text: string, offset: number) => {
    let points = 0
    for (let index = 0; index < offset && index < text.length; index++) {
      if (!(index > 0 && /[\uDC00-\uDFFF]/.test(text[index]!) && /[\uD800-\uDBFF]/.test(text[index - 1]!))) points++
    }

    return points
  }

  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 30}), (parts) => {
      const text = parts.join('')
      const total = [...text].length
      for (let offset = -1; offset <= text.length + 1; offset++) assert.equal(toCodePoint(text, offset), scanTo(text, offset), `unit ${offset}`)
      for (let points = 0; points <= total + 1; points++) {
        const unit = fromCodePoint(text, points)
        assert.equal(unit, points > total ? -1 : [...text].slice(0, points).join('').length, `code point ${points}`)
      }

      assert.equal(codePointIndex(text)(text.length), total)
    }),
    {numRuns: 300}
  )
})
