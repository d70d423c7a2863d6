/**
 * Says, once, that an article is not in English, and is then the only
 * finding besides the front matter's: the taggers and rules know English, and on another language
 * every finding they made would be noise.
 *
 * The language comes from the front matter (`language:` or `lang:`, as
 * `pl`, `de-AT` or `English`) or, without one, from the text
 * (`franc-min`). A text too short to tell is analysed as English.
 *
 * ## Why
 *
 * A Polish article analysed as English is a page of wrong highlights and
 * warnings that look authoritative. Saying that nothing was analysed is
 * the honest result.
 *
 * ## Default severity
 *
 * `info`.
 *
 * ## Fix
 *
 * None needed. If the article is English and was taken for another
 * language, say so in the front matter: `language: en`.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   ---
 *   language: en
 *   ---
 *
 *   Poland will leave the treaty on February 20.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   ---
 *   language: pl
 *   ---
 *
 *   Polska wycofa się z traktatu 20 lutego, powiedział minister.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   5:1-5:61: Unexpected article in `pl` (front matter), expected English: Newsmark analyses English articles only, so nothing else is reported
 */
import {isAnalysedLanguage} from '../genre.ts'
import type {Rule} from './rule.ts'

const rule: Rule = {
  id: 'language-unsupported',
  severity: 'info',
  check(context, report) {
    const {language, languageFrom} = context.kind
    if (isAnalysedLanguage(language)) return
    // The first line of prose: where the reader starts.
    const from = context.frontMatter?.node.position?.end.offset ?? 0
    const start = context.source.slice(from).search(/\S/)
    if (start === -1) return
    const rest = context.source.slice(from + start)
    const lineEnd = rest.search(/\r?\n/)
    report({
      start: from + start,
      end: from + start + (lineEnd === -1 ? rest.length : lineEnd),
      reason: `Unexpected article in \`${language}\` (${languageFrom === 'front-matter' ? 'front matter' : 'detected'}), expected English: Newsmark analyses English articles only, so nothing else is reported`
    })
  }
}

export default rule
