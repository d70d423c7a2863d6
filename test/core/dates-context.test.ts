import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {tagTimex} from '../../src/core/dates/index.ts'

const REF = '2024-05-08' // a Wednesday

/** `[text, value]` of every tag of `text`. */
function values(text: string, referenceDate = REF): Array<[string, string]> {
  return tagTimex(text, {referenceDate}).map((t) => [t.text, t.value])
}

describe('dates: words that are not dates', () => {
  it('leaves out names that hold a date word', () => {
    assert.deepEqual(values('Her office pool for March Madness grew; the Sunday Times ran the story and Saturday Night Live mocked it.'), [])
    assert.deepEqual(values('The Good Friday Agreement still holds.'), [])
  })

  it('dates Black Friday and Cyber Monday as the days after Thanksgiving, without the full stop', () => {
    assert.deepEqual(values('Stores opened early on Black Friday.', '2023-12-01'), [['Black Friday', '2023-11-24']])
    assert.deepEqual(values('Sales peaked on Cyber Monday.', '2023-12-01'), [['Cyber Monday', '2023-11-27']])
    assert.deepEqual(values('We ate pie on Thanksgiving.', '2023-12-01'), [['Thanksgiving', '2023-11-23']])
  })

  it('leaves out a model year before a vehicle make, not a year after a preposition', () => {
    assert.deepEqual(values('Police found a 2019 Honda Civic and a 1987 Chevrolet pickup.'), [])
    assert.deepEqual(values('In 2019 Ford sold more trucks.'), [['2019', '2019']])
    // The maker, not a car.
    assert.deepEqual(values('The 2019 Ford Motor Co. annual report is out.'), [['2019', '2019']])
  })

  it('leaves out a quarter that begins a hyphenated word', () => {
    assert.deepEqual(values('Inflation hit its quarter-century high; the quarter-to-quarter change was small.'), [])
    assert.deepEqual(values('Inflation rose in the quarter.', '2024-05-08'), [['the quarter', '2024-Q1']])
  })

  it('leaves out "high noon" and "the cities of tomorrow"', () => {
    assert.deepEqual(values('It was high noon for the cabinet, and planners drew the cities of tomorrow.'), [])
    assert.deepEqual(values('The vote of tomorrow morning is close.'), [['tomorrow morning', '2024-05-09TMO']])
  })

  it('leaves out "daily" before a name: a newspaper', () => {
    assert.deepEqual(values('The party daily Volksblatt printed it; the mill runs daily and sends a weekly report.'), [['daily', 'P1D'], ['weekly', 'P1W']])
  })

  it('leaves out model years and season labels before a name', () => {
    assert.deepEqual(values('The recall covers the 2018-2021 Sonata and the 2020 and 2021 Tucson Hybrid.'), [])
    assert.deepEqual(values('Not since the 1996-97 Chicago Bulls has a team started this well.'), [])
  })

  it('keeps a single year before a name, and a year after a preposition', () => {
    assert.deepEqual(values('He skipped the 2016 Olympics and retired in 2019.'), [['2016', '2016'], ['2019', '2019']])
  })

  it('leaves out a street number', () => {
    assert.deepEqual(values('The shop moved to 1925 N. Grand Ave. last fall.'), [['last fall', '2023-FA']])
    assert.deepEqual(values('Visit us at 2010 Lincoln Road Suite 4.'), [])
  })

  it('leaves out a wage or a price per unit of time', () => {
    assert.deepEqual(values('Pickers earn $9 an hour, and the plan costs $3 million a year.'), [])
    assert.deepEqual(values('The economy added 200,000 jobs a month.'), [['a month', 'P1M']])
  })

  it('leaves out ages', () => {
    assert.deepEqual(values('A puzzle for seven-year olds.'), [])
  })

  it('leaves out idioms', () => {
    assert.deepEqual(values('"At the end of the day, it is about trust," she said.'), [])
    assert.deepEqual(values('The jukebox is a blast from the past.'), [])
    assert.deepEqual(values("Schools train tomorrow's engineers."), [])
    assert.deepEqual(values("Tomorrow's game was moved."), [['Tomorrow', '2024-05-09']])
  })

  it('leaves out names that start with a weekday', () => {
    assert.deepEqual(values('Linemen fix a cable. (Friday Okafor/AP)'), [])
    assert.deepEqual(values('Tuesday Morning Corp. will close 12 stores.'), [])
    assert.deepEqual(values('Tuesday morning the road closed.'), [['Tuesday morning', '2024-05-07TMO']])
    assert.deepEqual(values("Last Friday's vote was close."), [['Last Friday', '2024-05-03']])
  })

  it('leaves out seasons in a habitual statement', () => {
    assert.deepEqual(values('In general, hay fever runs from early spring to late fall.'), [])
    assert.deepEqual(values('The new bridge opens in early spring.'), [['early spring', '2024-SP']])
  })

  it('leaves out a hypothetical "next day"', () => {
    assert.deepEqual(values('If the milk is not cold, it spoils the next day.'), [])
  })

  it('dates "that period" only while a quarter is under discussion', () => {
    assert.deepEqual(values('Patients must stay home for ten days and wear masks in that period.'), [['ten days', 'P10D']])
    assert.deepEqual(values('Sales rose in the first quarter. In that period, costs fell.'), [['the first quarter', '2024-Q1'], ['that period', '2024-Q1']])
  })
})

