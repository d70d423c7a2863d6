/**
 * Words that name `Object.prototype` members (`constructor`, `toString`,
 * `__proto__`…) in an article, a configuration, a fact base or a sidecar:
 * a lexicon kept as a plain object answered them with a function (or, for
 * `__proto__`, an object), so “the constructor said” found a pronoun and
 * “every constructor” a SET. Where it makes sense, each text is also
 * analysed with a neutral word of the same length in their place
 * (`constructor` → `widgetwidge`): the output must be the same.
 */
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import remarkDirective from 'remark-directive'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {analyzeSync} from '../../src/core/analyze.ts'
import {readDirectives, wrapInDirective} from '../../src/core/annotations/inline.ts'
import {parseSidecar, serializeSidecar} from '../../src/core/annotations/sidecar.ts'
import {setVerdict, tagSelection} from '../../src/core/annotations/edit.ts'
import type {TagType} from '../../src/core/annotations/types.ts'
import {explainClaimKind} from '../../src/core/claims/kind.ts'
import {ConfigError, loadConfig, parseConfig} from '../../src/core/config/index.ts'
import {tagTimex} from '../../src/core/dates/index.ts'
import {readNumber, readOrdinal, readSpelledYear} from '../../src/core/dates/numbers.ts'
import {tokenize as dateTokens} from '../../src/core/dates/tokenize.ts'
import {articleMeta} from '../../src/core/export/meta.ts'
import {FactsError, normalizeFacts, parseFacts} from '../../src/core/facts/parse.ts'
import {findQuantities, parseQuantity} from '../../src/core/facts/quantity.ts'
import {tokenize} from '../../src/core/text/tokenize.ts'
import type {NewsmarkResult} from '../../src/core/types.ts'

const REF = '2026-01-16'
const markdown = unified().use(remarkParse).use(remarkDirective)

/** Names of `Object.prototype` members (and the setters-getters of old). */
const words = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__proto__',
  '__defineGetter__',
  '__lookupSetter__'
]

/** The same word, capitalised (`Constructor`). */
function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * A word of no meaning to any lexicon, of the same length and case pattern
 * and with the same first and last three letters, which the taggers' prefix
 * and suffix features read (`constructor` → `conwidgetor`, `toString` →
 * `toSwidgng`), so offsets match.
 */
function neutral(word: string): string {
  let at = 0
  const letters = [...word.matchAll(/\p{L}/gu)].map((match) => match.index)
  const kept = new Set([...letters.slice(0, 3), ...letters.slice(-3)])
  return word.replace(/\p{L}/gu, (char, offset: number) => {
    if (kept.has(offset)) return char
    const letter = 'widget'[at++ % 6]!
    return char === char.toLowerCase() ? letter : letter.toUpperCase()
  })
}

/** `text` with every form of `word` (as is, capitalised) neutral. */
function neutralize(text: string, word: string): string {
  return text.split(capital(word)).join(neutral(capital(word))).split(word).join(neutral(word))
}

/**
 * The output of the neutral twin with the word put back, run of letters by
 * run of letters (a span may end inside `__proto__`: `25 __proto`).
 */
function restore(text: string, word: string): string {
  for (const form of [capital(word), word]) {
    const runs = form.match(/\p{L}+/gu)!
    const twins = neutral(form).match(/\p{L}+/gu)!
    for (const [index, run] of runs.entries()) text = text.split(twins[index]!).join(run)
  }

  return text
}

/** Everything an analysis gives: tags and messages (rule, reason, place). */
function outcome(file: VFile): string {
  const messages = file.messages.map((message) => [message.ruleId, message.reason, message.place, message.fatal])
  return JSON.stringify({result: file.data.newsmark, messages})
}

