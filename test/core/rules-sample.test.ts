/**
 * Rule fixtures: the sample article’s sentences the issue names are
 * flagged, a well-sourced version of the article is not, and the findings
 * on the sample stay as reviewed (`test/fixtures/rules/*.messages.txt`,
 * written when missing and rewritten with `UPDATE=1`).
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {describe, it} from 'node:test'
import type {VFileMessage} from 'vfile-message'
import {analyzeWith} from '../fixtures/rules/examples.ts'

const update = process.env.UPDATE === '1'
const sample = fs.readFileSync('examples/poland-ottawa.md', 'utf8')
const file = analyzeWith(sample)

/** Messages of a rule, as `[ruleId, source text, expected]`. */
function found(ruleId: string) {
  return file.messages
    .filter((message) => message.ruleId === ruleId)
    .map((message) => [text(message), message.expected ?? []] as const)
}

function text(message: VFileMessage): string {
  const place = message.place
  return place && 'start' in place ? sample.slice(place.start.offset, place.end.offset) : ''
}

describe('sample article', () => {
  it('takes “thousands of people” for a vague magnitude, no statistic to source', () => {
    assert.deepEqual(found('unsourced-number'), [])
  })

  it('flags “Russian officials have dismissed claims” and others as vague sources', () => {
    assert.deepEqual(
      found('vague-source').map(([value]) => value),
      ['Russian officials', 'human rights groups', 'Officials']
    )
  })

  it('flags “he claimed” as a loaded verb, expecting “said”', () => {
    assert.deepEqual(found('loaded-verb')[0], ['claimed', ['said']])
  })

  it('notes the resolved relative dates', () => {
    const notes = file.messages.filter((message) => message.ruleId === 'relative-date').map(String)
    assert.deepEqual(notes, [
      '9:80-9:90: Relative date `next month` resolves to `2026-02`',
      '11:86-11:97: Relative date `February 20` resolves to `2026-02-20`',
      '17:195-17:204: Relative date `last week` resolves to `2026-W02`',
      '17:271-17:284: Relative date `late December` resolves to `2025-12`'
    ])
  })

  it('does not flag attributed statements', () => {
    // A claim to check is listed whoever made it: no flag.
    const flagged = file.messages.filter((message) => message.ruleId !== 'claim-to-check').map(text)
    for (const clean of ['25 times', 'confirmed', 'Maria Zakharova', '“reserves the right to respond”', 'within 48 hours']) {
      assert.ok(!flagged.some((value) => value.includes(clean)), clean)
    }
  })

  it('gives the reviewed findings', () => {
    const path = 'test/fixtures/rules/poland-ottawa.messages.txt'
    const actual = file.messages.map((message) => `${message.ruleId} ${String(message)}`).join('\n') + '\n'
    if (update || !fs.existsSync(path)) fs.writeFileSync(path, actual)
    assert.equal(actual, fs.readFileSync(path, 'utf8'))
  })
})

describe('clean article', () => {
  it('gives no finding but the resolved dates', () => {
    const clean = analyzeWith(fs.readFileSync('test/fixtures/rules/clean.md', 'utf8'))
    assert.deepEqual(
      clean.messages.filter((message) => message.ruleId !== 'relative-date' && message.ruleId !== 'claim-to-check').map(String),
      []
    )
    // Its claims to check are all attributed.
    const toCheck = clean.messages.filter((message) => message.ruleId === 'claim-to-check')
    assert.ok(toCheck.length > 0)
    for (const message of toCheck) assert.match(message.reason, / attributed to /)
  })
})

