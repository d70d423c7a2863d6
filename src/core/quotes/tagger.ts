/**
 * The quotation tagger: a greedy averaged perceptron (`ml/perceptron.ts`)
 * that tags each token of a prose block as part of a cue, a source or a
 * content span (BIO), and `linkQuotes`, which puts those runs together
 * into quotes: each content run goes to the nearest cue of its sentence
 * (or of any sentence it spans: `“We met. We agreed,” said Quint`)
 * (runs on both sides of one cue, `“We will,” he said, “respond.”`, make one
 * quote in parts), a run with no cue in its sentence goes on the quote
 * before it (a quote that runs over several sentences) or to a cue left
 * without content in the sentence before ("Caddell continued:"); each cue
 * takes the nearest source of its sentence.
 *
 * Trained by `scripts/train-quotes.ts` on PolNeAR train (`model.json`).
 */
import {Perceptron, type PerceptronModel} from '../ml/perceptron.ts'
import {classes, dynamicFeatures, isMark, type BlockView} from './features.ts'
import lexicon from './lexicon.json' with {type: 'json'}
import model from './model.json' with {type: 'json'}
import {beForms, clauseSubjects, rulers, speakerHeads} from './reported.ts'

/** A token range `[first, last)` of a block. */
export type TokenRange = [number, number]

/** A quote as found in a block, in token ranges. */
export interface BlockQuote {
  /** Content pieces, in order. */
  parts: TokenRange[]
  cue?: TokenRange
  source?: TokenRange
  kind: 'direct' | 'indirect' | 'mixed'
}

/** A run of one class. */
interface Run {
  type: 'CUE' | 'SRC' | 'CON'
  first: number
  last: number
  sentence: number
  /** Sentence of its last token (a content run may span sentences). */
  lastSentence: number
}

// Which class may follow which: `I-X` only after `B-X` or `I-X`.
const allowed: ReadonlyArray<ReadonlyArray<boolean>> = classes.map((previous) =>
  classes.map((next) => !next.startsWith('I-') || previous.slice(2) === next.slice(2))
)
const start = classes.map((name) => !name.startsWith('I-'))

let shipped: Perceptron | undefined

/**
 * The shipped model (loaded once).
 *
 * @returns
 *   Perceptron.
 */
export function shippedQuoteModel(): Perceptron {
  shipped ??= Perceptron.fromJSON(model as PerceptronModel)
  return shipped
}

/**
 * Tag a block greedily, left to right.
 *
 * @param perceptron
 *   Model.
 * @param view
 *   Block.
 * @param learn
 *   In training, the gold tags: the model is updated on each mistake (and
 *   the gold tag is kept, so later features see the truth).
 * @param explore
 *   In training, keep the tag the model chose instead of the gold one, so
 *   later features see its own mistakes as they will when it tags (a gold
 *   `I-X` after a tag of another class is learnt as `B-X`).
 * @returns
 *   A class name per token.
 */
export function tagBlock(perceptron: Perceptron, view: BlockView, learn?: ReadonlyArray<string>, explore = false): string[] {
  const tags: string[] = []
  let seen = ''
  for (let index = 0; index < view.tokens.length; index++) {
    if (index > 0 && view.sentenceOf[index] !== view.sentenceOf[index - 1]) seen = ''
    const features = [...view.statics[index], ...dynamicFeatures(view, index, tags, seen)]
    const scores = perceptron.scores(features)
    const mask = index > 0 ? allowed[classes.indexOf(tags[index - 1] as (typeof classes)[number])] : start
    let best = 0
    for (let each = 1; each < scores.length; each++) {
      if (mask[each] && (!mask[best] || scores[each] > scores[best])) best = each
    }

    let tag: string = classes[best]
    if (learn) {
      let truth = learn[index]
      if (explore && truth.startsWith('I-') && tags[index - 1]?.slice(2) !== truth.slice(2)) truth = 'B-' + truth.slice(2)
      perceptron.update(features, classes.indexOf(truth as (typeof classes)[number]), best)
      if (!explore) tag = truth
    }

    tags.push(tag)
    if (tag !== 'O') {
      const letter = tag.endsWith('CUE') ? 'C' : tag.endsWith('SRC') ? 'S' : 'Q'
      if (!seen.includes(letter)) seen = [...seen + letter].sort().join('')
    }
  }

  return tags
}

// Reporting verbs of a trailing attribution (`…, a source said.`).
const trailing: ReadonlySet<string> = new Set(['said', 'says', 'say', 'added', 'adds', 'told', 'wrote', 'warned', 'explained', 'noted'])
// Verbs of a passive report (`… was first reported by NATO`).
const passive: ReadonlySet<string> = new Set(['reported', 'announced', 'confirmed', 'revealed', 'disclosed', 'first'])
const auxiliaries: ReadonlySet<string> = new Set(['was', 'were', 'has', 'have', 'had', 'is', 'are', 'been'])
const reportingCues: ReadonlySet<string> = new Set(lexicon.reportingCues)
// Words after “in” or “on” that say where words were said (`in a post`, `on Twitter`).
const media = /^(?:a|an|the|his|her|its|their|our|twitter|facebook|instagram|tiktok|x|television|tv|radio)$/
// Verbs of an attribution after its words that the tagger left untagged
// (`…, farm experts warn.`, `…, say experts.`).
const trailingVerbs: ReadonlySet<string> = new Set(['said', 'says', 'say', 'added', 'adds', 'warned', 'warn', 'warns', 'noted', 'wrote', 'writes', 'explained', 'argued', 'argue', 'argues'])

/**
 * Mend what the greedy tagger gets wrong on a few fixed patterns:
 * a trailing attribution it read as content (`The talks stalled, a source
 * familiar with the talks said.`); a passive report (`The strike was
 * first reported by NATO`, `The plan, reported by Reuters, will …`: the
 * source is after "by"); "added" before an
 * object, which reports nothing (`Japan added another run`).
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags (changed).
 * @returns
 *   `tags`.
 */
export function mendTags(view: BlockView, tags: string[]): string[] {
  const {words} = view
  for (let index = 0; index < words.length; index++) {
    const word = words[index]
    const sentence = view.sentenceOf[index]
    const same = (at: number) => at >= 0 && at < words.length && view.sentenceOf[at] === sentence
    // "X added another run", "added amendments that …", "added details
    // about …": no quote ("added officials would …", "added families need
    // help", "added unless …" are: a clause follows the noun).
    const thing = /^\p{Ll}{3,}s$/u.test(words[index + 1] ?? '') && !view.quoted[index + 1] && /^(?:that|which|to|about|\.|;)$/.test(words[index + 2] ?? '')
    if ((word === 'added' || word === 'adds') && tags[index].endsWith('CUE') && (/^(a|an|another|\d.*|two|three|one)$/.test(words[index + 1] ?? '') || thing)) {
      let at = index
      while (same(at)) tags[at--] = 'O'
      at = index + 1
      while (same(at)) tags[at++] = 'O'
      continue
    }

    // "…, a source familiar with the matter said."
    if (trailing.has(word) && !view.quoted[index] && tags[index].endsWith('CON') && /^[.,;]$/.test(words[index + 1] ?? '')) {
      let comma = index - 1
      while (same(comma) && index - comma <= 9 && words[comma] !== ',' && !view.quoted[comma]) comma--
      if (!same(comma) || words[comma] !== ',' || comma === index - 1) continue
      tags[comma] = 'O'
      for (let at = comma + 1; at < index; at++) tags[at] = at === comma + 1 ? 'B-SRC' : 'I-SRC'
      tags[index] = 'B-CUE'
      if (words[index + 1] === ',' || words[index + 1] === '.') tags[index + 1] = 'O'
      continue
    }

    // "The plan, reported by Reuters, will cut output.": the participle
    // phrase reports the rest of the sentence.
    if (word === 'by' && passive.has(words[index - 1] ?? '') && words[index - 2] === ',' && same(index - 2) && same(index + 1) && /^\p{Lu}/u.test(view.tokens[index + 1].text)) {
      let end = index + 1
      while (same(end) && /^[\p{Lu}\p{N}]/u.test(view.tokens[end].text)) end++
      if (words[end] !== ',' || !same(end)) continue
      let first = index - 2
      while (same(first - 1)) first--
      let last = end + 1
      while (same(last + 1)) last++
      if (/^[.!?]$/.test(words[last] ?? '')) last--
      for (let at = first; at <= last; at++) tags[at] = 'O'
      for (let at = first; at < index - 2; at++) tags[at] = at === first ? 'B-CON' : 'I-CON'
      for (let at = end + 1; at <= last; at++) tags[at] = 'I-CON'
      tags[index - 1] = 'B-CUE'
      tags[index] = 'I-CUE'
      for (let at = index + 1; at < end; at++) tags[at] = at === index + 1 ? 'B-SRC' : 'I-SRC'
      continue
    }

    // "… was first reported by NATO."
    if (word === 'by' && passive.has(words[index - 1] ?? '') && same(index + 1) && /^\p{Lu}/u.test(view.tokens[index + 1].text)) {
      let aux = index - 1
      while (same(aux) && index - aux <= 4 && !auxiliaries.has(words[aux])) aux--
      if (!same(aux) || !auxiliaries.has(words[aux])) continue
      while (auxiliaries.has(words[aux - 1] ?? '') && same(aux - 1)) aux--
      let first = aux - 1
      while (same(first - 1) && words[first - 1] !== ',' && !/^(that|and|but)$/.test(words[first - 1])) first--
      if (first >= aux) continue
      let end = index + 1
      while (same(end) && /^[\p{Lu}\p{N}]/u.test(view.tokens[end].text)) end++
      for (let at = first; at < aux; at++) tags[at] = at === first ? 'B-CON' : 'I-CON'
      for (let at = aux; at <= index; at++) tags[at] = at === aux ? 'B-CUE' : 'I-CUE'
      for (let at = index + 1; at < end; at++) tags[at] = at === index + 1 ? 'B-SRC' : 'I-SRC'
    }
  }

  mendActs(view, tags)
  mendNoSpeech(view, tags)
  mendAsPutsIt(view, tags)
  mendOverrun(view, tags)
  mendTrailing(view, tags)
  mendOpening(view, tags)
  mendApposition(view, tags)
  mendColon(view, tags)
  mendSwapped(view, tags)
  mendAccording(view, tags)
  mendAsNoted(view, tags)
  mendParticiple(view, tags)
  mendThat(view, tags)
  // A related link (“READ MORE: …, Warns …”): no attribution in its
  // headline, whatever the mends above read there.
  const headline = linkHeadline(view)
  if (headline > 0) tags.fill('O', 0, headline)
  return tags
}

