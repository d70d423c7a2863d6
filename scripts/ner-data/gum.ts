/**
 * Convert GUM (the Georgetown University Multilayer corpus,
 * `amir-zeldes/gum` on GitHub) to the span JSONL of `../shared/eval`
 * (`{"id", "text", "spans": [{"start", "end", "label"}]}`), as extra
 * training data for `scripts/train-ner.ts --extra FILE`.
 *
 * Usage:
 *
 * ```sh
 * # the corpus stays outside the repository, e.g.
 * git -C /path/to/gum archive HEAD dep | tar -x -C /tmp/gum
 * node --import tsx scripts/ner-data/gum.ts /tmp/gum/dep > /tmp/gum-ner.jsonl
 * ```
 *
 * Options: `--genres a,b,…` (default `academic,bio,court,interview,news,voyage`,
 * the genres whose texts GUM's `LICENSE.txt` puts under CC BY or CC BY-SA;
 * essays, fiction, letters, podcasts and wikiHow are NC, Reddit is Reddit's,
 * and the conversation, speech, textbook and vlog genres are not listed
 * there, so they are left out). GUM's annotations are CC BY 4.0.
 *
 * GUM marks every mention (names, common nouns, pronouns) with an entity type
 * (`person`, `organization`, `place`, `event`, `object`, `abstract`, `time`,
 * …) in the `Entity=` field of its `.conllu` files. A name in the CoNLL
 * sense is taken from a mention whose head word is a proper noun (UPOS
 * `PROPN` or PTB tag `NNP(S)`, which GUM gives “United” in “United
 * Kingdom”): the run of proper nouns and capitalised adjectives around that
 * head inside the mention, joined over `of`, `the`, `&`, `de` and hyphens,
 * less the leading titles of a person (GUM's `nmod:desc`: “Senator” in
 * “Senator Smith”).
 *
 * Types: person → PER, organization → ORG, place → LOC, a named event,
 * object or abstract → MISC. Also MISC, as in CoNLL: a one-word name that is
 * a nationality (“Danes”), a person after `a`/`an` (“a Lutheran”), and a
 * capitalised adjective in no name (“Danish”, “Lutheran”), which GUM does not
 * mark, unless first in its sentence or in a title-cased heading.
 * Longer names win over the names nested in them (“Bank of Ireland”, not
 * “Ireland”).
 *
 * A sentence with a capitalised proper noun left in no name (nor in a date,
 * species, substance or amount), as the title in “the novel Middlemarch”
 * (GUM's mention there is headed by “novel”), is left out, so as not to teach
 * the tagger that such a name is none (`--keep-incomplete` keeps it).
 *
 * The model trained on it holds weights only: no GUM text is kept in the
 * repository.
 */
import fs from 'node:fs'
import path from 'node:path'
import gazetteers from '../../src/core/entities/gazetteers.json' with {type: 'json'}

interface Word {
  id: number
  form: string
  upos: string
  xpos: string
  head: number
  deprel: string
  start: number
  end: number
}

interface Mention {
  etype: string
  first: number
  last: number
}

const args = process.argv.slice(2)
const folder = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--genres')
if (!folder) {
  console.error('usage: node --import tsx scripts/ner-data/gum.ts GUM_DEP_FOLDER [--genres a,b]')
  process.exit(2)
}

const genreIndex = args.indexOf('--genres')
const genres = new Set(
  (genreIndex >= 0 ? args[genreIndex + 1] : 'academic,bio,court,interview,news,voyage').split(',')
)
const types: Record<string, string> = {
  person: 'PER',
  organization: 'ORG',
  place: 'LOC',
  event: 'MISC',
  object: 'MISC',
  abstract: 'MISC'
}
const nationalities = new Set(
  gazetteers.nationality.flatMap((name) => [name, name + 's', name.replace(/n$/, 'ns')])
)
const captions = new Set(['Figure', 'Fig.', 'Table', 'Title', 'Listing', 'Chapter', 'Section', 'Part', 'Appendix', 'Example'])
/** Adjectives of names (“Jewish”, “Republican”, “Islamic”), not “Great”. */
const adjectival = /(?:an|ese|ish|ic|i|ch|ist)$/
const bridges = new Set(['of', 'the', '&', 'de', '-', '–'])
const counts: Record<string, number> = {}
let documents = 0
let dropped = 0
let sentences = 0
const keepIncomplete = args.includes('--keep-incomplete')
/** Mentions whose proper nouns are no names in the CoNLL sense. */
const unnamed = new Set(['time', 'quantity', 'plant', 'animal', 'substance'])
const calendar = new Set(
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' ')
)

