import assert from 'node:assert/strict'
import fc from 'fast-check'
import {describe, it} from 'node:test'
import {analyzeSync} from '../../src/core/analyze.ts'
import {attribute} from '../../src/core/claims/attribution.ts'
import {CLAIM_THRESHOLD, checkWorthiness} from '../../src/core/claims/classifier.ts'
import {claimFeatures, tokenize} from '../../src/core/claims/features.ts'
import {claimKind, explainClaimKind} from '../../src/core/claims/kind.ts'
import {hasQuotation} from '../../src/core/claims/tag-claims.ts'
import {viewText} from '../../src/core/document.ts'
import {deserializeModel, predictProbability} from '../../src/core/ml/linear.ts'
import {normalizeOptions} from '../../src/core/options.ts'
import {tagDocument} from '../../src/core/tag.ts'
import {bestF1Threshold, mulberry32, serializeModel, trainLogistic, type Example} from '../../scripts/lib/train-linear.ts'
import {cpuTime} from './cpu-time.ts'

describe('checkWorthiness', () => {
  it('has a threshold strictly between 0 and 1', () => {
    assert.ok(CLAIM_THRESHOLD > 0 && CLAIM_THRESHOLD < 1, `threshold ${CLAIM_THRESHOLD}`)
  })

  for (const sentence of [
    'According to him, output will rise by 25 times in the coming period.',
    'As a result, they have killed or injured thousands of people long after wars ended.',
    'The Ottawa Convention, adopted in 1997, aimed to end the suffering caused by these weapons.',
    'Deputy Defense Minister Cezary Tomczyk confirmed that Poland will exit the treaty on February 20.',
    'Unemployment has risen by 8 percent since 2019, costing taxpayers $60 billion.'
  ]) {
    it(`is check-worthy: ${sentence}`, () => {
      const score = checkWorthiness(sentence)
      assert.ok(score >= CLAIM_THRESHOLD, `${score} < ${CLAIM_THRESHOLD}`)
    })
  }

  for (const sentence of [
    'Together, these moves point to a wider rethink inside NATO’s eastern flank.',
    'Thank you very much.',
    'Good evening, everyone.',
    'I think we need to do better.'
  ]) {
    it(`is not check-worthy: ${sentence}`, () => {
      const score = checkWorthiness(sentence)
      assert.ok(score < CLAIM_THRESHOLD, `${score} >= ${CLAIM_THRESHOLD}`)
    })
  }

  it('returns a probability in [0, 1] and never throws', () => {
    const long = 'The budget deficit grew by 3 percent last year, officials said. '.repeat(2000)
    for (const input of ['', '   ', '?', '“”', long, '\u0000\uFFFF', '😀 123 %']) {
      const score = checkWorthiness(input)
      assert.ok(score >= 0 && score <= 1 && Number.isFinite(score), `${score} for ${JSON.stringify(input.slice(0, 20))}`)
    }
    assert.equal(checkWorthiness(''), 0)
  })

  it('treats typographic and ASCII apostrophes alike', () => {
    assert.equal(
      checkWorthiness('Finland’s withdrawal took effect last week.'),
      checkWorthiness("Finland's withdrawal took effect last week.")
    )
  })

  it('scores thousands of sentences per second', () => {
    const sentences = [
      'According to him, output will rise by 25 times in the coming period.',
      'Together, these moves point to a wider rethink inside NATO’s eastern flank.',
      'Russian officials have dismissed claims that Russia plans to attack NATO members.'
    ]
    // CPU time, not wall-clock time: other work on the machine does not count.
    let n = 0
    const used = cpuTime(() => {
      while (n < 6000) checkWorthiness(sentences[n++ % sentences.length] as string)
    })
    const perSecond = n / (used / 1000)
    assert.ok(perSecond > 2000, `${Math.round(perSecond)} sentences/s`)
  })
})

describe('features', () => {
  it('splits clitics and replaces numbers by their shape', () => {
    const tokens = tokenize('NATO’s budget didn’t rise 8% in 1997.')
    assert.deepEqual(
      tokens.map((t) => t.norm),
      ['nato', "'s", 'budget', 'did', "n't", 'rise', '<num>', '%', 'in', '<year>', '.']
    )
  })

  it('extracts unigrams, bigrams and shape and lexicon flags', () => {
    const features = claimFeatures('He said taxes rose 8 percent?')
    for (const name of ['u:taxes', 'b:rose <num>', 'shape:num', 'shape:percent', 'lex:reportingVerbs', 'punct:question']) {
      assert.ok(features.includes(name), name)
    }
  })
})

