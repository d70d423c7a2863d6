/**
 * What kind of article a document is, and in what language: rules that are
 * right on straight news are noise on a game story or a recipe, and rules
 * for English are noise on Polish.
 *
 * The front matter says it first (`genre:`; `language:` or `lang:`); else a
 * section (`category:` or `section:`) that names a genre; else the text is
 * read: the language with `franc-min`, the genre by the marks each kind of
 * article leaves (a byline “Letter:”, scores and box-score words, a wire
 * service's release line or a company's “today announced”, questions put
 * to someone, a list of ingredients).
 */
import {francAll} from 'franc-min'
import type {FrontMatter} from './front-matter.ts'
import {firstHeading, headlineOf} from './headline.ts'

/** Genres. */
export const genres = ['news', 'game-story', 'press-release', 'interview', 'opinion', 'review', 'recipe', 'listicle', 'analysis', 'other'] as const

/** A genre. */
export type Genre = (typeof genres)[number]

/** What the article is. */
export interface ArticleKind {
  /** Genre. */
  genre: Genre
  /** Whether the front matter said so (else it was read from the text). */
  genreFrom: 'front-matter' | 'text'
  /** ISO 639-1 code when known (`en`), else ISO 639-3 (`pol`), or `und`. */
  language: string
  /** Whether the front matter said so. */
  languageFrom: 'front-matter' | 'text'
}

// Sections (front matter `category:`/`section:`) that are a genre.
const sectionGenres: ReadonlyArray<[RegExp, Genre]> = [
  [/^(opinion|opinions|editorials?|letters?|columns?|commentary|op-?ed)$/i, 'opinion'],
  [/^(reviews?)$/i, 'review'],
  [/^(recipes?)$/i, 'recipe'],
  [/^(press[- ]releases?|news ?releases?)$/i, 'press-release'],
  [/^(interviews?|q ?& ?a)$/i, 'interview']
]

// ISO 639-3 codes franc gives, for the languages a front matter usually names.
const twoLetter: Readonly<Record<string, string>> = {eng: 'en', pol: 'pl', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru', ukr: 'uk'}

// A headline or first line that names the kind.
const opinionTitle = /^(letter|opinion|op-ed|editorial|column|commentary|viewpoint|guest column)\s*[:|–—-]/i
const reviewTitle = /^(review|album review|film review|book review|tv review)\s*[:|–—-]|\breview(\s+[\d./-]+)?\s*$/i
// A list or a guide: “Top 10 …”, “7 best …”, “What to watch …”, “How to …”.
const listTitle = /^(top \d+|\d+ (best|cheapest|things|ways|reasons|tips|places|books|films|movies|shows|games)\b|the \d+ best|what to (watch|read|stream|eat|know)|how to|where to|best .* to (buy|watch|eat))/i
const opinionUrl = /\/(opinion|opinions|letters|editorials?|commentary|columns?)\//i
const reviewUrl = /\/reviews?\//i
const recipeUrl = /\/recipes?\b/i
// A wire service's release line, or a release's closing sections.
const releaseMark = /\((?:BUSINESS WIRE|GLOBE NEWSWIRE|PRNewswire|ACCESSWIRE|EINPresswire)\)|\bPRNewswire\b|^#*\s*About [A-Z][\w&.,' -]{1,60}$|^\s*(?:Media|Press) (?:contacts?|inquiries)\b/im
// A release republished without its wire's line: the issuer “today
// announced” in the opening, with its ticker, a trademark sign or its own
// praise (“a leading provider of …”, “a global leader in …”).
const releaseLede = /\b(?:today announced|announced today)\b/i
const issuerMark = /\((?:NASDAQ|Nasdaq|NYSE|NYSE American|OTCQX|OTCQB|TSX|TSXV|LSE|AMEX|ASX)\s*:\s*[A-Z][A-Z.]*\)|[®™]|\b(?:a|the) (?:leading|global|world) (?:provider|leader|supplier|developer|manufacturer|pioneer)\b/
// Where a release says so.
const releaseOpening = 3000
// A question put to the interviewee: a paragraph of one question, to “you”
// (or marked “Q:”).
const interviewQuestion = /^(?:\*\*)?(?:Q[:.]\s*.+|[^\n?]*\byour?\b[^\n?]*\?)(?:\*\*)?\s*$/i
// Questions, each answered, that make an interview.
const interviewQuestions = 3
const ingredients = /^#*\s*\**(ingredients|method|directions|instructions)\**\s*$/gim
// Scores (116-111, 3-2) and the words of a game's report.
const score = /(?<![\d./-])\d{1,3}[-–]\d{1,3}(?![\d./-])/g
const gameWords =
  /\b(points|rebounds|assists|innings?|home runs?|touchdowns?|goals?|scored|quarterback|pitch(?:ed|er)|period|quarter|overtime|halftime|power play|shutout|tiebreaker|seeded|season series|win over|victory over|defeated|beat)\b/gi

/**
 * What kind of article a document is.
 *
 * @param data
 *   Front matter data, if any.
 * @param text
 *   The article's prose (front matter left out).
 * @returns
 *   Genre and language, with where each came from.
 */
export function articleKind(data: unknown, text: string): ArticleKind {
  const fields = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}
  const field = (...names: string[]) => {
    for (const name of names) {
      const value = fields[name]
      if (typeof value === 'string' && value.trim() !== '') return value.trim()
    }

    return undefined
  }

  const declaredLanguage = field('language', 'lang')
  const language = declaredLanguage ? languageCode(declaredLanguage) : detectLanguage(text)
  const declaredGenre = field('genre')?.toLowerCase()
  if (declaredGenre && (genres as ReadonlyArray<string>).includes(declaredGenre)) {
    return {genre: declaredGenre as Genre, genreFrom: 'front-matter', language, languageFrom: declaredLanguage ? 'front-matter' : 'text'}
  }

  const section = field('category', 'section')
  const fromSection = section ? sectionGenres.find(([pattern]) => pattern.test(section))?.[1] : undefined
  return {
    genre: fromSection ?? detectGenre(text, headlineOf(data, text), field('url', 'source', 'canonical'), section),
    genreFrom: fromSection ? 'front-matter' : 'text',
    language,
    languageFrom: declaredLanguage ? 'front-matter' : 'text'
  }
}

