/**
 * The rules’ documentation doubles as their tests, as in remark-lint: every
 * `@example` in a rule module’s JSDoc is run with only that rule on, and an
 * `output` example must equal `file.messages.map(String)` of the `input`
 * example of the same name (an example without an output must give none).
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {describe, it} from 'node:test'
import {rules} from '../../src/core/rules/index.ts'
import {check, readExamples} from '../fixtures/rules/examples.ts'

describe('rule docs', () => {
  for (const rule of rules) {
    const path = new URL(`../../src/core/rules/${rule.id}.ts`, import.meta.url)
    const examples = readExamples(fs.readFileSync(path, 'utf8'))

    it(`${rule.id}: has an ok and a not-ok example`, () => {
      assert.ok(examples.some((example) => example.name.startsWith('ok')), 'ok example')
      assert.ok(examples.some((example) => example.name.startsWith('not-ok') && example.label === 'output'), 'not-ok output')
    })

    for (const input of examples.filter((example) => example.label === 'input')) {
      it(`${rule.id}: ${input.name}`, () => {
        const output = examples.find((example) => example.name === input.name && example.label === 'output')
        const expected = output ? output.text.split('\n').filter(Boolean) : []
        assert.deepEqual(check(input.text, rule.id, input.facts), expected)
      })
    }
  }
})