describe('claimKind', () => {
  const cases: Array<[string, ReturnType<typeof claimKind>]> = [
    ['According to him, output will rise by 25 times in the coming period.', 'statistic'],
    ['Unemployment fell to 4.2% in March.', 'statistic'],
    ['Three people were killed in the attack.', 'statistic'],
    ['Poland will exit the treaty next month.', 'prediction'],
    ['Analysts expect that prices could fall further.', 'prediction'],
    ['Russian officials have dismissed claims that Russia plans to attack NATO members.', 'prediction'],
    ['The drought caused food prices to soar.', 'causal'],
    ['As a result, the talks collapsed.', 'causal'],
    ['She said Russia “reserves the right to respond” to what it views as hostile actions.', 'quote'],
    ['"The treaty no longer fits our security needs," Tomczyk said.', 'quote'],
    ['According to the Kremlin, European governments use these claims to justify higher military spending.', 'reported'],
    ['The minister said the plan was working.', 'reported'],
    ['Together, these moves point to a wider rethink inside NATO’s eastern flank.', 'factual'],
    ['Importantly, Tomczyk linked the decision to Poland’s “East Shield” plan.', 'factual']
  ]
  for (const [sentence, kind] of cases) {
    it(`${kind}: ${sentence}`, () => assert.equal(claimKind(sentence), kind))
  }

  it('does not take years, dates or the noun "will" for statistics or predictions', () => {
    assert.equal(claimKind('The Ottawa Convention was adopted in 1997.'), 'factual')
    assert.equal(claimKind('Poland left the treaty on February 20.'), 'factual')
    assert.equal(claimKind('The will of the people is clear.'), 'factual')
    assert.equal(claimKind('In May the law passed.'), 'factual')
  })

  it('does not take numbers in names or versions, or a half of a year, for statistics', () => {
    assert.equal(claimKind('She first saw his work at Documenta 13 and showed it at her Salon 94 gallery.'), 'factual')
    assert.equal(claimKind('The kit works with the Sequa 6000 and the Sequa X systems.'), 'factual')
    assert.equal(claimKind('He compared it with the data of the Truth Challenge v2.'), 'factual')
    assert.equal(claimKind('In the second half of 2023, the firm opens a lab.'), 'factual')
    // A unit or a percent after it keeps a number a quantity; so does a half of something else.
    assert.deepEqual(explainClaimKind('Sales at Acme 5 percent higher were reported.'), {kind: 'statistic', cue: '5 percent'})
    assert.equal(claimKind('The Boeing 737 crashed, killing 157 people.'), 'statistic')
    assert.equal(claimKind('Half of the workers left.'), 'statistic')
  })

  it('does not take a distance that places something, a conversion, “99% of the time” or a vague magnitude for a statistic', () => {
    assert.equal(claimKind('The train stopped near a town less than 90 miles (145 kilometers) from the border.'), 'factual')
    assert.equal(claimKind('The farm lies 20 km north of the city.'), 'factual')
    assert.equal(claimKind('Cooks avoid these foods 99% (and sometimes 100%) of the time.'), 'factual')
    assert.equal(claimKind('He spent thousands of dollars on new nets.'), 'factual')
    // A measured share of the time, a distance travelled and a count stay statistics.
    assert.equal(claimKind('About 40% of the time, the buses are late.'), 'statistic')
    assert.equal(claimKind('The pipeline runs 300 miles across three states.'), 'statistic')
    assert.equal(claimKind('More than 300 works were destroyed.'), 'statistic')
  })

  it('follows the documented precedence and names its cue', () => {
    // statistic > prediction > causal > quote > reported
    assert.deepEqual(explainClaimKind('He said prices will rise 5% because of the war.'), {kind: 'statistic', cue: '5%'})
    assert.equal(claimKind('He said prices will rise because of the war.'), 'prediction')
    assert.equal(claimKind('He said prices rose because of the war.'), 'causal')
  })

  it('handles empty and very long input', () => {
    assert.equal(claimKind(''), 'factual')
    assert.equal(claimKind('   '), 'factual')
    assert.ok(typeof claimKind('word '.repeat(100_000)) === 'string')
  })
})

