/**
 * The classifier's fast scoring (n-gram weights by their words) gives the
 * reference score, `sigmoid(margin(model, claimFeatures(text)))`, to the last
 * bit.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import test from 'node:test'
import fc from 'fast-check'
import {checkWorthiness, referenceCheckWorthiness} from '../../src/core/claims/classifier.ts'

const texts = [
  fs.readFileSync('examples/poland-ottawa.md', 'utf8'),
  ...fs
    .readdirSync('test/fixtures')
    .map((name) => path.join('test/fixtures', name, 'input.md'))
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file, 'utf8'))
]

test('claims: the fast score is the reference score, bit for bit', () => {
  // Outside an analysis nothing is kept: each score is computed.
  const sentences = texts.flatMap((text) => text.split(/(?<=[.!?”])\s+/))
  sentences.push('', ' ', 'I don’t think NATO’s 25% rise in 2026 -- or the 1990s… will last!', 'What? "Quoted" 3rd 1,500.5 $35bn')
  for (const sentence of sentences) {
    assert.equal(Object.is(checkWorthiness(sentence), referenceCheckWorthiness(sentence)), true, sentence)
  }

  fc.assert(
    fc.property(fc.string({maxLength: 200}), (sentence) => {
      assert.ok(Object.is(checkWorthiness(sentence), referenceCheckWorthiness(sentence)))
    }),
    {numRuns: 500}
  )
})
