/**
 * Claims on news as it is scraped (issue 18): photo captions with a
 * sentence of background, press releases' pleasantries, update notes, a
 * person in the street telling of their own life.
 * Made-up sentences.
 */
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {analyzeSync} from '../../src/core/analyze.ts'
import {isCaption, nonStatement} from '../../src/core/claims/statement.ts'

const claims = (markdown: string) => analyzeSync(markdown).data.newsmark!.claims.map((claim) => claim.text)
const story = 'Unemployment in Eastport fell to 4.1 percent in March because of the new harbour subsidies.'
const background = 'The harbour board said the storm cost the town $2 million in repairs and closed the pier for three weeks.'

describe('photo captions', () => {
  it('knows a caption by its credit or its dateline', () => {
    assert.ok(isCaption(`Workers repair the pier in Eastport. ${background} (Jane Marlow/AP)`, 'Workers repair the pier in Eastport.'))
    assert.ok(isCaption(`Workers repair the pier, Tuesday, March 14, 2023. ${background}`, 'Workers repair the pier, Tuesday, March 14, 2023.'))
    assert.ok(!isCaption(`${story} ${background}`, story))
  })

  it('highlights no background sentence of a caption', () => {
    const found = claims(
      `${story}\n\nWorkers repair the pier in Eastport, Tuesday, March 14, 2023. ${background}\n\nMayor Ann Lee speaks at the harbour in Eastport, Dec. 7, 2021. ${background} (Tom Reed/AP)\n`
    )
    assert.deepEqual(found, [story])
  })

  it('still highlights the same sentence in the story', () => {
    assert.deepEqual(claims(`${story}\n\n${background}\n`), [story, background])
  })
})

describe('pleasantries', () => {
  it('takes a press release’s quote of feelings for one', () => {
    assert.equal(
      nonStatement('Ann Lee, chief executive of Harbour Lines, said: “We are pleased to bring these ferry services to commuters across the region.”'),
      'pleasantry'
    )
    assert.equal(nonStatement('“We’re thrilled that the ferries will serve Eastport,” said Ann Lee.'), 'pleasantry')
    assert.equal(nonStatement('We are pleased to announce the new ferry service.'), 'pleasantry')
    assert.equal(nonStatement('“We look forward to working with the state,” she said.'), 'pleasantry')
  })

  it('keeps a pleasantry with a number, and feelings that are not the speaker’s opening', () => {
    assert.equal(nonStatement('“We are proud that fares fell by 30 percent last year,” said Ann Lee.'), undefined)
    assert.equal(nonStatement('Commuters said they were delighted that the ferry was back.'), undefined)
    assert.equal(nonStatement('“The board said we are pleased to pay more,” she said, “and that is false.”'), undefined)
  })
})

describe('promotion and recipe lines', () => {
  it('takes a station promoting its coverage and a nutrition line for furniture', () => {
    assert.equal(nonStatement('EASTPORT (KXYZ) -- Two months ago, we told you about a ferry worker who lost her job.'), 'furniture')
    assert.equal(nonStatement('We have more information on the storm and why the pier was closed for three weeks.'), 'furniture')
    assert.equal(nonStatement('Watch the video above to see the pier after the storm.'), 'furniture')
    assert.equal(nonStatement('410 calories (30% from fat), 12 grams fat, 41 grams carbohydrates, 520 mg sodium.'), 'furniture')
    assert.equal(nonStatement('Per serving: 410 calories, 12 grams fat.'), 'furniture')
  })

  it('keeps statements about what people were told and about calories', () => {
    assert.equal(nonStatement('Residents said officials told them the pier would reopen in May.'), undefined)
    assert.equal(nonStatement('The average adult in Eastport eats 3,600 calories a day, the survey found.'), undefined)
    assert.equal(nonStatement('We have more than 300 boats in the harbour, the mayor said.'), undefined)
  })
})

describe('update notes', () => {
  it('takes a dated update note for furniture', () => {
    assert.equal(nonStatement('Update, March 24, 2023: This story, first published in 2019, has been updated with the latest ferry fares.'), 'furniture')
    assert.equal(nonStatement('Correction (March 2): An earlier version of this story misstated the fare.'), 'furniture')
    assert.equal(nonStatement('Updates on the ferry service: fares rose by 30 percent.'), undefined)
  })
})

describe('testimony', () => {
  it('takes a person named with their age telling of their own life for colour', () => {
    assert.equal(
      nonStatement('In Eastport, ferry worker Ann Lee, 29, said she spends half her monthly wage on rent and gets only 7 hours of sleep a night.'),
      'testimony'
    )
    assert.equal(nonStatement('Bo Park, 41, a fisherman, says he has had to sell his second boat.'), undefined)
    assert.equal(nonStatement('Tom Reed, 52, says his family lost the farm in the flood.'), 'testimony')
  })

  it('keeps what an official says, and a person with an age who is not telling of themselves', () => {
    assert.equal(nonStatement('Mayor Ann Lee said she spends half the town’s budget on the harbour.'), undefined)
    assert.equal(nonStatement('Police said Bo Park, 41, was charged with arson on Friday.'), undefined)
    assert.equal(nonStatement('Ann Lee, 29, said the harbour board cut 300 jobs last year.'), undefined)
  })
})

describe('claim kinds: an age is no statistic', () => {
  it('“at 52,” and “on stage at 15 as …” are ages; “closed at 49” is a level', async () => {
    const {explainClaimKind} = await import('../../src/core/claims/kind.ts')
    assert.equal(explainClaimKind('She first appeared on stage at 15 as a dancer in a touring revue and later spent years as a radio host.').kind, 'factual')
    assert.equal(explainClaimKind('Now, at 52, she lives in a hotel suite as the star of a hit drama.').kind, 'factual')
    assert.equal(explainClaimKind('Shares of the firm closed at 49, down from 60 a week ago, the exchange said.').kind, 'statistic')
  })

  it('“has died at 91.” and “retired at 60” are ages at the end of a sentence too', async () => {
    const {explainClaimKind} = await import('../../src/core/claims/kind.ts')
    assert.equal(explainClaimKind('Ada Obi, the founder of a harbor pilots’ union, has died at 91.').kind, 'factual')
    assert.equal(explainClaimKind('The longtime harbor master retired at 60.').kind, 'factual')
  })
})

describe('claim kinds: a stretch of time is no quantity', () => {
  it('“the last six months”, “the past 40 years” say when; “in six months” with a figure is still a statistic', async () => {
    const {explainClaimKind} = await import('../../src/core/claims/kind.ts')
    assert.equal(explainClaimKind('The new chief has spent the last six months visiting branches and earning a pilot’s licence.').kind, 'factual')
    assert.equal(explainClaimKind('The harbor has changed more in the past 40 years than in the century before.').kind, 'factual')
    assert.equal(explainClaimKind('Ferry fares rose 12 percent in the last six months.').kind, 'statistic')
    assert.equal(explainClaimKind('The strike lasted six months.').kind, 'statistic')
    assert.equal(explainClaimKind('Waits at the county hospital can last 14 hours.').kind, 'statistic')
  })
})

describe('claim kinds: a modal’s perfect is no prediction', () => {
  it('“could have explained” is what might have been; “could cut” looks ahead', async () => {
    const {explainClaimKind} = await import('../../src/core/claims/kind.ts')
    assert.notEqual(explainClaimKind('Jurors never heard from aides who could have explained that the rules were followed.').kind, 'prediction')
    assert.equal(explainClaimKind('The new rules could cut emissions by half by 2030.').kind, 'prediction')
  })
})