describe('linear model', () => {
  /** A toy separable set: "good" words are positive, "bad" words negative. */
  function toyData(n: number, seed: number): Example[] {
    const random = mulberry32(seed)
    const examples: Example[] = []
    for (let i = 0; i < n; i++) {
      const label = i % 2 === 0 ? 1 : 0
      const cue = label === 1 ? `good${Math.floor(random() * 3)}` : `bad${Math.floor(random() * 3)}`
      const noise = `noise${Math.floor(random() * 10)}`
      examples.push({features: [cue, noise], label})
    }
    return examples
  }

  it('trains deterministically', () => {
    const data = toyData(200, 7)
    const a = serializeModel(trainLogistic(data, {epochs: 5, seed: 3}))
    const b = serializeModel(trainLogistic(data, {epochs: 5, seed: 3}))
    assert.deepEqual(a, b)
    assert.ok(a.features.length > 0)
  })

  it('separates a separable set', () => {
    const model = trainLogistic(toyData(200, 7), {epochs: 10, learningRate: 0.5})
    for (const example of toyData(50, 99)) {
      const p = predictProbability(model, example.features)
      assert.ok(example.label === 1 ? p > 0.5 : p < 0.5, `${example.features.toString()}: ${p}`)
    }
  })

  it('accepts weighted features and round-trips through JSON', () => {
    const data: Example[] = [
      {features: new Map([['x', 2]]), label: 1},
      {features: new Map([['x', -2]]), label: 0}
    ]
    const model = trainLogistic(data, {epochs: 50, learningRate: 0.5, average: false})
    const copy = deserializeModel(JSON.parse(JSON.stringify(serializeModel(model))))
    assert.ok(predictProbability(copy, new Map([['x', 1]])) > 0.5)
    assert.ok(predictProbability(copy, new Map([['x', -1]])) < 0.5)
    assert.equal(predictProbability(copy, []), predictProbability(copy, ['unseen']))
  })

  it('picks the F1-best threshold', () => {
    const choice = bestF1Threshold([0.9, 0.8, 0.4, 0.3, 0.1], [1, 1, 0, 1, 0])
    assert.ok(choice.threshold > 0.1 && choice.threshold <= 0.3, String(choice.threshold))
    assert.equal(choice.recall, 1)
  })
})

describe('hasQuotation', () => {
  it('is the expression it replaces, in linear time', () => {
    const expression = /[“"«]([^”"»]{3,})[”"»]/u
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('“', '”', '"', '«', '»', 'a', ' ', '😀', '\ud800'), {maxLength: 14}).map((parts) => parts.join('')),
        (text) => hasQuotation(text) === expression.test(text)
      ),
      {numRuns: 20_000, seed: 11}
    )
    assert.equal(hasQuotation('He said “we will leave” on Friday.'), true)
    assert.equal(hasQuotation('“'.repeat(200_000)), false)
  })
})

