/**
 * The fact base: reading quantities in their spellings, parsing the YAML
 * file with errors that name the file and key, and matching sentences.
 */
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {FactsError, normalizeFacts, parseFacts} from '../../src/core/facts/parse.ts'
import {factsFromVerdicts} from '../../src/core/facts/verdicts.ts'
import {findQuantities, parseQuantity, sameQuantity} from '../../src/core/facts/quantity.ts'
import {runRules} from '../../src/core/rules/index.ts'
import {analyzeWith, check} from '../fixtures/rules/examples.ts'

describe('quantities', () => {
  it('reads one value in many spellings', () => {
    const spellings = ['25 times', '25-fold', '25x', '25×', 'twenty-five times', 'twenty five times', 'twenty-fivefold', 'by 25 times']
    const base = parseQuantity('25 times')!
    for (const spelling of spellings) {
      const quantity = parseQuantity(spelling)
      assert.ok(quantity, spelling)
      assert.ok(sameQuantity(base, quantity), spelling)
    }
  })

  it('reads scales, units, currencies and magnitudes', () => {
    assert.deepEqual(parseQuantity('$60 billion'), {first: 0, last: 3, value: 60e9, unit: 'USD'})
    assert.deepEqual(parseQuantity('8 per cent'), {first: 0, last: 3, value: 8, unit: 'percent'})
    assert.deepEqual(parseQuantity('8%'), {first: 0, last: 2, value: 8, unit: 'percent'})
    assert.deepEqual(parseQuantity('2.5 million'), {first: 0, last: 2, value: 2.5e6})
    assert.deepEqual(parseQuantity('1,500 people'), {first: 0, last: 2, value: 1500, noun: 'people'})
    assert.deepEqual(parseQuantity('thousands of people'), {first: 0, last: 3, value: 2000, max: 9999, noun: 'people'})
    assert.deepEqual(parseQuantity('doubled'), {first: 0, last: 1, value: 2, unit: 'times'})
    assert.deepEqual(parseQuantity('1997'), {first: 0, last: 1, value: 1997, year: true})
  })

  it('does not read bare number words or other text', () => {
    for (const text of ['one', 'two countries', 'hello', '', '25 and more']) {
      assert.equal(parseQuantity(text), undefined, text)
    }
  })

  it('compares ranges and units', () => {
    assert.ok(sameQuantity(parseQuantity('5,000 people')!, parseQuantity('thousands of people')!))
    assert.ok(!sameQuantity(parseQuantity('20 times')!, parseQuantity('25x')!))
    assert.ok(!sameQuantity(parseQuantity('25%')!, parseQuantity('25 times')!))
  })
})

const yaml = `- subject: Ottawa Convention
  aliases: [Mine Ban Treaty]
  property: adopted
  value: 1997
  source: UN treaty collection
- subject: BELMA
  property: [production, output]
  value: 25 times
  source: Radio Zet
  date: 2026-01-15
  verdict: false
`

