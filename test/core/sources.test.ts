/**
 * Sources of an article (`src/core/quotes/sources.ts`): quotes grouped by
 * who or what they are attributed to, and the one-line summary; the
 * review keeps quotes, their sources following merges.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {analyzeSync} from '../../src/core/analyze.ts'
import {applyAnnotations} from '../../src/core/annotations/apply.ts'
import {sourceKindName, sourcesOf, sourcesSummary} from '../../src/core/quotes/sources.ts'
import {hasVerbObject} from '../../src/core/quotes/tag-quotes.ts'
import type {Entity, NewsmarkResult, Quote, QuoteSource} from '../../src/core/types.ts'

/**
 * A quote of a source (positions do not matter here).
 *
 * @param at
 *   Start of its content.
 * @param source
 *   Its source, if any.
 * @returns
 *   Quote.
 */
function quote(at: number, source?: Omit<QuoteSource, 'start' | 'end'>): Quote {
  return {start: at, end: at + 5, kind: 'indirect', cue: {start: at - 4, end: at - 1, text: 'said'}, ...(source ? {source: {start: at - 10, end: at - 5, ...source}} : {})}
}

const entities: Entity[] = [
  {id: 'e1', type: 'PER', name: 'Hanna Wiśniewska', role: 'mayor of Gdańsk', mentions: [{start: 0, end: 16, text: 'Hanna Wiśniewska'}]},
  {id: 'e2', type: 'ORG', name: 'Baltic Ferries', mentions: [{start: 30, end: 44, text: 'Baltic Ferries'}]}
]

test('sourcesOf leaves out what someone did: a source whose cue reports nothing', () => {
  const did: Quote = {...quote(10, {text: 'Baltic Ferries', entity: 'e2', name: 'Baltic Ferries', kind: 'named'}), cue: {start: 6, end: 9, text: 'cancelled'}}
  const passive: Quote = {...quote(20, {text: 'Officials', name: 'Officials', kind: 'anonymous'}), cue: {start: 16, end: 19, text: 'were found'}}
  const direct: Quote = {...quote(30, {text: 'Hanna Wiśniewska', entity: 'e1', name: 'Hanna Wiśniewska', kind: 'named'}), kind: 'direct', cue: {start: 26, end: 29, text: 'smiled'}}
  assert.deepEqual(sourcesOf({entities, quotes: [did, passive, direct]}).map((source) => source.name), ['Hanna Wiśniewska'])
})

test('sourcesOf groups quotes by entity, else by their words', () => {
  const result: Pick<NewsmarkResult, 'entities' | 'quotes'> = {
    entities,
    quotes: [
      quote(10, {text: 'Officials', name: 'Officials', kind: 'anonymous'}),
      quote(20, {text: 'Hanna Wiśniewska', entity: 'e1', name: 'Hanna Wiśniewska', kind: 'named'}),
      quote(30, {text: 'she', entity: 'e1', name: 'Hanna Wiśniewska', kind: 'named'}),
      quote(40),
      // A named source whose entity is an organisation is an organisation.
      quote(50, {text: 'Baltic Ferries', entity: 'e2', name: 'Baltic Ferries', kind: 'named'}),
      quote(60, {text: 'the officials', name: 'the officials', kind: 'anonymous'}),
      quote(70, {text: 'a harbour report', name: 'a harbour report', kind: 'document'}),
      // An entity no longer there (rejected): grouped by its words.
      quote(80, {text: 'Jan Nowak', entity: 'e9', name: 'Jan Nowak', kind: 'named'})
    ]
  }
  const sources = sourcesOf(result)
  assert.deepEqual(
    sources.map(({key, name, kind, role, indices}) => ({key, name, kind, role, indices})),
    [
      {key: 'text:officials', name: 'Officials', kind: 'anonymous', role: undefined, indices: [0, 5]},
      {key: 'entity:e1', name: 'Hanna Wiśniewska', kind: 'named', role: 'mayor of Gdańsk', indices: [1, 2]},
      {key: 'entity:e2', name: 'Baltic Ferries', kind: 'organisation', role: undefined, indices: [4]},
      {key: 'text:harbour report', name: 'a harbour report', kind: 'document', role: undefined, indices: [6]},
      {key: 'text:jan nowak', name: 'Jan Nowak', kind: 'named', role: undefined, indices: [7]}
    ]
  )
  assert.equal(sources[1]!.entity, 'e1')
  assert.deepEqual(sources[1]!.quotes, [result.quotes![1], result.quotes![2]])
  assert.equal(sourcesSummary(sources), '5 sources: 2 named people, 1 organisation, 1 document, 1 anonymous')
})