describe('attribution', () => {
  /** Speaker and verb of each sentence of a text, every sentence a claim (threshold 0). */
  function speakers(text: string): Array<[string | undefined, string | undefined]> {
    return tagDocument(viewText(text), undefined, normalizeOptions(), undefined, {threshold: 0}).claims.map((claim) => [claim.speaker?.name, claim.verb])
  }

  it('takes the agent of a passive, not the word before the verb', () => {
    // "was" ends in `s`: it was read as a plural noun ("officials said").
    // The verb is the quotation's cue, as written ("was reported by").
    assert.deepEqual(speakers('The attack was reported by NATO.'), [['NATO', 'was reported by']])
    assert.deepEqual(speakers('The deal was announced by Tomczyk on Monday.'), [['Tomczyk', 'was announced by']])
    assert.deepEqual(speakers('The strike was confirmed by Russian officials.'), [['Russian officials', 'was confirmed by']])
    assert.deepEqual(speakers('The plan, reported by Reuters, will cut output by 25%.'), [['Reuters', 'reported by']])
  })

  it('gives a passive without an agent no speaker', () => {
    // These gave "was", "Output was" and "It was".
    for (const text of ['Output will rise by 25 times, it was reported.', 'Output was reported to rise by 25 times.', 'It was reported that output will rise by 25 times in 2027.']) {
      const found = speakers(text)
      assert.equal(found.length, 1, text)
      assert.equal(found[0]![0], undefined, text)
      assert.match(found[0]![1] ?? '', /reported/, text)
    }
  })

  it('names a description, a group after the verb, and what follows “according to”', () => {
    const speaker = (text: string) => analyzeSync(text).data.newsmark!.claims.find((claim) => claim.text.includes('percent'))?.speaker?.name
    assert.equal(speaker('The two workers who were hurt earned 40 percent more than the others, the statement said.\n'), 'the statement')
    assert.equal(speaker('About 15 percent of the boats were found damaged, according to a statement from the harbour office.\n'), 'a statement from the harbour office')
    assert.equal(speaker('The region needs 30 percent more power than it makes, say experts.\n'), 'experts')
  })

  it('looks past an apposition between the subject and the verb', () => {
    const speaker = (text: string) => analyzeSync(text).data.newsmark!.claims[0]?.speaker
    // The quote's source (the name heads its apposition) is the
    // organisation, named as its entity is: with its legal form.
    const norvik = speaker('Norvik Tools AB, a leading maker of hand tools and drills, and a pioneer in cordless saws, today announced the launch of three repair services to support farms across the region.\n')
    assert.equal(norvik?.name, 'Norvik Tools AB')
    assert.ok(norvik?.entity, 'the organisation entity')
    assert.equal(
      // (What she says of her own life is no claim: `claims-news.test.ts`.)
      speaker('In the capital city of Lagos, shop owner Ada Obi, 29, said shops spend a large part of their monthly budget on fuel for their generators.\n')?.name,
      'Ada Obi'
    )
  })

  it('takes no place after a preposition for the speaker', () => {
    const claim = analyzeSync('Mercy Clinic in Port Alden tweeted that it had received two patients, one in critical condition.\n').data.newsmark!.claims[0]
    assert.notEqual(claim?.speaker?.name, 'Port Alden')
  })

  it('reads a reporting verb that ends the sentence after “of NAME” as a noun', () => {
    const sentence = viewText('Weeds now grow in over half of US states.\n').sentences[0]
    const at = sentence.tokens.findIndex((token) => token.text === 'US')
    const found = attribute(sentence, [{entity: 'e1', name: 'US', type: 'LOC', first: at, last: at + 1}], () => undefined)
    assert.equal(found.speaker, undefined)
    const inverted = viewText('Mines were laid near the border, NATO reported.\n').sentences[0]
    const nato = inverted.tokens.findIndex((token) => token.text === 'NATO')
    const said = attribute(inverted, [{entity: 'e1', name: 'NATO', type: 'ORG', first: nato, last: nato + 1}], () => undefined)
    assert.equal(said.speaker?.name, 'NATO')
  })

  it('keeps active subjects', () => {
    assert.deepEqual(speakers('Mines were laid, NATO reported.'), [['NATO', 'reported']])
    assert.deepEqual(speakers('Russian officials said output will rise by 25 times.'), [['Russian officials', 'said']])
  })
})

describe('claimKind: numbers that count nothing', () => {
  it('an age is no statistic', () => {
    assert.equal(claimKind('A 17-year-old was charged on Friday with theft.'), 'factual')
    assert.equal(claimKind('Ann Lee, 41, was elected mayor.'), 'factual')
  })
  it('an abbreviated date, a name and a time counted back are no statistic', () => {
    assert.equal(claimKind('The mayor met the mother of a man killed in the Jan. 6 riot.'), 'factual')
    assert.equal(claimKind('The firm moved its work on COVID-19 to Lyon.'), 'factual')
    assert.equal(claimKind('The firm was founded 20 years ago in Lyon.'), 'factual')
    assert.equal(claimKind('The council last met two weeks ago.'), 'factual')
  })
  it('a quantity still is', () => {
    assert.equal(claimKind('The firm hired 20 workers in Lyon.'), 'statistic')
    assert.equal(claimKind('Prices rose for two weeks in a row.'), 'statistic')
  })
})