describe('dates: tense and the present', () => {
  it('reads the present tense of a timetable as the future', () => {
    assert.deepEqual(values('"So the run starts Sunday," she said.'), [['Sunday', '2024-05-12']])
    assert.deepEqual(values('The show airs Friday.'), [['Friday', '2024-05-10']])
    assert.deepEqual(values('The show aired Friday.'), [['Friday', '2024-05-03']])
    assert.deepEqual(values('Tickets for the upcoming Saturday sold out.'), [['the upcoming Saturday', '2024-05-11']])
  })

  it('reads verbs of intent as the future only with "to" after them', () => {
    // Wednesday 2024-05-08: the Friday before is 05-03, the one after 05-10
    assert.deepEqual(values('The council plans to vote on Friday.'), [['Friday', '2024-05-10']])
    assert.deepEqual(values('On Friday, when the mayor dropped her holiday plans, the council voted.'), [['Friday', '2024-05-03']])
    assert.deepEqual(values('The union is set to strike Friday.'), [['Friday', '2024-05-10']])
    assert.deepEqual(values('The clerks did not plan to close the office on Friday.'), [['Friday', '2024-05-10']])
    assert.deepEqual(values('Fans rallied in the square on Friday and were planning to march again.'), [['Friday', '2024-05-10']])
  })

  it('reads "set for" and "takes effect" as the future', () => {
    assert.deepEqual(values('The trial is set for Friday.'), [['Friday', '2024-05-10']])
    assert.deepEqual(values('The ban takes effect Monday.'), [['Monday', '2024-05-13']])
  })

  it('reads a forecast verb in the past tense as the day of the forecast', () => {
    assert.deepEqual(values('"The dam will hold," the engineers predicted Monday.'), [['Monday', '2024-05-06']])
    assert.deepEqual(values('Rain is predicted to end by Saturday.'), [['Saturday', '2024-05-11']])
  })

  it('reads "since" as the past, "as early as" as the future, and an opening "until" as neither', () => {
    assert.deepEqual(values('Prices will keep rising, as they have since Monday.'), [['Monday', '2024-05-06']])
    assert.deepEqual(values('The envoy could arrive as early as Monday, they said.'), [['Monday', '2024-05-13']])
    assert.deepEqual(values('Until Tuesday, the police had not named a suspect.'), [['Tuesday', '2024-05-07']])
    assert.deepEqual(values('The court postponed the hearing until Tuesday.'), [['Tuesday', '2024-05-14']])
    // The clause's own verb before "as early as"; "since" that opens its sentence decides nothing.
    assert.deepEqual(values('Officials knew as early as Monday that the dam was failing.'), [['Monday', '2024-05-06']])
    assert.deepEqual(values('Since Monday is a holiday, the office will close.'), [['Monday', '2024-05-13']])
  })

  it('reads the day after "last" or "next" and a month, and leaves a full stop after a month name', () => {
    assert.deepEqual(values('The mill burned down last Oct. 23 at night.'), [['last Oct. 23', '2023-10-23']])
    assert.deepEqual(values('The vote is next March 3.'), [['next March 3', '2025-03-03']])
    assert.deepEqual(values('The fair returns next May.'), [['next May', '2025-05']])
    assert.deepEqual(values('It began last Sept. and ended in spring.', '2024-05-08').slice(0, 1), [['last Sept.', '2023-09']])
  })

  it('reads the second day of "April 24 and 25" and "March 24-26" as a date of the same month', () => {
    assert.deepEqual(values('The summit meets on June 24 and 25 in Oslo; the fair runs July 1-3.'), [['June 24', '2024-06-24'], ['25', '2024-06-25'], ['July 1', '2024-07-01'], ['3', '2024-07-03']])
    assert.deepEqual(values('The show runs from June 1 to 3, 2025.'), [['June 1', '2025-06-01'], ['3, 2025', '2025-06-03']])
    assert.deepEqual(values('Prices rose on May 3 and 25 percent on May 9.'), [['May 3', '2024-05-03'], ['May 9', '2024-05-09']])
    // Both days in one year, read in the first day's tense.
    assert.deepEqual(values('He was in Paris on Nov. 24 and 25 and will return to Berlin.'), [['Nov. 24', '2023-11-24'], ['25', '2023-11-25']])
    // A change to a number is no second day.
    assert.deepEqual(values('The index rose on June 1 to 15, its highest level in a year.').map(([text]) => text), ['June 1', 'a year'])
  })

  it('reads the tense of the clause before that of the sentence', () => {
    assert.deepEqual(values('The mayor, who resigned on Tuesday, will speak at noon.').slice(0, 1), [['Tuesday', '2024-05-07']])
    assert.deepEqual(values('The board, which expects to sell the plant Friday, said nothing.'), [['Friday', '2024-05-10']])
    // "succeed" is no past tense
    assert.deepEqual(values('She will succeed the chairman June 1, soon after he retires.'), [['June 1', '2024-06-01']])
  })

  it('reads a bare plural unit before "of" as a duration, not an age or "the days of"', () => {
    assert.deepEqual(values('The truce follows months of talks; despite weeks of rain, the dam held.'), [['months', 'PXM'], ['weeks', 'PXW']])
    assert.deepEqual(values('Decades of neglect ruined the pier.'), [['Decades', 'PXDE']])
    assert.deepEqual(values('The driver, 40 years of age, recalled the days of steam and the wee hours of the night.'), [])
    assert.deepEqual(values('Those were the best years of her life, and the happiest days of ours.'), [])
  })

  it('leaves the verb "last" out of a duration', () => {
    assert.deepEqual(values('The repairs are expected to last weeks; the strike could last two days.'), [['weeks', 'PXW'], ['two days', 'P2D']])
    assert.deepEqual(values('Prices fell over the last two years.'), [['over the last two years', 'P2Y']])
  })

  it('reads "this past week" as the seven days before the reference', () => {
    assert.deepEqual(values('This past week, the board met twice.', '2024-05-11'), [['This past week', '2024-W19']])
    assert.deepEqual(values('This past week, the board met twice.', '2024-05-13'), [['This past week', '2024-W19']])
  })

  it('reads "Today many …" as the present of a generic statement', () => {
    assert.deepEqual(values('Today many villages rely on solar panels.'), [['Today', 'PRESENT_REF']])
    assert.deepEqual(values('Today the mayor resigned.'), [['Today', '2024-05-08']])
  })
})

