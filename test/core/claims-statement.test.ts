/**
 * Which sentences of a paragraph are statements at all (`statement.ts`),
 * and what the claim tagger highlights: made-up sentences.
 */
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {analyzeSync} from '../../src/core/analyze.ts'
import {isFurniture, nonStatement} from '../../src/core/claims/statement.ts'
import {CLAIM_HIGHLIGHT_THRESHOLD} from '../../src/core/claims/tag-claims.ts'
import {CLAIM_THRESHOLD} from '../../src/core/claims/classifier.ts'

describe('nonStatement', () => {
  it('takes page furniture, credits and captions for what they are', () => {
    assert.equal(nonStatement('Read more: Harbour board cuts ferry fares by half'), 'furniture')
    assert.equal(nonStatement('RELATED: Town council votes to close the old mill.'), 'furniture')
    assert.equal(nonStatement('SHARE THIS STORY ON SOCIAL MEDIA NOW.'), 'furniture')
    assert.equal(nonStatement('(Jane Marlow/AP)'), 'credit')
    assert.equal(nonStatement('Ferry passengers wait in line. | Tom Reed/Harbour Press'), 'credit')
    assert.equal(nonStatement('Staff writers Ann Lee and Bo Park contributed to this report.'), 'credit')
    assert.equal(nonStatement('Workers repair the pier in Eastport, Tuesday, March 14, 2023.'), 'caption')
    assert.equal(nonStatement('Open Tuesday-Sunday 10 a.m.-8 p.m.'), 'hours')
    assert.ok(isFurniture('(Jane Marlow/AP)'))
    assert.ok(!isFurniture('Ferry fares rose by 30 percent last year.'))
  })

  it('leaves out questions, titles and broken pieces', () => {
    assert.equal(nonStatement('Will the ferry fares rise again next year?'), 'question')
    assert.equal(nonStatement('Did she say “we will cut fares?”'), 'question')
    assert.equal(nonStatement('Match 2: The Harbour Hawks vs the Mill Town Rovers'), 'unfinished')
    assert.equal(nonStatement('2 cups of chopped parsley'), 'unfinished')
    assert.equal(nonStatement(', seen at left, speaks at the harbour board meeting.'), 'fragment')
    assert.equal(nonStatement('and then the board voted to cut fares.'), 'fragment')
    // A number cut at its decimal point: `… reached .` + `500 for the first time`.
    assert.equal(nonStatement('The Hawks reached .', 'fter 40 games', '500 for'), 'fragment')
    assert.equal(nonStatement('500 for the first time since 2019.', 'reached .'), 'fragment')
  })

  it('keeps statements', () => {
    for (const text of [
      'Ferry fares rose by 30 percent last year.',
      'The board said fares would rise by 30 percent, the mayor told reporters.',
      '“We will cut fares by half,” the mayor said.',
      'iPhone sales in Eastport fell by a third in 2022.',
      '2022 was the wettest year on record in Eastport.',
      'The council approved the plan on Friday!'
    ]) {
      assert.equal(nonStatement(text), undefined, text)
    }
  })
})

describe('claims highlighted', () => {
  const claims = (markdown: string) => analyzeSync(markdown).data.newsmark!.claims.map((claim) => claim.text)

  it('is stricter than the model’s own threshold', () => {
    assert.ok(CLAIM_HIGHLIGHT_THRESHOLD > CLAIM_THRESHOLD)
  })

  it('highlights a check-worthy statement, not its caption or credit', () => {
    const found = claims(
      'Unemployment in Eastport fell to 4.1 percent in March because of the new harbour subsidies.\n\nWorkers repair the pier in Eastport, Tuesday, March 14, 2023, after the storm cost the town $2 million.\n\n(Jane Marlow/AP)\n'
    )
    assert.deepEqual(found, ['Unemployment in Eastport fell to 4.1 percent in March because of the new harbour subsidies.'])
  })

  it('highlights nothing in a genre with no claims to check', () => {
    const text = 'Unemployment in Eastport fell to 4.1 percent in March because of the new harbour subsidies.\n'
    assert.equal(claims(text).length, 1)
    for (const genre of ['recipe', 'game-story', 'listicle', 'review']) {
      assert.deepEqual(claims(`---\ngenre: ${genre}\n---\n\n${text}`), [], genre)
    }
    assert.equal(claims(`---\ngenre: analysis\n---\n\n${text}`).length, 1)
  })

  it('does not highlight a quote of feelings for having a speaker', () => {
    assert.deepEqual(claims('“We are so happy to be home again,” said Ann Lee, a ferry passenger.\n'), [])
  })
})
