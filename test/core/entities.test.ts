import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {analyzeSync} from '../../src/core/analyze.ts'
import {viewDocument} from '../../src/core/document.ts'
import {clusterMentions} from '../../src/core/entities/cluster.ts'
import {findMentions} from '../../src/core/entities/mentions.ts'
import {documentCasing, viewSentence} from '../../src/core/entities/features.ts'
import {encodeWeights, shippedTagger, spansOf, type NerModel} from '../../src/core/entities/tagger.ts'

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)

function entities(source: string) {
  const document = viewDocument(parser.parse(source) as Root, source)
  return clusterMentions(findMentions(document)).entities
}

const sample = fs.readFileSync('examples/poland-ottawa.md', 'utf8')

test('entities: the sample article', () => {
  const found = entities(sample)
  const byName = new Map(found.map((entity) => [entity.name, entity]))
  const expect = (name: string, type: string) => {
    const entity = byName.get(name)
    assert.ok(entity, `missing ${name}; found ${[...byName.keys()].join(', ')}`)
    assert.equal(entity.type, type, name)
    return entity
  }

  const tomczyk = expect('Cezary Tomczyk', 'PER')
  assert.equal(tomczyk.role, 'Deputy Defense Minister')
  assert.deepEqual(tomczyk.mentions.map((m) => m.text), ['Cezary Tomczyk', 'Tomczyk', 'Tomczyk'])
  const zakharova = expect('Maria Zakharova', 'PER')
  assert.equal(zakharova.role, 'Russian Foreign Ministry spokeswoman')
  const poland = expect('Poland', 'LOC')
  // "Poland’s" counts as a mention of Poland, without the "’s".
  assert.ok(poland.mentions.length >= 12)
  assert.ok(poland.mentions.every((m) => m.text === 'Poland'))
  expect('NATO', 'ORG')
  expect('Ottawa Convention', 'MISC')
  expect('Russia', 'LOC')
  expect('Radio Zet', 'ORG')

  // Connectives at the start of a sentence are never entities.
  for (const word of ['Meanwhile', 'Importantly', 'Moreover', 'However', 'Together']) {
    assert.ok(!byName.has(word), word)
  }

  // Every mention points at its text in the source.
  for (const entity of found) {
    for (const mention of entity.mentions) {
      assert.equal(sample.slice(mention.start, mention.end), mention.text)
    }
  }
})

test('entities: plain and Markdown-decorated text give the same entities', () => {
  const plain = 'Deputy Defense Minister Cezary Tomczyk said Poland will leave the Ottawa Convention , NATO said .'
  const decorated = '- Deputy Defense Minister **Cezary Tomczyk** said [Poland](https://example.com) will leave the *Ottawa Convention*, `x` NATO said.'
  const simplify = (source: string) =>
    entities(source).map((entity) => ({type: entity.type, name: entity.name}))
  assert.deepEqual(simplify(decorated), simplify(plain))
  assert.ok(simplify(plain).length >= 4)
})

test('entities: a surname joins the full name; two people with one surname stay apart', () => {
  const found = entities('John Smith met Anna Smith in Paris. Later, Smith left. John Smith said Berlin agreed.')
  const names = found.map((entity) => entity.name)
  assert.ok(names.includes('John Smith'))
  assert.ok(names.includes('Anna Smith'))
  const john = found.find((entity) => entity.name === 'John Smith')!
  assert.equal(john.mentions.length, 2)
})

test('entities: a title word that is also a first name stays in the name', () => {
  const found = entities('Derbyshire captain Dean Jones is conceding nothing.')
  const jones = found.find((entity) => entity.name.endsWith('Jones'))
  assert.ok(jones, 'missing Jones')
  assert.equal(jones.name, 'Dean Jones')
  assert.equal(jones.type, 'PER')
})

test('entities: a head word does not overrule a confident tagger', () => {
  // "Bank" is the head of organisations ("World Bank"), but the tagger
  // knows the West Bank.
  const found = entities('Palestinians in the West Bank observed a strike. Israel said the West Bank settlements would grow.')
  const bank = found.find((entity) => entity.name === 'West Bank')
  assert.ok(bank, 'missing West Bank')
  assert.equal(bank.type, 'LOC')
  assert.equal(bank.mentions.length, 2)
})