describe('dates: generic times', () => {
  it('gives opening hours no calendar day', () => {
    assert.deepEqual(values('Open Tuesday-Friday 10 a.m.-6 p.m., Saturday 9 a.m.-noon.'), [
      ['Tuesday', 'XXXX-WXX-2'],
      ['Friday 10 a.m.', 'XXXX-WXX-5T10:00'],
      ['6 p.m.', 'XXXX-XX-XXT18:00'],
      ['Saturday 9 a.m.', 'XXXX-WXX-6T09:00'],
      ['noon', 'XXXX-XX-XXT12:00']
    ])
    assert.deepEqual(values('Open every day, 7 a.m.-3 p.m.'), [['every day', 'P1D'], ['7 a.m.', 'XXXX-XX-XXT07:00'], ['3 p.m.', 'XXXX-XX-XXT15:00']])
  })

  it('still dates a single time on a given day', () => {
    assert.deepEqual(values('The polls closed at 8 p.m. Tuesday.'), [['8 p.m. Tuesday', '2024-05-07T20:00']])
  })

  it('gives an hour in a habitual sentence no calendar day', () => {
    assert.deepEqual(values('A curfew starts at 9:45 p.m. every night.'), [['9:45 p.m.', 'XXXX-XX-XXT21:45'], ['every night', 'XXXX-XX-XXTNI']])
    assert.deepEqual(values('The tram usually leaves the depot at 6 a.m.'), [['6 a.m.', 'XXXX-XX-XXT06:00']])
  })

  it('gives a range of hours of no particular day no calendar day, unless told in the past', () => {
    assert.deepEqual(values('The curfew lasts from 11 p.m. to 5 a.m.'), [['11 p.m.', 'XXXX-XX-XXT23:00'], ['5 a.m.', 'XXXX-XX-XXT05:00']])
    assert.deepEqual(values('The roads were shut from 11 p.m. to 5 a.m.'), [['11 p.m.', '2024-05-08T23:00'], ['5 a.m.', '2024-05-08T05:00']])
  })

  it('still dates an hour in a habitual sentence that names its day', () => {
    assert.deepEqual(values('The ferry usually sails at 7 a.m., but on Monday it sailed at 10 a.m.'), [
      ['7 a.m.', '2024-05-08T07:00'],
      ['Monday', '2024-05-06'],
      ['10 a.m.', '2024-05-06T10:00']
    ])
  })
})