test('sourcesSummary counts kinds, most first, and says when there are none', () => {
  const of = (...kinds: Array<'named' | 'organisation' | 'document' | 'anonymous'>) => kinds.map((kind) => ({kind}))
  assert.equal(sourcesSummary([]), 'No quoted sources')
  assert.equal(sourcesSummary(sourcesOf({entities: [], quotes: [quote(10)]})), 'No quoted sources')
  assert.equal(sourcesSummary(sourcesOf({entities: []})), 'No quoted sources')
  assert.equal(sourcesSummary(of('named')), '1 source: 1 named person')
  assert.equal(
    sourcesSummary(of('anonymous', 'named', 'document', 'named', 'named', 'anonymous', 'named', 'named', 'named')),
    '9 sources: 6 named people, 2 anonymous, 1 document'
  )
  assert.equal(sourcesSummary(of('organisation', 'organisation', 'document', 'document')), '4 sources: 2 organisations, 2 documents')
  assert.deepEqual(
    (['named', 'organisation', 'document', 'anonymous'] as const).map((kind) => sourceKindName(kind)),
    ['named person', 'organisation', 'document', 'anonymous source']
  )
})

test('sourcesOf on an article: a person quoted twice, an anonymous source, a document', () => {
  const text =
    'Deputy Infrastructure Minister Olga Brzezińska said the quay would reopen in May. ' +
    '“The cranes are fixed,” she told reporters. ' +
    'A person familiar with the repairs said the cost had doubled. ' +
    'According to a port authority report, traffic fell by a third.'
  const result = analyzeSync(text).data.newsmark!
  const sources = sourcesOf(result)
  const olga = sources.find((source) => source.name === 'Olga Brzezińska')
  assert.ok(olga, `Unexpected no source Olga Brzezińska, expected one in ${JSON.stringify(sources)}`)
  assert.equal(olga.kind, 'named')
  assert.equal(olga.quotes.length, 2)
  assert.equal(olga.role, 'Deputy Infrastructure Minister')
  assert.ok(sources.some((source) => source.kind === 'anonymous' && /familiar with the repairs/.test(source.name)))
  assert.ok(sources.some((source) => source.kind === 'document'))
  assert.match(sourcesSummary(sources), /^3 sources: (?=.*1 named person)(?=.*1 anonymous)(?=.*1 document)/)
})

test('applyAnnotations keeps quotes; their sources follow a merge and lose a removed entity', () => {
  const result: NewsmarkResult = {
    entities: [
      {id: 'e1', type: 'PER', name: 'Olga Brzezińska', mentions: [{start: 0, end: 15, text: 'Olga Brzezińska'}]},
      {id: 'e2', type: 'PER', name: 'Brzezinska', mentions: [{start: 40, end: 50, text: 'Brzezinska'}]},
      {id: 'e3', type: 'PER', name: 'Jan Nowak', mentions: [{start: 70, end: 79, text: 'Jan Nowak'}]}
    ],
    dates: [],
    claims: [],
    quotes: [
      quote(20, {text: 'Olga Brzezińska', entity: 'e1', name: 'Olga Brzezińska', kind: 'named'}),
      quote(55, {text: 'Brzezinska', entity: 'e2', name: 'Brzezinska', kind: 'named'}),
      quote(85, {text: 'Jan Nowak', entity: 'e3', name: 'Jan Nowak', kind: 'named'})
    ]
  }
  const review = applyAnnotations(result, [
    {id: 'm', kind: 'merge', target: {start: 40, end: 50, exact: 'Brzezinska', prefix: '', suffix: ''}, into: {start: 0, end: 15, exact: 'Olga Brzezińska', prefix: '', suffix: ''}},
    {id: 'r', kind: 'reject', type: 'PER', scope: 'article', target: {start: 70, end: 79, exact: 'Jan Nowak', prefix: '', suffix: ''}}
  ])
  assert.deepEqual(
    review.quotes?.map((item) => item.source),
    [
      {start: 10, end: 15, text: 'Olga Brzezińska', entity: 'e1', name: 'Olga Brzezińska', kind: 'named'},
      {start: 45, end: 50, text: 'Brzezinska', entity: 'e1', name: 'Olga Brzezińska', kind: 'named'},
      {start: 75, end: 80, text: 'Jan Nowak', name: 'Jan Nowak', kind: 'named'}
    ]
  )
  assert.equal(sourcesSummary(sourcesOf(review)), '2 sources: 2 named people')
  assert.equal(applyAnnotations({entities: [], dates: [], claims: []}, []).quotes, undefined)
})