/** Analyse `text`, and its neutral twin: the same output, the word put back. */
function assertLikeNeutral(text: string, word: string, options: Parameters<typeof analyzeSync>[1] = {referenceDate: REF}): NewsmarkResult {
  const file = analyzeSync(text, options)
  const twin = analyzeSync(neutralize(text, word), options)
  // The word back into the twin's output (its text fields quote it).
  assert.equal(outcome(file), restore(outcome(twin), word), `${JSON.stringify(text)} is analysed as ${JSON.stringify(neutralize(text, word))} is`)
  return file.data.newsmark as NewsmarkResult
}

/** Whether a TimeML value is made of what TimeML values are made of. */
function plainValue(value: unknown): boolean {
  return typeof value === 'string' && /^[\dA-Z:.\-_]+$/.test(value) && !value.includes('NaN')
}

describe('prototype words where a time expression is read', () => {
  // `$` is the word, `$$` the word capitalised: where a rule looks a word
  // up as a month, weekday, number, unit, season, part of day, clock word,
  // relative word, “ago” word or “this/last/next” of a year (most of them
  // read `constructor` as one, with a function for its value).
  const contexts = [
    'The deal closed on $ 5, 2020.',
    'The deal closed on $$ 5.',
    'We met $ next week.',
    'It was the $ of March.',
    'It was the $ of 2020.',
    'in the $$ of 2020',
    'They met in July $ year.',
    'the third quarter of $ year',
    'It happened a year $.',
    'It happened two weeks $.',
    'He left last $.',
    'He left last $$.',
    'We meet next $$ morning.',
    'the late $',
    'the late $, in 1990',
    'the $ day',
    'the $ year',
    'the $ week',
    'the $ quarter',
    'the $-year',
    'every $$',
    'every $',
    'each other $$',
    'on $$s',
    '$$ nights',
    'two $ days',
    'twenty-$ years',
    'nineteen $',
    '$ hundred days',
    'a $ thousand',
    'It lasted $ years.',
    'twice a $',
    'three times a $',
    '$2 million a $',
    '5 $ 2020',
    'at $ o\'clock',
    'Sunday $',
    '$$ morning',
    'yesterday $',
    'the $ before yesterday',
    'since the $s',
    '$$, March 5',
    'on $$ at 10 a.m.'
  ]
  for (const word of words) {
    it(`reads “${word}” as a word, not a time`, () => {
      for (const context of contexts) {
        const text = context.replaceAll('$$', capital(word)).replaceAll('$', word)
        const tags = tagTimex(text, {referenceDate: REF})
        for (const tag of tags) assert.ok(plainValue(tag.value), `${JSON.stringify(text)}: value ${String(tag.value)} of ${tag.text}`)
        const twin = tagTimex(neutralize(text, word), {referenceDate: REF})
        assert.deepEqual(
          tags,
          twin.map((tag) => ({...tag, text: text.slice(tag.start, tag.end)})),
          `${JSON.stringify(text)} has the time expressions of ${JSON.stringify(neutralize(text, word))}`
        )
      }
    })
  }

  it('reads no number, ordinal or spelled year from them', () => {
    for (const word of words) {
      for (const text of [word, `a ${word}`, `twenty-${word}`, `nineteen ${word}`, `two ${word} and a half`]) {
        const toks = dateTokens(text)
        for (let i = 0; i < toks.length; i++) {
          const number = readNumber(toks, i)
          if (number) assert.equal(typeof number.n, 'number', text)
          if (number) assert.ok(Number.isFinite(number.n), `${text}: ${number.n}`)
          assert.ok(number === null || number.j <= toks.length)
          const ordinal = readOrdinal(toks, i)
          assert.ok(ordinal === null || Number.isFinite(ordinal.n), `${text}: ordinal ${String(ordinal?.n)}`)
          assert.equal(readSpelledYear(toks, i), null, text)
        }
      }

      const toks = dateTokens(`${word} hundred`)
      assert.equal(readNumber(toks, 0), null, `“${word} hundred” is no number`)
      assert.equal(readOrdinal(toks, 0), null)
    }
  })

  it('resolves dates in an article where the word sits near them as it does with a neutral word', () => {
    for (const word of words) {
      const text = `The ministry said on Friday it would act within ${word} days. Every ${capital(word)} it met in July ${word} year, and last ${word} too.\n`
      const result = assertLikeNeutral(text, word)
      assert.deepEqual(
        result.dates.map((date) => [date.text, date.value]),
        [['Friday', '2026-01-16'], ['July', '2025-07']]
      )
    }
  })
})