test('entities: the second stage reads the document (an all-caps headline)', () => {
  const words = [
    ['CRICKET', '-', 'LEICESTERSHIRE', 'TAKE', 'OVER', 'AT', 'TOP', '.'],
    ['Leicestershire', 'beat', 'Somerset', 'by', 'an', 'innings', 'at', 'Grace', 'Road', '.']
  ]
  const [headline, sentence] = shippedTagger().tagDocument(words).map((tags) => spansOf(tags))
  assert.ok(headline.some((span) => span.first === 2 && span.last === 3 && span.label === 'ORG'))
  assert.ok(sentence.some((span) => span.first === 0 && span.last === 1 && span.label === 'ORG'))
})

test('entities: spans from BIO and BILOU tags', () => {
  assert.deepEqual(spansOf(['B-PER', 'I-PER', 'O', 'I-LOC', 'B-ORG', 'B-ORG']), [
    {first: 0, last: 2, label: 'PER'},
    {first: 3, last: 4, label: 'LOC'},
    {first: 4, last: 5, label: 'ORG'},
    {first: 5, last: 6, label: 'ORG'}
  ])
  assert.deepEqual(spansOf(['U-PER', 'B-ORG', 'I-ORG', 'L-ORG', 'B-LOC', 'L-LOC', 'I-LOC']), [
    {first: 0, last: 1, label: 'PER'},
    {first: 1, last: 4, label: 'ORG'},
    {first: 4, last: 6, label: 'LOC'},
    {first: 6, last: 7, label: 'LOC'}
  ])
})

test('entities: the shipped model holds feature weights only', () => {
  const model = JSON.parse(fs.readFileSync('src/core/entities/ner-model.json', 'utf8')) as NerModel
  assert.equal(model.stages, 2)
  assert.deepEqual(Object.keys(model).sort(), ['classes', 'stages', 'weights'])
  for (const group of Object.values(model.weights)) {
    for (const weights of Object.values(group)) {
      assert.match(weights, /^(?:[A-Za-z0-9_-]{3})+$/)
    }
  }
})

test('entities: weights survive their encoding', () => {
  assert.equal(encodeWeights([0, 1, -1, 0, 1000, -1000, 2047, -2048]), 'BACCAB' + 'EfQFfP' + 'G_-H__')
})

test('entities: the kept word entries score as the feature strings do', () => {
  const text = fs.readFileSync('examples/poland-ottawa.md', 'utf8') + '\n\nLEICESTERSHIRE BEAT SOMERSET\n\nO’Brien met the U.S. envoy in São Paulo on 3 May.\n'
  const tree = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(text) as Root
  const sentences = viewDocument(tree, text).sentences.map((sentence) => sentence.tokens.map((token) => token.text))
  const casing = documentCasing(sentences)
  const tagger = shippedTagger()
  let words = 0
  for (const words_ of sentences) {
    const view = viewSentence(words_)
    const kept = tagger.staticScores(view, casing)
    assert.deepEqual(kept, tagger.staticScores(view, casing, true))
    assert.ok(kept.some((score) => score !== 0))
    words += words_.length
  }

  assert.ok(words > 500)
})

test('entities: a role is the prose before the name, without markup', () => {
  const file = analyzeSync('Deputy **Defense** Minister Cezary Tomczyk said on Monday that *Foreign*\nMinister Radosław Sikorski agreed.\n')
  const roles = Object.fromEntries(file.data.newsmark!.entities.map((entity) => [entity.name, entity.role]))
  assert.equal(roles['Cezary Tomczyk'], 'Deputy Defense Minister')
  assert.equal(roles['Radosław Sikorski'], 'Foreign Minister')
})

test('entities: the words around a name tell its type across the document when they agree', () => {
  const source = 'Greenville police said the road was closed on Monday.\n\nSpringfield police said the road was closed on Monday.\n'
  const document = viewDocument(parser.parse(source) as Root, source)
  const [found, agreed] = findMentions(document)
  assert.equal(agreed?.prose, 'Springfield')
  assert.equal(agreed.cued, true, 'the tagger agreeing is evidence too')
  assert.equal(found?.prose, 'Greenville')
  assert.equal(found.type, 'LOC')
  assert.equal(found.cued, true, 'a noun only a town has tells it')
  const at = (start: number, type: 'LOC' | 'ORG' | 'MISC' | 'PER', cued?: boolean) => ({...found, start, end: start + 9, type, cued: cued === true})
  // Two mentions the tagger calls an organisation do not outvote the one its context tells.
  assert.equal(clusterMentions([at(0, 'ORG'), at(20, 'LOC', true), at(40, 'ORG')]).entities[0].type, 'LOC')
  // Contexts that disagree: the majority, as before.
  assert.equal(clusterMentions([at(0, 'ORG', true), at(20, 'LOC', true), at(40, 'ORG')]).entities[0].type, 'ORG')
  // No context: the majority.
  assert.equal(clusterMentions([at(0, 'ORG'), at(20, 'LOC'), at(40, 'ORG')]).entities[0].type, 'ORG')
})