// Language names a front matter may give instead of a code.
const languageNames: Readonly<Record<string, string>> = {english: 'en', polish: 'pl', german: 'de', french: 'fr', spanish: 'es', italian: 'it', portuguese: 'pt', dutch: 'nl', russian: 'ru', ukrainian: 'uk'}

/**
 * A front matter's language as a code: `en-GB`, `EN`, `eng` and `English`
 * are all `en`.
 *
 * @param value
 *   Declared language.
 * @returns
 *   ISO 639-1 code where known, else the value's first part, lower case.
 */
export function languageCode(value: string): string {
  const first = value.trim().toLowerCase().split(/[-_\s]/)[0]!
  return languageNames[first] ?? twoLetter[first] ?? first
}

/**
 * What kind of article a Markdown source is, from its front matter and the
 * prose after it.
 *
 * @param frontMatter
 *   Its front matter, if any.
 * @param source
 *   Markdown source.
 * @returns
 *   Genre and language.
 */
export function kindOf(frontMatter: FrontMatter | undefined, source: string): ArticleKind {
  return articleKind(frontMatter?.data, source.slice(frontMatter?.node.position?.end.offset ?? 0))
}

// Genres in which news practice attributes what the writer did not see:
// not a game's report (the reporter saw it), a review or an opinion piece
// (the writer's own judgement), an interview (the interviewee speaks
// throughout), a press release (the issuer speaks throughout), a recipe or
// a list.
const attributing: ReadonlySet<Genre> = new Set(['news', 'analysis', 'other'])

/**
 * Whether news practice expects the claims of an article of a genre to be
 * attributed (`unattributed-claim` and `unsourced-number` run only then).
 *
 * @param genre
 *   Genre.
 * @returns
 *   Whether it does.
 */
export function expectsAttribution(genre: Genre): boolean {
  return attributing.has(genre)
}