// Participles of what is done to someone (`is charged with …`): the
// subject is accused, not speaking.
const accusedVerbs: ReadonlySet<string> = new Set(['charged', 'accused', 'indicted', 'convicted', 'sentenced', 'arrested', 'sued', 'fined'])
// Verbs of choosing, stopping, trying and learning: no speech (a wish, a
// plan or a decision is one's own to report: PolNeAR counts them).
const notSpeech: ReadonlySet<string> = new Set([
  'learned', 'learns', 'learnt', 'picked', 'picks', 'chose', 'chooses', 'stopped', 'stops', 'tried', 'tries',
  // Seeing, watching and studying: what is seen or studied, not said.
  'see', 'sees', 'saw', 'seen', 'watch', 'watches', 'watched', 'evaluate', 'evaluates', 'evaluated', 'evaluating',
  'analyze', 'analyzes', 'analyzed', 'analyzing', 'analyse', 'analyses', 'analysed', 'analysing', 'track', 'tracks', 'tracked', 'tracking',
  'realize', 'realizes', 'realized', 'realise', 'realised', 'spend', 'spends', 'spent'
])

/**
 * Cues of acts that report nothing: a passive accusation (`He is charged
 * with three counts of wire fraud`, `she was accused of …`),
 * an agreement to do something (`the aide agreed to pay $50,000 …`), a
 * plea (`pleaded guilty to bribery`), a choice, an attempt, a lesson,
 * seeing or studying (`picked`, `tried to`, `learned`, `analyzed`), a
 * thing someone found (`he found an article`) or a firm founded (`helped
 * found Acme`), a noun's participle (`a plan announced last winter is
 * …`), a ruling against someone, a definition (`is issued when`), the reader
 * (`you can see`) and a saying (`as they say`). The cue, the content after
 * it and the source right before it are no attribution. Then a reported
 * clause the tagger cut at a fronted phrase's comma (`Prosecutors claim
 * that under the plea deal, | the aide agreed to …`) runs on to the
 * sentence's end. And the one told something, or of whom something is
 * said or believed (`She was told …`, `He is said to …`), is no source.
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags (changed).
 */
function mendActs(view: BlockView, tags: string[]): void {
  const {words} = view
  for (let index = 0; index < words.length; index++) {
    if (!tags[index].endsWith('CUE') || view.quoted[index]) continue
    const word = words[index]
    const next = words[index + 1] ?? ''
    let before = index - 1
    while (before >= 0 && /^(?:also|then|later|now|not|previously|formally|already)$/.test(words[before])) before--
    const accused = accusedVerbs.has(word) && beForms.has(words[before] ?? '') && /^(?:with|of|for|in)$/.test(next)
    const agreed = /^(?:agreed|agrees|agree)$/.test(word) && next === 'to'
    const plea = /^(?:pleaded|pled|pleads)$/.test(word) && /^(?:guilty|not|no)$/.test(next)
    // A choice, an attempt or a lesson (`picked`, `tried to`, `learned`),
    // and a ruling against someone, say nothing.
    const act = (notSpeech.has(word) && !speechAfter(words, index)) || (/^(?:ruled|rules)$/.test(word) && next !== 'that')
    // What is issued when (`A flood warning is issued when …`): a
    // definition, no one's words.
    const issued = word === 'issued' && beForms.has(words[before] ?? '') && !words.slice(index + 1, index + 4).includes('by')
    // Someone who found a thing (`he found an article about …`), not a
    // finding reported (`found that …`); and founding a firm (`helped
    // found Acme`).
    const foundThing = /^(?:found|finds)$/.test(word) && next !== 'that' && /^(?:he|she|they|i|we|you)$/.test(words[before] ?? '')
    const founding = word === 'found' && /^(?:help|helps|helped|helping|to)$/.test(words[before] ?? '') && /^\p{Lu}/u.test(view.tokens[index + 1]?.text ?? '')
    // The reader spoken to (`you can see`, `you’ll want`): no source.
    const reader = (tags[index - 1] ?? '').endsWith('SRC') && /^(?:you|you’ll|you'll|you’re|you're|you’d|you'd|you’ve|you've)$/.test(words[index - 1] ?? '')
    // “The rest, as they say, is history”: a saying, no one's words.
    const saying = /^(?:say|said)$/.test(word) && words[index - 1] === 'they' && words[index - 2] === 'as'
    // “She was told there was …”: the one told is no source; the words
    // are someone else's, unnamed. So is the subject of “is said to”, “is
    // believed to” (what others say of it).
    // Turning up (“shows up and hits him”; not “shows up to 40%”) and
    // works written (“wrote | some of his best pieces”): no words of
    // anyone's.
    const showsUp = /^(?:show|shows|showed|shown|showing)$/.test(word) && /^(?:up|off)$/.test(next) && words[index + 2] !== 'to'
    const works = /^(?:wrote|writes|write|written|composed|composes)$/.test(word) && /^(?:some|several|many|most|dozens|hundreds|songs|music|books|novels|plays|poems|symphonies)$/.test(next)
    const hearsay = /^(?:told|informed|assured)$/.test(word) || (/^(?:said|reported|believed|thought|rumored|rumoured|alleged|expected|known)$/.test(word) && next === 'to')
    if (hearsay && beForms.has(words[before] ?? '') && !words.slice(index + 1, index + 4).includes('by')) {
      const sentence = view.sentenceOf[index]
      for (let at = index - 1; at >= 0 && view.sentenceOf[at] === sentence && !tags[at].endsWith('CON') && index - at <= 6; at--) {
        if (tags[at].endsWith('SRC')) tags[at] = 'O'
      }

      continue
    }

    // A possessive's noun the tagger began the cue with (`Czechia’s |
    // leadership believes`): the noun is the source's head.
    if (tags[index] === 'B-CUE' && tags[index + 1] === 'I-CUE' && /^[’']s$/u.test(words[index - 1] ?? '') && (tags[index - 1] ?? '').endsWith('SRC') && speakerHeads.has(word)) {
      tags[index] = 'I-SRC'
      tags[index + 1] = 'B-CUE'
      continue
    }

    // Whom it was said to (`said in a letter to employees`): no source.
    if (tags[index] === 'I-CUE' && word === 'to' && tags[index + 1] === 'B-SRC' && !/^(?:according|pointed)$/.test(words[index - 1] ?? '')) {
      for (let at = index + 1; at === index + 1 || tags[at] === 'I-SRC'; at++) tags[at] = 'O'
      continue
    }

    if (!accused && !agreed && !plea && !act && !issued && !reader && !saying && !foundThing && !founding && !showsUp && !works && !reducedRelative(view, tags, index)) continue
    const sentence = view.sentenceOf[index]
    const same = (at: number) => at >= 0 && at < words.length && view.sentenceOf[at] === sentence
    // The cue's run, the content after it, the source before it.
    let first = index
    while (same(first - 1) && tags[first] === 'I-CUE') first--
    let last = index
    while (same(last + 1) && tags[last + 1] === 'I-CUE') last++
    let end = last + 1
    // (Past the comma after a saying's cue: `as they say, | is history`.)
    if (saying && words[end] === ',') end++
    const opens = end
    while (same(end) && tags[end].endsWith('CON') && (end === opens || tags[end] === 'I-CON')) end++
    let start = first
    while (same(start - 1) && (tags[start - 1] === 'O' ? /^(?:also|then|later|now|not|previously|formally|already|is|are|was|were|has|have|had|been)$/.test(words[start - 1]) : tags[start - 1].endsWith('SRC'))) start--
    for (let at = start; at < end; at++) tags[at] = 'O'
    // The reported clause before, cut at the comma of a fronted phrase.
    let comma = start - 1
    while (same(comma) && tags[comma] === 'O' && comma >= start - 2 && words[comma] !== ',') comma--
    if (!same(comma) || words[comma] !== ',' || !same(comma - 1) || !tags[comma - 1].endsWith('CON')) continue
    let content = comma - 1
    while (same(content - 1) && tags[content].startsWith('I-CON')) content--
    if (words[content] !== 'that' || comma - content > 7) continue
    let stop = comma + 1
    while (same(stop) && tags[stop] === 'O') stop++
    if (same(stop)) continue
    if (/^[.!?]$/.test(words[stop - 1] ?? '')) stop--
    for (let at = comma; at < stop; at++) tags[at] = 'I-CON'
  }
}

// Adverbs the tagger may take for a cue (`The study also “…”`): no verb
// of saying.
const adverbs: ReadonlySet<string> = new Set(['also', 'still', 'just', 'now', 'then', 'even', 'only', 'again', 'too', 'further'])
// Rulings on a filing (`the court denied the firm's amended claim`): an
// act, not words reported (`denied the allegations` is).
const rulingVerbs: ReadonlySet<string> = new Set(['denied', 'denies', 'deny', 'granted', 'grants', 'grant', 'approved', 'approves', 'approve', 'rejected', 'rejects', 'reject', 'dismissed', 'dismisses', 'dismiss', 'upheld', 'upholds', 'overturned', 'overturns'])
// Filings a court rules on.
const filings: ReadonlySet<string> = new Set(['motion', 'motions', 'claim', 'claims', 'request', 'requests', 'appeal', 'appeals', 'petition', 'petitions', 'application', 'applications', 'bid', 'bail', 'case', 'lawsuit', 'suit', 'objection', 'objections', 'plea', 'permit', 'warrant', 'injunction', 'order', 'ruling', 'conviction', 'sentence', 'verdict'])
// Words of saying after a ruling that make the ruler a source.
const sayingWords: ReadonlySet<string> = new Set(['calling', 'citing', 'telling', 'writing', 'ruling', 'according'])
// Prepositions before a title that is a verb's object (`culminated in “…”`;
// not `reacted with “…”`).
const titlePrepositions: ReadonlySet<string> = new Set(['in', 'on', 'at', 'into', 'from', 'by', 'of'])
// Verbs of saying inside what the tagger read as a source (`Researchers
// report | the images also show …`): the source ends before them.
const innerCues: ReadonlySet<string> = new Set(['report', 'reports', 'say', 'says', 'said', 'note', 'notes', 'argue', 'argues', 'estimate', 'estimates', 'believe', 'believes'])
// Words before a noun, not a verb (`of the | report`).
const nounMarkers: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'of', 'in', 'on', 'for', 'with', 'new', 'latest', 'annual', 'final', 'first'])
// A related link's label (“READ MORE: …”, “More on plastics: …”): page
// furniture, whatever verbs its headline has.
const linkLabel = /^(?:read more|see also|also read|related|more on\b[^:]{0,40}|more from\b[^:]{0,40}|recommended)\s*:/i