test('entities: a preposition or an apposition is no evidence for a name’s other mentions', () => {
  const source = 'Later he moved from Ferncombe to the coast. They played behind Dynamo Ferncombe, the local side.\n'
  const document = viewDocument(parser.parse(source) as Root, source)
  for (const mention of findMentions(document)) assert.ok(!mention.cued, `${mention.prose} cued`)
})

test('entities: a title before a name tells a person, for every mention of the name', () => {
  const text = 'Northwind CEO Ravindra Kulkarni will work a shift in one of the stores.\n'
  const tree = unified().use(remarkParse).parse(text) as Root
  const [mention] = findMentions(viewDocument(tree, text)).filter((item) => item.text === 'Ravindra Kulkarni')
  assert.ok(mention, 'the name alone, without the company and the title')
  assert.equal(mention.type, 'PER')
  assert.equal(mention.role, 'Northwind CEO')
  assert.equal(mention.cued, true)
  // The tagger's other type for the surname does not outvote it.
  const {role: _role, cued: _cued, ...bare} = mention
  const others = Array.from({length: 5}, (_, index) => ({...bare, text: 'Kulkarni', prose: 'Kulkarni', type: 'ORG' as const, start: 100 + index * 20, end: 108 + index * 20}))
  const {entities: clusters} = clusterMentions([mention, ...others])
  assert.deepEqual(clusters.map((entity) => [entity.name, entity.type, entity.mentions.length]), [['Ravindra Kulkarni', 'PER', 6]])
})

test('entities: a first name the tagger left between a title and the surname is the person’s, not the role’s', () => {
  const found = entities('Brightway’s new CEO Olusegun Adebayo took over on Monday. Adebayo said little.\n')
  const person = found.find((entity) => entity.type === 'PER')
  assert.equal(person?.name, 'Olusegun Adebayo')
  assert.equal(person?.role, 'CEO')
})

test('entities: a role before a name ends at another person’s title and name joined by “and”', () => {
  const found = entities('Zipcart CEO Tony Xu and Fizzco Chief Executive Ramon Laguarta visited the plant.\n')
  const roles = new Map(found.filter((entity) => entity.type === 'PER').map((entity) => [entity.name, entity.role]))
  assert.equal(roles.get('Tony Xu'), 'Zipcart CEO')
  assert.equal(roles.get('Ramon Laguarta'), 'Fizzco Chief Executive')
  // An organisation's “and” stays in the role.
  const secretary = entities('Secretary of Health and Human Services Xavier Becerra spoke.\n').find((entity) => entity.type === 'PER')
  assert.equal(secretary?.role, 'Secretary of Health and Human Services')
})

test('entities: a surname two people share goes to the one named first; the other keeps the full name', () => {
  const found = entities(
    'Laura Marsh stars in the new series. Her father, Peter Marsh, was an actor too.\n\nMarsh said the role scared her. Marsh has played many parts since.\n'
  )
  const people = found.filter((entity) => entity.type === 'PER')
  const laura = people.find((entity) => entity.name === 'Laura Marsh')
  assert.equal(laura?.mentions.length, 3)
  assert.equal(people.find((entity) => entity.name === 'Peter Marsh')?.mentions.length, 1)
  assert.ok(!people.some((entity) => entity.name === 'Marsh'), 'no cluster of the bare surname')
  // A shared first name stays apart.
  const annas = entities('Anna Kowal and Anna Brandt spoke. Anna left early.\n').filter((entity) => entity.type === 'PER')
  assert.ok(annas.some((entity) => entity.name === 'Anna'))
})

test('entities: a headline’s capitals do not run a name into the words around it', () => {
  const found = entities('# Bruton Verdict Now Up To The Jury\n\nThe verdict on Bruton is now up to the jury, the court said. Bruton denies the charges.\n')
  assert.deepEqual(
    found.map((entity) => [entity.name, entity.mentions.length]),
    [['Bruton', 3]]
  )
  // A headline's name of common words only is no name.
  assert.deepEqual(
    entities('# A New Weather System Could Hit Next Week\n\nForecasters said a new weather system could hit next week.\n').map((entity) => entity.name),
    []
  )
})

