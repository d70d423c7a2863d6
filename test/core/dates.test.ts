import assert from 'node:assert/strict'
import fs from 'node:fs'
import {describe, it} from 'node:test'
import {tagTimex, type Timex} from '../../src/core/dates/index.ts'
import {normalizeOptions, parseIsoDate} from '../../src/core/options.ts'

const REF = '2026-01-16' // a Friday

/** The first tag whose text is `text`, failing the test when there is none. */
function find(tags: Timex[], text: string): Timex {
  const t = tags.find((x) => x.text === text)
  assert.ok(t, `no tag "${text}" in ${JSON.stringify(tags.map((x) => x.text))}`)
  return t
}

/** The only tag of a short sentence. */
function one(text: string, referenceDate: string | null = REF): Timex {
  const tags = tagTimex(text, referenceDate ? {referenceDate} : {})
  assert.equal(tags.length, 1, `expected one tag in "${text}", got ${JSON.stringify(tags)}`)
  return tags[0]!
}

function assertOffsets(text: string, tags: Timex[]): void {
  for (const t of tags) {
    assert.equal(text.slice(t.start, t.end), t.text)
    assert.ok(t.start < t.end)
  }
  for (let k = 1; k < tags.length; k++) assert.ok(tags[k - 1]!.end <= tags[k]!.start, 'tags overlap or are out of order')
}

describe('tagTimex on the sample article (reference 2026-01-16)', () => {
  const md = fs.readFileSync(new URL('../../examples/poland-ottawa.md', import.meta.url), 'utf8')
  const tags = tagTimex(md, {referenceDate: REF})

  it('resolves the expressions of the article as TimeML does', () => {
    assert.deepEqual(
      (['next month', 'February 20', '48 hours', 'last week', 'late December', '1997', 'recent months', 'decades', 'years to come'] as const).map((s) => {
        const t = find(tags, s)
        return [s, t.type, t.value]
      }),
      [
        ['next month', 'DATE', '2026-02'],
        ['February 20', 'DATE', '2026-02-20'],
        ['48 hours', 'DURATION', 'PT48H'],
        ['last week', 'DATE', '2026-W02'],
        ['late December', 'DATE', '2025-12'],
        ['1997', 'DATE', '1997'],
        ['recent months', 'DURATION', 'PXM'],
        ['decades', 'DURATION', 'PXDE'],
        ['years to come', 'DURATION', 'PXY'],
      ],
    )
  })

  it('marks values that depend on the reference date as relative', () => {
    assert.equal(find(tags, 'next month').relative, true)
    assert.equal(find(tags, 'February 20').relative, true)
    assert.equal(find(tags, '1997').relative, false)
    assert.equal(find(tags, '48 hours').relative, false)
    assert.equal(find(tags, 'next month').unresolved, undefined)
  })

  it('gives offsets into the text', () => {
    assertOffsets(md, tags)
    const t = find(tags, 'February 20')
    assert.equal(md.slice(t.start - 19, t.end), 'exit the treaty on February 20')
  })
})