describe('prototype words where a speaker or a reporting verb is read', () => {
  it('finds no pronoun speaker in “the constructor said”', () => {
    for (const word of words) {
      const text = `Jan Kowalski arrived in Warsaw on Monday. The ${word} said the plant will double output by 25 times in 2027.\n`
      const result = assertLikeNeutral(text, word)
      const kowalski = result.entities.find((entity) => entity.name === 'Jan Kowalski')
      assert.ok(kowalski)
      assert.deepEqual(kowalski.mentions.map((mention) => mention.text), ['Jan Kowalski'], 'no pronoun mention of the word')
      assert.equal(result.claims.length, 1)
      // The word is read as any other noun (its twin gives the same), never
      // a person's pronoun: “said” is still the quote's cue, but a noun of
      // no one who can speak (unlike “the spokeswoman”) is no claim's
      // speaker, so the claim takes neither speaker nor verb.
      assert.equal(result.claims[0]!.speaker?.entity, undefined, 'no entity as the speaker')
      assert.equal(result.quotes?.[result.claims[0]!.quote ?? -1]?.cue?.text, 'said', word)
      assert.equal(result.claims[0]!.verb, undefined)
    }
  })

  it('finds no speaker in “…,” said constructor / constructor said', () => {
    for (const word of words) {
      for (const text of [
        `"We will build 500 new mines next year," said ${word}.\n`,
        `Jan Kowalski met reporters. "We will build 500 new mines next year," ${word} said.\n`,
        `According to ${word}, the plant will double output by 25 times.\n`,
        `Officials ${word} that the plant will double output.\n`,
        `The plant will double output, ${word} told ${word}.\n`,
        `It is believed the ${word} will ${word} by ${word}.\n`
      ]) {
        // Read as a neutral word is read: a source after “according to” or
        // before “said”, but never through a lookup of the word itself.
        const result = assertLikeNeutral(text, word)
        for (const claim of result.claims) assert.equal(claim.speaker?.entity, undefined, text)
      }
    }
  })

  // A capitalised word is read by its letters too (the entity tagger's
  // prefixes and suffixes: `Constructor` is no name, `Widgetwidge` is), so
  // no neutral twin here: what matters is that no pronoun came of it.
  it('finds no pronoun in “…,” Constructor said', () => {
    for (const word of words) {
      for (const text of [
        `Anna Nowak spoke. "We will build 500 new mines next year," ${capital(word)} said.\n`,
        `Anna Nowak spoke. "We will build 500 new mines next year," said ${capital(word)} on Tuesday.\n`,
        `Anna Nowak spoke. The ${capital(word)} said the plant will double output by 25 times.\n`
      ]) {
        const result = analyzeSync(text, {referenceDate: REF}).data.newsmark as NewsmarkResult
        const nowak = result.entities.find((entity) => entity.name === 'Anna Nowak')
        assert.deepEqual(nowak?.mentions.map((mention) => mention.text), ['Anna Nowak'], text)
        for (const claim of result.claims) {
          if (claim.speaker?.entity) assert.notEqual(claim.speaker.entity, nowak!.id, text)
        }
      }
    }
  })

  it('gives the claim kind of a neutral word', () => {
    for (const word of words) {
      for (const text of [
        `The ${word} said the plant will double output.`,
        `The ${word} rose by 25 ${word}.`,
        `It ${word} because ${word}.`,
        `${capital(word)} 20 was the day.`,
        `"${capital(word)} ${word} ${word}," ${word} ${word}.`
      ]) {
        const kind = explainClaimKind(text)
        const twin = explainClaimKind(neutralize(text, word))
        assert.deepEqual(kind, twin.cue === undefined ? twin : {...twin, cue: restore(twin.cue, word)}, text)
      }
    }
  })
})