describe('must-not-flag sentences', () => {
  const cases: Array<[string, string]> = [
    ['unsourced-number', 'The treaty, adopted in 1997, took effect within 48 hours on March 1, 2026.'],
    ['unsourced-number', 'Article 5 of the treaty applies to one of them.'],
    ['unsourced-number', 'Output rose by 25 times, the ministry said.'],
    ['vague-source', 'These officials said the plan was ready.'],
    ['vague-source', 'NATO officials said the plan was ready.'],
    ['loaded-verb', 'The group claimed responsibility for the attack.'],
    ['loaded-verb', 'Two soldiers were admitted to hospital.'],
    ['loaded-verb', 'He insisted on a vote.'],
    ['loaded-verb', 'Such claims are common.'],
    ['hedging', 'Police questioned the alleged attacker.'],
    ['quote-without-speaker', 'The “East Shield” plan was announced.'],
    ['quote-without-speaker', '“We are ready,” Tomczyk said.'],
    ['inconsistent-name', 'Finland and Finnish troops joined Sweden and Swedish troops.'],
    // Two people whose names share no other word.
    ['inconsistent-name', 'As my colleague Keren Landman writes, the work is slow. “We need a vaccine,” said Karen Norris, an immunologist.'],
    ['inconsistent-date', 'Poland will leave next month. Poland will leave on February 20.'],
    ['unsourced-number', 'I counted 300 protesters outside the ministry.'],
    ['loaded-verb', 'If I make a mistake, I admit it.'],
    ['vague-source', 'We will not kill some people to say we got even.'],
    // A group that did something, says nothing, or is named by the source.
    ['vague-source', 'State officials in recent years have resorted to moving the young fish by truck.'],
    ['vague-source', 'Officials have said little about what happened at the depot between then and Monday.'],
    ['vague-source', 'Advocates for disabled people said the plan would put their jobs at risk.'],
    ['quote-without-speaker', 'It is called “Make America Great Again”.'],
    ['quote-without-speaker', '“We want the fish to be here for our children,” said fisherman Tom Hale, who described the first catch as “magic”.'],
    ['quote-without-speaker', 'The Acme unit answered in a short statement: “On Monday a van of ours struck a city bus from behind. No one was hurt.”'],
    // Names of things and meanings, not anyone's words.
    ['quote-without-speaker', '“Custom kit and process design” – for teams that scale up their work.'],
    ['quote-without-speaker', 'The bakery sells a loaf it has dubbed “bread for the whole week” at weekends.'],
    ['quote-without-speaker', 'Her favourite button is “Push for More Coffee” on the old machine.'],
    ['unattributed-claim', 'Landmine Monitor, a research group, estimates that mines killed 5,757 people in 2023.'],
    // No statistics: vague magnitudes, bare numbers, measurements,
    // specifications, known things, conversions, captions.
    ['unsourced-number', 'Floods have displaced thousands of families along the coast.'],
    ['unsourced-number', 'The mayor went deaf at the age of 71 and retired at 74.'],
    ['unsourced-number', 'The bridge is 300 feet long and stands 40 miles (64 kilometers) from the sea.'],
    ['unsourced-number', 'The new turbine has a capacity of 12 megawatts.'],
    ['unsourced-number', 'Work on the $4 billion tunnel resumed after the storm.'],
    ['unsourced-number', 'Volunteers fill 500 sandbags on the riverbank Jane Doe / The Gazette'],
    ['unsourced-number', 'Doors open at 17:30 at 4255 W 3rd St. in Springfield.'],
    ['unsourced-number', 'Tickets for episode #6 are sold at Gate 12.'],
    ['unsourced-number', 'The Tigers doubled their lead before the break.'],
    // A person's own figures, advice to the reader.
    ['unsourced-number', 'When she opened the bakery, she earned less than $9 an hour.'],
    ['unsourced-number', 'You can save 20% by booking a week early.'],
    // A body that keeps the record or found the figure.
    ['unsourced-number', 'The Water Authority has signed more than 40 contracts with farmers.'],
    ['unsourced-number', 'About 450 people face charges brought by the Justice Department.'],
    ['unsourced-number', 'On Monday, Caltrans crews stacked 120 sandbags along the levee.'],
    ['unsourced-number', 'Acme Climate examined 50 years of records, finding that 35% of the wells had dried up.'],
    ['unsourced-number', 'A study found that 35% of the wells were dry.'],
    // Sourced in the sentence before or after.
    ['unsourced-number', 'The drought has dried up 300 wells, according to the state water board. About 35% of them will not recover.'],
    ['unsourced-number', 'About 35% of the wells will not recover. That is according to the state water board.']
  ]
  for (const [ruleId, sentence] of cases) {
    it(`${ruleId}: ${sentence}`, () => {
      const value = `---\ndate: 2026-01-16\n---\n\n${sentence}\n`
      assert.deepEqual(analyzeWith(value, [ruleId]).messages.map(String), [])
    })
  }
})

describe('must-flag sentences', () => {
  const cases: Array<[string, string, string]> = [
    ['unsourced-number', 'Russia “will respond, I promise”, and 300 soldiers died.', '300 soldiers'],
    ['unsourced-number', 'The plan will cost $60 billion.', '$60 billion'],
    ['unsourced-number', 'Exports fell 8 per cent last year.', '8 per cent'],
    ['unsourced-number', 'More than 4,000 Texans are believed to have lost power.', '4,000'],
    ['unsourced-number', 'Between 20 and 45 percent of the crop was lost.', '45 percent'],
    ['unsourced-number', 'The dam gives the region about 70% of its electricity.', '70%'],
    // A person quoted next to it is no source of the figure.
    ['unsourced-number', '“We had to rebuild the road,” the mayor said. Repairs cost $2.3 million.', '$2.3 million'],
    // Payees are no source: “from”, “to”.
    ['unsourced-number', 'Costs included $1.5 million to Acme Rail for the tracks.', '$1.5 million'],
    ['vague-source', 'Experts say the ban saved lives.', 'Experts'],
    ['vague-source', 'The ban saved lives, according to sources.', 'sources'],
    ['vague-source', '“The ban saved lives,” said Western diplomats.', 'Western diplomats'],
    ['loaded-verb', 'The Kremlin claims that the treaty is void.', 'claims'],
    ['loaded-verb', 'Tomczyk admitted that the plan had been delayed.', 'admitted'],
    ['hedging', 'The plant is said to have doubled its output.', 'is said to'],
    ['quote-without-speaker', 'Russia “will respond, I promise you that, to these hostile steps”.', '“will respond, I promise you that, to these hostile steps”']
  ]
  for (const [ruleId, sentence, flagged] of cases) {
    it(`${ruleId}: ${sentence}`, () => {
      const file = analyzeWith(sentence, [ruleId])
      assert.deepEqual(file.messages.map((message) => message.actual), [flagged])
    })
  }
})