describe('parseFacts', () => {
  it('reads facts', () => {
    assert.deepEqual(parseFacts(yaml, 'facts.yaml'), [
      {kind: 'value', subject: 'Ottawa Convention', aliases: ['Mine Ban Treaty'], property: ['adopted'], value: '1997', source: 'UN treaty collection', origin: 'facts.yaml:1:3'},
      {kind: 'value', subject: 'BELMA', aliases: [], property: ['production', 'output'], value: '25 times', source: 'Radio Zet', date: '2026-01-15', verdict: 'false', origin: 'facts.yaml:6:3'}
    ])
  })

  it('reads a `facts:` key and empty files', () => {
    assert.equal(parseFacts('facts:\n' + yaml.replace(/^/gm, '  '), 'f.yaml').length, 2)
    assert.deepEqual(parseFacts('', 'f.yaml'), [])
    assert.deepEqual(parseFacts('facts:', 'f.yaml'), [])
  })

  const errors: Array<[string, string]> = [
    [yaml.replace('verdict: false', 'verdict: maybe'), 'facts.yaml:11:3: Unexpected value `maybe` for `verdict` in fact 2 (`[1].verdict`), expected `true`, `mostly-true`, `misleading`, `false`, `unverifiable` or `needs-checking`'],
    [yaml.replace('  source: Radio Zet\n', ''), 'facts.yaml:6:3: Missing `source` in fact 2 (`[1].source`), expected a text'],
    [yaml.replace('aliases', 'alias'), 'facts.yaml:2:3: Unexpected key `alias` in fact 1 (`[0].alias`), expected `subject`, `aliases`, `property`, `value`, `source`, `date` or `verdict`'],
    [yaml.replace('date: 2026-01-15', 'date: soon'), 'facts.yaml:10:3: Unexpected value `soon` for `date` in fact 2 (`[1].date`), expected `YYYY`, `YYYY-MM` or `YYYY-MM-DD`'],
    [yaml.replace('property: adopted', 'property: []'), 'facts.yaml:3:3: Unexpected value `[]` for `property` in fact 1 (`[0].property`), expected a text or a list of texts'],
    ['facts: 3', 'facts.yaml:1:8: Unexpected value, expected a list of facts'],
    ['foo: [1]', 'facts.yaml:1:1: Unexpected key `foo`, expected a list of facts or `facts:`'],
    ['- 3', 'facts.yaml:1:3: Unexpected value in fact 1 (`[0]`), expected a fact (`subject`, `property`, `value`, `source`) or a checked claim (`claim`, `verdict`, `source`)'],
    ['- [a, b', 'facts.yaml:1:8: Unexpected invalid YAML']
  ]
  for (const [text, message] of errors) {
    it(`fails: ${message.slice(0, 60)}…`, () => {
      assert.throws(() => parseFacts(text, 'facts.yaml'), (error: unknown) => {
        assert.ok(error instanceof FactsError)
        assert.ok(error.message.startsWith(message), error.message)
        assert.equal(error.file, 'facts.yaml')
        return true
      })
    })
  }

  it('reads claim facts', () => {
    assert.deepEqual(parseFacts('- claim: output will rise by 25 times\n  verdict: false\n  source: a.md\n', 'f.yaml'), [
      {kind: 'claim', claim: 'output will rise by 25 times', verdict: 'false', source: 'a.md', origin: 'f.yaml:1:3'}
    ])
    assert.throws(() => parseFacts('- claim: output will rise\n  source: a.md\n', 'f.yaml'), /f\.yaml:1:3: Missing `verdict` in fact 1 \(`\[0\].verdict`\), expected `true`/)
    assert.throws(() => parseFacts('- claim: x\n  verdict: false\n  source: a\n  value: 3\n', 'f.yaml'), /Unexpected key `value` in fact 1 \(`\[0\].value`\), expected `claim`, `verdict`, `source` or `date`/)
  })

  it('validates facts from settings', () => {
    assert.throws(() => normalizeFacts({}), /^FactsError: settings: Unexpected value for `facts`, expected a list of facts$/)
    assert.throws(() => normalizeFacts([{subject: 'A', property: 'b', source: 'c'}]), /settings: Missing `value` in fact 1 \(`facts\[0\].value`\)/)
  })
})