describe('prototype words where a quantity is read', () => {
  it('finds no quantity, unit or currency in them', () => {
    for (const word of words) {
      for (const text of [`the ${word} said`, `25 ${word}`, `${word} 25`, `a ${word} of people`, `${word} of ${word}`, `${word} million`]) {
        const found = findQuantities(tokenize(text))
        const twin = findQuantities(tokenize(neutralize(text, word)))
        assert.deepEqual(JSON.stringify(found), restore(JSON.stringify(twin), word), text)
        for (const quantity of found) assert.equal(typeof quantity.value, 'number', text)
      }

      assert.equal(parseQuantity(word), undefined)
      assert.equal(parseQuantity(`${word} ${word}`), undefined)
      assert.equal(parseQuantity(`${word} 25`), undefined)
      assert.equal(String(JSON.stringify(parseQuantity(`25 ${word}`))), restore(String(JSON.stringify(parseQuantity(`25 ${neutral(word)}`))), word))
    }
  })

  it('reports numbers next to them as next to a neutral word', () => {
    for (const word of words) {
      assertLikeNeutral(`Jan Kowalski said output rose by 25 ${word} in a year. Anna Nowak said it rose by 20 ${word}.\n`, word)
      assertLikeNeutral(`The ${word} cost 25 ${word}, and ${word} ${word} dollars.\n`, word)
    }
  })
})

describe('prototype words in directives', () => {
  it('reads `:constructor[…]` as no annotation', () => {
    const {annotations, problems} = readDirectivesOf(`:person[Jan Kowalski] met ${words.map((word) => /^\p{L}/u.test(word) ? `:${word}[Anna Nowak]` : '').join(' ')}.\n`)
    assert.deepEqual(problems, [])
    assert.deepEqual(annotations.map((annotation) => [annotation.kind, 'type' in annotation ? annotation.type : undefined, annotation.target.exact]), [['tag', 'PER', 'Jan Kowalski']])
  })

  it('keeps `:constructor` in the prose, as any directive it does not use', () => {
    for (const word of words.filter((word) => /^\p{L}/u.test(word))) {
      const text = `Jan Kowalski arrived. :${word}[Anna Nowak] said the plant will double output in 2027.\n`
      assertLikeNeutral(text, word)
    }
  })

  it('wraps a selection in a directive of known types only', () => {
    const source = 'Jan Kowalski arrived.\n'
    for (const word of words) {
      assert.throws(
        () => wrapInDirective(source, {start: 0, end: 12}, {type: word as TagType}),
        (error: unknown) => error instanceof Error && error.message.startsWith(`Unexpected type \`${word}\`, expected one of PER`)
      )
    }
  })
})

