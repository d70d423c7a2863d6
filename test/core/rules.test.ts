/**
 * The rule runner: the public API, settings (severities, `off`, errors),
 * what every message carries, inline comments, and the data files.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {describe, it} from 'node:test'
import {analyzeSync} from '../../src/core/analyze.ts'
import * as rulesApi from '../../src/core/rules/index.ts'
import {ignoreComment} from '../../src/core/rules/control.ts'
import {docsUrl} from '../../src/core/rules/report.ts'
import {analyzeWith, readExamples} from '../fixtures/rules/examples.ts'

const {normalizeRuleSettings, ruleIds, rules, runRules} = rulesApi

describe('runRules', () => {
  it('exposes its API', () => {
    assert.deepEqual(Object.keys(rulesApi).sort(), ['defaultPreset', 'ignoreComment', 'isPresetName', 'normalizeRuleSettings', 'notRecommended', 'presetNames', 'presetSeverities', 'ruleIds', 'rules', 'runRules', 'severityValues'])
  })

  it('has kebab-case, unique rule ids with a severity', () => {
    assert.equal(new Set(ruleIds).size, ruleIds.length)
    for (const rule of rules) {
      assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/)
      assert.ok(['error', 'warning', 'info'].includes(rule.severity), rule.id)
    }
  })

  it('gives every message a rule id, source, url, position and severity', () => {
    const file = analyzeWith('Moreover, he claimed that Polish forces could deploy mines within 48 hours.', ['loaded-verb'])
    const [message] = file.messages
    assert.equal(message.ruleId, 'loaded-verb')
    assert.equal(message.source, 'newsmark')
    assert.equal(message.url, `${docsUrl}#loaded-verb`)
    assert.equal(message.fatal, false)
    assert.equal(message.actual, 'claimed')
    assert.deepEqual(message.expected, ['said'])
    assert.deepEqual(message.place, {
      start: {line: 1, column: 14, offset: 13},
      end: {line: 1, column: 21, offset: 20}
    })
  })

  it('applies configured severities and skips rules that are off', () => {
    const file = analyzeSync('Moreover, he claimed that Polish forces could deploy mines. Output will reportedly rise by 25 times.')
    file.messages = []
    runRules(file, file.data.newsmark!, {severities: {'loaded-verb': 'error', hedging: 'off', 'unsourced-number': 'info'}})
    const byRule = new Map(file.messages.map((m) => [m.ruleId, m.fatal]))
    assert.equal(byRule.get('loaded-verb'), true)
    assert.equal(byRule.has('hedging'), false)
    assert.equal(byRule.has('unsourced-number'), true)
    assert.equal(byRule.get('unsourced-number'), undefined)
  })

  it('orders each rule’s messages by position', () => {
    const file = analyzeWith(
      '---\ndate: 2026-01-16\n---\n\nThe vote took place on Monday, January 20, 2026. Poland will withdraw next month. Poland will exit on March 1.',
      ['inconsistent-date']
    )
    const offsets = file.messages.map((m) => m.place && 'start' in m.place ? m.place.start.offset! : 0)
    assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b))
  })

  it('rejects unknown rule ids and bad severities', () => {
    assert.throws(() => normalizeRuleSettings({severities: {'loaded-verbs': 'error'}}), /Unexpected rule id `loaded-verbs` in `severities`, expected one of `front-matter-invalid`, `front-matter-date`, `language-unsupported`, `relative-date-unresolved`/)
    assert.throws(
      () => normalizeRuleSettings({severities: {'loaded-verb': 'loud' as 'error'}}),
      /^Error: Unexpected value `loud` for `severities.loaded-verb`, expected `off`, `info`, `warning` or `error`$/
    )
    assert.throws(
      () => normalizeRuleSettings({facts: [{subject: 'A', property: 'b', value: 1, source: ''}]}),
      /settings: Unexpected value `` for `source` in fact 1 \(`facts\[0\].source`\), expected a non-empty text/
    )
  })

  it('runs without a tree, parsing the file itself', () => {
    const file = analyzeSync('Moreover, he claimed that Polish forces could deploy mines.')
    file.messages = []
    runRules(file, file.data.newsmark!, {severities: Object.fromEntries(ruleIds.filter((id) => id !== 'loaded-verb').map((id) => [id, 'off']))})
    assert.deepEqual(file.messages.map(String), ['1:14-1:21: Unexpected loaded reporting verb `claimed`, expected a neutral verb such as `said`'])
  })

  it('reports a vague source rather than an unattributed claim', () => {
    const file = analyzeWith('Russian officials have dismissed claims that Russia plans to attack NATO members.', ['unattributed-claim', 'vague-source'])
    assert.deepEqual(file.messages.map((m) => m.ruleId), ['vague-source'])
  })
})

describe('inline comments', () => {
  const claimed = 'Moreover, he claimed that Polish forces could deploy mines.'

  it('disables and enables a rule from the comment on', () => {
    const file = analyzeWith(`${claimed}\n\n<!-- newsmark disable loaded-verb -->\n\n${claimed}\n\n<!-- newsmark enable loaded-verb -->\n\n${claimed}\n`, ['loaded-verb'])
    assert.deepEqual(file.messages.map((m) => m.line), [1, 9])
  })

  it('ignores the next block only', () => {
    const file = analyzeWith(`<!-- newsmark ignore loaded-verb hedging -->\n${claimed}\n\n${claimed}\n`, ['loaded-verb'])
    assert.deepEqual(file.messages.map((m) => m.line), [4])
  })

  it('disables every rule without ids', () => {
    const file = analyzeWith(`<!-- newsmark disable -->\n\n${claimed} It is believed that 300 soldiers died.\n`)
    assert.deepEqual(file.messages.map(String), [])
  })

  it('leaves other comments and rules alone', () => {
    const file = analyzeWith(`<!-- lint disable -->\n<!-- newsmark disable hedging -->\n\n${claimed}\n`, ['loaded-verb', 'hedging'])
    assert.deepEqual(file.messages.map((m) => m.ruleId), ['loaded-verb'])
  })

  it('warns about unknown keywords and rule ids without failing', () => {
    const file = analyzeWith(`<!-- newsmark disabel loaded-verb -->\n<!-- newsmark disable loaded-verbs -->\n\n${claimed}\n`, ['loaded-verb'])
    assert.deepEqual(file.messages.map(String), [
      '4:14-4:21: Unexpected loaded reporting verb `claimed`, expected a neutral verb such as `said`',
      '1:1-1:38: Unexpected keyword `disabel` in newsmark comment, expected `disable`, `enable` or `ignore`',
      `2:1-2:39: Unexpected rule id \`loaded-verbs\` in newsmark comment, expected one of ${ruleIds.map((id) => '`' + id + '`').join(', ')}`
    ])
    assert.deepEqual(file.messages.map((m) => m.ruleId), ['loaded-verb', 'newsmark-comment', 'newsmark-comment'])
  })
})

describe('ignoreComment', () => {
  it('inserts an ignore comment before the block, which silences the finding', () => {
    const source = '# Title\n\nFirst line.\nMoreover, he claimed that Polish forces could deploy mines.\n\nNext.\n'
    const offset = source.indexOf('claimed')
    const edit = ignoreComment(source, offset, 'loaded-verb')
    assert.deepEqual(edit, {offset: 9, text: '<!-- newsmark ignore loaded-verb -->\n'})
    const fixed = source.slice(0, edit.offset) + edit.text + source.slice(edit.offset)
    assert.equal(analyzeWith(source, ['loaded-verb']).messages.length, 1)
    assert.equal(analyzeWith(fixed, ['loaded-verb']).messages.length, 0)
  })

  it('keeps the indent of the block', () => {
    assert.deepEqual(ignoreComment('  > He claimed it.\n', 5, 'loaded-verb'), {offset: 0, text: '  > <!-- newsmark ignore loaded-verb -->\n'})
  })
})

describe('rule data and docs', () => {
  it('has valid JSON lexicons', () => {
    for (const name of fs.readdirSync('src/core/rules/data')) {
      assert.doesNotThrow(() => JSON.parse(fs.readFileSync(`src/core/rules/data/${name}`, 'utf8')), name)
    }
  })

  it('documents every rule in docs/rules.md, with its default severity', () => {
    const docs = fs.readFileSync('docs/rules.md', 'utf8')
    for (const rule of rules) {
      const section = docs.split(/^## /m).find((part) => part.startsWith(rule.id + '\n'))
      assert.ok(section, `section for ${rule.id}`)
      assert.match(section, new RegExp(`Default severity: \`${rule.severity}\``), rule.id)
      // The examples there are the module’s, which the docs test runs.
      const examples = readExamples(fs.readFileSync(`src/core/rules/${rule.id}.ts`, 'utf8'))
      for (const example of examples) {
        for (const line of example.text.split('\n').filter((line) => line && line !== '---')) {
          assert.ok(section.includes(line), `${rule.id}: ${line}`)
        }
      }
    }
  })
})

describe('front matter rules', () => {
  it('report front matter problems as rules: configurable, with a link and the place of a YAML error', () => {
    const broken = analyzeSync('---\ntitle: Poland: out of the Ottawa Convention\n---\n\nPoland left.\n')
    const message = broken.messages.find((item) => item.ruleId === 'front-matter-invalid')
    assert.ok(message)
    assert.match(String(message.url), /#front-matter-invalid$/)
    assert.equal(String(message.cause), '2:8-2:9: The YAML goes wrong here')
    const text = '---\ndate: January 16th\n---\n\nPoland will withdraw next month.\n'
    assert.ok(analyzeSync(text).messages.some((item) => item.ruleId === 'front-matter-date'))
    assert.ok(!analyzeSync(text, {rules: {'front-matter-date': 'off'}}).messages.some((item) => item.ruleId === 'front-matter-date'))
  })
})

describe('inconsistent-date and the date of another verb', () => {
  const reasons = (text: string) =>
    analyzeWith('---\ndate: 2023-03-22\n---\n\n' + text, ['inconsistent-date']).messages.map((message) => String(message.reason))

  it('does not take a date that dates another verb of the sentence', () => {
    assert.deepEqual(
      reasons(
        'Harbor Labs today announced the launch of two new kits. The cleaning method now belongs to Harbor Labs’ catalogue, by way of two kits and the repair plans it launched, following a takeover of a small filter maker in November 2022.'
      ),
      []
    )
  })

  it('nor a date in a relative clause after the event word', () => {
    assert.deepEqual(reasons('Britain will withdraw on July 15. Britain will withdraw from the treaty, which it signed in 1998 with eleven other countries, on July 15.'), [])
  })

  it('still compares dates far from their event word in the same clause', () => {
    assert.deepEqual(
      reasons('Harbor Labs will launch the new kits in April. Harbor Labs will launch the kits for hospitals and small clinics on June 3.'),
      ['Unexpected date `June 3` (`2023-06-03`) for the start of Harbor Labs, expected `2023-04` as stated earlier']
    )
    assert.deepEqual(
      reasons('Kestrel Airways will begin flights on June 1. Kestrel Airways will begin flights to Lisbon, Porto, Faro, Madeira, the Azores and Seville on July 1.'),
      ['Unexpected date `July 1` (`2023-07-01`) for the start of Kestrel Airways, expected `2023-06-01` as stated earlier']
    )
    assert.deepEqual(
      reasons('Mayor Ana Lopez signed the budget on March 2. On March 9, after a long night of debate in the chamber, Mayor Ana Lopez signed the budget.'),
      ['Unexpected date `March 9` (`2023-03-09`) for the signing of Ana Lopez, expected `2023-03-02` as stated earlier']
    )
    const leaving = 'Unexpected date `April 12` (`2023-04-12`) for the withdrawal of Britain, expected `2023-03-29` as stated earlier'
    for (const second of [
      'Britain will leave the European Union after April 12.',
      'Britain will leave the European Union as planned on April 12.',
      'Britain will leave the European Union after 47 years of membership on April 12.',
      'Britain will leave the European Union when the transition ends on April 12.',
      // A clause a comma closes: the date after it is the leaving's.
      'Britain will leave the European Union, which it joined in 1973, on April 12.'
    ]) {
      assert.deepEqual(reasons('Britain will leave the European Union on March 29. ' + second), [leaving], second)
    }
    assert.deepEqual(reasons('Britain will leave the European Union on March 29. Britain will leave the European Union following a vote on April 12.'), [])
    // Such a clause has one date: a second is the event's again.
    assert.deepEqual(reasons('Britain withdrew from the EU on February 1, 2020. Britain withdrew from the bloc following the 2016 referendum on January 31, 2020.'), [
      'Unexpected date `January 31, 2020` (`2020-01-31`) for the withdrawal of Britain, expected `2020-02-01` as stated earlier'
    ])
  })
})

describe('inconsistent-date with parts of the day', () => {
  it('reads a day with its part of day as that day', async () => {
    const {range} = await import('../../src/core/rules/inconsistent-date.ts')
    assert.deepEqual(range('2023-03-24TMO'), range('2023-03-24'))
    assert.deepEqual(range('2023-03-24TNI'), range('2023-03-24'))
    assert.equal(range('XXXX-WXX-5TNI'), undefined)
  })

  it('finds a weekday that does not match a date with a part of day', () => {
    // March 23, 2023 was a Thursday.
    const file = analyzeWith('---\ndate: 2023-03-25\n---\n\nThe council met Friday, March 23 night.', ['inconsistent-date'])
    assert.deepEqual(
      file.messages.map((message) => [message.ruleId, String(message.reason).includes('Thursday')]),
      [['inconsistent-date', true]]
    )
  })
})