/**
 * Where the cue of saying that closes the words ending at `end` is (`…,” she
 * added`, `…,” said Ann Lee`): within a few words, before any “and”,
 * “but” or relative word opens another clause.
 *
 * @param words
 *   Words of the block.
 * @param end
 *   Index after the words.
 * @param to
 *   Last index of the sentence.
 * @returns
 *   Index of the cue, or -1.
 */
function cueAfter(words: ReadonlyArray<string>, end: number, to: number): number {
  for (let at = end; at <= to && at < end + 5; at++) {
    if (/^(?:and|but|or|which|who|while|whereas)$/.test(words[at])) return -1
    if (reportingCues.has(words[at])) return at
  }

  return -1
}

/**
 * Where a related link's headline that opens a block ends: a label
 * (“READ MORE:”, “More on plastics:”) and a headline in title case (most
 * of its words capitalised), to the end of its sentence (“More from the
 * mayor: “We will rebuild …”” is no link).
 *
 * @param view
 *   Block.
 * @returns
 *   Index after the headline's sentence, or 0 when the block opens with none.
 */
function linkHeadline(view: BlockView): number {
  const {tokens} = view
  if (!linkLabel.test(tokens.slice(0, 12).map((token) => token.text).join(' ').replace(/ :/g, ':'))) return 0
  const colon = tokens.findIndex((token) => token.text === ':')
  let end = colon + 1
  while (end < tokens.length && view.sentenceOf[end] === view.sentenceOf[colon]) end++
  const letters = tokens.slice(colon + 1, end).filter((token) => /^\p{L}{2,}/u.test(token.text) && !/^(?:a|an|the|and|or|of|in|on|at|to|for|by|with|from|as|is|vs)$/i.test(token.text))
  const capitalised = letters.filter((token) => /^\p{Lu}/u.test(token.text)).length
  return colon > 0 && letters.length >= 2 && capitalised / letters.length >= 0.75 ? end : 0
}

/**
 * Attributions that are no one's words: a cue that is an adverb alone
 * when a cue of saying follows the words (`The study also “…,” she
 * added`: hers), a court's ruling on a filing with no words of its own
 * after it (`the court denied the firm's claim`; not `The judge granted
 * the motion, saying …`, nor a person's denial), and a title in quotation
 * marks after a verb and a preposition that say nothing (`has culminated
 * in “Harbor Lights”`; not `yelled “Stop!”`). And a source that holds a
 * verb of saying (`Researchers report | the images also show …`) ends
 * before it: that verb is the cue, and what follows is the content (a
 * noun after a determiner is no verb: `Authors of the report …`).
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags (changed).
 */
function mendNoSpeech(view: BlockView, tags: string[]): void {
  const {words, tokens} = view
  // Each sentence's first and last word, found once (a block may be long).
  const bySentence: Array<{from: number; end: number}> = []
  for (const range of sentenceRanges(view)) bySentence[view.sentenceOf[range.from]] = range
  const sentenceRange = (index: number) => {
    const {from, end} = bySentence[view.sentenceOf[index]]!
    return [from, end - 1] as const
  }

  for (let index = 0; index < words.length; index++) {
    if (tags[index] !== 'B-CUE') continue
    let last = index
    while (tags[last + 1] === 'I-CUE') last++
    const cue = words.slice(index, last + 1)
    const [from, to] = sentenceRange(index)
    let content = last + 1
    while (content <= to && tags[content] === 'O') content++
    let end = content
    while (end <= to && tags[end]?.endsWith('CON') && (end === content || tags[end] === 'I-CON')) end++
    // An adverb alone, with the cue of saying that closes the words right
    // after them (`The study also “…,” she added`): no cue, and the words
    // before it no source. (With none, `The senator also “strongly
    // opposes” the bill`, or one of another clause, `… and said …`, the
    // source stands.)
    const source = tags[index - 1]?.endsWith('SRC') ?? false
    // (A name before the adverb and a pronoun at the cue after, `Ruiz
    // still “…,” she said`: the name is the one who speaks.)
    let opens = index - 1
    while (opens > from && tags[opens].startsWith('I-')) opens--
    const named = /^\p{Lu}/u.test(tokens[opens]?.text ?? '') && !/^(?:the|a|an|this|that|these|those|its|their|his|her|our)$/.test(words[opens] ?? '')
    const after = cueAfter(words, end, to)
    const pronoun = after >= 0 && (clauseSubjects.has(words[after - 1]) || clauseSubjects.has(words[after + 1]))
    // (And the cue after has no words of its own: `…,” said Ann Cole` read
    // as saying “Ann Cole” is left as it is.)
    const closing = after >= 0 && tags[after].endsWith('CUE') && !(tags[after + 1] ?? '').endsWith('CON')
    const adverb = source && cue.every((word) => adverbs.has(word)) && closing && !(named && pronoun)
    // A court's ruling on a filing, the court its subject, with no words
    // of its own after it (`The judge granted the motion, saying …`, `…
    // and said …` keep their source).
    const object = words.slice(last + 1, last + 6)
    const ruler = source && rulers.has(words[index - 1])
    const saying = words.slice(last + 1, to + 1).some((word) => (reportingCues.has(word) && !filings.has(word)) || participles.has(word) || sayingWords.has(word)) || tags.slice(last + 1, to + 1).some((tag) => tag.endsWith('CUE'))
    const ruling = cue.length === 1 && rulingVerbs.has(cue[0]) && ruler && !saying && !object.includes('that') && object.some((word) => filings.has(word))
    // A title in quotation marks after a verb and a preposition that say
    // nothing (`culminated in “Harbor Lights”`; not `yelled “Stop!”`).
    const quoted = words.slice(content, end).filter((word) => !isMark(word) && !/^[,.;:!?]$/.test(word))
    const title =
      cue.every((word) => !reportingCues.has(word)) &&
      titlePrepositions.has(words[content - 1] ?? '') &&
      !/[!?]/.test(words.slice(content, end).join(' ')) &&
      end > content &&
      view.quoted[content] === 1 &&
      quoted.length > 0 &&
      quoted.length <= 4 &&
      tokens.slice(content, end).every((token) => isMark(token.text) || /^[,.;:!?]$/.test(token.text) || /^[\p{Lu}\p{N}]/u.test(token.text))
    if (!adverb && !ruling && !title) continue
    for (let at = index; at <= last; at++) tags[at] = 'O'
    for (let at = index - 1; at >= from && tags[at].endsWith('SRC'); at--) tags[at] = 'O'
    // The content stays for a cue after it (`…,” she added`) unless it is
    // no one's words.
    if (ruling || title) for (let at = content; at < end; at++) tags[at] = 'O'
  }

  // A source that holds a verb of saying.
  for (let index = 0; index < words.length; index++) {
    if (tags[index] !== 'B-SRC') continue
    let last = index
    while (tags[last + 1] === 'I-SRC') last++
    if (tags[last + 1] !== 'B-CUE' || reportingCues.has(words[last + 1])) continue
    const inner = words.slice(index + 1, last + 1).findIndex((word) => innerCues.has(word)) + index + 1
    // (A noun after a determiner or a preposition is no verb: `Authors of
    // the report released Tuesday cautioned …`.)
    if (inner <= index || inner === last || nounMarkers.has(words[inner - 1])) continue
    const [, to] = sentenceRange(index)
    let end = to
    if (/^[.!?]$/.test(words[end])) end--
    tags[inner] = 'B-CUE'
    for (let at = inner + 1; at <= end; at++) tags[at] = at === inner + 1 ? 'B-CON' : 'I-CON'
  }
}