describe('prototype words in front matter', () => {
  it('reads them as any key or value', () => {
    for (const word of words) {
      const key = /^\p{L}/u.test(word) ? word : `"${word}"`
      const text = `---\n${key}: 2020-01-01\ntitle: ${word}\nauthor: ${word}\ndate: 2026-01-16\n---\n\n# ${word}\n\nThe ${word} said on Friday that output rose by 25 ${word}.\n`
      const result = assertLikeNeutral(text, word, {})
      assert.equal(result.referenceDate, '2026-01-16')
      assert.deepEqual(articleMeta(text, 'a.md'), {file: 'a.md', title: word, datePublished: '2026-01-16', author: word})
    }

    assert.equal(({} as Record<string, unknown>).polluted, undefined)
  })

  it('reads `__proto__` as a key of its own, and no date or title from it', () => {
    const text = '---\n__proto__:\n  date: 2020-01-01\n  title: Smuggled\n  polluted: true\n---\n\nThe ministry said on Friday it would act.\n'
    const file = analyzeSync(text, {referenceDate: REF})
    const result = file.data.newsmark as NewsmarkResult
    assert.equal(result.referenceDate, REF)
    assert.deepEqual(result.dates.map((date) => date.value), ['2026-01-16'])
    assert.deepEqual(articleMeta(text, 'a.md'), {file: 'a.md'})
    assert.equal(({} as Record<string, unknown>).polluted, undefined)
  })

  it('reports a front matter date of `constructor` as any bad date', () => {
    for (const word of words) {
      const text = `---\ndate: ${JSON.stringify(word)}\n---\n\nThe ministry said on Friday it would act.\n`
      const file = analyzeSync(text)
      assert.equal(file.messages[0]?.ruleId, 'front-matter-date')
      assert.equal(file.messages[0]?.reason, `Unexpected front matter \`date: ${word}\`, expected a date as \`YYYY-MM-DD\``)
      assertLikeNeutral(text, word, {})
    }
  })
})

describe('prototype words in a configuration', () => {
  const files = ['.newsmarkrc.yaml', '.newsmarkrc.json']

  it('rejects them as keys, naming them', () => {
    for (const word of words) {
      for (const file of files) {
        const json = file.endsWith('.json')
        const top = json ? `{${JSON.stringify(word)}: {"polluted": true}}` : `${JSON.stringify(word)}:\n  polluted: true\n`
        assert.throws(() => parseConfig(top, file), (error: unknown) => {
          assert.ok(error instanceof ConfigError, String(error))
          assert.match(error.message, new RegExp(`Unexpected key \`${escape(word)}\`, expected \`preset\`, \`rules\`, \`facts\`, \`export\` or \`files\``))
          assert.equal(error.key, word)
          return true
        })

        const rule = json
          ? `{"rules": {"hedging": "off", ${JSON.stringify(word)}: "off"}}`
          : `rules:\n  hedging: off\n  ${JSON.stringify(word)}: off\n`
        assert.throws(() => parseConfig(rule, file), (error: unknown) => {
          assert.ok(error instanceof ConfigError, String(error))
          assert.match(error.message, new RegExp(`Unexpected rule id \`${escape(word)}\` in \`rules\``))
          assert.equal(error.key, `rules.${word}`)
          return true
        })

        const nested = json ? `{"rules": {${JSON.stringify(word)}: {"hedging": "off"}}}` : `rules:\n  ${JSON.stringify(word)}:\n    hedging: off\n`
        assert.throws(() => parseConfig(nested, file), ConfigError)
        const inFiles = json ? `{"files": {${JSON.stringify(word)}: ["a/**"]}}` : `files:\n  ${JSON.stringify(word)}: [a/**]\n`
        assert.throws(() => parseConfig(inFiles, file), (error: unknown) => {
          assert.ok(error instanceof ConfigError, String(error))
          assert.equal(error.key, `files.${word}`)
          return true
        })
      }
    }

    assert.equal(({} as Record<string, unknown>).polluted, undefined)
    assert.equal(({} as Record<string, unknown>).hedging, undefined)
  })

  it('rejects them as severities, and takes them as a fact base path', () => {
    for (const word of words) {
      assert.throws(() => parseConfig(`rules:\n  hedging: ${JSON.stringify(word)}\n`, '.newsmarkrc'), (error: unknown) => {
        assert.ok(error instanceof ConfigError)
        assert.match(error.message, new RegExp(`Unexpected value \`${escape(word)}\` for \`rules.hedging\``))
        return true
      })
      assert.deepEqual(parseConfig(`facts: ${JSON.stringify(word)}\n`, '.newsmarkrc'), {rules: {}, facts: word})
      const config = parseConfig('rules:\n  hedging: off\n', '.newsmarkrc')
      assert.equal(Object.getPrototypeOf(config.rules), Object.prototype)
      assert.deepEqual(Object.keys(config.rules), ['hedging'])
    }
  })

  it('loads no configuration with `__proto__` in it', () => {
    const read = (text: string) => (path: string) => (path === '/a/.newsmarkrc' ? text : undefined)
    assert.throws(() => loadConfig('/a/b.md', read('{"__proto__": {"rules": {"hedging": "off"}}}')), /Unexpected key `__proto__`/)
    assert.throws(() => loadConfig('/a/b.md', read('{"rules": {"__proto__": {"hedging": "off"}}}')), /Unexpected rule id `__proto__`/)
    assert.equal(({} as Record<string, unknown>).rules, undefined)
  })

  it('rejects them as rule ids in options', () => {
    for (const word of words) {
      const rules = JSON.parse(`{${JSON.stringify(word)}: "off"}`) as Record<string, 'off'>
      assert.throws(() => analyzeSync('Text.', {rules}), new RegExp(`Unexpected rule id \`${escape(word)}\` in \`severities\``))
    }

    assert.equal(({} as Record<string, unknown>).polluted, undefined)
  })
})