describe('dates: context of the document', () => {
  it('gives a yearless day the year the document gives it elsewhere', () => {
    assert.deepEqual(values('The March 3 vote was close. On March 3, 2022, the council voted 5-4.'), [
      ['March 3', '2022-03-03'],
      ['March 3, 2022', '2022-03-03']
    ])
  })

  it('dates a known event named by its day', () => {
    assert.deepEqual(values('Two more Jan. 6 rioters were sentenced. Their lawyer spoke of Jan. 6.'), [
      ['Jan. 6', '2021-01-06'],
      ['Jan. 6', '2021-01-06']
    ])
    // no event cue: the nearest Jan. 6
    assert.deepEqual(values('The fair opens Jan. 6.', '2024-12-20'), [['Jan. 6', '2025-01-06']])
  })

  it('resolves a deictic word in a quotation against the day of the events told', () => {
    assert.deepEqual(values('The Hawks beat Boston on Monday. "We earned it tonight," the coach said.'), [
      ['Monday', '2024-05-06'],
      ['tonight', '2024-05-06TNI']
    ])
  })

  it('keeps "today" in a quotation on the reference date', () => {
    assert.deepEqual(values('The Hawks won on Monday. "Kids today want more," he said.'), [
      ['Monday', '2024-05-06'],
      ['today', '2024-05-08']
    ])
  })

  it('takes "It\'s Tuesday" as the day of speaking', () => {
    assert.deepEqual(values("It's Tuesday, so here is the recap. Tonight, the champion defends the belt."), [
      ['Tuesday', '2024-05-07'],
      ['Tonight', '2024-05-07TNI']
    ])
  })

  it('resolves the words of a quoted post against its own date', () => {
    assert.deepEqual(values('Crews worked through last night to clear the roads. — City of Elm (@ElmCity) May 2, 2024'), [
      ['last night', '2024-05-01TNI'],
      ['May 2, 2024', '2024-05-02']
    ])
  })

  it('puts an hour with no day on the day of the events told', () => {
    assert.deepEqual(values('The bridge closed on Monday. Police got a call about 6:15 p.m.'), [
      ['Monday', '2024-05-06'],
      ['about 6:15 p.m.', '2024-05-06T18:15']
    ])
  })

  it('counts "the following Tuesday" from the last day told', () => {
    assert.deepEqual(values('She was charged on June 7, 2019, and jailed the following Tuesday.'), [
      ['June 7, 2019', '2019-06-07'],
      ['the following Tuesday', '2019-06-11']
    ])
    assert.deepEqual(values('The index closed up 2% on Monday from the previous Friday.'), [
      ['Monday', '2024-05-06'],
      ['the previous Friday', '2024-05-03']
    ])
  })

  it('counts "two days later" and "a week earlier" from the last day told', () => {
    assert.deepEqual(values('The ferry sank on April 12. Two days later, divers found the hull.'), [
      ['April 12', '2024-04-12'],
      ['Two days later', '2024-04-14']
    ])
    assert.deepEqual(values('The pact was signed on Feb. 2, 2019. A week earlier the talks had stalled.'), [
      ['Feb. 2, 2019', '2019-02-02'],
      ['A week earlier', '2019-W04']
    ])
    // counted on from a day that was itself counted
    assert.deepEqual(values('The bakery burned down yesterday. Three days earlier, an inspector had visited.'), [
      ['yesterday', '2024-05-07'],
      ['Three days earlier', '2024-05-04']
    ])
  })

  it('counts "the next day" and "the same day" from the last day told', () => {
    assert.deepEqual(values('The vote was held on April 30. The next day, the minister quit.'), [
      ['April 30', '2024-04-30'],
      ['The next day', '2024-05-01']
    ])
    assert.deepEqual(values('The storm hit on March 9. The river flooded the same day.'), [
      ['March 9', '2024-03-09'],
      ['the same day', '2024-03-09']
    ])
  })

  it('counts on from neither a known event named by its day nor the date of a photo caption', () => {
    assert.deepEqual(values('The filing came on Monday. Lawyers for the Jan. 6 rioters spoke. A day earlier, they had met.', '2023-03-29'), [
      ['Monday', '2023-03-27'],
      ['Jan. 6', '2021-01-06'],
      ['A day earlier', '2023-03-26']
    ])
    const [, , earlier] = tagTimex('The trial opened on Monday. A guard at the gate, June 3, 2020. (Kim Lee/AP) A day earlier the jury was chosen.', {referenceDate: REF})
    assert.equal(earlier?.value, '2024-05-05')
  })

  it('leaves "three days later" unresolved when no day is told before it', () => {
    const [tag] = tagTimex('Three days later, the trucks came back.', {referenceDate: REF})
    assert.equal(tag?.text, 'Three days later')
    assert.equal(tag?.value, 'XXXX-XX-XX')
    assert.equal(tag?.unresolved, true)
  })

  it('reads a weekday alone as a heading as the nearest one', () => {
    assert.deepEqual(values('Friday'), [['Friday', '2024-05-10']])
    assert.deepEqual(values('Monday'), [['Monday', '2024-05-06']])
  })
})