// Words of a time phrase after a participle (`announced last winter`,
// `released on Monday`, `issued in March 2022`).
const timePhrase = /^(?:last|this|next|earlier|later|in|on|at|the|a|early|late|ago|year|years|week|weeks|month|months|spring|summer|fall|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|\d+)$/
// Finite verbs that follow a subject (`… is cutting`, `… will close`).
const finiteVerbs: ReadonlySet<string> = new Set([...beForms, 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should'])

/**
 * Whether a cue is a participle that describes the noun before it, whose
 * verb comes after (`A savings plan announced last winter is cutting
 * prices`): the plan is the subject, not a source, and the words after
 * the participle are not its content.
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags.
 * @param index
 *   Index of a cue token.
 * @returns
 *   Whether it is.
 */
function reducedRelative(view: BlockView, tags: ReadonlyArray<string>, index: number): boolean {
  const {words} = view
  if (tags[index] !== 'B-CUE' || tags[index + 1] === 'I-CUE' || !/ed$/.test(words[index]) || !(tags[index - 1] ?? '').endsWith('SRC')) return false
  let first = index - 1
  while (first > 0 && tags[first] === 'I-SRC') first--
  if (!/^(?:a|an|the|this|that|its|his|her|their|our)$/.test(words[first])) return false
  const sentence = view.sentenceOf[index]
  let at = index + 1
  while (at < words.length && at - index <= 5 && view.sentenceOf[at] === sentence && timePhrase.test(words[at])) at++
  return view.sentenceOf[at] === sentence && finiteVerbs.has(words[at] ?? '')
}

/**
 * Whether a verb of `notSpeech` reports after all: what one learned or
 * realised that (`the Post has learned.`, `learned that …`), how one sees
 * something (`saw the comment as a dig`), and stopping short of saying.
 *
 * @param words
 *   Words of the block (lower case).
 * @param index
 *   Index of the verb.
 * @returns
 *   Whether it does.
 */
function speechAfter(words: ReadonlyArray<string>, index: number): boolean {
  const word = words[index]
  const next = words[index + 1] ?? ''
  if (/^(?:learn|realis|realiz)/.test(word) && (next === 'that' || /^[.,;]$/.test(next))) return true
  if (/^(?:see|sees|saw|seen)$/.test(word) && words.slice(index + 1, index + 9).includes('as')) return true
  return /^stop/.test(word) && next === 'short'
}

// “As Lee puts it, “…”” and its kin: the verbs, and whether “it” follows.
const asCues: ReadonlySet<string> = new Set(['puts', 'put', 'says', 'said', 'writes', 'wrote', 'notes', 'noted', 'observes', 'observed', 'explains', 'explained', 'argues', 'argued'])

/**
 * An attribution that opens its sentence with “as” (`As Lee puts it, “…”`,
 * `As Acme noted, “…”`): the name is the source, the verb (and “it”) the
 * cue, and the quotation after the comma what was said.
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags (changed).
 */
function mendAsPutsIt(view: BlockView, tags: string[]): void {
  const {words, tokens} = view
  for (let at = 0; at < words.length; at++) {
    if (words[at] !== 'as' || (at > 0 && view.sentenceOf[at - 1] === view.sentenceOf[at] && words[at - 1] !== ',')) continue
    if (view.quoted[at]) continue
    const sentence = view.sentenceOf[at]
    let name = at + 1
    while (name < words.length && name - at <= 4 && /^\p{Lu}/u.test(tokens[name].text) && view.sentenceOf[name] === sentence) name++
    if (name === at + 1 || !asCues.has(words[name] ?? '')) continue
    let cueEnd = name + 1
    if (words[cueEnd] === 'it') cueEnd++
    if (words[cueEnd] !== ',' || view.sentenceOf[cueEnd] !== sentence) continue
    // What was said: a quotation right after the comma.
    const open = cueEnd + 1
    if (open >= words.length || !isMark(words[open]) || !view.quoted[open + 1]) continue
    let close = open + 1
    while (close < words.length && view.quoted[close]) close++
    if (close < words.length && isMark(words[close])) close++
    for (let index = at; index <= cueEnd; index++) tags[index] = 'O'
    for (let index = at + 1; index < name; index++) tags[index] = index === at + 1 ? 'B-SRC' : 'I-SRC'
    for (let index = name; index < cueEnd; index++) tags[index] = index === name ? 'B-CUE' : 'I-CUE'
    if (tags[open] !== 'B-CON') {
      for (let index = open; index < close; index++) tags[index] = index === open ? 'B-CON' : 'I-CON'
    }

    at = close - 1
  }
}

// Verbs whose object is who was told (`told reporters that`).
const tellVerbs: ReadonlySet<string> = new Set([
  'told', 'tells', 'tell', 'telling', 'assured', 'assures', 'informed', 'informs', 'reminded', 'reminds', 'warned', 'warns', 'convinced', 'promised', 'promises'
])
// Words that open what is said between a reporting verb and its “that”:
// where, when and to whom (`said in an interview that`, `wrote on Twitter
// that`, `said Tuesday that`).
const adjunctOpeners: ReadonlySet<string> = new Set([
  'in', 'on', 'at', 'during', 'via', 'earlier', 'later', 'last',
  'yesterday', 'today', 'tonight', 'repeatedly', 'privately', 'publicly', 'recently', 'again', 'also', 'late', 'early', 'previously'
])
const clauseWords: ReadonlySet<string> = new Set(['who', 'which', 'whose', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would'])
// Who is told (`told them that`, `told reporters that`).
const objectWords: ReadonlySet<string> = new Set([
  'him', 'her', 'them', 'me', 'us', 'you', 'reporters', 'voters', 'supporters', 'viewers', 'journalists', 'the', 'a', 'an', 'his', 'their', 'its', 'my', 'our'
])

/** Nouns after “that” as a determiner (“that night”, “that year”), which opens no reported words. */
const determinedNouns: ReadonlySet<string> = new Set(['night', 'day', 'days', 'year', 'week', 'month', 'morning', 'afternoon', 'evening', 'weekend', 'time', 'moment', 'season', 'summer', 'winter', 'spring', 'fall', 'autumn', 'decade', 'period', 'point', 'way', 'same'])

/**
 * Start a reported clause at its “that” when the tagger began the content
 * right after the cue, over where, when or to whom it was said (`told
 * reporters at a stop in Leeds that …`, `said in an interview that …`,
 * `wrote Tuesday on its website that …`): those words are neither what was
 * said nor, as PolNeAR marks them, its cue. Not for a noun the clause
 * goes with (`said the plan that they drafted was …`: a relative “that”).
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags (changed).
 */
function mendThat(view: BlockView, tags: string[]): void {
  const {words, tokens} = view
  for (let start = 1; start < words.length; start++) {
    if (tags[start] !== 'B-CON' || view.quoted[start] || words[start] === 'that') continue
    const sentence = view.sentenceOf[start]
    // The cue, right before or with untagged words between (`told |
    // reporters at | a stop in Leeds that`).
    let cue = start - 1
    while (cue >= 0 && start - cue <= 8 && tags[cue] === 'O' && view.sentenceOf[cue] === sentence && !view.quoted[cue]) cue--
    if (cue < 0 || !tags[cue].endsWith('CUE') || view.sentenceOf[cue] !== sentence) continue
    // A cue run on past its “to” or “with” into who was addressed (`said in
    // a memo to | store | managers that`): it ends there.
    let cut = cue
    while (tags[cut] === 'I-CUE' && cue - cut < 4 && words[cut] !== 'to' && words[cut] !== 'with') cut--
    if (cut < cue && tags[cut] === 'I-CUE' && (words[cut] === 'to' || words[cut] === 'with') && words[cut - 1] !== 'according') {
      for (let at = cut + 1; at <= cue; at++) tags[at] = 'O'
      cue = cut
    }

    // A cue that ends in “to” or “with” (`said in a letter to`, `said in an
    // interview with`): the words after it are who was addressed.
    const addressed = (words[cue] === 'to' || words[cue] === 'with') && tags[cue] === 'I-CUE'
    if (!reportingCues.has(words[cue]) && !tellVerbs.has(words[cue]) && !addressed) continue
    let that = start + 1
    while (
      that < words.length &&
      that - start <= 14 &&
      view.sentenceOf[that] === sentence &&
      tags[that] === 'I-CON' &&
      !view.quoted[that] &&
      words[that] !== 'that'
    ) that++
    if (words[that] !== 'that' || tags[that] !== 'I-CON' || view.quoted[that] || view.sentenceOf[that] !== sentence) continue
    // A determiner, not the start of the reported words (`died that night`).
    if (determinedNouns.has(words[that + 1] ?? '')) continue
    const gap = cue + 1
    const first = words[gap]
    const capitalised = (at: number) => /^[\p{Lu}\p{N}]/u.test(tokens[at].text)
    const opens =
      adjunctOpeners.has(first) ||
      weekdays.test(first) ||
      (tellVerbs.has(words[cue]) && (objectWords.has(first) || capitalised(gap)) && that - gap <= 10) ||
      (addressed && that - gap <= 8) ||
      // A name or a day alone (`told CNN that`, `said Tuesday that`).
      words.slice(gap, that).every((word, index) => capitalised(gap + index) || /^[,.’'-]$/.test(word))
    // Not a clause of its own (`told a woman who suggested that`, `told me
    // on Friday, is that`).
    if (!opens || words.slice(gap, that).some((word) => clauseWords.has(word))) continue
    for (let at = start; at < that; at++) tags[at] = 'O'
    tags[that] = 'B-CON'
    start = that
  }
}

/**
 * Cut a quotation's content at its closing mark when the tagger ran it on
 * into the next sentence (`… writes, “not for lack of trying.” But the
 * growers say that …`): that sentence is read again on its own.
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags (changed).
 */
function mendOverrun(view: BlockView, tags: string[]): void {
  const {words} = view
  for (let index = 1; index < words.length; index++) {
    if (tags[index] !== 'I-CON' || view.sentenceOf[index] === view.sentenceOf[index - 1]) continue
    if (!isMark(words[index - 1]) || view.quoted[index] || !tags[index - 1].endsWith('CON')) continue
    let end = index
    while (end < words.length && view.sentenceOf[end] === view.sentenceOf[index] && tags[end] === 'I-CON') end++
    for (let at = index; at < end; at++) tags[at] = 'O'
  }
}

/**
 * Swap a source and content the tagger took the wrong way round: `The two
 * senators who joined the visit said they both had seen it before.` is
 * tagged content, cue, source; a “source” after the cue that opens with a
 * pronoun and runs on as a clause is the content, and the words before the
 * cue are who said it.
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags (changed).
 */
function mendSwapped(view: BlockView, tags: string[]): void {
  const {words} = view
  for (const {from, last} of sentenceRanges(view)) {
    if (tags[from] !== 'B-CON') continue
    let cue = from + 1
    while (cue < last && tags[cue] === 'I-CON') cue++
    if (tags[cue] !== 'B-CUE' || !reportingCues.has(words[cue]) || cue - from > 16 || tags[cue + 1] !== 'B-SRC') continue
    if (!subjectPronouns.has(words[cue + 1]) || last - cue - 1 < 4) continue
    if (tags.slice(cue + 2, last).some((tag) => tag !== 'I-SRC') || view.quoted.slice(from, last).some(Boolean)) continue
    if (words.slice(from, cue).includes(',')) continue
    for (let at = from; at < cue; at++) tags[at] = at === from ? 'B-SRC' : 'I-SRC'
    for (let at = cue + 1; at < last; at++) tags[at] = at === cue + 1 ? 'B-CON' : 'I-CON'
  }
}

/**
 * The sentences of a block as ranges of words: `from` its first word,
 * `end` past its last, `last` past its last but the closing marks (`.`,
 * `”`).
 *
 * @param view
 *   Block.
 * @returns
 *   Ranges, in order.
 */
function sentenceRanges(view: BlockView): Array<{from: number; last: number; end: number}> {
  const {words} = view
  const ranges: Array<{from: number; last: number; end: number}> = []
  for (let first = 0; first < words.length; ) {
    let end = first
    while (end < words.length && view.sentenceOf[end] === view.sentenceOf[first]) end++
    let last = end
    while (last > first && /^[.!?”"’]$/.test(words[last - 1])) last--
    ranges.push({from: first, last, end})
    first = end
  }

  return ranges
}

/**
 * A cue `according to` that the tagger ran on into what follows it
 * (`according to an account she gave`): the cue is the two words, as
 * PolNeAR marks it, and the words after them, up to a comma, the end of
 * the sentence or the content, are the source (with a source the tagger
 * found in them: `according to a statement from | the harbour office`).
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags (changed).
 */
function mendAccording(view: BlockView, tags: string[]): void {
  const {words} = view
  for (let index = 0; index + 2 < words.length; index++) {
    if (words[index] !== 'according' || words[index + 1] !== 'to' || !tags[index].endsWith('CUE') || tags[index + 2] !== 'I-CUE') continue
    const sentence = view.sentenceOf[index]
    // Content before the cue: the words after it name who says it, even
    // those the tagger took for content (`according to a statement from |
    // the harbour office`).
    const before = index > 0 && view.sentenceOf[index - 1] === sentence && tags[index - 1] === 'O' && tags[index - 2]?.endsWith('CON') && words[index - 1] === ','
    let end = index + 2
    while (
      end < words.length &&
      end - index < 14 &&
      view.sentenceOf[end] === sentence &&
      (tags[end] === 'I-CUE' || tags[end] === 'O' || (end > index + 2 && (tags[end].endsWith('SRC') || (before && tags[end].endsWith('CON'))))) &&
      !view.quoted[end] &&
      !/^[.,;:!?()]$/.test(words[end])
    ) {
      tags[end] = end === index + 2 ? 'B-SRC' : 'I-SRC'
      end++
    }

    index = end - 1
  }
}

// Verbs of a trailing “as noted in …” attribution.
const asVerbs: ReadonlySet<string> = new Set(['noted', 'reported', 'stated', 'described', 'documented', 'detailed', 'explained', 'announced', 'told'])

/**
 * A sentence that ends with `…, as noted in a Mira News report.` or `…,
 * as reported by the Harbour Office.`: the words before the comma are
 * what the source after “in” or “by” says, the verb and its preposition
 * the cue (as `according to`). Only when the source names someone (a
 * capitalised word, or ends in a noun of a person, group or record) and
 * nothing before the comma was given a source that does.
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags (changed).
 */
function mendAsNoted(view: BlockView, tags: string[]): void {
  const {words, tokens} = view
  const names = (at: number) => /^\p{Lu}/u.test(tokens[at].text)
  for (const {from, last} of sentenceRanges(view)) {
    let comma = last - 1
    while (comma > from && words[comma] !== ',' && last - comma <= 13) comma--
    if (words[comma] !== ',' || comma - from < 4 || words[comma + 1] !== 'as') continue
    let verb = comma + 2
    if (/^(?:first|previously|earlier|also)$/.test(words[verb] ?? '')) verb++
    if (!asVerbs.has(words[verb] ?? '') || !/^(?:in|by)$/.test(words[verb + 1] ?? '')) continue
    const source = verb + 2
    if (last - source < 1 || last - source > 8 || view.quoted.slice(comma, last).some(Boolean)) continue
    if (words.slice(source, last).some((word) => !/^[\p{L}\p{N}.’'&-]+$/u.test(word))) continue
    const head = words[last - 1]
    let named = speakerHeads.has(head) || speakerHeads.has(head.replace(/e?s$/, ''))
    for (let at = source; at < last; at++) if (names(at)) named = true
    if (!named) continue
    // A source before the comma that names someone keeps its quote.
    let speaks = false
    for (let at = from; at < comma; at++) {
      if (!tags[at].endsWith('SRC')) continue
      if (names(at) || speakerHeads.has(words[at]) || /^(?:he|she|they|we|i|it)$/.test(words[at])) speaks = true
    }

    if (speaks) continue
    for (let at = from; at < comma; at++) tags[at] = at === from ? 'B-CON' : 'I-CON'
    for (let at = comma; at < source; at++) tags[at] = at === verb ? 'B-CUE' : at === verb + 1 ? 'I-CUE' : 'O'
    for (let at = source; at < last; at++) tags[at] = at === source ? 'B-SRC' : 'I-SRC'
  }
}

// Participles of an attribution after a comma (`…, finding that …`).
const participles: ReadonlySet<string> = new Set(['finding', 'concluding', 'saying', 'noting', 'adding', 'arguing', 'warning', 'explaining', 'claiming', 'stating'])

/**
 * A sentence that opens with a name and its verb and goes on with a
 * reporting participle and “that” (`Harbor Watch studied tides since
 * 1980, finding that the sea rose …`, `Acme sued the city, saying that
 * …`): the name is the source of what follows “that”, when no source in
 * the sentence names someone else.
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags (changed).
 */
function mendParticiple(view: BlockView, tags: string[]): void {
  const {words, tokens} = view
  const names = (at: number) => /^\p{Lu}/u.test(tokens[at].text)
  for (const {from, last} of sentenceRanges(view)) {
    if (last - from < 8 || notNames.has(words[from]) || !names(from)) continue
    let name = from
    while (name < last && name - from < 5 && (names(name) || (name > from && phraseWords.has(words[name]) && names(name + 1)))) name++
    // The name, then a verb of its own (a lower-case word that is no small word).
    if (name === from || name >= last || names(name) || phraseWords.has(words[name]) || !/^\p{Ll}+$/u.test(tokens[name].text)) continue
    if (/^(?:the|a|an|this|that|these|those|some|many)$/.test(words[from]) && name - from < 2) continue
    let comma = name + 1
    while (comma < last && comma - name <= 20 && !(words[comma] === ',' && participles.has(words[comma + 1] ?? '') && words[comma + 2] === 'that')) comma++
    if (comma >= last || comma - name > 20 || last - (comma + 2) < 4) continue
    // The tagger read the participle as a cue: its reading stands.
    if (view.quoted.slice(from, last).some(Boolean) || tags[comma + 1].endsWith('CUE')) continue
    // Another source in the sentence, or another reporting cue before the comma, keeps its reading.
    let other = false
    for (let at = name; at < last; at++) if (tags[at].endsWith('SRC')) other = true
    for (let at = name; at < comma; at++) if (tags[at].endsWith('CUE') && reportingCues.has(words[at])) other = true
    if (other) continue
    for (let at = from; at < last; at++) tags[at] = 'O'
    for (let at = from; at < name; at++) tags[at] = at === from ? 'B-SRC' : 'I-SRC'
    tags[comma + 1] = 'B-CUE'
    for (let at = comma + 2; at < last; at++) tags[at] = at === comma + 2 ? 'B-CON' : 'I-CON'
  }
}

/**
 * A quotation in marks after a colon (`Lund put it bluntly: “We will
 * not pay.”`) is content, all of it, when the tagger left it untagged or
 * took only part of it, and tagged no cue or source inside it.
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags (changed).
 */
function mendColon(view: BlockView, tags: string[]): void {
  const {words} = view
  for (let index = 1; index < words.length - 1; index++) {
    if (words[index] !== ':' || view.quoted[index] || !isMark(words[index + 1]) || !view.quoted[index + 1]) continue
    let end = index + 2
    while (end < words.length && view.quoted[end] && !(isMark(words[end]) && end > index + 1 && !view.quoted[end + 1])) end++
    if (end >= words.length || !isMark(words[end])) continue
    const inside = tags.slice(index + 1, end + 1)
    if (end - index < 4 || inside.some((tag) => tag.endsWith('CUE') || tag.endsWith('SRC'))) continue
    if (inside.every((tag) => tag.endsWith('CON')) && tags[index + 1] === 'B-CON') continue
    for (let at = index + 1; at <= end; at++) tags[at] = at === index + 1 ? 'B-CON' : 'I-CON'
    // Content right after it belongs to another quote.
    if (tags[end + 1] === 'I-CON') tags[end + 1] = 'B-CON'
    index = end
  }
}

// Verbs of an attribution that opens a sentence the tagger left untagged:
// with “that” after them (`West Clinic tweeted that …`), or alone for a few
// (`Experts fear …`).
const openingVerbs: ReadonlySet<string> = new Set([
  'advised', 'said', 'says', 'say', 'told', 'tweeted', 'announced', 'reported', 'reports', 'warned', 'warns', 'warn', 'wrote', 'writes',
  'noted', 'notes', 'argued', 'argues', 'argue', 'claimed', 'claims', 'confirmed', 'confirms', 'estimated', 'estimates',
  'predicted', 'predicts', 'believe', 'believes', 'fear', 'fears', 'stated', 'insisted', 'insists',
  // What research finds and explains (with “that” after them: `The
  // researchers estimate that …`, `The study found that …`).
  'estimate', 'explain', 'explains', 'explained', 'found', 'find', 'finds', 'show', 'shows', 'showed', 'suggest', 'suggests', 'suggested',
  'conclude', 'concludes', 'concluded', 'calculate', 'calculates', 'calculated', 'report', 'note', 'write', 'predict', 'added', 'adds'
])
const withoutThat: ReadonlySet<string> = new Set(['say', 'says', 'warn', 'warns', 'fear', 'fears', 'believe', 'believes', 'reported', 'announced', 'advised'])
// Words between a phrase that names someone and its verb (`Acme has also
// said`, `Acme today announced`).
const betweenWords: ReadonlySet<string> = new Set(['also', 'today', 'yesterday', 'has', 'have', 'had', 'now', 'again', 'previously', 'earlier', 'later'])
const weekdays = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/
const phraseWords: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'in', 'for', 'at', 'and', '’s', "'s", '&'])

/**
 * Whether a word is a time word before a verb (`today`, `yesterday`, a
 * weekday, or one after `on`).
 *
 * @param words
 *   Words of the block (lower case).
 * @param at
 *   Index.
 * @returns
 *   Whether it is.
 */
function timeWord(words: ReadonlyArray<string>, at: number): boolean {
  const word = words[at]
  return word === 'today' || word === 'yesterday' || word === 'tonight' || weekdays.test(word) || (word === 'on' && weekdays.test(words[at + 1] ?? ''))
}

/**
 * Mend two openings of an attribution the tagger misses: a sentence with
 * no tag that opens with a short phrase naming someone and a reporting
 * verb (`West Clinic in Leeds tweeted that it …`, `Farm experts fear the
 * …`), and a cue with no source after a name and an age (`Ada Obi, 41,
 * said …`).
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags (changed).
 */
function mendOpening(view: BlockView, tags: string[]): void {
  const {words} = view
  for (const {from, last, end} of sentenceRanges(view)) {
    // Content cut at a relative clause (`Experts fear wild trout, which
    // …, are close to gone`): it runs on to the end of the sentence.
    for (let at = from + 1; at < last; at++) {
      if (tags[at] !== 'O' || words[at] !== ',' || !tags[at - 1].endsWith('CON') || !/^(?:which|who|whose)$/.test(words[at + 1] ?? '')) continue
      if (tags.slice(at, last).every((tag) => tag === 'O') && !view.quoted.slice(at, last).some(Boolean)) {
        for (let index = at; index < last; index++) tags[index] = 'I-CON'
      }

      break
    }

    const sentence = tags.slice(from, end)
    // “Ada Obi, 41, said”.
    const cueAt = sentence.indexOf('B-CUE')
    if (cueAt >= 4 && !sentence.some((tag) => tag.endsWith('SRC'))) {
      const at = from + cueAt
      if (words[at - 1] === ',' && /^\d{1,3}$/.test(words[at - 2]) && words[at - 3] === ',' && /^\p{Lu}/u.test(view.tokens[at - 4].text)) {
        let name = at - 4
        while (name > from && at - 3 - name < 4 && /^\p{Lu}/u.test(view.tokens[name - 1].text)) name--
        for (let index = name; index < at - 3; index++) tags[index] = index === name ? 'B-SRC' : 'I-SRC'
      }

      continue
    }

    if (last - from < 6 || sentence.some((tag) => tag !== 'O')) continue
    let verb = from + 1
    while (verb < last && verb - from <= 9 && !openingVerbs.has(words[verb])) verb++
    if (!openingVerbs.has(words[verb]) || view.quoted[verb] || last - verb < 4) continue
    const content = reportedStart(words, verb, last)
    if (content === undefined) continue
    // The phrase: after a short opening (`Last year,`), before adverbs
    // and times (`also`, `on Thursday`, `has`).
    let start = from
    const comma = words.slice(from, verb).lastIndexOf(',')
    if (comma >= 0) {
      if (comma > 4) continue
      start = from + comma + 1
    }

    // Nothing left before the verb (`Acme found the file, reported it
    // …`): no phrase names anyone.
    if (start >= verb) continue
    if (/^(?:but|and|yet|so)$/.test(words[start]) && start + 1 < verb) start++

    let stop = verb
    while (stop > start + 1 && betweenWords.has(words[stop - 1])) stop--
    if (stop > start + 2 && words[stop - 2] === 'on' && weekdays.test(words[stop - 1])) stop -= 2
    while (stop > start + 1 && betweenWords.has(words[stop - 1])) stop--
    const phrase = words.slice(start, stop)
    const head = phrase.at(-1)!
    const names = (at: number) => /^\p{Lu}/u.test(view.tokens[at].text)
    const speaker = speakerHeads.has(head) || speakerHeads.has(head.replace(/e?s$/, ''))
    // A name (every word capitalised but its small words), or a few words
    // ending in a noun of someone (`farm experts`).
    const named = names(stop - 1) && phrase.every((word, index) => names(start + index) || phraseWords.has(word))
    // Or a noun of people and what they do (`the growers working on new
    // strains`, `researchers who study it`).
    const at = phrase.findIndex((word) => speakerHeads.has(word) || speakerHeads.has(word.replace(/e?s$/, '')))
    const described = at >= 0 && at <= 2 && phrase.slice(0, at).every((word) => /^(?:the|a|an|some|many|most|other|two|three|several)$/.test(word)) &&
      /^(?:\p{L}+ing|who|working|at|from|with|in|for|behind|of|on)$/u.test(phrase[at + 1] ?? '') && phrase.length <= 10 &&
      phrase.every((word) => /^[\p{L}-]+$/u.test(word))
    if (!named && !described && !(speaker && phrase.length <= 3 && phrase.every((word) => /^[\p{L}-]+$/u.test(word)))) continue
    for (let at = start; at < stop; at++) tags[at] = at === start ? 'B-SRC' : 'I-SRC'
    tags[verb] = 'B-CUE'
    for (let at = verb + 1; at < content; at++) tags[at] = 'I-CUE'
    for (let at = content; at < last; at++) tags[at] = at === content ? 'B-CON' : 'I-CON'
  }
}

// Words that open a sentence's first phrase that is no one's name (`In
// March,`, `After the vote,`).
const notNames: ReadonlySet<string> = new Set([
  'in', 'on', 'at', 'after', 'before', 'during', 'since', 'when', 'while', 'as', 'if', 'although', 'because', 'last', 'this', 'by',
  'for', 'from', 'with', 'under', 'over', 'despite', 'following', 'according', 'until', 'once', 'but', 'and', 'so', 'yet', 'still', 'then',
  // Sentence adverbs and times (`Yesterday, Acme, a maker of …, said`).
  'yesterday', 'today', 'tomorrow', 'tonight', 'meanwhile', 'however', 'separately', 'also', 'earlier', 'later', 'now', 'recently',
  'previously', 'additionally', 'moreover', 'furthermore', 'instead', 'nevertheless', 'overall', 'finally', 'first', 'second', 'third',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'
])
// Words that open an apposition after a name (`Acme AB, a maker of …,`).
const appositionOpeners: ReadonlySet<string> = new Set(['a', 'an', 'the', 'one', 'its', 'his', 'her', 'their', 'who', 'which'])

/**
 * An untagged sentence that opens with a name, an apposition with commas
 * of its own, and a reporting verb (`Norvik Labs AB, a maker of pumps and
 * filters, and a pioneer in blood tests, today announced the launch of
 * …`, `Ann Lee, who chairs the board, said on Monday that …`): the name
 * and its apposition are the source (the name heads it), the verb the cue,
 * what follows the content. `mendOpening` reads a phrase of a few words
 * before the verb; this one a name before an apposition of up to 40.
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags (changed).
 */
function mendApposition(view: BlockView, tags: string[]): void {
  const {words, tokens} = view
  const names = (at: number) => /^\p{Lu}/u.test(tokens[at].text)
  for (const {from, last} of sentenceRanges(view)) {
    if (last - from < 8 || notNames.has(words[from])) continue
    // The first token tagged or quoted: tags only after the reported
    // words start (a quote nested in them, `… that users began reporting
    // errors`) leave the opening untouched.
    let tagged = from
    while (tagged < last && tags[tagged] === 'O' && !view.quoted[tagged]) tagged++
    let untouched = tagged >= last
    // Or the tagger found the cue and its words but no source: everything
    // before the cue untagged (`Lund, speaking to a farm group in Leeds,
    // said he would …`).
    let cueAt = -1
    // Tokens of an apposition whose tags are set aside (`inside` below).
    let aside = (_at: number) => false
    if (!untouched) {
      cueAt = from
      while (cueAt < last && tags[cueAt] !== 'B-CUE') cueAt++
      // (A time word the tagger took for a source, `Acme … today
      // announced`, is no one who speaks.)
      let sourced = tags.slice(from, last).some((tag, index) => tag.endsWith('SRC') && !timeWord(words, from + index))
      // A source the tagger found only in the apposition right before the
      // cue (`The engineers behind the app, | Plinko |, confirmed …`): the
      // phrase before it heads the source.
      if (sourced && cueAt < last && words[cueAt - 1] === ',') {
        let first = cueAt - 2
        while (first > from && tags[first].endsWith('SRC')) first--
        const apposed = first > from && words[first] === ',' && tags[first + 1] === 'B-SRC' && first + 1 < cueAt - 1
        if (apposed && tags.slice(from, first).every((tag) => tag === 'O') && !tags.slice(cueAt, last).some((tag) => tag.endsWith('SRC'))) sourced = false
        // Or only inside the apposition after an untagged name (`Ruiz,
        // standing in for | Chris Hale | as guest host, noted …`): the one
        // stood in for is not who speaks.
        let nameComma = from
        while (nameComma < cueAt && words[nameComma] !== ',') nameComma++
        const inside = (at: number) => at > nameComma && at < cueAt
        if (
          sourced &&
          nameComma - from >= 1 &&
          nameComma - from <= 4 &&
          names(from) &&
          tags.slice(from, nameComma).every((tag) => tag === 'O') &&
          tags.slice(from, last).every((tag, index) => !tag.endsWith('SRC') || inside(from + index))
        ) {
          sourced = false
          aside = inside
        }
      }

      // Words before it untagged, or taken for content when the cue has
      // its content after it, perhaps past where and when it was said
      // (`said in a memo to staff Monday that …`): the name and apposition
      // read as words said.
      const before = tags.slice(from, cueAt).map((tag) => (tag.endsWith('SRC') ? 'O' : tag))
      let said = cueAt + 1
      while (said < last && tags[said] === 'I-CUE') said++
      const afterCue = said
      while (said < last && said - afterCue < 8 && tags[said] === 'O' && !view.quoted[said]) said++
      const taken = tags[said] === 'B-CON' && before.every((tag) => tag === 'O' || tag.endsWith('CON'))
      if (cueAt >= last || !reportingCues.has(words[cueAt]) || sourced || (!taken && before.some((tag) => tag !== 'O')) || view.quoted.slice(from, cueAt).some((quoted, index) => quoted && !aside(from + index))) {
        if (tagged - from < 12) continue
        cueAt = -1
        untouched = true
      }
    } else if (last - from < 10) {
      continue
    }

    // The name: capitalised words (and their small words) up to the first comma.
    let comma = from
    while (comma < last && comma - from <= 11 && words[comma] !== ',') comma++
    if (words[comma] !== ',' || comma === from) continue
    // A ticker or short form in brackets after the name is part of it
    // (`Acme Inc. (NASDAQ: ACME), a maker of …`).
    const opens = words[comma - 1] === ')' ? words.lastIndexOf('(', comma - 1) : -1
    const end = opens > from ? opens : comma
    const phrase = words.slice(from, end)
    const named = end - from <= 9 && names(end - 1) && phrase.every((word, index) => names(from + index) || phraseWords.has(word))
    // Or a noun of people and whom they work for (`The engineers behind
    // the popular app, Plinko, confirmed …`).
    const head = /^(?:the|a|an)$/.test(phrase[0]) ? 1 : 0
    // Or the noun alone (`The study, published Tuesday in …, found …`).
    const headNoun = speakerHeads.has(phrase[head] ?? '') || speakerHeads.has((phrase[head] ?? '').replace(/e?s$/, ''))
    const alone = head === 1 && phrase.length === 2 && headNoun
    const described = alone || (headNoun && /^(?:behind|at|of|for|from|with|in|on)$/.test(phrase[head + 1] ?? '') && phrase.every((word) => /^[\p{L}-]+$/u.test(word)))
    if (!named && !described) continue
    const opener = words[comma + 1] ?? ''
    if (!appositionOpeners.has(opener) && !names(comma + 1) && !(cueAt >= 0 && /^\p{L}+ing$/u.test(opener)) && !(alone && /^\p{L}+ed$/u.test(opener))) continue
    // The verb: after a later comma and perhaps `today`, `on Monday`.
    let verb = -1
    let close = -1
    for (let at = comma + 2; at < last && at - from <= 45; at++) {
      if (words[at] === ';' || reportingCues.has(words[at])) break
      if (words[at] !== ',') continue
      let next = at + 1
      while (next < last && (betweenWords.has(words[next]) || (words[next] === 'on' && weekdays.test(words[next + 1] ?? '')) || weekdays.test(words[next]))) next++
      if (cueAt >= 0 ? next === cueAt : openingVerbs.has(words[next])) {
        verb = next
        close = at
        break
      }
    }

    if (verb < 0 || last - verb < 4) continue
    if (cueAt >= 0) {
      for (let at = from; at < cueAt; at++) tags[at] = at >= close ? 'O' : at === from ? 'B-SRC' : 'I-SRC'
      continue
    }

    const content = reportedStart(words, verb, last)
    if (content === undefined || content >= tagged) continue
    for (let at = from; at < close; at++) tags[at] = at === from ? 'B-SRC' : 'I-SRC'
    tags[verb] = 'B-CUE'
    for (let at = verb + 1; at < content; at++) tags[at] = 'I-CUE'
    for (let at = content; at < last; at++) tags[at] = at === content ? 'B-CON' : 'I-CON'
  }
}

/**
 * Give content to an attribution at the end of a sentence whose words the
 * tagger left without content or gave to a cue that reports nothing:
 * `The bridge costs too much, Marsh said.`, `…, say experts.`, `…, the
 * statement said.`, `…, according to the sheriff.`, `The crowd sang a
 * chant, she said in a post.`: every token after the sentence's last
 * comma is a source and a reporting cue (then perhaps where it was said,
 * “in a post”), and what comes before the comma, with no quotation marks
 * and no other reporting cue, is the quote's content.
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags (changed).
 */
function mendTrailing(view: BlockView, tags: string[]): void {
  const {words} = view
  for (const {from, last} of sentenceRanges(view)) {
    if (last - from < 6) continue
    let comma = last - 1
    while (comma > from && words[comma] !== ',' && last - comma <= 12) comma--
    if (words[comma] !== ',' || comma - from < 4 || view.quoted[comma]) continue
    const tail = tags.slice(comma + 1, last)
    if (tail.length < 2) continue
    const content = tags.slice(from, comma).some((tag) => tag.endsWith('CON'))
    if (tail.every((tag) => tag === 'O')) {
      if (content) continue
      // Untagged: a short phrase naming someone and a reporting verb, in
      // either order.
      const verbFirst = trailingVerbs.has(words[comma + 1])
      const verbAt = verbFirst ? comma + 1 : last - 1
      if (!trailingVerbs.has(words[verbAt]) || view.quoted[verbAt]) continue
      const phrase = verbFirst ? [comma + 2, last] : [comma + 1, last - 1]
      if (phrase[1] - phrase[0] < 1 || phrase[1] - phrase[0] > 6) continue
      const head = view.tokens[phrase[1] - 1].text
      const lower = words[phrase[1] - 1]
      if (!/^\p{Lu}/u.test(head) && !speakerHeads.has(lower) && !speakerHeads.has(lower.replace(/e?s$/, ''))) continue
      if (words.slice(phrase[0], phrase[1]).some((word) => !/^[\p{L}\p{N}.’'-]+$/u.test(word))) continue
      for (let at = phrase[0]; at < phrase[1]; at++) tags[at] = at === phrase[0] ? 'B-SRC' : 'I-SRC'
      tags[verbAt] = 'B-CUE'
    } else {
      // A source and a cue, in either order, then perhaps where (`in a post`).
      let tagged = tail.indexOf('O')
      if (tagged < 0) tagged = tail.length
      const where = tail.length - tagged
      if (where > 0 && (where > 4 || tail.slice(tagged).some((tag) => tag !== 'O') || !/^(?:in|on|at|during)$/.test(words[comma + 1 + tagged]))) continue
      let shape = tail.slice(0, tagged).map((tag) => tag.slice(2)).join(' ')
      // The content run went on over the source (`…, Lund and an aide
      // said.`): the words after the comma name someone.
      if (where === 0 && /^(?:CON ?)+$/.test(shape) && trailingVerbs.has(words[last - 1])) {
        // The verb too (`…, Lund and an aide said.` all content).
        tags[last - 1] = 'B-CUE'
        shape = shape.replace(/CON$/, 'CUE')
      }

      if (where === 0 && /^(?:CON )+CUE$/.test(shape) && reportingCues.has(words[last - 1]) && !view.quoted.slice(comma, last).some(Boolean)) {
        const phrase = words.slice(comma + 1, last - 1)
        const head = phrase.at(-1)!
        const names = view.tokens.slice(comma + 1, last - 1).some((token) => /^\p{Lu}/u.test(token.text))
        if (phrase.length > 10 || (!names && !speakerHeads.has(head) && !speakerHeads.has(head.replace(/e?s$/, '')))) continue
        for (let at = comma + 1; at < last - 1; at++) tags[at] = at === comma + 1 ? 'B-SRC' : 'I-SRC'
        shape = 'SRC CUE'
      }

      if (!/^(?:(?:SRC )*SRC (?:CUE ?)+|(?:CUE )*CUE (?:SRC ?)+)$/.test(shape)) continue
      const cue = words.slice(comma + 1, comma + 1 + tagged).filter((_, index) => tail[index].endsWith('CUE'))
      if (!cue.some((word) => reportingCues.has(word))) continue
      if (content) {
        // Words the tagger gave another quote: only when nothing before
        // the comma reports and little of it is quoted (a name or a
        // phrase in marks, `the fans sang the “Go Home” song`, is no
        // quotation of its own).
        let quoted = 0
        let plain = 0
        let reports = false
        for (let at = from; at < comma; at++) {
          if (tags[at].endsWith('CUE') && reportingCues.has(words[at])) reports = true
          if (isMark(words[at]) || !/[\p{L}\p{N}]/u.test(words[at])) continue
          if (view.quoted[at]) quoted++
          else plain++
        }

        if (reports || quoted * 2 > plain || (quoted > 0 && (view.quoted[from] || view.quoted[comma - 1]))) continue
      }

      // Where it was said (`said in a post`) is part of the cue; when
      // (`said on Tuesday`) is not.
      if (where > 0 && tail[tagged - 1].endsWith('CUE') && /^(?:in|on)$/.test(words[comma + 1 + tagged]) && media.test(words[comma + 2 + tagged] ?? '')) {
        for (let at = comma + 1 + tagged; at < last; at++) tags[at] = 'I-CUE'
      }
    }

    tags[comma] = 'O'
    for (let at = from; at < comma; at++) tags[at] = at === from ? 'B-CON' : 'I-CON'
  }
}

/**
 * Put the tagged runs of a block together into quotes.
 *
 * @param view
 *   Block.
 * @param tags
 *   A class per token.
 * @returns
 *   Quotes of the block, and a cue left without content at its end (with
 *   its source), which the caller may give to a quote without a cue at the
 *   start of the next block.
 */
export function linkQuotes(
  view: BlockView,
  tags: ReadonlyArray<string>
): {quotes: BlockQuote[]; pending?: {cue: TokenRange; source?: TokenRange}} {
  const runs = runsOf(view, tags)
  const cues = runs.filter((run) => run.type === 'CUE')
  const sources = runs.filter((run) => run.type === 'SRC')
  const byCue = new Map<Run, BlockQuote>()
  const quotes: BlockQuote[] = []
  let last: {quote: BlockQuote; run: Run} | undefined

  for (const run of runs) {
    if (run.type !== 'CON') continue
    // A cue in any sentence the run spans: `“We sign up. We do our part,”
    // said Miller` is Miller's, though its first sentence has no cue.
    const cue = nearest(
      cues,
      run,
      (each) => each.sentence >= run.sentence && each.sentence <= run.lastSentence && !concessive(view, each, run)
    )
    let quote: BlockQuote | undefined
    if (cue) {
      quote = byCue.get(cue)
      if (!quote) {
        quote = {parts: [], cue: [cue.first, cue.last], kind: 'indirect'}
        const source = nearest(sources, cue, (each) => each.sentence === cue.sentence && !inside(each, run))
        if (source) quote.source = [source.first, source.last]
        byCue.set(cue, quote)
        quotes.push(quote)
      }
    } else if (
      last &&
      last.run.lastSentence >= run.sentence - 1 &&
      !cues.some((each) => each.first >= last!.run.last && each.first < run.first && !byCue.has(each))
    ) {
      // A quote running on into the next sentence.
      quote = last.quote
    } else {
      quote = {parts: [], kind: 'indirect'}
      quotes.push(quote)
    }

    quote.parts.push([run.first, run.last])
    last = {quote, run}
  }

  for (const quote of quotes) {
    quote.kind = kindOf(view, quote.parts)
    if (quote.cue || quote.source) continue
    // “…” Dr. Lee pointed out.: the attribution as a sentence of its own
    // right after the quotation (its full stop inside the marks).
    const after = quote.kind === 'indirect' ? undefined : attributionAfter(view, runs, byCue, quote.parts.at(-1)![1])
    if (after) {
      quote.cue = [after.cue.first, after.cue.last]
      if (after.source) quote.source = [after.source.first, after.source.last]
      byCue.set(after.cue, quote)
      continue
    }

    const speaker = speakerColon(view, quote.parts[0][0])
    if (speaker) {
      quote.source = speaker
      quote.cue = [speaker[1], speaker[1] + 1]
    } else if (quote.kind !== 'indirect') {
      const source = colonSource(view, quote.parts[0][0]) ?? signedAfter(view, tags, quote.parts.at(-1)![1])
      if (source) quote.source = source
    }
  }

  // A cue at the end of the block with no content ("Caddell continued:").
  const lastCue = cues.at(-1)
  if (lastCue && !byCue.has(lastCue) && !runs.some((run) => run.type === 'CON' && run.first > lastCue.first)) {
    const source = nearest(sources, lastCue, (each) => each.sentence === lastCue.sentence)
    return {quotes, pending: {cue: [lastCue.first, lastCue.last], ...(source ? {source: [source.first, source.last] as TokenRange} : {})}}
  }

  return {quotes}
}

/**
 * The attribution of a quotation written as the next sentence (`“It was
 * symbolic.” Dr. Lee pointed out.`): a source and a cue that no content
 * took, opening the sentence right after the quotation's closing mark and
 * ending it, with at most a few words after the cue (`on Friday`).
 *
 * @param view
 *   Block.
 * @param runs
 *   Runs of the block.
 * @param byCue
 *   Cues already linked.
 * @param end
 *   Token after the quotation's last piece.
 * @returns
 *   The cue and its source, if so.
 */
function attributionAfter(view: BlockView, runs: ReadonlyArray<Run>, byCue: ReadonlyMap<Run, BlockQuote>, end: number): {cue: Run; source?: Run} | undefined {
  const {words} = view
  if (end >= words.length || !isMark(words[end - 1]) || !view.quoted[end - 1]) return undefined
  const sentence = view.sentenceOf[end]
  if (sentence === view.sentenceOf[end - 1]) return undefined
  const inSentence = runs.filter((run) => run.sentence === sentence)
  const source = inSentence.find((run) => run.type === 'SRC')
  const cue = inSentence.find((run) => run.type === 'CUE')
  if (!cue || byCue.has(cue) || inSentence.some((run) => run.type === 'CON')) return undefined
  // The source opens the sentence (or the cue does: `Said Lee.`), the cue follows it.
  const opens = source ?? cue
  if (opens.first !== end || (source && cue.first !== source.last)) return undefined
  let stop = cue.last
  while (stop < words.length && view.sentenceOf[stop] === sentence && !/^[.!?]$/.test(words[stop])) stop++
  if (stop - cue.last > 3 || view.sentenceOf[stop] !== sentence) return undefined
  return source ? {cue, source} : {cue}
}

const subjectPronouns: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we'])
// Words before a colon that are a label, not someone speaking (`Update: …`).
const labels: ReadonlySet<string> = new Set([
  'update', 'updated', 'note', 'editor', "editor's", 'editors', 'photo', 'photos', 'video', 'watch', 'read', 'related', 'breaking',
  'exclusive', 'analysis', 'opinion', 'correction', 'clarification', 'source', 'sources', 'credit', 'q', 'a', 'the', 'see', 'listen',
  'live', 'poll', 'report', 'review', 'timeline', 'explainer', 'factbox', 'fact', 'check', 'warning', 'question', 'answer'
])

/**
 * A name alone before a colon that opens the sentence of a quote with no
 * cue (a transcript's `Lopez: Well, …` or a headline's `Moss: Budget Is
 * ‘Balanced’`): the name is the source and the colon the cue.
 *
 * @param view
 *   Block.
 * @param first
 *   First token of the quote's content.
 * @returns
 *   Token range of the name (the colon is the token after it), if any.
 */
function speakerColon(view: BlockView, first: number): TokenRange | undefined {
  const {words, tokens} = view
  let colon = first - 1
  if (colon >= 0 && isMark(words[colon])) colon--
  if (colon < 1 || words[colon] !== ':' || view.sentenceOf[colon] !== view.sentenceOf[first] || view.quoted[colon]) return undefined
  let start = colon
  while (start > 0 && view.sentenceOf[start - 1] === view.sentenceOf[colon] && colon - start < 5) start--
  if (start > 0 && view.sentenceOf[start - 1] === view.sentenceOf[colon]) return undefined
  // Capitalised words (`Sen. Ann Moss`), not a dateline in capitals or a label.
  const name = tokens.slice(start, colon)
  if (!name.every((token) => /^\p{Lu}[\p{L}’'-]*\.?$/u.test(token.text) || token.text === '.')) return undefined
  if (name.every((token) => token.text.length > 1 && token.text === token.text.toUpperCase())) return undefined
  if (words.slice(start, colon).some((word) => labels.has(word))) return undefined
  return [start, colon]
}

// Words of a photo credit or a page's links and buttons, which sign no quotation.
const creditWords: ReadonlySet<string> = new Set([
  ...['images', 'image', 'photo', 'photos', 'photograph', 'getty', 'shutterstock', 'alamy', 'reuters', 'afp', 'ap', 'pool', 'file', 'credit', 'courtesy', 'staff', 'video'],
  ...['read', 'more', 'share', 'subscribe', 'comment', 'comments', 'gallery', 'view', 'click', 'advertisement', 'related', 'sign', 'log']
])

// Small words of a title or an organisation's name after a signature.
const signatureWords: ReadonlySet<string> = new Set(['of', 'and', 'for', 'the', 'at', 'in', 'on', '&', ',', '.', '(', ')', '-', '–'])

/**
 * The name that signs a quotation at the end of its paragraph, as press
 * releases write it: `“… the whole workflow.” Ada Lund, General Manager,
 * Norvik Labs` (no verb; perhaps a dash first, `” ― Ada Lund`). The
 * quotation must end right before it, and the name (two to four
 * capitalised words) be followed only by the end of the paragraph or by
 * a comma and titles: capitalised words and their small words, nothing
 * the tagger gave a run.
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags.
 * @param end
 *   Token after the quotation's last piece.
 * @returns
 *   Token range of the name, if any.
 */
function signedAfter(view: BlockView, tags: ReadonlyArray<string>, end: number): TokenRange | undefined {
  const {words, tokens} = view
  if (end >= words.length || !isMark(words[end - 1]) || !view.quoted[end - 1]) return undefined
  let first = end
  if (/^[―—–-]$/.test(words[first])) first++
  const capitalised = (at: number) => at < words.length && /^\p{Lu}[\p{L}’'.-]*$/u.test(tokens[at].text)
  let last = first
  while (capitalised(last) && last - first < 4) last++
  if (last - first < 2) return undefined
  // A photo credit or a page's link after the quotation (“Getty Images”,
  // “Read More”): no one.
  if (words.slice(first, last).some((word) => creditWords.has(word))) return undefined
  // The rest of the paragraph: titles after a comma, or nothing.
  if (last < words.length && !(words[last] === ',' || (words[last] === '.' && last === words.length - 1))) return undefined
  if (words.length - last > 25) return undefined
  for (let at = first; at < words.length; at++) {
    if (tags[at] !== 'O' || view.quoted[at]) return undefined
    if (at >= last && !capitalised(at) && !signatureWords.has(words[at])) return undefined
  }

  return [first, last]
}

/**
 * The source of a quotation with no cue that follows a colon in its
 * sentence: the name that opens the sentence (`Tomczyk put it bluntly:
 * “…”`, `The Acme unit answered in a statement: “…”`, `She added: “…”`).
 *
 * @param view
 *   Block.
 * @param first
 *   First token of the quote's content.
 * @returns
 *   Token range of the source, if any.
 */
function colonSource(view: BlockView, first: number): TokenRange | undefined {
  const {words, tokens} = view
  let colon = first - 1
  if (colon >= 0 && isMark(words[colon])) colon--
  if (colon < 1 || words[colon] !== ':' || view.sentenceOf[colon] !== view.sentenceOf[first]) return undefined
  let start = colon
  while (start > 0 && view.sentenceOf[start - 1] === view.sentenceOf[colon]) start--
  if (colon - start > 14 || view.quoted[start]) return undefined
  if (subjectPronouns.has(words[start])) return [start, start + 1]
  let end = start
  if (words[end] === 'the') end++
  while (end < colon && /^\p{Lu}/u.test(tokens[end].text)) end++
  // A name, then the rest of the sentence up to the colon with no comma
  // (not `In March, …:`).
  if (end === start || (words[start] === 'the' && end === start + 1) || end >= colon) return undefined
  if (words.slice(start, colon).includes(',')) return undefined
  return [start, end]
}

/**
 * The runs of each class.
 *
 * @param view
 *   Block.
 * @param tags
 *   Tags.
 * @returns
 *   Runs in order.
 */
function runsOf(view: BlockView, tags: ReadonlyArray<string>): Run[] {
  const runs: Run[] = []
  for (let index = 0; index < tags.length; index++) {
    const tag = tags[index]
    if (tag === 'O') continue
    const type = tag.slice(2) as Run['type']
    const previous = runs.at(-1)
    if (tag.startsWith('I-') && previous && previous.type === type && previous.last === index) {
      previous.last = index + 1
      previous.lastSentence = view.sentenceOf[index]
    } else {
      runs.push({type, first: index, last: index + 1, sentence: view.sentenceOf[index], lastSentence: view.sentenceOf[index]})
    }
  }

  // Edge punctuation is no source or cue ("Morris ,").
  return runs.filter((run) => run.type === 'CON' || /[\p{L}\p{N}]/u.test(view.words.slice(run.first, run.last).join('')))
}

/**
 * The run nearest to another (by the tokens between them).
 *
 * @param runs
 *   Candidates.
 * @param to
 *   Run.
 * @param keep
 *   Which candidates count.
 * @returns
 *   Nearest candidate.
 */
function nearest(runs: ReadonlyArray<Run>, to: Run, keep: (run: Run) => boolean): Run | undefined {
  let best: Run | undefined
  let distance = Infinity
  for (const run of runs) {
    if (!keep(run)) continue
    const gap = run.first >= to.last ? run.first - to.last : to.first >= run.last ? to.first - run.last : 0
    if (gap < distance) {
      best = run
      distance = gap
    }
  }

  return best
}

/**
 * Whether a run lies within another.
 *
 * @param run
 *   Inner run.
 * @param outer
 *   Outer run.
 * @returns
 *   Whether it does.
 */
function inside(run: Run, outer: Run): boolean {
  return run.first >= outer.first && run.last <= outer.last
}

/**
 * The kind of a quote: `direct` when all its words are inside quotation
 * marks, `mixed` when some are, `indirect` when none is.
 *
 * @param view
 *   Block.
 * @param parts
 *   Content pieces.
 * @returns
 *   Kind.
 */
function kindOf(view: BlockView, parts: ReadonlyArray<TokenRange>): BlockQuote['kind'] {
  let inside = 0
  let outside = 0
  for (const [first, last] of parts) {
    for (let index = first; index < last; index++) {
      if (isMark(view.words[index]) || !/[\p{L}\p{N}]/u.test(view.words[index])) continue
      if (view.quoted[index]) inside++
      else outside++
    }
  }

  return inside === 0 ? 'indirect' : outside === 0 ? 'direct' : 'mixed'
}

const concessives: ReadonlySet<string> = new Set(['while', 'although', 'though', 'whereas'])

/**
 * Whether a cue sits in a concessive clause before the content it would
 * take (`While she did not give details, the statement underlined …`: the
 * statement is not what she said).
 *
 * @param view
 *   Block.
 * @param cue
 *   Cue run.
 * @param content
 *   Content run.
 * @returns
 *   Whether it does.
 */
function concessive(view: BlockView, cue: Run, content: Run): boolean {
  if (cue.last > content.first) return false
  let first = cue.first
  while (first > 0 && view.sentenceOf[first - 1] === cue.sentence) first--
  if (!concessives.has(view.words[first])) return false
  return view.words.slice(cue.last, content.first).includes(',')
}

/**
 * Where the reported words start after an opening verb: right after it, or
 * at “that” after whom or where they were told (`… told reporters that`,
 * `… confirmed to Acme that`).
 *
 * @param words
 *   Lower-case words of the paragraph.
 * @param verb
 *   Index of the verb.
 * @param last
 *   End of the sentence (exclusive).
 * @returns
 *   Index of the first reported word; `undefined` when the verb reports
 *   only with a “that” and none follows.
 */
function reportedStart(words: ReadonlyArray<string>, verb: number, last: number): number | undefined {
  let content = verb + 1
  if (words[content] === 'to' || words[verb] === 'told') {
    let that = content
    while (that < last && that - content <= 4 && words[that] !== 'that' && words[that] !== ',') that++
    if (words[that] === 'that') content = that
  }

  if (words[content] === 'that' || withoutThat.has(words[verb])) return content
  // Who was told and what to do (`told owners more than once to park …`).
  if (directives.has(words[verb]) && (objectWords.has(words[verb + 1] ?? '') || /^\p{L}+s$/u.test(words[verb + 1] ?? ''))) {
    let to = verb + 2
    while (to < last && to - verb <= 6 && /^[\p{L}-]+$/u.test(words[to]) && words[to] !== 'to') to++
    // Not whom it was told to (`told a story to the children`).
    if (words[to] === 'to' && last - to >= 3 && !objectWords.has(words[to + 1]) && !/^(?:this|that|these|those|\p{N}.*)$/u.test(words[to + 1])) return to
  }

  return undefined
}

// Verbs that tell someone what to do (`told owners to park outside`).
const directives: ReadonlySet<string> = new Set(['told', 'urged', 'advised', 'warned', 'asked', 'ordered', 'instructed'])