describe('matching facts', () => {
  const facts = parseFacts(yaml, 'facts.yaml')
  const run = (text: string) => check(text, 'fact-contradiction', facts)

  it('matches aliases, case and a leading “the”', () => {
    assert.deepEqual(run('the mine ban treaty was adopted in 1997.'), [
      '1:36-1:40: Fact: Ottawa Convention adopted `1997` (source: UN treaty collection)'
    ])
  })

  it('contradicts another year', () => {
    assert.deepEqual(run('The Ottawa Convention was adopted in 1999.'), [
      '1:38-1:42: Unexpected `1999` for Ottawa Convention adopted, expected `1997` (source: UN treaty collection)'
    ])
  })

  it('matches numbers in other spellings, with the subject in the sentence before', () => {
    for (const value of ['25x', '25-fold', 'twenty-five times', '25 times']) {
      const [message] = run(`BELMA will increase production. Its output will rise ${value}.`)
      assert.match(message, /a claim rated `false` in the fact base \(source: Radio Zet\)$/, value)
    }
  })

  it('resolves pronouns to the subject entity', () => {
    const facts = normalizeFacts([{subject: 'Cezary Tomczyk', property: 'output', value: '25 times', source: 'Radio Zet'}])
    const messages = check('Deputy Defense Minister Cezary Tomczyk spoke to Radio Zet.\n\nAccording to him, output will rise by 20 times.', 'fact-contradiction', facts)
    assert.deepEqual(messages, ['3:39-3:47: Unexpected `20 times` for Cezary Tomczyk output, expected `25 times` (source: Radio Zet)'])
  })

  it('matches verdicts given to claims, numbers in any spelling', () => {
    const verdicts = factsFromVerdicts(
      [
        {id: 'urn:uuid:1', kind: 'verdict', verdict: 'false', target: {start: 0, end: 28, exact: 'output will rise by 25 times', prefix: '', suffix: ''}, created: '2026-01-17T10:00:00Z'},
        {id: 'urn:uuid:2', kind: 'tag', type: 'PER', target: {start: 0, end: 4, exact: 'Tusk', prefix: '', suffix: ''}}
      ],
      'articles/belma.md'
    )
    assert.deepEqual(verdicts, [{claim: 'output will rise by 25 times', verdict: 'false', source: 'articles/belma.md', origin: 'articles/belma.md', date: '2026-01-17'}])
    assert.deepEqual(check('According to him, output will rise 25-fold.', 'fact-contradiction', verdicts), [
      '1:1-1:44: Unexpected claim `According to him, output will rise 25-fold.`, rated `false` in the fact base (source: articles/belma.md)'
    ])
    assert.deepEqual(check('According to him, output will rise 20-fold.', 'fact-contradiction', verdicts), [])
    assert.deepEqual(check('According to him, exports will fall by 25 times.', 'fact-contradiction', verdicts), [])
  })

  it('needs the subject and the property', () => {
    assert.deepEqual(run('The treaty was adopted in 1999.'), [])
    assert.deepEqual(run('The Ottawa Convention was signed in 1999.'), [])
  })

  it('gives each outcome its severity, and a configured one to all', () => {
    const text = 'The Ottawa Convention was adopted in 1999. BELMA will increase production. Its output will rise 25x. The Ottawa Convention was adopted in 1997.'
    const file = analyzeWith(text, ['fact-contradiction'], facts)
    assert.deepEqual(file.messages.map((message) => message.fatal), [false, true, undefined])
    file.messages = []
    runRules(file, file.data.newsmark!, {severities: {'fact-contradiction': 'error'}, facts})
    assert.deepEqual(
      file.messages.filter((message) => message.ruleId === 'fact-contradiction').map((message) => message.fatal),
      [true, true, true]
    )
  })

  it('cites where the fact comes from', () => {
    const [message] = analyzeWith('BELMA will increase production. Its output will rise 25x.', ['fact-contradiction'], facts).messages
    assert.equal(message.note, 'Fact from facts.yaml:6:3, dated 2026-01-15.')
    assert.equal(message.actual, '25x')
  })
})

describe('quantities and the names of object properties', () => {
  it('reads `constructor`, `toString`, `__proto__` and `valueOf` as no number, scale, unit nor currency', () => {
    const tokens = (text: string) => text.split(' ').map((word) => ({text: word}))
    assert.deepEqual(findQuantities(tokens('the constructor said')), [])
    assert.deepEqual(findQuantities(tokens('a toString')), [])
    assert.deepEqual(findQuantities(tokens('25 valueOf')), [{first: 0, last: 1, value: 25}])
    assert.deepEqual(findQuantities(tokens('3 __proto__ fees')), [{first: 0, last: 1, value: 3}])
    assert.equal(parseQuantity('twenty-constructor'), undefined)
    assert.equal(parseQuantity('constructor'), undefined)
  })
})