describe('prototype words in a fact base', () => {
  it('rejects them as keys of a fact, naming them', () => {
    for (const word of words) {
      const key = JSON.stringify(word)
      for (const text of [
        `- subject: BELMA\n  property: output\n  value: 25 times\n  source: Radio Zet\n  ${key}: 1\n`,
        `[{"claim": "Russia plans to attack", "verdict": "false", "source": "a.md", ${key}: {"polluted": true}}]`,
        `facts:\n  - subject: BELMA\n    property: output\n    value: 25 times\n    source: Radio Zet\n${key}: []\n`
      ]) {
        assert.throws(() => parseFacts(text, 'facts.yaml'), (error: unknown) => {
          assert.ok(error instanceof FactsError, String(error))
          assert.match(error.message, new RegExp(`Unexpected key \`${escape(word)}\``))
          return true
        })
      }

      assert.throws(() => normalizeFacts(JSON.parse(`[{"subject": "BELMA", "property": "output", "value": 1, "source": "x", ${key}: 2}]`)), FactsError)
    }

    assert.equal(({} as Record<string, unknown>).polluted, undefined)
  })

  it('takes them as values, and compares them as a neutral word', () => {
    for (const word of words) {
      const facts = parseFacts(`- subject: ${JSON.stringify(word)}\n  property: ${JSON.stringify(word)}\n  value: ${JSON.stringify(word)}\n  source: ${JSON.stringify(word)}\n`, 'facts.yaml')
      assert.deepEqual(facts.map((fact) => [fact.kind, 'subject' in fact ? fact.subject : '', 'property' in fact ? fact.property : '', 'value' in fact ? fact.value : '']), [['value', word, [word], word]])
      const text = `The ${word} ${word} is 25 ${word}, said the ${word} in 2020.\n`
      const inputs = (w: string) => [{subject: w, property: w, value: w, source: 'x'}, {subject: w, property: w, value: `20 ${w}`, source: 'y'}]
      const file = analyzeSync(text, {referenceDate: REF, facts: inputs(word)})
      const twin = analyzeSync(neutralize(text, word), {referenceDate: REF, facts: inputs(neutral(word))})
      assert.equal(outcome(file), restore(outcome(twin), word), text)
    }
  })
})