test('sources: “these countries” is an unnamed source; a “they” that stands for no one quoted near it is no source of its own', () => {
  const text = 'Governments in the region see Russia as a threat. They argue that landmines could slow an advance.\n\nThese countries say the treaty no longer fits.\n'
  const result = analyzeSync(text).data.newsmark!
  const they = result.quotes?.find((quote) => quote.source?.text === 'They')
  assert.ok(they, `Unexpected no quote with the source “They”, expected one in ${JSON.stringify(result.quotes)}`)
  const sources = sourcesOf(result)
  assert.equal(sources.length, 1, JSON.stringify(sources.map((source) => source.name)))
  assert.match(sources[0].name, /countries$/)
  assert.equal(sources[0].kind, 'anonymous')
})

test('sources: a “they” right after a group spoke is that group', () => {
  const text =
    'Harbour officials said the ferry would resume on Monday. They added that fares would not rise.\n\n' +
    'The Kowal Shipping Company said the route was safe. They said repairs had been finished.\n'
  const result = analyzeSync(text).data.newsmark!
  const sources = sourcesOf(result)
  const officials = sources.find((source) => source.name === 'Harbour officials')
  assert.ok(officials, `Unexpected no source “Harbour officials”, expected one in ${JSON.stringify(sources.map((source) => source.name))}`)
  assert.equal(officials.kind, 'anonymous')
  assert.equal(officials.quotes.length, 2)
  const company = sources.find((source) => source.kind === 'organisation')
  assert.ok(company, `Unexpected no organisation among ${JSON.stringify(sources)}`)
  assert.equal(company.quotes.length, 2)
  assert.equal(sources.length, 2)
})

test('sources: a “they” two sentences after the group spoke is not taken for it', () => {
  const text = 'Harbour officials said the ferry would resume on Monday. The storm had closed the port for a week. Crews worked through the night. They argue that fares should rise.\n'
  const result = analyzeSync(text).data.newsmark!
  assert.deepEqual(sourcesOf(result).map((source) => source.name), ['Harbour officials'])
})

test('sources: a document with what is said of it after its head is a document', () => {
  const text =
    'A report released Monday by the Vistula Institute found that river levels fell by a third.\n\n' +
    'A new study the agency published this week shows that salmon returned early.\n\n' +
    'An outbreak update this week from the health ministry said 12 people had fallen ill.\n'
  const sources = sourcesOf(analyzeSync(text).data.newsmark!)
  assert.equal(sources.length, 3, JSON.stringify(sources.map((source) => [source.name, source.kind])))
  assert.deepEqual(
    sources.map((source) => source.kind),
    ['document', 'document', 'document']
  )
})

test('sources: “the … Police Department” and “Gdańsk police” are organisations, “CDC officials” and “Police” alone unnamed people', () => {
  const text =
    'The Gdańsk Police Department said the road would stay closed.\n\n' +
    'Gdańsk police said two men had been arrested.\n\n' +
    'CDC officials said the outbreak was over.\n\n' +
    'Police said the driver had fled.\n'
  const sources = sourcesOf(analyzeSync(text).data.newsmark!)
  const kinds = Object.fromEntries(sources.map((source) => [source.name, source.kind]))
  assert.equal(kinds['The Gdańsk Police Department'] ?? kinds['Gdańsk Police Department'], 'organisation', JSON.stringify(kinds))
  assert.equal(kinds['Gdańsk police'], 'organisation', JSON.stringify(kinds))
  assert.equal(kinds['CDC officials'], 'anonymous', JSON.stringify(kinds))
  assert.equal(kinds.Police, 'anonymous', JSON.stringify(kinds))
})

test('sources: a clause the model took for a source is left out, or cut to the source after its comma', () => {
  const text =
    'After the flood last spring, when the river destroyed 40 homes and two bridges, county lawmakers concluded in a report that the levee had failed.\n\n' +
    'This suggests that the levee was too low.\n'
  const result = analyzeSync(text).data.newsmark!
  const names = sourcesOf(result).map((source) => source.name)
  assert.deepEqual(names, ['county lawmakers'])
  assert.ok(result.quotes?.some((quote) => quote.source?.text === 'This'), 'the model reads “This” as a source; the view leaves it out')
})