// Genres whose claims are no one's to check: the reporter saw the game, a
// review judges, the recipe is a recipe, a list lists.
const noClaims: ReadonlySet<Genre> = new Set(['game-story', 'review', 'recipe', 'listicle'])

/**
 * Whether an article of a genre has claims to check (`claim-to-check`).
 *
 * @param genre
 *   Genre.
 * @returns
 *   Whether it has.
 */
export function hasClaimsToCheck(genre: Genre): boolean {
  return !noClaims.has(genre)
}

/**
 * Whether Newsmark analyses articles in a language: English, or a text too
 * short to tell.
 *
 * @param language
 *   Language code (`en`, `pol`, `und`).
 * @returns
 *   Whether it does.
 */
export function isAnalysedLanguage(language: string): boolean {
  return language === 'en' || language === 'und'
}

/**
 * The language of a text: `en` for English, else the code `franc-min`
 * gives; `und` when the text is too short to tell (then it is taken as
 * English, the language the models know). Another language must score
 * clearly above English (a wrong `not English` hides every finding).
 *
 * @param text
 *   Prose.
 * @returns
 *   Language code.
 */
export function detectLanguage(text: string): string {
  // A sample from the start is enough.
  const sample = text.slice(0, 4000)
  if (sample.replace(/\s+/g, ' ').trim().length < minLength) return 'und'
  const scores = francAll(sample, {minLength})
  const [best] = scores
  if (!best || best[0] === 'und') return 'und'
  // Trigrams of short English texts look like Dutch or French often enough:
  // English close to the best is English (another language must win clearly).
  const english = scores.find(([code]) => code === 'eng')?.[1] ?? 0
  if (english >= 0.85) return 'en'
  return twoLetter[best[0]] ?? best[0]
}

// Characters below which a text is too short to tell its language.
const minLength = 100

/**
 * The genre an article's text shows.
 *
 * @param text
 *   Prose.
 * @param title
 *   Title from the front matter, if any.
 * @param url
 *   Source address from the front matter, if any.
 * @param section
 *   Section from the front matter, if any (`Sports`).
 * @returns
 *   Genre (`news` when nothing marks another).
 */
export function detectGenre(text: string, title?: string, url?: string, section?: string): Genre {
  const headline = title ?? firstHeading(text) ?? ''
  if (opinionTitle.test(headline) || (url && opinionUrl.test(url))) return 'opinion'
  if (reviewTitle.test(headline) || (url && reviewUrl.test(url))) return 'review'
  if (listTitle.test(headline)) return 'listicle'
  if ((url && recipeUrl.test(url)) || (text.match(ingredients)?.length ?? 0) >= 2) return 'recipe'
  if (releaseMark.test(text)) return 'press-release'
  const opening = text.slice(0, releaseOpening)
  if (releaseLede.test(opening) && issuerMark.test(opening)) return 'press-release'
  if (isInterview(text)) return 'interview'
  // A game story: scores and the words of play, densely (a sports section
  // makes a lighter mark enough). Counted only as far as needed: the words
  // of a long text are many.
  if (text.search(score) === -1) return 'news'
  const game = text.match(gameWords)?.length ?? 0
  if (game < 4) return 'news'
  const words = text.split(/\s+/).length
  const sports = section !== undefined && /^sports?$/i.test(section)
  return game * 1000 >= words * (sports ? 4 : 8) ? 'game-story' : 'news'
}

/**
 * Whether a text is an interview: at least three paragraphs that are a
 * question to “you” (or start “Q:”), each followed by an answer that is
 * not one.
 *
 * @param text
 *   Prose.
 * @returns
 *   Whether it is.
 */
function isInterview(text: string): boolean {
  if (!text.includes('?')) return false
  const paragraphs = text.split(/\n\s*\n/).map((paragraph) => paragraph.trim())
  let questions = 0
  for (const [index, paragraph] of paragraphs.entries()) {
    if (paragraph.length > 400 || !interviewQuestion.test(paragraph)) continue
    const answer = paragraphs[index + 1]
    if (answer && !answer.startsWith('#') && !interviewQuestion.test(answer) && ++questions >= interviewQuestions) return true
  }

  return false
}