describe('prototype words in an annotation sidecar', () => {
  const source = 'Jan Kowalski said the constructor will raise output by 25 times.\n'
  const now = '2026-01-16T00:00:00.000Z'
  const at = (text: string) => ({start: source.indexOf(text), end: source.indexOf(text) + text.length})
  const sidecar = () =>
    JSON.parse(
      serializeSidecar(
        [
          tagSelection(source, at('Jan Kowalski'), 'PER', {now, id: 'urn:uuid:1'}),
          ...setVerdict([], source, at('25 times'), 'false', {now, id: 'urn:uuid:2'})
        ],
        source,
        'a.md'
      )
    )

  it('reads `__proto__` as an own key, and pollutes nothing', () => {
    const text = JSON.stringify(sidecar()).replace('{"@context"', '{"__proto__": {"polluted": true, "type": "Annotation"}, "@context"')
    assert.ok(text.includes('"__proto__"'))
    const {annotations, problems} = parseSidecar(text, source)
    assert.deepEqual(problems, [])
    assert.deepEqual(annotations.map((annotation) => annotation.id), ['urn:uuid:1', 'urn:uuid:2'])
    assert.equal(({} as Record<string, unknown>).polluted, undefined)
  })

  it('takes no annotation field from `__proto__`', () => {
    const data = sidecar()
    const item = data.first.items[0]
    const hidden = JSON.stringify({__proto__: null, ...item})
    const text = JSON.stringify(data).replace(JSON.stringify(item), `{"__proto__": ${hidden}}`)
    const {annotations, problems} = parseSidecar(text, source)
    assert.deepEqual(annotations.map((annotation) => annotation.id), ['urn:uuid:2'])
    assert.deepEqual(problems, [
      'annotation 1: expected `"type": "Annotation"`',
      'annotation 1: missing `id`, expected an IRI such as `urn:uuid:…`',
      'annotation 1: missing `motivation`, expected identifying, tagging, moderating, linking or assessing',
      'annotation 1: `target`: expected an object with a `selector`, not nothing'
    ])
    assert.equal(({} as Record<string, unknown>).polluted, undefined)
  })

  it('reports them as tag types, verdicts, motivations and scopes', () => {
    for (const word of words) {
      const data = sidecar()
      const body = (item: {body: unknown}, purpose: string) => [item.body].flat().find((body) => (body as {purpose: string}).purpose === purpose) as {value: string}
      body(data.first.items[0], 'classifying').value = word
      body(data.first.items[1], 'assessing').value = word
      const moderated = {...sidecar().first.items[0], id: 'urn:uuid:3', motivation: 'moderating', scope: word}
      const odd = {...sidecar().first.items[0], id: 'urn:uuid:4', motivation: word}
      data.first.items.push(moderated, odd)
      const {annotations, problems} = parseSidecar(JSON.stringify(data), source)
      assert.deepEqual(annotations, [])
      assert.deepEqual(problems, [
        `annotation 1 (urn:uuid:1): unexpected classifying body \`${word}\`, expected one of PER, ORG, LOC, MISC, DATE, CLAIM`,
        `annotation 2 (urn:uuid:2): unexpected verdict ${JSON.stringify(word)}, expected one of true, mostly-true, misleading, false, unverifiable, needs-checking`,
        `annotation 3 (urn:uuid:3): unexpected \`scope\` ${JSON.stringify(word)}, expected "article" or "workspace"`,
        `annotation 4 (urn:uuid:4): unexpected \`motivation\` ${JSON.stringify(word)}, expected identifying, tagging, moderating, linking or assessing`
      ])
    }
  })

  it('takes them as ids and quoted text', () => {
    const data = sidecar()
    data.first.items[0].id = 'constructor'
    data.first.items[0].target.selector[0].exact = 'constructor'
    const {annotations, problems} = parseSidecar(JSON.stringify(data), source)
    assert.deepEqual(problems, [])
    assert.deepEqual(annotations.map((annotation) => [annotation.id, annotation.target.exact]), [['constructor', 'constructor'], ['urn:uuid:2', '25 times']])
  })
})

/** `readDirectives` over a Markdown source. */
function readDirectivesOf(source: string) {
  return readDirectives(markdown.parse(source), source)
}

/** A word as a regular expression literal. */
function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')
}