describe('resolution against the reference date', () => {
  it('puts a weekday in a past-tense sentence before the reference', () => {
    assert.equal(one('The minister said Tuesday that talks had failed.').value, '2026-01-13')
    assert.equal(one('Talks collapsed on Friday.').value, '2026-01-16')
  })

  it('puts a weekday in a future sentence after the reference', () => {
    assert.equal(one('The ministers will meet again on Tuesday.').value, '2026-01-20')
  })

  it('takes the nearest sensible year for a yearless month and day', () => {
    assert.equal(one('The plant closed on Dec. 3.').value, '2025-12-03')
    assert.equal(one('The law takes effect on March 1.').value, '2026-03-01')
    assert.equal(one('Voting ended Jan. 2.').value, '2026-01-02')
  })

  it('resolves deictic and shifted expressions', () => {
    assert.deepEqual(
      ['yesterday', 'tomorrow', 'a year ago', 'two weeks ago', 'last year', 'this month', 'next week', 'last Friday', 'last April'].map((s) => one(`It happened ${s}.`).value),
      ['2026-01-15', '2026-01-17', '2025', '2026-W01', '2025', '2026-01', '2026-W04', '2026-01-09', '2025-04'],
    )
  })

  it('keeps absolute dates absolute', () => {
    const t = one('The treaty was signed on Feb. 20, 1997, in Oslo.')
    assert.deepEqual([t.text, t.type, t.value, t.relative], ['Feb. 20, 1997', 'DATE', '1997-02-20', false])
    assert.equal(one('It was founded in the 1990s.').value, '199')
    assert.equal(one('Profit rose in the third quarter of 2025.').value, '2025-Q3')
    assert.equal(one('Results for fiscal 2024 were weak.').value, '2024')
  })

  it('reads quarters, seasons and reference words', () => {
    assert.equal(one('Third-quarter profit fell.', '1989-11-02').value, '1989-Q3')
    assert.equal(one('Sales rose this summer.').value, '2026-SU')
    assert.deepEqual([one('Prices are now higher.').value, one('Prices are now higher.').relative], ['PRESENT_REF', true])
    assert.equal(one('He recently resigned.').value, 'PAST_REF')
  })

  it('reads halves, decades with a curly apostrophe, and anaphoric quarters', () => {
    assert.equal(one('Sales rose in the first half of 2025.').value, '2025-H1')
    assert.equal(one('Ratings fell in the \u201990s.').value, '199')
    const tags = tagTimex('Profit rose in the third quarter. A year earlier it fell.', {referenceDate: '1989-11-02'})
    assert.deepEqual(tags.map((t) => [t.text, t.value]), [['the third quarter', '1989-Q3'], ['A year earlier', '1988-Q3']])
  })

  it('does not read quantities and names as dates', () => {
    assert.deepEqual(tagTimex('The jet carried 1500 passengers and 2000 pounds of cargo past gate 12.', {referenceDate: REF}), [])
    assert.deepEqual(tagTimex('June Carter sang at the Summer Olympics. It may rain.', {referenceDate: REF}), [])
  })

  it('reads times of day', () => {
    const t = one('The blast occurred at 10:35 a.m. Friday.')
    assert.deepEqual([t.text, t.type, t.value], ['10:35 a.m. Friday', 'TIME', '2026-01-16T10:35'])
    assert.equal(one('He spoke this morning.').value, '2026-01-16TMO')
  })
})

describe('without a reference date', () => {
  it('leaves the year open and marks the value unresolved', () => {
    const t = one('Poland will exit the treaty on February 20.', null)
    assert.deepEqual([t.value, t.relative, t.unresolved], ['XXXX-02-20', true, true])
    assert.deepEqual([one('It happened last week.', null).value, one('It happened last week.', null).unresolved], ['XXXX-WXX', true])
    assert.equal(one('He said Tuesday it was over.', null).value, 'XXXX-WXX-2')
  })

  it('still resolves absolute dates and durations', () => {
    const t = one('It was adopted in 1997.', null)
    assert.deepEqual([t.value, t.unresolved], ['1997', undefined])
    assert.equal(one('for three days', null).value, 'P3D')
  })
})

describe('durations and sets', () => {
  it('normalises durations', () => {
    assert.deepEqual(
      ['for three days', 'a two-year contract', 'within 2 1/2 years', 'half an hour', 'a few weeks', 'the past 20 years', 'for twenty-four hours', 'a minute and a half'].map((s) => one(s).value),
      ['P3D', 'P2Y', 'P2Y6M', 'PT30M', 'PXW', 'P20Y', 'PT24H', 'PT1M30S'],
    )
    assert.equal(one('for three days').type, 'DURATION')
    // ages are not durations in TimeML
    assert.deepEqual(tagTimex('a 6-year-old boy and his father', {referenceDate: REF}), [])
  })

  it('reads recurring times as SET', () => {
    assert.deepEqual(
      ['every week', 'each Thursday', 'daily', 'twice a year', 'every other month', 'on Mondays'].map((s) => {
        const t = one(`They meet ${s}.`)
        return [t.type, t.value]
      }),
      [['SET', 'P1W'], ['SET', 'XXXX-WXX-4'], ['SET', 'P1D'], ['SET', 'P1Y'], ['SET', 'P2M'], ['SET', 'XXXX-WXX-1']],
    )
    const rate = one('The plant ships 9,000 cars a year.')
    assert.deepEqual([rate.text, rate.type, rate.value], ['a year', 'SET', 'P1Y'])
    // an amount of money a year is a price, not a time (TempEval mostly leaves it out)
    assert.deepEqual(tagTimex('The plan saves $2 million a year.', {referenceDate: REF}), [])
  })
})

