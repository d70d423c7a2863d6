/**
 * Whether a sentence of a paragraph is a statement at all: scraped news
 * keeps page furniture (captions, photo credits, share buttons, “Read
 * more” links, newsletter blurbs), titles and list items without a full
 * stop, questions, and pieces of sentences the splitter cut (`.500`). The
 * check-worthiness model was trained on sentences of debate transcripts and
 * has never seen any of these; it scores many of them as claims.
 */

/** Why a sentence is not a statement to check. */
export type NonStatement =
  | 'furniture'
  | 'credit'
  | 'caption'
  | 'question'
  | 'unfinished'
  | 'fragment'
  | 'hours'
  | 'pleasantry'
  | 'testimony'

// Page furniture that scrapers and CMSs leave in the text.
const furniture =
  /\b(photo(?:graph)?s?\s*(?:by|:|credit)|getty images|ap photo|reuters\/|afp via|courtesy of|image credit|file photo|sign up|subscribe|newsletter|click here|read more|share this|advertisement|all rights reserved|choose your plan|pic\.twitter\.com)\b|\(@\w+\)|^\s*[—–-]\s/i
// A station's promotion of its own coverage: “Six months ago, we told you
// about …”, “We have more information on …”, “Watch the video above.”
const promo = /\b(?:we told you|we have more (?:information|details|coverage)|(?:in|watch) the video (?:above|below)|(?:video|player) (?:above|below))\b/i
// A recipe's nutrition line: “410 calories (30% from fat), 12 grams fat, …”.
const nutrition = /^\s*(?:(?:nutrition(?: facts| information)?|per serving)\s*:?\s*)?\d[\d,.]*\s*(?:calories|kcal)\b/i
// A label that opens a link or a box: “RELATED: …”, “WATCH: …”.
const boxLabel = /^\s*(?:related|read more|more|watch|listen|photos?|video|see also|also read|update|editor's note|editor’s note)\s*:/i
// An update note with its date: “Update, March 24, 2023: This story …”.
const updateNote = /^\s*(?:update[ds]?|correction|editor['’]s note)\s*(?:[,(][^:.]{0,30})?:/i
// A photo credit: `(Jane Doe/AP)`, `| Jane Doe/Agency`, at the end.
const credit = /(?:\(|\|\s*)[^()|]*\p{L}\/\p{Lu}[^()|]*\)?\s*$/u
// A byline's thanks: “… contributed to this report.”
const contributed = /\bcontributed(?: to this (?:report|story|article))?\.\s*$/i
// A caption's dateline, in wire style: “…, Friday, March 24, 2023.” (prose
// says “on Friday” or “March 24”, not both with the year).
const captionDate =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\b/i
// The first words of a press release's quote of a company's feelings:
// “We are delighted to …”, “I'm thrilled that …”, “We look forward to …”.
// Press releases end every announcement with one; news quotes them as is.
const pleasantry =
  /^\W*(?:we|i)(?:\s+(?:are|am)|['’](?:re|m))\s+(?:(?:very|so|really|truly|extremely|incredibly)\s+)?(?:delighted|pleased|thrilled|excited|proud|honou?red|happy|glad)\s+(?:to|that|with|about|by)\b|^\W*we\s+(?:are\s+)?look(?:ing)?\s+forward\s+to\b/i
// A person in the street telling of their own life: news names such a
// person with their age (“restaurant owner Jane Doe, 29, said she spends
// …”), a public figure by their office. What they say of themselves is the
// story's colour, not a claim to check.
const testimony =
  /\p{Lu}[\p{L}'’-]+,\s+\d{1,2},\s+(?:(?:\p{Ll}+\s+){0,2}?)(?:said|says|explained|added)\s+(?:that\s+)?(?:she|he|they|her|his|their)\b/u
// Opening hours: “Tuesday-Thursday 10 a.m.-8 p.m.”.
const hours = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*[-–]\s*(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\d{1,2}(?::\d\d)?\s*[ap]\.?m\b/i
// A statement ends with a full stop (or `!`, `…`), quotes and brackets after it.
const finished = /[.!…]["'”’)\]]*\s*$/
const question = /\?["'”’)\]]*\s*$/
// Starts as the rest of a sentence: punctuation, or a lower-case word that
// is not a name such as `iPhone` or `eBay`.
const continuation = /^\s*(?:[,;:.)\]]|\p{Ll}(?!\p{L}*\p{Lu}))/u

/**
 * Why a sentence is not a statement to check, if it is not.
 *
 * @param text
 *   The sentence.
 * @param before
 *   The text of its block before it (for a sentence cut at a decimal point:
 *   `.500`).
 * @param after
 *   The text of its block after it.
 * @returns
 *   Why not, or `undefined` when it reads as a statement.
 */
export function nonStatement(text: string, before = '', after = ''): NonStatement | undefined {
  if (furniture.test(text) || boxLabel.test(text) || updateNote.test(text) || promo.test(text) || nutrition.test(text) || isShouted(text)) {
    return 'furniture'
  }
  if (credit.test(text) || contributed.test(text)) return 'credit'
  if (captionDate.test(text)) return 'caption'
  if (hours.test(text)) return 'hours'
  if (question.test(text)) return 'question'
  const words = quoted(text)
  if (pleasantry.test(words) && !/\d/.test(words)) return 'pleasantry'
  if (testimony.test(text)) return 'testimony'
  if (!finished.test(text)) return 'unfinished'
  if (continuation.test(text)) return 'fragment'
  // A number cut at its decimal point: `… reached .` + `500 for the first time`.
  if (/^\d/.test(text) && before.endsWith('.')) return 'fragment'
  if (/\s\.$/.test(text) && /^\d/.test(after)) return 'fragment'
  return undefined
}

/**
 * Whether a paragraph is a photo caption: it ends with the photo's credit
 * (`… (Jane Doe/AP)`) or opens with a caption's wire-style dateline. A
 * caption often adds a sentence of the story's background after the
 * description of the picture (“Officials inspect the site, Friday, March
 * 24, 2023. The company said …”): in the caption, it is a repeat of the
 * story, not one of its statements.
 *
 * @param block
 *   The paragraph's text.
 * @param first
 *   Its first sentence.
 * @returns
 *   Whether it is.
 */
export function isCaption(block: string, first: string): boolean {
  return credit.test(block) || captionDate.test(first)
}

/**
 * What a sentence that quotes says: the words from its first opening
 * quotation mark (`“`, `"`, `‘`), or the sentence itself when it quotes
 * none.
 *
 * @param text
 *   Sentence.
 * @returns
 *   Its quoted words, or itself.
 */
function quoted(text: string): string {
  const open = text.search(/[“"]/)
  return open < 0 ? text : text.slice(open + 1)
}

/**
 * Whether a text is page furniture (a credit, a caption, a link, a
 * button): what the claims to check leave out even when the text is
 * otherwise a statement.
 *
 * @param text
 *   Text.
 * @returns
 *   Whether it is.
 */
export function isFurniture(text: string): boolean {
  const why = nonStatement(text)
  return why === 'furniture' || why === 'credit' || why === 'caption' || why === 'hours'
}

/**
 * Whether a text is mostly capital letters (“VIEW GALLERY - 2 IMAGES”): a
 * button or a banner, not prose.
 *
 * @param text
 *   Text.
 * @returns
 *   Whether it is.
 */
function isShouted(text: string): boolean {
  let letters = 0
  let upper = 0
  for (const character of text) {
    if (/\p{L}/u.test(character)) {
      letters++
      if (/\p{Lu}/u.test(character)) upper++
    }
  }

  return letters >= 8 && upper > 0.6 * letters
}
