/**
 * The arithmetic of `npm run precision` (`scripts/lib/labels.mjs`), on
 * made-up spans: the real labels point into articles that are not in the
 * repository.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {countAttribution, countEntities, countFindings, dateRight, judgeEntities, judgedMessage, matchLabel, overlap, quoteFor, spanHash, usefulShare} from '../../scripts/lib/labels.ts'

test('labels: overlap is the shared part of the shorter span', () => {
  assert.equal(overlap({start: 0, end: 10}, {start: 5, end: 30}), 0.5)
  assert.equal(overlap({start: 0, end: 10}, {start: 10, end: 20}), 0)
  assert.equal(overlap({start: 2, end: 4}, {start: 0, end: 100}), 1)
})

test('labels: a finding matches the label of its rule with the best overlap, exact spans first', () => {
  const labels = [
    {rule: 'unsourced-number', start: 0, end: 20, verdict: 'noise'},
    {rule: 'unattributed-claim', start: 0, end: 20, verdict: 'useful'},
    {rule: 'unattributed-claim', start: 5, end: 20, verdict: 'debatable'}
  ]
  assert.equal(matchLabel({rule: 'unattributed-claim', start: 0, end: 20}, labels)?.verdict, 'useful')
  assert.equal(matchLabel({rule: 'unattributed-claim', start: 5, end: 20}, labels)?.verdict, 'debatable')
  // A sentence the splitter now ends later still finds its label.
  assert.equal(matchLabel({rule: 'unsourced-number', start: 0, end: 30}, labels)?.verdict, 'noise')
  // Less than half of the shorter span: no label.
  assert.equal(matchLabel({rule: 'unsourced-number', start: 15, end: 40}, labels), undefined)
  assert.equal(matchLabel({rule: 'hedging', start: 0, end: 20}, labels), undefined)
})

test('labels: a verdict holds only for the message it judged (a claim to check’s rank aside)', () => {
  const counts = new Map()
  const judged = judgedMessage('Claim to check (1 of 5): statistic with no source')
  assert.equal(judged, judgedMessage('Claim to check (3 of 4): statistic with no source'))
  assert.notEqual(judged, judgedMessage('Claim to check (1 of 5): statistic'))
  const unlabelled = countFindings(
    [
      {rule: 'claim-to-check', start: 0, end: 5, message: 'Claim to check (2 of 5): statistic with no source'},
      {rule: 'claim-to-check', start: 10, end: 15, message: 'Claim to check (1 of 5): statistic'},
      {rule: 'hedging', start: 20, end: 25, message: 'Unexpected hedge'}
    ],
    [
      {rule: 'claim-to-check', start: 0, end: 5, verdict: 'useful', messageHash: judged},
      {rule: 'claim-to-check', start: 10, end: 15, verdict: 'debatable', messageHash: judged},
      // Labels made before messages were kept hold whatever the message.
      {rule: 'hedging', start: 20, end: 25, verdict: 'noise'}
    ],
    counts
  )
  assert.deepEqual(counts.get('claim-to-check'), {findings: 2, useful: 1, debatable: 0, noise: 0, unlabelled: 1})
  assert.deepEqual(counts.get('hedging'), {findings: 1, useful: 0, debatable: 0, noise: 1, unlabelled: 0})
  assert.deepEqual(unlabelled.map((finding) => finding.start), [10])
})

test('labels: counts per rule, debatable is not useful, new findings are unlabelled', () => {
  const counts = new Map()
  const unlabelled = countFindings(
    [
      {rule: 'hedging', start: 0, end: 5},
      {rule: 'hedging', start: 10, end: 15},
      {rule: 'hedging', start: 20, end: 25},
      {rule: 'hedging', start: 40, end: 45}
    ],
    [
      {rule: 'hedging', start: 0, end: 5, verdict: 'useful'},
      {rule: 'hedging', start: 10, end: 15, verdict: 'debatable'},
      {rule: 'hedging', start: 20, end: 25, verdict: 'noise'},
      {rule: 'hedging', start: 30, end: 35, verdict: 'useful'}
    ],
    counts
  )
  assert.deepEqual(counts.get('hedging'), {findings: 4, useful: 1, debatable: 1, noise: 1, unlabelled: 1})
  assert.deepEqual(unlabelled, [{rule: 'hedging', start: 40, end: 45}])
  assert.equal(usefulShare(counts.get('hedging')), 1 / 3)
  assert.equal(usefulShare({findings: 2, useful: 0, debatable: 0, noise: 0, unlabelled: 2}), undefined)
})

test('labels: a span hash changes with the words, not with where they are', () => {
  assert.equal(spanHash('ab Poland cd', 3, 9), spanHash('Poland', 0, 6))
  assert.notEqual(spanHash('Poland', 0, 6), spanHash('Polanf', 0, 6))
  assert.match(spanHash('x', 0, 1), /^[\da-f]{8}$/)
})

test('labels: a date is right when its value now is the labelled one', () => {
  const right = {start: 0, end: 6, value: '2024-05-03', verdict: 'right', goldValue: null}
  const wrong = {start: 0, end: 6, value: '2024-05-03', verdict: 'wrong-value', goldValue: '2024-05-10'}
  const notDate = {start: 0, end: 6, value: '2024-05-03', verdict: 'not-date', goldValue: null}
  assert.equal(dateRight('2024-05-03', right), true)
  assert.equal(dateRight('2024-05-10', right), false)
  assert.equal(dateRight('2024-05-10', wrong), true)
  assert.equal(dateRight('2024-05-03', wrong), false)
  assert.equal(dateRight('2024-05-03', notDate), false)
  assert.equal(dateRight('2024-05-03', {start: 0, end: 6, verdict: null}), undefined)
})

test('labels: an entity cluster is judged by its type now, not by the verdict its old type got', () => {
  const labels = [
    {type: 'PER', mentions: [[0, 10], [40, 45]] as Array<[number, number]>, verdict: 'right'},
    {type: 'LOC', mentions: [[20, 26]] as Array<[number, number]>, verdict: 'wrong-type', goldType: 'ORG'},
    {type: 'MISC', mentions: [[60, 66]] as Array<[number, number]>, verdict: 'not-entity'}
  ]
  // The right one kept its type, the wrong-type one now has its gold type: two of three right.
  assert.deepEqual(
    countEntities(
      [
        {type: 'PER', mentions: [{start: 0, end: 10}]},
        {type: 'ORG', mentions: [{start: 20, end: 26}]},
        {type: 'MISC', mentions: [{start: 60, end: 66}]},
        {type: 'LOC', mentions: [{start: 80, end: 85}]}
      ],
      labels,
      []
    ),
    {clusters: 4, labelled: 3, right: 2, gold: 2, found: 2, missed: 0}
  )
  // A right cluster that changed type is wrong now, and is not found.
  assert.deepEqual(countEntities([{type: 'ORG', mentions: [{start: 0, end: 10}]}], labels, []), {clusters: 1, labelled: 1, right: 0, gold: 2, found: 0, missed: 0})
})

test('labels: a label makes one cluster right, a split second cluster is wrong', () => {
  const labels = [{type: 'PER', mentions: [[0, 10], [40, 45]] as Array<[number, number]>, verdict: 'right'}]
  const now = [
    {type: 'PER', mentions: [{start: 0, end: 10}]},
    {type: 'PER', mentions: [{start: 40, end: 45}]}
  ]
  assert.deepEqual(countEntities(now, labels, []), {clusters: 2, labelled: 2, right: 1, gold: 1, found: 1, missed: 0})
})

test('labels: a split part joined to its entity is judged as the entity; two real entities in one cluster stay wrong', () => {
  // “Centers for … (CDC)”: the full name was labelled a split part of the CDC.
  const labels = [
    {type: 'ORG', mentions: [[0, 40]] as Array<[number, number]>, verdict: 'wrong-span'},
    {type: 'ORG', mentions: [[42, 45], [60, 63], [80, 83]] as Array<[number, number]>, verdict: 'right'}
  ]
  const joined = [{type: 'ORG', mentions: [{start: 0, end: 40}, {start: 42, end: 45}, {start: 60, end: 63}, {start: 80, end: 83}]}]
  assert.deepEqual(countEntities(joined, labels, []), {clusters: 1, labelled: 1, right: 1, gold: 1, found: 1, missed: 0})
  // Apart, as labelled: the split part is wrong, the CDC right.
  assert.deepEqual(
    countEntities([{type: 'ORG', mentions: [{start: 0, end: 40}]}, {type: 'ORG', mentions: [{start: 42, end: 45}, {start: 60, end: 63}, {start: 80, end: 83}]}], labels, []),
    {clusters: 2, labelled: 2, right: 1, gold: 1, found: 1, missed: 0}
  )
  // A cluster whose first mention is labelled right keeps that label (the other entity it took in costs recall).
  const two = [
    {type: 'PER', mentions: [[0, 8]] as Array<[number, number]>, verdict: 'right'},
    {type: 'PER', mentions: [[20, 28], [30, 38]] as Array<[number, number]>, verdict: 'right'}
  ]
  assert.deepEqual(countEntities([{type: 'PER', mentions: [{start: 0, end: 8}, {start: 20, end: 28}, {start: 30, end: 38}]}], two, []), {clusters: 1, labelled: 1, right: 1, gold: 2, found: 1, missed: 0})
})

test('labels: a missed entity tagged now with its type is right and no longer missed; a dropped one costs recall', () => {
  const labels = [{type: 'ORG', mentions: [[0, 5]] as Array<[number, number]>, verdict: 'right'}]
  const missed = [
    {start: 30, end: 36, type: 'LOC'},
    {start: 50, end: 55, type: 'PER'}
  ]
  assert.deepEqual(
    countEntities(
      [
        {type: 'LOC', mentions: [{start: 30, end: 36}]},
        {type: 'ORG', mentions: [{start: 50, end: 55}]}
      ],
      labels,
      missed
    ),
    {clusters: 2, labelled: 2, right: 1, gold: 3, found: 1, missed: 1}
  )
})

test('labels: who said what is judged on every labelled statement, through the quote that covers it', () => {
  const text = 'Ann Lee said the plan works. The sky is blue. Bob Ray said taxes rise. Sources said it fails.'
  const at = (words: string) => ({start: text.indexOf(words), end: text.indexOf(words) + words.length})
  const speaker = (words: string): [number, number] => [at(words).start, at(words).end]
  const labels = [
    {...at('Ann Lee said the plan works.'), speakerVerdict: 'right', goldSpeaker: speaker('Ann Lee')},
    {...at('The sky is blue.'), speakerVerdict: 'n/a', goldSpeaker: null},
    {...at('Bob Ray said taxes rise.'), speakerVerdict: 'wrong', goldSpeaker: speaker('Bob Ray')},
    {...at('Sources said it fails.'), speakerVerdict: 'missing', goldSpeaker: speaker('Sources')}
  ]
  const quotes = [
    {...at('the plan works'), source: {name: 'Ann Lee'}},
    // A quote over the writer's own sentence, with a source: invented.
    {...at('The sky is blue'), source: {name: 'Ann Lee'}},
    {...at('taxes rise'), source: {name: 'Ann Lee'}},
    // Too small a part of the statement to stand for it.
    {...at('fails'), source: {name: 'Sources'}}
  ]
  const same = (name: string, gold: string) => name === gold
  assert.deepEqual(countAttribution(text, labels, quotes, same), {labelled: 3, right: 1, wrong: 1, none: 1, invented: 1})
  assert.deepEqual(quoteFor(at('Bob Ray said taxes rise.'), quotes), quotes[2])
  assert.equal(quoteFor(at('Sources said it fails.'), quotes), undefined)
  // A short quotation whose speaker has a long apposition: its cue and
  // source count as its words.
  const long = '“We won,” said Ann Lee, who started in place of the injured captain and scored twice.'
  const statement = {start: 0, end: long.length}
  const where = (words: string) => ({start: long.indexOf(words), end: long.indexOf(words) + words.length})
  const short = {...where('We won'), cue: where('said'), source: {...where('Ann Lee, who started in place of the injured captain and scored twice'), name: 'Ann Lee'}}
  assert.equal(quoteFor(statement, [short]), short)
  assert.equal(quoteFor(statement, [{...where('We won'), source: {name: 'Ann Lee'}}]), undefined)
})

test('labels: the errors behind the entity counts (wrong clusters, splits, entities lost)', () => {
  const labels = [
    {type: 'PER', mentions: [[0, 10], [40, 45]] as Array<[number, number]>, verdict: 'right'},
    {type: 'ORG', mentions: [[20, 26]] as Array<[number, number]>, verdict: 'wrong-type', goldType: 'LOC'},
    {type: 'MISC', mentions: [[60, 66]] as Array<[number, number]>, verdict: 'not-entity'}
  ]
  const missed = [{start: 80, end: 85, type: 'ORG'}]
  const now = [
    {type: 'PER', mentions: [{start: 0, end: 10}]},
    {type: 'ORG', mentions: [{start: 20, end: 26}]},
    {type: 'PER', mentions: [{start: 40, end: 45}]},
    {type: 'MISC', mentions: [{start: 60, end: 66}]},
    {type: 'LOC', mentions: [{start: 90, end: 95}]}
  ]
  const {count, errors} = judgeEntities(now, labels, missed)
  assert.deepEqual(count, countEntities(now, labels, missed))
  assert.deepEqual(errors, [
    {kind: 'wrong', start: 20, end: 26, type: 'ORG', verdict: 'wrong-type', gold: 'LOC'},
    {kind: 'wrong', start: 40, end: 45, type: 'PER', verdict: 'split', gold: 'PER'},
    {kind: 'wrong', start: 60, end: 66, type: 'MISC', verdict: 'not-entity', gold: undefined},
    {kind: 'lost', start: 20, end: 26, type: 'ORG', verdict: 'wrong-type', gold: 'LOC'},
    {kind: 'lost', start: 80, end: 85, type: undefined, verdict: 'missed', gold: 'ORG'}
  ])
})
