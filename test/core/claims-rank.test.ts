/**
 * The claims to check (`src/core/claims/rank.ts`, rule `claim-to-check`),
 * on texts of our own.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {analyzeSync} from '../../src/core/analyze.ts'
import type {Options} from '../../src/core/options.ts'
import {applyAnnotations} from '../../src/core/annotations/apply.ts'

const article = [
  'Unemployment fell to 4.1 percent in March because of the new subsidies.',
  '',
  'The ministry said exports rose by 12 percent last year.',
  '',
  'Unemployment fell to 4.1 percent in March because of new subsidies, officials said.',
  '',
  'Inflation will reach 9 percent next year, according to the central bank.',
  '',
  'Prices of bread doubled in two months, traders say.',
  '',
  'Photo by Jan Nowak / Getty Images: 300 people marched in Warsaw on Sunday.',
  '',
  'Poland and Canada held talks in Ottawa.',
  ''
].join('\n')

function toCheck(text: string, options: Options = {}) {
  return analyzeSync(text, options)
    .messages.filter((message) => message.ruleId === 'claim-to-check')
    .map((message) => ({reason: message.reason, words: text.slice(message.place && 'start' in message.place ? message.place.start.offset : 0, message.place && 'end' in message.place ? message.place.end.offset : 0)}))
}

test('claims to check: ranked, each once, with why; no page furniture, no plain fact', () => {
  const found = toCheck(article)
  assert.ok(found.length >= 2 && found.length <= 5, `${found.length} claims`)
  // Ranks 1..n, each once.
  const ranks = found.map((item) => Number(/\((\d+) of (\d+)\)/.exec(item.reason)![1])).sort((a, b) => a - b)
  assert.deepEqual(ranks, Array.from({length: found.length}, (_, index) => index + 1))
  for (const item of found) assert.match(item.reason, /^Claim to check \(\d+ of \d+\): (causal claim|statistic|prediction|factual claim|reported claim|quoted claim)( (with no source|attributed to .+|with a cited source))?$/)
  // The repeated unemployment claim is listed once.
  assert.equal(found.filter((item) => item.words.startsWith('Unemployment')).length, 1)
  assert.ok(!found.some((item) => /Getty/.test(item.words)), 'a caption is no claim to check')
  assert.ok(!found.some((item) => /held talks/.test(item.words)), 'a plain event is no claim to check')
})

test('claims to check: tags in the result whatever the preset; the rule reports the same list', () => {
  const strict = analyzeSync(article, {preset: 'strict'})
  const recommended = analyzeSync(article, {preset: 'recommended'})
  const listed = recommended.data.newsmark!.toCheck ?? []
  assert.ok(listed.length >= 2, 'listed under recommended')
  assert.ok(!recommended.messages.some((message) => message.ruleId === 'claim-to-check'), 'no finding under recommended')
  assert.deepEqual(strict.data.newsmark!.toCheck, listed)
  const reported = strict.messages
    .filter((message) => message.ruleId === 'claim-to-check')
    .map((message) => ({rank: Number(/\((\d+) of/.exec(message.reason)![1]), line: `${message.reason}@${message.place && 'start' in message.place ? message.place.start.offset : -1}`}))
    .sort((a, b) => a.rank - b.rank)
  assert.deepEqual(
    reported.map((item) => item.line),
    listed.map((entry) => `Claim to check (${entry.rank} of ${listed.length}): ${entry.reason}@${entry.start}`)
  )
  for (const entry of listed) assert.equal(entry.text, article.slice(entry.start, entry.end))
  // None asked for, or none to check: no field.
  assert.equal(analyzeSync(article, {claimsToCheck: 0}).data.newsmark!.toCheck, undefined)
  assert.equal(analyzeSync(`---\ngenre: recipe\n---\n\n${article}`).data.newsmark!.toCheck, undefined)
})

test('claims to check: the reader’s review drops a rejected claim and ranks the rest again', () => {
  const listed = analyzeSync(article).data.newsmark!.toCheck!
  const result = analyzeSync(article).data.newsmark!
  const first = listed[0]!
  const reviewed = applyAnnotations(result, [
    {id: 'a1', kind: 'reject', type: 'CLAIM', scope: 'article', target: {start: first.start, end: first.end, exact: first.text, prefix: '', suffix: ''}}
  ])
  assert.deepEqual(
    reviewed.toCheck?.map((entry) => [entry.rank, entry.start]),
    listed.slice(1).map((entry, index) => [index + 1, entry.start])
  )
  assert.deepEqual(applyAnnotations(result, []).toCheck, listed)
})

test('claims to check: as many as asked, none in a game story or a recipe', () => {
  assert.equal(toCheck(article, {claimsToCheck: 1}).length, 1)
  assert.equal(toCheck(article, {claimsToCheck: 0}).length, 0)
  assert.equal(toCheck(`---\ngenre: game-story\n---\n\n${article}`).length, 0)
  assert.equal(toCheck(`---\ngenre: recipe\n---\n\n${article}`).length, 0)
  assert.throws(() => analyzeSync(article, {claimsToCheck: 11}), /Unexpected value `11` for `claimsToCheck`, expected a whole number from 0 to 10/)
})

test('claims to check: “no source” only when nothing in or next to the sentence could be one', () => {
  // Nothing names or cites anyone: no source.
  assert.deepEqual(
    toCheck('Unemployment fell to 4.1 percent in March because of the new subsidies.').map((item) => item.reason),
    ['Claim to check (1 of 1): statistic with no source']
  )
  // A passive with no agent names no one.
  assert.match(toCheck('More than 4,000 workers are believed to have earned less than the minimum wage last year.')[0].reason, /statistic with no source$/)
  // A record cited in the next sentence may be the figure's source: nothing said of it.
  const next = toCheck('Rents in the region rose 12 percent in two years.\n\nThe figures are the highest since 1990, according to a report by the housing office.\n')
  assert.equal(next.find((item) => item.words.startsWith('Rents'))?.reason.replace(/\(\d+ of \d+\)/, ''), 'Claim to check : statistic')
  // A name that examined or found something is its source, known or not.
  assert.doesNotMatch(toCheck('Northfield Research examined 300 towns and found that rents rose 12 percent in two years.')[0].reason, /no source/)
  // A judge or a court that rules is the record behind it.
  for (const text of [
    'In a decision handed down in May 2021, Judge Alma Ruiz ruled against both of the claims the county brought against the estate of the builder.',
    'The appeals court upheld the $3 million fine against the county in a decision last year.'
  ]) {
    const [item] = toCheck(text)
    assert.ok(item, text)
    assert.doesNotMatch(item.reason, /no source/, text)
  }
  // A ruling word that no court or judge rules with, or a ruling in a
  // clause of its own, leaves the figure unsourced.
  for (const text of [
    'Unemployment fell to 4.1 percent in March because the subsidies were granted.',
    'Delta Air Lines orders rose 40 percent in 2022, to 210 jets, the most since 2007.',
    'Under FIFA rules, each of the 32 teams may name 26 players, up from 23 in 2018.',
    'Mayor Ana Lopez ordered 300 new buses in 2022, at a cost of $150 million.',
    'Rents in the city rose 12 percent in two years, and the housing court upheld 90 percent of evictions.',
    'Finance Minister Ana Lopez ruled out any rise in the 20 percent sales tax.',
    'Robert Mugabe ruled Zimbabwe for 37 years and left an economy that shrank by 40 percent.',
    'Novak Djokovic overturned a two-set deficit to win his 24th title, earning $3 million.',
    'The court ruled on Monday, and crime in the city has fallen 20 percent since then.',
    'The judge sentenced him to 12 years; crime in the city has fallen 20 percent since then.',
    'Judge Alma Ruiz ruled against the city and rents rose 12 percent last year.',
    'The court ruled for the city as rents rose 12 percent.',
    'The Supreme Court struck down the law, which cost taxpayers 3 billion dollars.'
  ]) {
    assert.match(toCheck(text)[0]?.reason ?? '', /with no source$/, text)
  }
  assert.doesNotMatch(toCheck('Judge Alma Ruiz ordered the county to pay $3 million to the families of 12 workers.')[0].reason, /no source/)
})

test('claims to check: in a press release or an interview, no “no source”, and not the release’s own announcement', () => {
  const release = [
    'Acme Corp. (NASDAQ: ACME), a global leader in widgets, today announced that its first solar widget is now available to order.',
    '',
    'The widget cuts power use by up to 40 percent, in tests of 200 homes.',
    ''
  ].join('\n')
  assert.deepEqual(
    toCheck(release).map((item) => item.reason),
    ['Claim to check (1 of 1): statistic']
  )
  // The same words in a news story: the figure has no source.
  assert.match(toCheck(`---\ngenre: news\n---\n\n${release}`).find((item) => item.words.startsWith('The widget'))!.reason, /statistic with no source$/)
  const interview = [
    'Ann Lee hosts a podcast about rivers.',
    '',
    'What got you started?',
    '',
    'I grew up by a river that flooded every spring.',
    '',
    'How do you pick your guests?',
    '',
    'We look for people who work on the water.',
    '',
    'What have you learnt about dams?',
    '',
    'Dams in the state lost 30 percent of their capacity to silt since 1950.',
    ''
  ].join('\n')
  const asked = toCheck(interview)
  assert.ok(asked.some((item) => item.words.startsWith('Dams')), 'the interviewee’s figure is a claim to check')
  for (const item of asked) assert.doesNotMatch(item.reason, /no source/)
})

test('claims to check: a speaker only when the model gives one for most of the claim', () => {
  // Bolt reported only the last words: no speaker for the whole.
  assert.equal(toCheck('There was one fire and 12 cars damaged by heat tied to the older model while Bolt reported no fires.')[0].reason, 'Claim to check (1 of 1): statistic')
  // A date before the source is not part of its name.
  assert.equal(toCheck('Yesterday Acme confirmed that its payment site was shut down for 12 hours because of a bug.')[0].reason, 'Claim to check (1 of 1): statistic attributed to Acme')
  // Two sources: both.
  assert.equal(toCheck('Acme and Bolt said 300,000 cars had a faulty part that caused 12 fires last year.')[0].reason, 'Claim to check (1 of 1): statistic attributed to Acme and Bolt')
  // A name in apposition is not the subject that spoke (“the developers”).
  assert.equal(toCheck('The developers behind the messaging app, Zapp, said that 2 million users lost their messages because of a bug.')[0].reason, 'Claim to check (1 of 1): statistic')
  // A name that only modifies the source: the source.
  assert.equal(
    toCheck('The Nordic governments pledged 2 billion euros to help Estonia close its oil-shale power plants by 2030.')[0].reason,
    'Claim to check (1 of 1): statistic attributed to the Nordic governments'
  )
  // A source in apposition to a name: the name.
  assert.equal(toCheck('Northwind Data, a research group, estimates that floods killed or injured 5,000 people in 2023.')[0].reason, 'Claim to check (1 of 1): statistic attributed to Northwind Data')
  // An opener or a place before the first comma is no one: said less.
  for (const text of [
    'However, the agency, citing new data, said prices rose 9 percent because of the drought.',
    'Meanwhile, the agency, citing new data, said prices rose 9 percent because of the drought.',
    'In New York, the agency, citing new data, said prices rose 9 percent because of the drought.'
  ]) {
    for (const item of toCheck(text)) assert.doesNotMatch(item.reason, /attributed to (However|Meanwhile|In |New York)/, text)
  }
})

test('claims to check: no views of one’s own, no advice, no plain fact in the writer’s voice', () => {
  // A quotation in which the speaker speaks of themselves is left out (the
  // price: a checkable one such as this is left out too); of someone else, kept.
  assert.deepEqual(toCheck('“We have voted against every budget the governor sent to the legislature,” Ann Lee said.'), [])
  // Of someone else, it ranks under the list's floor all the same (on real
  // news most such quotes were views): a claim in it with a figure, a cause
  // or a prediction is listed.
  assert.deepEqual(toCheck('“The senator has voted against every budget the governor sent to the legislature,” Ann Lee said.'), [])
  assert.equal(
    toCheck('“The senator has voted against 14 budgets the governor sent to the legislature,” Ann Lee said.')[0]?.reason,
    'Claim to check (1 of 1): statistic attributed to Ann Lee'
  )
  // Advice to the reader.
  assert.deepEqual(toCheck('To charge faster and pay less, you can try to arrive at a charger with about 10 percent of charge left.'), [])
  // A plain fact with no source at all: narrative, background.
  assert.deepEqual(toCheck('The new law was passed by the state senate in March and signed by the governor in April.'), [])
  assert.deepEqual(toCheck('Last month, a lawyer in Dallas filed two lawsuits on behalf of women hurt by the outbreak.'), [])
})

test('claims to check: research that explains or estimates is a source, a pronoun or a noun of someone before a finding verb is no “no source”, and a named group’s officials are no unnamed source', () => {
  const text = [
    'The planet is 40 light years away. The researchers explain that the planet orbits its star four times further than Pluto orbits the sun.',
    '',
    'Using three scenarios of sea level rise, they tracked every street and found that 4 million residents would lose access by 2050.',
    '',
    'Route 12 was closed near the lake for 12 days, according to Velmotrans officials.',
    ''
  ].join('\n')
  const found = toCheck(text)
  const of = (words: string) => found.find((item) => item.words.startsWith(words))?.reason ?? ''
  assert.match(of('The researchers explain'), /statistic attributed to the researchers$/)
  assert.doesNotMatch(of('Using three scenarios'), /with no source/)
  assert.doesNotMatch(of('Route 12'), /unnamed source/)
  assert.match(of('Route 12'), /attributed to Velmotrans officials$/)
})

test('claims to check: a claim on the headline’s subject ranks before one off it', () => {
  const body = [
    'Harbor fees for ferry operators rose 12 percent this year, the port authority said.',
    '',
    "According to the mayor's office, the repair of the old library roof cost the city 2 million dollars more than planned because of the storm.",
    ''
  ].join('\n')
  const first = (headline: string) => toCheck(`# ${headline}\n\n${body}`).find((item) => item.reason.startsWith('Claim to check (1 of'))?.words
  assert.match(first('Harbor fees rise for ferry operators') ?? '', /^Harbor fees/)
  assert.match(first('Library roof repair costs the city more') ?? '', /^According to the mayor/)
  // The front matter's title counts as the headline.
  const titled = toCheck(`---\ntitle: Library roof repair costs the city more\n---\n\n${body}`)
  assert.match(titled.find((item) => item.reason.startsWith('Claim to check (1 of'))?.words ?? '', /^According to the mayor/)
  // A section heading is no headline: the order is the one with none.
  const sectioned = toCheck(`## Harbor fees rise for ferry operators\n\n${body}`)
  assert.match(sectioned.find((item) => item.reason.startsWith('Claim to check (1 of'))?.words ?? '', /^According to the mayor/)
})

test('claims to check: how a study was done is not what it found', () => {
  assert.deepEqual(toCheck('To find out, a recent study examined donated eye tissue from 86 people with memory loss.'), [])
  assert.deepEqual(toCheck('Using three scenarios of sea level rise (0.5, 1 and 2 meters by 2100), they tracked access to 40,000 clinics.'), [])
  // What it found is listed.
  assert.equal(toCheck('Using satellite data, researchers found that 40 percent of the coast eroded because of the dams.').length, 1)
  // No study: no method.
  assert.equal(toCheck('Using taxpayer money, the council paid 2 million dollars for a bridge that was never built.').length, 1)
})

test('claims to check: the researchers of a study named before are no unnamed source', () => {
  const text = 'A study of 300 donors was published on Monday.\n\nThe study researchers found that immune cells doubled around the plaques because of the protein.\n'
  const found = toCheck(text).find((item) => item.words.startsWith('The study researchers'))
  assert.ok(found, 'listed')
  assert.doesNotMatch(found.reason, /unnamed source/)
})

test('claims to check: the paragraphs a lead-in attributes (“According to the report:”) are not said to have no source', () => {
  const text = [
    'The trustee filed a final report on Friday.',
    '',
    'According to the report, which wraps up the case:',
    '',
    'About $7 million of assets went to the owner.',
    '',
    'About $5.6 million went to fees and $2.7 million went to a gambler.',
    '',
    'The firm lost $30 million in 2019 and $12 million in 2020.',
    ''
  ].join('\n')
  const found = toCheck(text)
  const of = (words: string) => found.find((item) => item.words.startsWith(words))?.reason ?? ''
  assert.doesNotMatch(of('About $5.6 million'), /with no source/)
  assert.match(of('About $5.6 million'), /statistic/)
})
