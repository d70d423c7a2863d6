/**
 * Fixture tests: each `test/fixtures/<case>/` holds `input.md` (and an
 * optional `options.json`); the expected tags (`tags.json`) and findings
 * (`messages.txt`) are written when missing and rewritten with `UPDATE=1`.
 * Every span is also checked against the source text.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import test from 'node:test'
import {VFile} from 'vfile'
import {analyzeSync} from '../../src/core/analyze.ts'
import type {Options} from '../../src/core/options.ts'

const root = 'test/fixtures'
const update = process.env.UPDATE === '1'

for (const name of fs.readdirSync(root).sort()) {
  const folder = path.join(root, name)
  const inputPath = path.join(folder, 'input.md')
  if (!fs.existsSync(inputPath)) continue

  test(`fixture: ${name}`, () => {
    const source = fs.readFileSync(inputPath, 'utf8')
    const optionsPath = path.join(folder, 'options.json')
    const options = fs.existsSync(optionsPath)
      ? (JSON.parse(fs.readFileSync(optionsPath, 'utf8')) as Options)
      : undefined
    const file = analyzeSync(new VFile({path: 'input.md', value: source}), options)
    const data = file.data.newsmark!

    for (const span of [
      ...data.dates,
      ...data.claims,
      ...data.entities.flatMap((entity) => entity.mentions)
    ]) {
      assert.equal(source.slice(span.start, span.end), span.text, `span ${span.start}-${span.end}`)
    }

    const tags = JSON.stringify(data, null, 2) + '\n'
    const messages = file.messages.map(String).join('\n') + '\n'
    const tagsPath = path.join(folder, 'tags.json')
    const messagesPath = path.join(folder, 'messages.txt')
    if (update || !fs.existsSync(tagsPath)) fs.writeFileSync(tagsPath, tags)
    if (update || !fs.existsSync(messagesPath)) fs.writeFileSync(messagesPath, messages)
    assert.deepEqual(JSON.parse(tags), JSON.parse(fs.readFileSync(tagsPath, 'utf8')))
    assert.equal(messages, fs.readFileSync(messagesPath, 'utf8'))
  })
}
