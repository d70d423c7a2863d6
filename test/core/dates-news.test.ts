/**
 * Dates on what real news writes: a game's halves and quarters.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {analyzeSync} from '../../src/core/analyze.ts'

test('dates: in a game story, the halves and quarters are the game’s, not the year’s', () => {
  const game = '---\ndate: 2023-03-24\ngenre: game-story\n---\n\nThe Bruins led 40-31 at halftime but scored 20 points in the second half. The Zags pulled away in the fourth quarter.\n'
  const dates = analyzeSync(game).data.newsmark!.dates.map((date) => date.text)
  assert.deepEqual(dates.filter((text) => /half|quarter/.test(text)), [])
  // In other news they stay parts of a year.
  const results = '---\ndate: 2023-03-24\n---\n\nSales rose in the second half, the company said.\n'
  assert.deepEqual(analyzeSync(results).data.newsmark!.dates.map((date) => [date.text, date.value]), [['the second half', '2022-H2']])
})

test('dates: “two years later” counts from the year the story told last, and stays open with none', () => {
  const told = '---\ndate: 2023-03-24\n---\n\nThe team lost the final in 2019. Two years later, it lost again.\n'
  assert.deepEqual(analyzeSync(told).data.newsmark!.dates.map((date) => [date.text, date.value]), [['2019', '2019'], ['Two years later', '2021']])
  const open = '---\ndate: 2023-03-24\n---\n\nThe team lost the final. Two years later, it lost again.\n'
  const [later] = analyzeSync(open).data.newsmark!.dates
  assert.equal(later?.value, 'XXXX')
  assert.equal(later?.unresolved, true)
})

test('dates: a date word inside the name of a work or an organisation is a word of the name', () => {
  const text = '---\ndate: 2023-03-24\n---\n\nShe was “Christmas Vacation’s” daughter and starred in “Friday Night Lights” in 1989.\n'
  assert.deepEqual(analyzeSync(text).data.newsmark!.dates.map((date) => [date.text, date.value]), [['1989', '1989']])
})

test('dates: a number in a name is no year (“VHS 1256 b”, “Cyberpunk 2077”), a year after a place or opening a sentence is', () => {
  const text =
    '---\ndate: 2023-03-24\n---\n\nThe planet VHS 1256 b orbits two stars. He starred in Cyberpunk 2077 for fans. The 2017 report said so. His 2019 visit was brief. The Georgia 2020 election was close.\n'
  assert.deepEqual(analyzeSync(text).data.newsmark!.dates.map((date) => date.value), ['2017', '2019', '2020'])
})

test('dates: the past decade is ten years up to now, not the 2010s; the daytime is no date', () => {
  const tagged = analyzeSync('---\ndate: 2023-03-22\n---\n\nThe town has enjoyed a film boom over the past decade. The studio will run on solar power during the day. The dish dates from the middle of the last century.\n').data.newsmark!.dates
  assert.deepEqual(
    tagged.map((date) => [date.text, date.type, date.value]),
    [
      ['over the past decade', 'DURATION', 'P10Y'],
      ['the middle of the last century', 'DATE', '19']
    ]
  )
})

test('dates: “this weekend” in a sentence about the past, written on a weekday, is the weekend just gone', () => {
  const value = (date: string, text: string) => analyzeSync(`---\ndate: ${date}\n---\n\n${text}\n`).data.newsmark!.dates.map((each) => each.value)
  assert.deepEqual(value('2023-03-21', 'The film earned $10 million this weekend.'), ['2023-W11-WE'])
  assert.deepEqual(value('2023-03-21', 'The sequel opens this weekend.'), ['2023-W12-WE'])
  assert.deepEqual(value('2023-03-25', 'The film earned $10 million this weekend.'), ['2023-W12-WE'])
})

test('dates: “today” of a generic statement is the present (“Today, many …”, “of today,”, “today’s youth”); the day’s own today stays the day', () => {
  const value = (text: string) => analyzeSync(`---\ndate: 2023-03-25\n---\n\n${text}\n`).data.newsmark!.dates.map((each) => each.value)
  assert.deepEqual(value('Today, many fans know the script.'), ['PRESENT_REF'])
  assert.deepEqual(value('She collects the best painters of today, she said.'), ['PRESENT_REF'])
  assert.deepEqual(value('Much of today’s youth culture lives online.'), ['PRESENT_REF'])
  assert.deepEqual(value('Today’s game was close.'), ['2023-03-25'])
  assert.deepEqual(value('The firm today announced a merger.'), ['2023-03-25'])
})

test('dates: a timetable’s “takes place on Sunday” looks ahead, “1987’s show” is 1987 for “that year”, and “40 years later” stops at the present', () => {
  const value = (date: string, text: string) => analyzeSync(`---\ndate: ${date}\n---\n\n${text}\n`).data.newsmark!.dates.map((each) => each.value)
  assert.deepEqual(value('2023-03-25', 'The race takes place on Sunday.'), ['2023-03-26'])
  assert.deepEqual(value('2023-03-25', 'The race took place on Sunday.'), ['2023-03-19'])
  assert.deepEqual(value('2023-03-25', 'She sang in 1987’s Harbor Nights and other shows from that year.'), ['1987', '1987'])
  assert.deepEqual(value('2023-03-25', 'The 1990’s were loud.'), ['199'])
  assert.deepEqual(value('2023-03-25', 'They met in 1999. Looking back 40 years later, she smiles. Two years later, they wed.'), ['1999', 'PRESENT_REF', '2001'])
})

test('dates: “that January” after a year told is that year’s; “years later” in a sentence about the past is the past', () => {
  const value = (text: string) => analyzeSync(`---\ndate: 2023-03-25\n---\n\n${text}\n`).data.newsmark!.dates.map((each) => each.value)
  assert.deepEqual(value('The film opened in 2019. That January, it flopped at the box office.'), ['2019', '2019-01'])
  assert.deepEqual(value('That January was cold.'), ['2023-01'])
  assert.deepEqual(value('Years later, he returned to Ohio.'), ['PAST_REF'])
  assert.deepEqual(value('Decades later, the effects will still be felt.'), ['FUTURE_REF'])
})

test('dates: a past narrative’s “one day” is the past; “on a Friday night” and “now and then” are no dates', () => {
  const value = (text: string) => analyzeSync(`---\ndate: 2023-03-25\n---\n\n${text}\n`).data.newsmark!.dates.map((each) => each.value)
  assert.deepEqual(value('“One day, I was led through an old museum,” she said.'), ['PAST_REF'])
  assert.deepEqual(value('One day, we will win the cup.'), ['FUTURE_REF'])
  assert.deepEqual(value('A cold soda on a Friday night is fine, and so is a sweet now and then.'), [])
  assert.deepEqual(value('We met on Friday night.'), ['2023-03-24TNI'])
})

test('dates: “today” is nowadays after a story of earlier years (“Today, she …”) and beside a state of the times; a day in a day’s schedule or a quotation', () => {
  const value = (text: string) => analyzeSync(`---\ndate: 2023-03-25\n---\n\n${text}\n`).data.newsmark!.dates.map((each) => each.value)
  assert.deepEqual(value('The singer left the band in 1994.\n\nToday, she paints landscapes in Maine.'), ['1994', 'PRESENT_REF'])
  assert.deepEqual(value('The mill closed in 1980. And today, tourists walk its halls.'), ['1980', 'PRESENT_REF'])
  // A decade or a century long gone tells such a story too; a recent one does not.
  assert.deepEqual(value('She grew up on a farm in the 1990s.\n\nToday, she paints landscapes in Maine.'), ['199', 'PRESENT_REF'])
  assert.deepEqual(value('In the 2020s, the league drew huge crowds. Today, fans of the league are young.'), ['202', '2023-03-25'])
  assert.deepEqual(value('In the 1990s the mill made radios. On Monday, it closed. Today, workers say they are angry.'), ['199', '2023-03-20', '2023-03-25'])
  // No earlier year told: a day's news.
  assert.deepEqual(value('Today, she meets the board.'), ['2023-03-25'])
  // A name or "the" after the comma: a day's schedule.
  assert.deepEqual(value('The law passed in 2019. Today, the Senate votes on its repeal.'), ['2019', '2023-03-25'])
  // Past tense, or a quotation: the day.
  assert.deepEqual(value('The law passed in 2019. Today, she signed its repeal.'), ['2019', '2023-03-25'])
  assert.deepEqual(value('The law passed in 2019. “Today, we are here to end it,” she said.'), ['2019', '2023-03-25'])
  assert.deepEqual(value('Long queues are normal today, and the actor we know today was there.'), ['PRESENT_REF', 'PRESENT_REF'])
  assert.deepEqual(value('Stocks are falling today.'), ['2023-03-25'])
  // A recent year, a day named since, what goes on today, a firm's “we”,
  // and “what we know today”: the day.
  assert.deepEqual(value('In 2020, turnout was low. Today, voters head to the polls.'), ['2020', '2023-03-25'])
  assert.deepEqual(value('The mill was founded in 1990. On Monday, it announced layoffs. Today, workers walk out.'), ['1990', '2023-03-20', '2023-03-25'])
  assert.deepEqual(value('The mill was founded in 1990. Today, workers are protesting.'), ['1990', '2023-03-25'])
  assert.deepEqual(value('Acme was founded in 2001. Today, we launch our new app.'), ['2001', '2023-03-25'])
  assert.deepEqual(value('Here is what we know today: three people died.'), ['2023-03-25'])
})

test('dates: a relative clause before a time lends it no tense', () => {
  const value = (text: string) => analyzeSync(`---\ndate: 2023-02-10\n---\n\n${text}\n`).data.newsmark!.dates.map((each) => each.value)
  assert.deepEqual(value('Britain will withdraw from the treaty, which it signed in 1998 with eleven other countries, on July 15.'), ['1998', '2023-07-15'])
  // A list of times after a comma is still in the clause.
  assert.deepEqual(value('The court, which met on Monday, Tuesday and Thursday, will rule Friday.').slice(0, 2), ['2023-02-06', '2023-02-07'])
})

test('dates: “N years earlier” counts from the year told last, even after a day named; “to date”, “back then”, “long ago”, “the other day”; “up-to-date” is no date', () => {
  const value = (text: string) => analyzeSync(`---\ndate: 2023-03-25\n---\n\n${text}\n`).data.newsmark!.dates.map((each) => each.value)
  assert.deepEqual(value('A report out Thursday tracked cases through March 2020. There were fewer tests than four years earlier.'), ['2023-03-23', '2020-03', '2016'])
  assert.deepEqual(value('Her best album to date came out back then, not long ago. The other day she called.'), ['PRESENT_REF', 'PAST_REF', 'PAST_REF', 'PAST_REF'])
  assert.deepEqual(value('Stay up-to-date on the news.'), [])
  // The verb: no date.
  assert.deepEqual(value('The bowl is thought to date from the 12th century, and he refused to date her.'), ['11'])
})

test('dates: a name in -ed (“@StreamUncensored”, “the Reed Arena”) tells no past tense; a verb in -ed does', () => {
  const value = (text: string) => analyzeSync(`---\ndate: 2023-03-22\n---\n\n${text}\n`).data.newsmark!.dates.map((each) => each.value)
  assert.deepEqual(value('The interview airs on @StreamUncensored on Thursday.'), ['2023-03-23'])
  assert.deepEqual(value('The interview aired on Thursday.'), ['2023-03-16'])
  // A headline's capitals do not make its verb a name.
  assert.deepEqual(value('# Council Voted Thursday on the Budget'), ['2023-03-16'])
})

test('dates: a modal with its verb around a time speaks of what may come (“could one day have”, “may arrive on Monday”); not a perfect, not “could” with a verb between (also the past of “can”), not a name (“Theresa May Tuesday”)', () => {
  const values = (sentence: string) => analyzeSync(`---\ndate: 2023-03-24\n---\n\n${sentence}\n`).data.newsmark!.dates.map((date) => [date.text, date.value])
  assert.deepEqual(values('A study found that the avenue could also one day have an exit.'), [['one day', 'FUTURE_REF']])
  assert.deepEqual(values('Forecasters said snow may arrive on Monday.'), [['Monday', '2023-03-27']])
  assert.deepEqual(values('Police said the driver might have fled Tuesday.'), [['Tuesday', '2023-03-21']])
  assert.deepEqual(values('The order was lifted, and residents could return on Tuesday.'), [['Tuesday', '2023-03-21']])
  assert.deepEqual(values('Prime Minister Theresa May Tuesday announced her resignation.'), [['Tuesday', '2023-03-21']])
  assert.deepEqual(values('She could not sleep on Monday night, she said.'), [['Monday night', '2023-03-20TNI']])
})

test('dates: a date word inside a longer name of a person or a place is a word of the name, not a date', () => {
  const text = '---\ndate: 2023-03-24\n---\n\nApril Ryan flew to Christmas Island. (Sunday Okafor/AP)\n\nShe met June Carter on Monday.\n'
  assert.deepEqual(analyzeSync(text).data.newsmark!.dates.map((date) => [date.text, date.value]), [['Monday', '2023-03-20']])
})

test('dates: “the aughts” is the 2000s; “present-day” and “the present day” are the present, “the present government” no date', () => {
  const values = (sentence: string) => analyzeSync(`---\ndate: 2023-03-24\n---\n\n${sentence}\n`).data.newsmark!.dates.map((date) => [date.text, date.value])
  assert.deepEqual(values('By the aughts, his fame had faded. In the early noughties she moved.'), [['the aughts', '200'], ['the early noughties', '200']])
  assert.deepEqual(values('It is a present-day drama. The film runs from 1990 to the present day.'), [['present-day', 'PRESENT_REF'], ['1990', '1990'], ['the present day', 'PRESENT_REF']])
  assert.deepEqual(values('The present government said no.'), [])
})
