import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {viewDocument} from '../../src/core/document.ts'
import {clusterMentions} from '../../src/core/entities/cluster.ts'
import {findMentions} from '../../src/core/entities/mentions.ts'

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