describe('robustness', () => {
  it('returns nothing for an empty string or text without times', () => {
    assert.deepEqual(tagTimex(''), [])
    assert.deepEqual(tagTimex('The cat sat on the mat.', {referenceDate: REF}), [])
  })

  it('keeps offsets right with CRLF line ends and astral characters', () => {
    const text = '😀 Headline 🇵🇱\r\n\r\nPoland said 👍 on Tuesday\r\nthat it will leave 𝒯 next month.\r\n'
    const tags = tagTimex(text, {referenceDate: REF})
    assertOffsets(text, tags)
    assert.deepEqual(tags.map((t) => [t.text, t.value]), [['Tuesday', '2026-01-13'], ['next month', '2026-02']])
  })

  it('handles a 200,000-character line of digits and dots', () => {
    const text = '1234567890.'.repeat(18182).slice(0, 200000)
    const tags = tagTimex(text, {referenceDate: REF})
    assert.deepEqual(tags, [])
    const spaced = '19.90 '.repeat(33333)
    assertOffsets(spaced, tagTimex(spaced, {referenceDate: REF}))
  })

  it('ignores an invalid reference date instead of throwing', () => {
    assert.equal(one('It happened last week.', 'not a date').unresolved, true)
  })
})

describe('dates in a Markdown document', () => {
  it('no expression spans two blocks: each block is read on its own', async () => {
    const {analyzeSync} = await import('../../src/core/analyze.ts')
    const source = '---\ndate: 2026-01-16\n---\n\nTalks ended in February\n\n20 people came on March 3.\n'
    const dates = analyzeSync(source).data.newsmark!.dates.map((date) => [date.text, date.value])
    // "February 20" across the blank line is no date; "February" is, in
    // its own block.
    assert.deepEqual(dates, [
      ['February', '2026-02'],
      ['March 3', '2026-03-03']
    ])
  })
})

describe('reference dates at the ends of the calendar', () => {
  it('keeps years before 100 (not 1900–1999)', () => {
    // `Date.UTC` reads the years 0–99 as 1900–1999.
    const tags = tagTimex('He came on Friday, left yesterday and will return tomorrow.', {referenceDate: '0050-06-15'})
    assert.deepEqual(tags.map((tag) => [tag.text, tag.value]), [
      ['Friday', '0050-06-10'],
      ['yesterday', '0050-06-14'],
      ['tomorrow', '0050-06-16']
    ])
    assert.equal(one('It ends tomorrow.', '0099-12-31').value, '0100-01-01')
    assert.equal(one('It starts next month.', '0000-01-15').value, '0000-02')
  })

  it('leaves a year past 9999 unknown rather than writing five digits', () => {
    for (const [text, value] of [
      ['It starts next month.', 'XXXX-01'],
      ['It starts next year.', 'XXXX'],
      ['It ends tomorrow.', 'XXXX-01-01'],
      ['It starts next week.', 'XXXX-W01']
    ]) {
      assert.equal(one(text!, '9999-12-31').value, value, text)
    }

    assert.equal(one('It began last year.', '0000-06-01').value, 'XXXX')
  })
})

describe('parseIsoDate', () => {
  it('takes a date, or the date of a valid date-time', () => {
    for (const value of ['2026-01-16', '2026-01-16T23:59', '2026-01-16 09:30:59.5', '2026-01-16T09:30Z', '2026-01-16T09:30+05:30', ' 2026-01-16 ']) {
      assert.equal(parseIsoDate(value), '2026-01-16', value)
    }

    assert.equal(parseIsoDate('0048-02-29'), '0048-02-29', 'a leap year before 100')
    assert.equal(parseIsoDate('0000-02-29'), '0000-02-29', 'year 0 is a leap year')
    assert.equal(parseIsoDate(new Date(Date.UTC(2026, 0, 16, 12))), '2026-01-16')
  })

  it('rejects impossible dates and times', () => {
    for (const value of ['2026-01-16T25:99', '2026-01-16T24:00', '2026-01-16T09:60', '2026-01-16T09:30:60Z', '2026-01-16T09:30+25:00', '2026-02-29', '0050-02-29', '2026-13-01', '2026-1-16']) {
      assert.equal(parseIsoDate(value), undefined, value)
    }

    const far = new Date(0)
    far.setUTCFullYear(10_000, 0, 1)
    assert.equal(parseIsoDate(far), undefined, 'a year past 9999')
    assert.throws(() => normalizeOptions({referenceDate: '2026-01-16T25:99'}), /Unexpected value `2026-01-16T25:99` for option `referenceDate`, expected a date as `YYYY-MM-DD`/)
  })
})