for (const file of fs.readdirSync(folder).sort()) {
  const match = /^GUM_([a-z]+)_.+\.conllu$/.exec(file)
  if (!match || !genres.has(match[1])) continue
  const out = convert(fs.readFileSync(path.join(folder, file), 'utf8'), file.replace(/\.conllu$/, ''))
  process.stdout.write(JSON.stringify(out) + '\n')
  documents++
}

console.error(
  `${documents} documents (${[...genres].join(', ')}), ${sentences - dropped} of ${sentences} sentences kept: ${Object.entries(counts)
    .map(([label, count]) => `${count} ${label}`)
    .join(', ')}`
)

/**
 * Convert one `.conllu` document.
 *
 * @param source
 *   File contents.
 * @param id
 *   Document id.
 * @returns
 *   Span document.
 */
function convert(
  source: string,
  id: string
): {id: string; text: string; spans: Array<{start: number; end: number; label: string}>} {
  let text = ''
  const spans: Array<{start: number; end: number; label: string}> = []
  let sentence: Word[] = []
  let mentions: Mention[] = []
  let open = new Map<string, Array<{etype: string; first: number}>>()
  let newParagraph = false
  let spaceAfter = true
  let range: {last: number; start: number; end: number; form: string; offset: number} | undefined

  // Where the current sentence starts in `text` (before its separator),
  // and whether it starts a paragraph.
  let sentenceAt = 0
  let sentenceParagraph = false
  const flush = () => {
    if (sentence.length > 0) {
      const found = names(sentence, mentions)
      if (found.complete || keepIncomplete) {
        spans.push(...found.spans)
        for (const span of found.spans) counts[span.label] = (counts[span.label] ?? 0) + 1
      } else {
        // A name GUM does not mark: leave the sentence out rather than
        // teach the tagger that the name is none.
        text = text.slice(0, sentenceAt)
        newParagraph ||= sentenceParagraph
        dropped++
      }
    }

    sentenceAt = text.length
    sentenceParagraph = newParagraph
    sentence = []
    mentions = []
    open = new Map()
  }

  for (const line of source.split('\n')) {
    if (line.startsWith('# newpar')) {
      if (line.startsWith('# newpar ') || line === '# newpar') newParagraph = true
      continue
    }

    if (line.startsWith('#')) continue
    if (!line.trim()) {
      flush()
      continue
    }

    const cells = line.split('\t')
    if (cells[0].includes('.')) continue
    const misc = cells[9]
    if (cells[0].includes('-')) {
      // A multi-word token (`participants’`): its form is the text.
      const to = Number(cells[0].split('-')[1])
      const start = append(cells[1], sentence.length === 0)
      range = {last: to, start, end: start + cells[1].length, form: cells[1], offset: 0}
      spaceAfter = !/SpaceAfter=No/.test(misc)
      continue
    }

    const wordId = Number(cells[0])
    let start: number
    let end: number
    if (range && wordId <= range.last) {
      const at = range.form.indexOf(cells[1], range.offset)
      if (at >= 0) {
        start = range.start + at
        end = start + cells[1].length
        range.offset = at + cells[1].length
      } else {
        start = range.start
        end = range.end
      }

      if (wordId === range.last) range = undefined
    } else {
      start = append(cells[1], sentence.length === 0)
      end = start + cells[1].length
      spaceAfter = !/SpaceAfter=No/.test(misc)
    }

    const word: Word = {
      id: wordId,
      form: cells[1],
      upos: cells[3],
      xpos: cells[4],
      head: Number(cells[6]),
      deprel: cells[7],
      start,
      end
    }
    const index = sentence.length
    sentence.push(word)
    const entity = /(?:^|\|)Entity=([^|]+)/.exec(misc)
    if (entity) {
      for (const part of entity[1].matchAll(/\(([^()]+)\)?|(\d+)\)/g)) {
        if (part[1] !== undefined) {
          const fields = part[1].split('-')
          const key = fields[0]
          if (part[0].endsWith(')')) mentions.push({etype: fields[1], first: index, last: index})
          else {
            const stack = open.get(key) ?? []
            stack.push({etype: fields[1], first: index})
            open.set(key, stack)
          }
        } else {
          const opened = open.get(part[2])?.pop()
          if (opened) mentions.push({etype: opened.etype, first: opened.first, last: index})
        }
      }
    }
  }

  flush()
  return {id: `gum-${id}`, text, spans}

  /**
   * Append a form to the text.
   *
   * @param form
   *   Form.
   * @param sentenceStart
   *   Whether it starts a sentence.
   * @returns
   *   Its offset.
   */
  function append(form: string, sentenceStart: boolean): number {
    if (text) {
      if (sentenceStart && newParagraph) text += '\n\n'
      else if (sentenceStart || spaceAfter) text += ' '
    }

    newParagraph = false
    const start = text.length
    text += form
    return start
  }
}

