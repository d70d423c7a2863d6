/**
 * The article's genre and language (`src/core/genre.ts`) on texts of our
 * own, and what the rules do with them.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {analyzeSync} from '../../src/core/analyze.ts'
import {articleKind, detectGenre, detectLanguage, expectsAttribution} from '../../src/core/genre.ts'

const english =
  'Deputy Defense Minister Cezary Tomczyk confirmed on Monday that Poland will leave the treaty on February 20. The ministry said the plant would increase its output.'
const polish =
  'Polska i Kanada podpisały w poniedziałek umowę o współpracy wojskowej, powiedział minister obrony narodowej. Premier dodał, że porozumienie wejdzie w życie w przyszłym miesiącu.'
const german =
  'Die Bundesregierung hat am Montag beschlossen, die Ausgaben für Verteidigung im nächsten Jahr deutlich zu erhöhen, sagte ein Sprecher des Ministeriums in Berlin.'

test('genre: the language of a text, English when close or too short to tell', () => {
  assert.equal(detectLanguage(english), 'en')
  assert.equal(detectLanguage(polish), 'pl')
  assert.equal(detectLanguage(german), 'de')
  // Short English is often scored as Dutch or French: too short to tell.
  assert.equal(detectLanguage('Jan Kowalski met reporters. "We will build 500 new mines," he said.'), 'und')
})

test('genre: the front matter wins, then its section, then the text', () => {
  assert.deepEqual(articleKind({genre: 'recipe', language: 'en-GB'}, english), {genre: 'recipe', genreFrom: 'front-matter', language: 'en', languageFrom: 'front-matter'})
  assert.equal(articleKind({category: 'Opinion'}, english).genre, 'opinion')
  assert.equal(articleKind({category: 'Politics'}, english).genre, 'news')
  assert.equal(articleKind({genre: 'no-such-genre'}, english).genre, 'news')
  assert.equal(articleKind({lang: 'pl'}, english).language, 'pl')
})

test('genre: the marks of each kind of article', () => {
  assert.equal(detectGenre('Some words.', 'Letter: Keep the library open'), 'opinion')
  assert.equal(detectGenre('Some words.', 'A title', 'https://example.com/opinion/2023/x'), 'opinion')
  assert.equal(detectGenre('Some words.', 'Review: A quiet album'), 'review')
  assert.equal(detectGenre('ACME Corp (BUSINESS WIRE) -- ACME today launched a widget.\n\n## About ACME\n\nACME makes widgets.'), 'press-release')
  assert.equal(detectGenre('## Ingredients\n\n- 2 eggs\n\n## Method\n\nBeat the eggs.'), 'recipe')
  // A release republished without its wire's line: “today announced” with a
  // ticker, a trademark sign or the issuer's own praise; not either alone.
  assert.equal(detectGenre('Acme Corp. (NASDAQ: ACME), a global leader in widgets, today announced a new widget.'), 'press-release')
  assert.equal(detectGenre('Widgetry AB, a leading provider of gears, today announced two services based on its GearFit® method.'), 'press-release')
  assert.equal(detectGenre('The mayor today announced a new budget for the city.'), 'news')
  assert.equal(detectGenre('Acme, a leading provider of widgets, said on Tuesday that sales fell.'), 'news')
  // An interview: three questions to “you”, each answered.
  const interview = [
    'Ann Lee hosts a podcast about rivers.',
    'What got you started?',
    'I grew up by a river that flooded every spring.',
    'How do you pick your guests?',
    'We look for people who work on the water.',
    'What is your next episode about?',
    'Dams, and who pays for them.'
  ].join('\n\n')
  assert.equal(detectGenre(interview), 'interview')
  // Questions in a story, not put to anyone, or not answered: news.
  assert.equal(detectGenre(interview.replaceAll(/\byour\b/g, 'their').replaceAll(/\byou\b/g, 'they')), 'news')
  assert.equal(detectGenre('What got you started?\n\nHow do you pick your guests?\n\nWhat is your next episode about?'), 'news')
  assert.equal(articleKind({category: 'Interview'}, english).genre, 'interview')
  assert.equal(expectsAttribution('interview'), false)
  const game =
    'The Hawks beat the Owls 98-91 on Friday. Smith scored 30 points with 12 rebounds and 5 assists, and Jones added 18 points in the fourth quarter. The win over the Owls gave the Hawks the tiebreaker in the season series.'
  assert.equal(detectGenre(game), 'game-story')
  assert.equal(detectGenre(english), 'news')
  assert.equal(expectsAttribution('news'), true)
  assert.equal(expectsAttribution('game-story'), false)
})

test('genre: claims need no attribution in a game story; another language gets one message and no tags', () => {
  const rules = (file: ReturnType<typeof analyzeSync>) => file.messages.map((message) => message.ruleId)
  const claim = 'Output at the plant rose by 25 times last year.\n'
  assert.ok(rules(analyzeSync(`---\ngenre: news\n---\n\n${claim}`)).includes('unsourced-number'))
  assert.deepEqual(rules(analyzeSync(`---\ngenre: game-story\n---\n\n${claim}`)).filter((id) => id === 'unsourced-number' || id === 'unattributed-claim'), [])
  const foreign = analyzeSync(`${polish}\n`)
  assert.deepEqual(rules(foreign), ['language-unsupported'])
  assert.deepEqual(foreign.data.newsmark, {entities: [], dates: [], claims: []})
})

test('genre: a declared language is a code, whatever its spelling; “review” in a news headline is news', async () => {
  const {languageCode} = await import('../../src/core/genre.ts')
  for (const value of ['en', 'EN', 'en-GB', 'eng', 'English', ' english ']) assert.equal(languageCode(value), 'en', value)
  assert.equal(languageCode('Polish'), 'pl')
  assert.equal(languageCode('pol'), 'pl')
  assert.equal(articleKind({language: 'English'}, english).language, 'en')
  assert.equal(detectGenre('Some words.', 'Supreme Court to review abortion pill rules'), 'news')
  assert.equal(detectGenre('Some words.', 'Impact Wrestling review 03.23.23'), 'review')
})