test('hasVerbObject: a verb with its object, not in a relative clause', () => {
  assert.equal(hasVerbObject('when the river destroyed 40 homes'), true)
  assert.equal(hasVerbObject('a gunman killed the guard'), true)
  assert.equal(hasVerbObject('the two senators who visited the plant as members'), false)
  assert.equal(hasVerbObject('retired officials'), false)
  assert.equal(hasVerbObject('a report released monday'), false)
})

test('sources: a plural of people opening the sentence is unnamed people, a surname is not', () => {
  const text =
    'Fishers say the season was the worst in memory.\n\n' +
    'Advocates for tenants said the law would not protect renters.\n\n' +
    'Nurses said the ward was full.\n\n' +
    'Peters said the bridge would reopen.\n'
  const kinds = Object.fromEntries(sourcesOf(analyzeSync(text).data.newsmark!).map((source) => [source.name, source.kind]))
  assert.deepEqual(kinds, {Fishers: 'anonymous', 'Advocates for tenants': 'anonymous', Nurses: 'anonymous', Peters: 'named'})
})

test('sources: “the agency said” after the agency is named is the agency; “Yesterday Acme confirmed” is Acme; a place’s police is a force', () => {
  const text =
    'The Vistula Flood Authority warned on Tuesday that the river would rise. The agency said the levees would hold.\n\n' +
    'Lindqvist Motors recalled 40,000 cars. Yesterday Lindqvist Motors confirmed that no one had been hurt.\n\n' +
    'Springfield police said two men had been arrested.\n'
  const sources = sourcesOf(analyzeSync(text).data.newsmark!)
  const byName = Object.fromEntries(sources.map((source) => [source.name, source]))
  const authority = byName['Vistula Flood Authority']
  assert.ok(authority, JSON.stringify(sources.map((source) => [source.name, source.kind])))
  assert.equal(authority.kind, 'organisation')
  assert.equal(authority.quotes.length, 2)
  assert.equal(byName['Lindqvist Motors']?.kind, 'organisation', JSON.stringify(sources.map((source) => [source.name, source.kind])))
  assert.equal(byName['Springfield police']?.kind, 'organisation', JSON.stringify(sources.map((source) => [source.name, source.kind])))
  assert.ok(!sources.some((source) => /^(?:The agency|Yesterday|Springfield$)/.test(source.name)))
})

test('sources: a subject before a parenthetical “I think” is no source', () => {
  const text = 'The reviews, I think, keep improving year by year.\n'
  const result = analyzeSync(text).data.newsmark!
  assert.deepEqual(sourcesOf(result).map((source) => source.name), [])
  assert.ok(!result.quotes?.some((quote) => quote.source?.text.startsWith('The stories')), JSON.stringify(result.quotes))
})

test('sources: “Most people think …” is the writer’s generalisation; “Many experts think …” and “Others said …” are sources', () => {
  const text = 'Most people think that the war ended in 1945.\n\nMany experts think the rate will rise.\n\nOthers said the plan would fail.\n'
  const names = sourcesOf(analyzeSync(text).data.newsmark!).map((source) => source.name)
  assert.deepEqual(names.sort(), ['Many experts', 'Others'])
})

test('sources: “the company said” is not an organisation in the words quoted, one told (“to Reuters”), one of two, nor a public body; “the agency” is the public body alone', () => {
  const view = (text: string) => sourcesOf(analyzeSync(text).data.newsmark!).map((source) => source.name)
  assert.ok(!view('Brightwater Ltd said it would appeal. "We will take this to the Supreme Court," the company said.\n').includes('Supreme Court'))
  assert.ok(!view('Globex declined to comment to Reuters. "The plan is final," the company said.\n').includes('Reuters'))
  const two = view('Acme Corp sued Globex Inc on Monday over the patent. The company said the claims were baseless.\n')
  assert.ok(!two.includes('Acme Corp') && !two.includes('Globex Inc'), JSON.stringify(two))
  assert.ok(view('The Food and Drug Administration approved the drug on Friday, Pfizer said. The agency said the trial was sound.\n').includes('Food and Drug Administration'))
})