/**
 * Names of a sentence, and whether every proper noun is in one.
 *
 * @param words
 *   Words.
 * @param mentions
 *   Mentions.
 * @returns
 *   Spans, and whether the sentence is complete.
 */
function names(
  words: ReadonlyArray<Word>,
  mentions: ReadonlyArray<Mention>
): {spans: Array<{start: number; end: number; label: string}>; complete: boolean} {
  sentences++
  const proper = (index: number) =>
    words[index]?.upos === 'PROPN' || /^NNPS?$/.test(words[index]?.xpos ?? '')
  // Inside a name, a capitalised adjective too (“New York”, “National
  // Museum”), unless a nationality (“Afghan Taliban”).
  const part = (index: number) =>
    proper(index) ||
    (words[index]?.upos === 'ADJ' &&
      /^\p{Lu}/u.test(words[index].form) &&
      !nationalities.has(words[index].form))
  const candidates: Array<{first: number; last: number; label: string}> = []
  for (const mention of mentions) {
    let label = types[mention.etype]
    if (!label) continue
    // Head: the word whose head is outside the mention.
    let head = -1
    for (let index = mention.first; index <= mention.last; index++) {
      const parent = words[index].head - 1
      if (parent < mention.first || parent > mention.last) {
        head = index
        break
      }
    }

    if (head < 0 || !proper(head)) continue
    let first = head
    let last = head
    for (;;) {
      if (first - 1 >= mention.first && part(first - 1)) first--
      else if (
        first - 2 >= mention.first &&
        part(first - 2) &&
        bridges.has(words[first - 1].form.toLowerCase())
      )
        first -= 2
      else break
    }

    for (;;) {
      if (last + 1 <= mention.last && part(last + 1)) last++
      else if (
        last + 2 <= mention.last &&
        part(last + 2) &&
        bridges.has(words[last + 1].form.toLowerCase())
      )
        last += 2
      else if (
        last + 3 <= mention.last &&
        part(last + 3) &&
        words[last + 1].form.toLowerCase() === 'of' &&
        words[last + 2].form.toLowerCase() === 'the'
      )
        last += 3
      else break
    }

    if (label === 'PER') {
      // Leading titles: “President”, “Prime Minister”, “Mr.”.
      let cut = first
      for (let index = first; index < head; index++) {
        if (words[index].deprel === 'nmod:desc') cut = index + 1
      }

      first = cut
    }

    if (first === last && nationalities.has(words[first].form)) label = 'MISC'
    // “a Roman Catholic”: a kind of person, not a person.
    if (
      label === 'PER' &&
      words.slice(mention.first, first).some((word) => /^an?$/i.test(word.form))
    )
      label = 'MISC'
    // Not a name: no capital (“it”) or a caption word (“Figure 3”).
    if (!/\p{Lu}/u.test(words.slice(first, last + 1).map((word) => word.form).join(''))) continue
    if (first === last && captions.has(words[first].form)) continue
    candidates.push({first, last, label})
  }

  // Longest first; a name inside a longer one is dropped.
  candidates.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first)
  const taken = new Set<number>()
  const spans: Array<{start: number; end: number; label: string}> = []
  for (const {first, last, label} of candidates) {
    let free = true
    for (let index = first; index <= last; index++) if (taken.has(index)) free = false
    if (!free) continue
    for (let index = first; index <= last; index++) taken.add(index)
    spans.push({start: words[first].start, end: words[last].end, label})
  }

  // Capitalised adjectives of names (“American”), not first in the sentence
  // nor in a title-cased heading.
  const letters = words.filter((word) => /^\p{L}/u.test(word.form))
  const titled =
    letters.filter((word) => /^\p{Lu}/u.test(word.form)).length * 2 > letters.length
  for (const [index, word] of words.entries()) {
    if (titled && !nationalities.has(word.form)) continue
    if (taken.has(index) || word.upos !== 'ADJ' || !/^\p{Lu}\p{Ll}/u.test(word.form)) continue
    if (!nationalities.has(word.form) && (index === 0 || !adjectival.test(word.form))) continue
    spans.push({start: word.start, end: word.end, label: 'MISC'})
  }

  // A capitalised proper noun in no name and no date, species or amount
  // (“the 1969 film Easy Rider”): GUM marks only names that head a mention.
  let complete = true
  const exempt = new Set<number>()
  for (const mention of mentions) {
    if (!unnamed.has(mention.etype)) continue
    for (let index = mention.first; index <= mention.last; index++) exempt.add(index)
  }

  for (const [index, word] of words.entries()) {
    if (taken.has(index) || exempt.has(index) || !proper(index)) continue
    if (calendar.has(word.form) || !/^\p{Lu}/u.test(word.form)) continue
    if (spans.some((span) => span.start === word.start)) continue
    complete = false
  }

  return {spans: spans.sort((a, b) => a.start - b.start), complete}
}