test('entities: in a heading, capitals the sentences never write as a name make none', () => {
  const body = 'Painters from the desert now sell their work in New York. Galleries in Sydney and Paris show them too. Collectors pay more every year.\n'
  const names = (text: string) => entities(text).map((entity) => entity.name).sort()
  assert.deepEqual(names(`# Desert Painting Is Booming Abroad\n\n${body}`), ['New York', 'Paris', 'Sydney'])
  // A place, and a name the sentences write, stay.
  assert.deepEqual(names(`# Desert Painting Is Booming in Sydney\n\n${body}`), ['New York', 'Paris', 'Sydney'])
  assert.ok(names(`# Why Ann Kowal Paints\n\nAnn Kowal paints at night. ${body}`).includes('Ann Kowal'))
  // A line of a list or a credit is no heading: its names stay.
  assert.ok(names(`${body}\n7. Funny Truck – RandomSpin Games – 89p\n`).some((name) => /RandomSpin/.test(name)))
  // Too little text to tell: the heading keeps its names.
  assert.ok(names('# Desert Painting Is Booming\n\nIt is.\n').length > 0)
})

test('entities: a generic acronym is no entity; an organisation’s is', () => {
  const names = analyzeSync('Acme uses AI to read DNA, its CEO said. The NAACP and the FBI disagreed. Its R&D budget doubled.\n').data.newsmark!.entities.map((entity) => entity.name)
  for (const word of ['AI', 'DNA', 'CEO', 'R&D']) assert.ok(!names.includes(word), `${word} in ${names.join(', ')}`)
  assert.ok(names.includes('FBI'), names.join(', '))
})

test('entities: a short form in brackets after a name is that name wherever written', () => {
  const found = entities('The Centers for Disease Control and Prevention (CDC) issued a warning on Monday. The CDC said 40 people were ill. A CDC spokesman declined to comment.\n')
  assert.deepEqual(
    found.map((entity) => [entity.name, entity.type, entity.mentions.length]),
    [['Centers for Disease Control and Prevention', 'ORG', 4]]
  )
  // A club's country in brackets is no short form of it.
  assert.ok(entities('Red Star (Yugoslavia) beat Dinamo (Russia) 92-90.\n').some((entity) => entity.name === 'Yugoslavia' && entity.type === 'LOC'))
  // A person's bracket is no short form (a party, a state).
  assert.deepEqual(
    entities('Rep. Ann Lee (D) voted no, and Lee said why.\n').filter((entity) => entity.type === 'PER').map((entity) => entity.name),
    ['Ann Lee']
  )
})

test('entities: a title in double quotation marks is a work, whole', () => {
  const found = entities('She starred in “Cape Fear” and “Christmas Vacation,” then in “Natural Born Killers.”\n')
  assert.deepEqual(
    found.map((entity) => [entity.name, entity.type]),
    [
      ['Cape Fear', 'MISC'],
      ['Christmas Vacation', 'MISC'],
      ['Natural Born Killers', 'MISC']
    ]
  )
})

test('entities: a name the sentences write is the name, not a headline’s run of capitals', () => {
  const found = entities('# Dana Whitlock Confronts Critics\n\nThe singer Dana Whitlock spoke on Monday. Whitlock said little.\n')
  const person = found.find((entity) => entity.type === 'PER')
  assert.equal(person?.name, 'Dana Whitlock')
  assert.equal(person?.mentions.length, 3)
})

test('entities: a person named in the middle of a headline’s run of capitals is that person, with no role read from the headline', () => {
  const found = entities('# Lawyer Stumbles Badly As He Fumbles His Way Through Ari Melber Interview\n\nMSNBC host Ari Melber spoke with the lawyer on Monday. Melber asked about the case.\n')
  const person = found.find((entity) => entity.type === 'PER' && entity.name === 'Ari Melber')
  assert.ok(person, found.map((entity) => entity.name).join(', '))
  assert.ok(!found.some((entity) => /Way Through/.test(entity.name)))
  assert.doesNotMatch(person.role ?? '', /Stumbles/)
})

test('entities: a section’s label run into a name once is not the name; the surname still joins the person', () => {
  const found = entities(
    'Style Laura Marsh stars in the new series.\n\nHer father, Peter Marsh, was an actor too. Laura Marsh said the role scared her. Laura Marsh laughed. Marsh has played many parts.\n'
  )
  const laura = found.find((entity) => entity.type === 'PER' && entity.name.endsWith('Laura Marsh'))
  assert.equal(laura?.name, 'Laura Marsh')
  assert.equal(laura?.mentions.length, 4)
})