test('sources: “they” is not the group that spoke when other people were named since; “The police” are people', () => {
  const view = (text: string) => sourcesOf(analyzeSync(text).data.newsmark!)
  const police = view('Police said three protesters were arrested on Monday. "We did nothing wrong," they said.\n')
  assert.deepEqual(police.map((source) => [source.name, source.quotes.length]), [['Police', 1]])
  assert.deepEqual(view('The police said the man was armed.\n').map((source) => source.kind), ['anonymous'])
})

test('sources: a span cut in text with a link keeps the source offsets; a name that opens with a day stays whole', () => {
  const text = 'When a storm flooded 40 homes and two schools in [Elmford](https://example.com/u), county officials said the drains had failed.\n\nMonday Properties said the sale would close in June.\n'
  const result = analyzeSync(text).data.newsmark!
  const lawmakers = result.quotes?.find((quote) => quote.source?.text === 'county officials')
  assert.ok(lawmakers, JSON.stringify(result.quotes?.map((quote) => quote.source?.text)))
  assert.equal(text.slice(lawmakers.source!.start, lawmakers.source!.end), 'county officials')
  assert.ok(result.quotes?.some((quote) => quote.source?.text === 'Monday Properties'))
})

test('sources: a day before a name the article writes elsewhere is cut, even where the tagger took the two as one name; “the developer” is not taken for a firm', () => {
  const result = analyzeSync('OpenAI released a new model on Monday. Yesterday OpenAI confirmed that ChatGPT was shut down for a day because of a bug.\n').data.newsmark!
  const sources = sourcesOf(result)
  assert.deepEqual(sources.map((source) => [source.name, source.kind]), [['OpenAI', 'organisation']])
  assert.deepEqual(sourcesOf(analyzeSync('Yesterday Zorblax confirmed that its site was shut down for a day because of a bug.\n').data.newsmark!).map((source) => source.name), ['Yesterday Zorblax'], 'a name written nowhere else keeps its first word')
  // “The developer” or “the operator” is as often a person: no firm is
  // guessed, and the description, tied to no name, is no source of the view.
  const developer = analyzeSync('Microsoft makes the tool for its own games. "It does not replace the writer," the developer said.\n').data.newsmark!
  assert.deepEqual(developer.quotes?.map((quote) => [quote.source?.text, quote.source?.entity]), [['the developer', undefined]])
  assert.deepEqual(sourcesOf(developer), [])
})

test('sourcesOf leaves out a description of firms or party members the article names that no name was found for; unnamed people news cites stay', () => {
  const text =
    'Baltic Ferries and Norvik Lines recalled 4,000 life jackets on Monday. ' +
    'The ferry operators told regulators that the buckles could crack in the cold. ' +
    'The two Republicans who toured the port said they had never seen one fail. ' +
    'Officials said the recall would take a month. ' +
    'The researchers who tested the buckles said the plastic was too thin. ' +
    'The two officials briefed on the recall said the cost was high. ' +
    'The people familiar with the plans said more ferries would be checked. ' +
    'The nurses said two passengers were hurt.'
  const result = analyzeSync(text).data.newsmark!
  const quoted = (result.quotes ?? []).map((item) => item.source?.text)
  assert.ok(quoted.includes('The ferry operators'), `Unexpected sources ${JSON.stringify(quoted)}: the quote keeps its source`)
  const names = sourcesOf(result).map((source) => source.name)
  assert.ok(!names.some((name) => /operators|Republicans/i.test(name)), `Unexpected ${JSON.stringify(names)}: a description of named firms or of party members met before is no anonymous source`)
  for (const expected of ['Officials', 'The researchers', 'The two officials', 'The people familiar with the plans', 'The nurses']) {
    assert.ok(names.some((name) => name.startsWith(expected)), `Expected “${expected}” in ${JSON.stringify(names)}: unnamed people news cites stay`)
  }
})

test('sources: a related link’s headline, a ruling on a filing and a title after a verb that says nothing are no quotes; an adverb is no cue; a source ends before its verb of saying', () => {
  const text =
    '---\ndate: 2023-03-15\n---\n\n' +
    'The singer’s long career has culminated in “Harbor Lights,” which returns this spring.\n\n' +
    'The study also “gives us a map of what can go wrong,” she added.\n\n' +
    'READ MORE: Storm Surge Is Getting Worse, Warns Top Forecaster\n\n' +
    'In 2018, the bankruptcy court denied the firm’s amended claim. The firm denied the allegations.\n\n' +
    'Researchers report the telescope’s images also show clear signs of water.\n'
  const result = analyzeSync(text).data.newsmark!
  const quotes = (result.quotes ?? []).map((quote) => `${quote.source ? text.slice(quote.source.start, quote.source.end) : '-'} | ${quote.cue?.text ?? '-'} | ${text.slice(quote.start, quote.end)}`)
  assert.deepEqual(quotes, [
    'she | added | “gives us a map of what can go wrong,”',
    'The firm | denied | the allegations',
    'Researchers | report | the telescope’s images also show clear signs of water'
  ])
  // (An unresolved “she” is no source of the view's own.)
  assert.deepEqual(sourcesOf(result).map((source) => source.name).sort(), ['Researchers', 'The firm'])
})

test('sources: “added amendments that …” is an act; “added officials would …” and “added in a statement” report words', () => {
  const text = '---\ndate: 2023-03-15\n---\n\nRep. Ann Lee, a Republican from Ohio, added amendments that would cap class sizes.\n\nTom Ray added officials would review the plan. He added in a statement that the firm would appeal.\n'
  const result = analyzeSync(text).data.newsmark!
  const quotes = (result.quotes ?? []).map((quote) => `${quote.cue?.text ?? '-'} | ${text.slice(quote.start, quote.end)}`)
  assert.deepEqual(quotes, ['added | officials would review the plan', 'added in a statement | that the firm would appeal'])
})

test('sources (review): reported speech after “added”, a ruling with words of its own, a person’s denial, a short shout and an adverb with no cue after keep their sources', () => {
  const text =
    '---\ndate: 2023-03-15\n---\n\n' +
    'The mayor added residents deserve answers. Lopez added unless lawmakers act soon, the program will end.\n\n' +
    'The judge granted the motion, saying the evidence was obtained illegally.\n\n' +
    'The senator denied the claims, calling them “absolutely false.” He denied the request was politically motivated.\n\n' +
    'He yelled “Stop!” before the officer fired. The senator also “strongly opposes” the bill.\n\n' +
    'More from the mayor: “We will rebuild every home,” she said Tuesday.\n\n' +
    'Authors of the report released Tuesday cautioned that the data were incomplete.\n'
  assertSays(text, [
    ['The mayor', 'deserve answers'],
    ['Lopez', 'unless lawmakers act soon, the program will end'],
    ['The judge', 'the evidence was obtained illegally'],
    ['The senator', 'the claims'],
    ['He', 'the request was politically motivated'],
    ['He', '“Stop!”'],
    ['The senator', '“strongly opposes” the bill'],
    ['she', '“We will rebuild every home,”'],
    ['Authors of the report released Tuesday', 'that the data were incomplete']
  ])
})

test('sources (second review): a denial by a person or a board, a ruling with other words after it, an adverb before another clause’s cue, a clause after “added” and a reaction “with” an exclamation keep their sources', () => {
  const text =
    '---\ndate: 2023-03-15\n---\n\n' +
    'In court on Tuesday, Johnson denied the claims against him. The company’s board denied the claims in a statement on Monday.\n\n' +
    'The board rejected the appeal and said the decision was final. The judge granted the request, citing the defendant’s health.\n\n' +
    'The governor also “strongly backs” the plan and said funding would follow. Ruiz still “hopes for a deal,” she said Friday.\n\n' +
    'The mayor added workers, not managers, would get the raises. He reacted on Twitter with “Disgraceful!”\n'
  assertSays(text, [
    ['Johnson', 'the claims against him'],
    ['The company’s board', 'the claims'],
    ['The board', 'the decision was final'],
    ['The judge', 'the defendant’s health'],
    ['The governor', 'funding would follow'],
    ['Ruiz', '“hopes for a deal,”'],
    ['The mayor', 'workers, not managers, would get the raises'],
    ['He', '“Disgraceful!”']
  ])
})

/**
 * Assert that each source says words ending as given in `text`'s quotes.
 *
 * @param text
 *   Article.
 * @param said
 *   Pairs of a source's words and the end of what it says.
 */
function assertSays(text: string, said: ReadonlyArray<readonly [string, string]>): void {
  const result = analyzeSync(text).data.newsmark!
  const quotes = (result.quotes ?? []).map((quote) => `${quote.source ? text.slice(quote.source.start, quote.source.end) : '-'} | ${text.slice(quote.start, quote.end)}`)
  for (const [source, words] of said) {
    assert.ok(quotes.some((quote) => quote.startsWith(`${source} | `) && quote.endsWith(words)), `Expected “${source}” saying “${words}” in ${JSON.stringify(quotes)}`)
  }
}
