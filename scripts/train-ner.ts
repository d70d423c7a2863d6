/**
 * Train the named-entity tagger on CoNLL-2003 train and write
 * `src/core/entities/ner-model.json`, then score it on dev (token pipeline,
 * exact spans; `npm run eval -- --task ner` gives the official number).
 *
 * The shipped model is CoNLL-2003 train only, with the defaults below (the
 * command without options rebuilds it byte for byte). More and newer data,
 * GUM (`scripts/ner-data/gum.ts`, CC BY 4.0 annotations, given with
 * `--extra`), was tried and not shipped: it lowered CoNLL dev and did not
 * raise the real-news entity numbers (`docs/accuracy.md`, “Named entities”).
 *
 * Usage: `node --import tsx scripts/train-ner.ts [TRAIN.jsonl] [options]`
 *
 * - `--epochs N`: passes over the data (default 15).
 * - `--cv [K]`: K-fold cross-validation on train (default 5) instead of
 *   writing a model: prints the pooled micro F1 over the folds.
 * - `--stage1-only`: no second (document-level) stage.
 * - `--jackknife K`: folds for the first-stage predictions that the second
 *   stage trains on (default 5).
 * - `--min-count N`: drop features seen fewer than N times in training
 *   (default 1, none dropped).
 * - `--scheme bilou|bio`: tag encoding (default bilou: `U-` single-word
 *   names, `L-` last words).
 * - `--constrained`: in training, guess only legal continuations as in
 *   tagging (default: the best class; tagging always obeys the
 *   constraints).
 * - `--extra FILE`: more training documents in the same JSONL form (e.g.
 *   from `scripts/ner-data/gum.ts`), trained on together with TRAIN; never
 *   held out in `--cv`, so the folds score CoNLL train only. Repeatable.
 * - `--extra-share P`: each extra document takes part in an epoch with
 *   probability P (default 1): a lighter weight for the extra data.
 * - `--out FILE`: where to write the model; `--no-write`: nowhere.
 * - `--errors FILE`: write dev errors (missed, spurious, wrong type) there.
 * - `--model FILE`: score that model on dev, without training.
 * - `--speed [RUNS]`: only time the shipped tagger on the dev texts (about
 *   275 KB): entity mentions of each document, as `newsmark` finds them;
 *   prints the median over runs (after two warm-up runs), in µs per token.
 * - `--gazetteers`: only write `src/core/entities/gazetteers.json`, the name
 *   lists the tagger's gazetteer features read, from data packages (dev
 *   dependencies, MIT): cities of at least 50,000 people and provinces
 *   (`city-timezones`), nationalities (`i18n-nationality`) and companies
 *   (`@cspell/dict-companies`).
 *
 * Deterministic: documents are shuffled with a fixed seed each epoch; the
 * folds too. The model holds feature weights only, never training text.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {
  documentCasing,
  documentLabels,
  nonLocalFeatures,
  stackFeatures,
  staticFeatures,
  viewSentence,
  type SentenceView
} from '../src/core/entities/features.ts'
import {
  NerTagger,
  decodeSentence,
  encodeWeights,
  spansOf,
  transitions,
  type NerModel
} from '../src/core/entities/tagger.ts'
import {isFirstName} from '../src/core/entities/gazetteer.ts'
import {Perceptron} from '../src/core/ml/perceptron.ts'
import {splitSentences} from '../src/core/text/sentences.ts'
import {tokenize} from '../src/core/text/tokenize.ts'
import {evalRoot, random, readJsonl, shuffle} from './lib/data.ts'

interface GoldDocument {
  id: string
  text: string
  spans: Array<{start: number; end: number; label: string}>
}

/** A document ready for training and scoring. */
interface Prepared {
  id: string
  text: string
  spans: GoldDocument['spans']
  words: string[][]
  /** Token offsets per sentence. */
  offsets: Array<Array<[number, number]>>
  views: SentenceView[]
  /** Gold tags per sentence. */
  tags: string[][]
  /** Tag-independent first-stage features per sentence and word. */
  statics: string[][][]
}

interface Options {
  epochs: number
  stage2: boolean
  jackknife: number
  minCount: number
  scheme: 'bio' | 'bilou'
  constrained: boolean
  prune: number
  seed: number
  extraShare: number
}

const args = process.argv.slice(2)
const valued = new Set(['--extra', '--extra-share', '--speed', '--tag', '--model', '--epochs', '--cv', '--jackknife', '--min-count', '--scheme', '--out', '--errors', '--seed'])
const flag = (name: string) => args.includes(name)
const value = (name: string, fallback: string) => {
  const index = args.indexOf(name)
  return index >= 0 && index + 1 < args.length && !args[index + 1].startsWith('--')
    ? args[index + 1]
    : fallback
}

const options: Options = {
  epochs: Number(value('--epochs', '15')),
  stage2: !flag('--stage1-only'),
  jackknife: Number(value('--jackknife', '5')),
  minCount: Number(value('--min-count', '1')),
  scheme: value('--scheme', 'bilou') === 'bio' ? 'bio' : 'bilou',
  constrained: flag('--constrained'),
  prune: Number(process.env.NER_PRUNE ?? 0),
  seed: Number(value('--seed', '2026')),
  extraShare: Number(value('--extra-share', '1'))
}
const input =
  args.find((arg, index) => !arg.startsWith('--') && !valued.has(args[index - 1])) ??
  path.join(evalRoot, 'data/conll2003/train.jsonl')
const output = flag('--no-write') ? undefined : value('--out', 'src/core/entities/ner-model.json')
const labels = ['PER', 'ORG', 'LOC', 'MISC']
const prefixes = options.scheme === 'bilou' ? ['B-', 'I-', 'L-', 'U-'] : ['B-', 'I-']
const classes = ['O', ...labels.flatMap((label) => prefixes.map((prefix) => prefix + label))]

if (flag('--speed')) {
  await speed(Number(value('--speed', '12')))
  process.exit(0)
}

if (flag('--gazetteers')) {
  writeGazetteers('src/core/entities/gazetteers.json')
  process.exit(0)
}

console.error(`options: ${JSON.stringify(options)}`)
const started = performance.now()
const train = flag('--model') ? [] : prepare(readJsonl<GoldDocument>(input))
// Extra training documents (`--extra FILE`, repeatable): trained on with
// `train`, never held out in `--cv`.
const extra = flag('--model')
  ? []
  : prepare(
      args
        .flatMap((arg, index) => (args[index - 1] === '--extra' ? [arg] : []))
        .flatMap((file) => readJsonl<GoldDocument>(file))
    )
const extraDocuments = new Set(extra)
if (extra.length > 0) console.error(`extra: ${extra.length} documents`)

if (flag('--cv')) {
  const folds = Number(value('--cv', '5'))
  const total = {tp: 0, predicted: 0, gold: 0}
  const scores: string[] = []
  for (const [fold, {rest, held}] of split(train, folds).entries()) {
    const tagger = new NerTagger(trainModel([...rest, ...extra]))
    const counts = score(tagger, held)
    total.tp += counts.tp
    total.predicted += counts.predicted
    total.gold += counts.gold
    scores.push(f1(counts).toFixed(2))
    console.error(`fold ${fold + 1}/${folds}: F1 ${f1(counts).toFixed(2)} (${seconds()} s)`)
  }

  console.log(
    `cv ${folds}-fold: micro F1 ${f1(total).toFixed(2)} (folds ${scores.join(', ')}) ${JSON.stringify(options)}`
  )
} else {
  const model: NerModel = flag('--model')
    ? (JSON.parse(fs.readFileSync(value('--model', ''), 'utf8')) as NerModel)
    : trainModel([...train, ...extra])
  if (output && !flag('--model')) {
    fs.writeFileSync(output, JSON.stringify(model))
    console.error(
      `wrote ${output}: ${Object.values(model.weights).reduce((sum, group) => sum + Object.keys(group).length, 0)} features, ${(fs.statSync(output).size / 1e6).toFixed(2)} MB`
    )
  }

  const devFile = path.join(evalRoot, 'data/conll2003/dev.jsonl')
  if (fs.existsSync(devFile)) {
    const dev = prepare(readJsonl<GoldDocument>(devFile))
    const errors: string[] = []
    const counts = score(new NerTagger(model), dev, errors)
    const precision = counts.tp / counts.predicted
    const recall = counts.tp / counts.gold
    console.log(
      `dev (tokens, no Markdown): P ${(100 * precision).toFixed(2)} R ${(100 * recall).toFixed(2)} F1 ${f1(counts).toFixed(2)} ${JSON.stringify(options)} (${seconds()} s)`
    )
    const errorFile = value('--errors', '')
    if (errorFile) fs.writeFileSync(errorFile, errors.join('\n') + '\n')
  }
}

/**
 * Train a model (both stages unless `--stage1-only`).
 *
 * @param documents
 *   Training documents.
 * @returns
 *   Serialised model.
 */
function trainModel(documents: ReadonlyArray<Prepared>): NerModel {
  const first = trainStage(documents, (document) => document.statics)
  if (!options.stage2) return pack([first])

  // What the first stage says about each training document, from a model
  // that did not see it (jackknife), as it will be on new text.
  const predicted = new Map<Prepared, string[][]>()
  for (const {rest, held} of split(documents, options.jackknife)) {
    const perceptron = trainStage(rest, (document) => document.statics)
    for (const document of held) predicted.set(document, firstStage(perceptron, document))
  }

  const second = trainStage(documents, (document) => {
    const tags = predicted.get(document)!
    const counts = documentLabels(document.views, tags)
    return document.views.map((view, sentence) => {
      const own = tags[sentence]
      const extra = nonLocalFeatures(view, own, counts)
      return document.statics[sentence].map((list, index) => [
        ...list,
        ...stackFeatures(own[index - 1] ?? '-START-', own[index], own[index + 1] ?? '-END-'),
        ...extra[index]
      ])
    })
  })
  return pack([first, second])
}

/**
 * Serialise stages: each scaled so that its largest weight is 1000,
 * rounded to integers; weights that round to `NER_PRUNE` or less (in that
 * scale) dropped.
 *
 * @param stages
 *   Averaged perceptrons.
 * @returns
 *   Model.
 */
function pack(stages: ReadonlyArray<Perceptron>): NerModel {
  const size = classes.length
  const vectors = new Map<string, number[]>()
  for (const [stage, perceptron] of stages.entries()) {
    let largest = 0
    for (const [, vector] of perceptron.entries()) {
      for (const weight of vector) largest = Math.max(largest, Math.abs(weight))
    }

    const scale = largest > 0 ? 1000 / largest : 1
    for (const [feature, vector] of perceptron.entries()) {
      let packed = vectors.get(feature)
      for (let index = 0; index < size; index++) {
        const weight = Math.round(vector[index] * scale)
        if (Math.abs(weight) <= options.prune) continue
        if (!packed) {
          packed = new Array<number>(size * stages.length).fill(0)
          vectors.set(feature, packed)
        }

        packed[stage * size + index] = weight
      }
    }
  }

  const model: NerModel = {classes, stages: stages.length, weights: {}}
  for (const feature of [...vectors.keys()].sort()) {
    const cut = feature.search(/[=|]/) + 1
    ;(model.weights[feature.slice(0, cut)] ??= {})[feature.slice(cut)] = encodeWeights(
      vectors.get(feature)!
    )
  }

  return model
}

/**
 * Train one stage.
 *
 * @param documents
 *   Documents.
 * @param featuresOf
 *   Tag-independent features of a document (per sentence and word).
 * @returns
 *   Averaged perceptron.
 */
function trainStage(
  documents: ReadonlyArray<Prepared>,
  featuresOf: (document: Prepared) => string[][][]
): Perceptron {
  let examples = documents.map((document) => ({
    document,
    statics: featuresOf(document),
    gold: document.tags.map((tags) => tags.map((tag) => classes.indexOf(tag)))
  }))
  if (options.minCount > 1) examples = dropRare(examples)
  const perceptron = new Perceptron(classes)
  const allowed = transitions(classes)
  const next = random(options.seed)
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(examples, next)
    for (const {document, statics, gold} of examples) {
      // `--extra-share P`: an extra document is seen in a share P of the
      // epochs only (seeded), so that it weighs less than the main data.
      if (options.extraShare < 1 && extraDocuments.has(document) && next() >= options.extraShare)
        continue
      for (const [sentence, view] of document.views.entries()) {
        decodeSentence(perceptron, view, statics[sentence], allowed, {
          gold: gold[sentence],
          constrained: options.constrained
        })
      }
    }
  }

  perceptron.average()
  return perceptron
}

/**
 * Drop features seen fewer than `--min-count` times.
 *
 * @param examples
 *   Examples.
 * @returns
 *   Examples with rare features left out.
 */
function dropRare<T extends {statics: string[][][]}>(examples: T[]): T[] {
  const counts = new Map<string, number>()
  for (const {statics} of examples) {
    for (const sentence of statics) {
      for (const word of sentence) {
        for (const feature of word) counts.set(feature, (counts.get(feature) ?? 0) + 1)
      }
    }
  }

  return examples.map((example) => ({
    ...example,
    statics: example.statics.map((sentence) =>
      sentence.map((word) => word.filter((feature) => counts.get(feature)! >= options.minCount))
    )
  }))
}

/**
 * First-stage tags of a document.
 *
 * @param perceptron
 *   First stage.
 * @param document
 *   Document.
 * @returns
 *   Tags per sentence.
 */
function firstStage(perceptron: Perceptron, document: Prepared): string[][] {
  const allowed = transitions(classes)
  return document.views.map((view, sentence) =>
    decodeSentence(perceptron, view, document.statics[sentence], allowed).map(
      (index) => classes[index]
    )
  )
}

/**
 * Score a tagger on documents (exact span match).
 *
 * @param tagger
 *   Tagger.
 * @param documents
 *   Documents.
 * @param errors
 *   Receives error lines, if given.
 * @returns
 *   Counts.
 */
function score(
  tagger: NerTagger,
  documents: ReadonlyArray<Prepared>,
  errors?: string[]
): {tp: number; predicted: number; gold: number} {
  let tp = 0
  let predicted = 0
  let gold = 0
  for (const document of documents) {
    const tagged = tagger.tagDocument(document.words)
    const found = new Map<string, string>()
    for (const [sentence, tags] of tagged.entries()) {
      const offsets = document.offsets[sentence]
      for (const span of spansOf(tags)) {
        found.set(`${offsets[span.first][0]}:${offsets[span.last - 1][1]}`, span.label)
      }
    }

    const expected = new Map(document.spans.map((span) => [`${span.start}:${span.end}`, span.label]))
    predicted += found.size
    gold += expected.size
    for (const [key, label] of expected) {
      if (found.get(key) === label) tp++
      else if (errors) errors.push(describe(document, key, label, found.get(key) ?? '-'))
    }

    if (errors) {
      for (const [key, label] of found) {
        if (!expected.has(key)) errors.push(describe(document, key, '-', label))
      }
    }
  }

  return {tp, predicted, gold}
}

/**
 * One error line: gold and predicted labels, the span and its context.
 *
 * @param document
 *   Document.
 * @param key
 *   `start:end`.
 * @param gold
 *   Gold label (`-`: none).
 * @param guess
 *   Predicted label (`-`: none).
 * @returns
 *   Line.
 */
function describe(document: Prepared, key: string, gold: string, guess: string): string {
  const [start, end] = key.split(':').map(Number)
  const before = document.text.slice(Math.max(0, start - 40), start).replace(/\s+/g, ' ')
  const after = document.text.slice(end, end + 40).replace(/\s+/g, ' ')
  return `${gold}\t${guess}\t${document.id}\t${before}[[${document.text.slice(start, end)}]]${after}`
}

/**
 * Micro F1 (percent).
 *
 * @param counts
 *   Counts.
 * @returns
 *   F1.
 */
function f1(counts: {tp: number; predicted: number; gold: number}): number {
  return (200 * counts.tp) / (counts.predicted + counts.gold)
}

/**
 * Split documents into K folds (seeded shuffle, then round robin).
 *
 * @param documents
 *   Documents.
 * @param folds
 *   K.
 * @returns
 *   For each fold, the documents held out and the rest.
 */
function split<T>(
  documents: ReadonlyArray<T>,
  folds: number
): Array<{rest: T[]; held: T[]}> {
  const order = [...documents.keys()]
  shuffle(order, random(options.seed + folds))
  const foldOf = new Map(order.map((index, position) => [index, position % folds]))
  return Array.from({length: folds}, (_, fold) => ({
    rest: documents.filter((_, index) => foldOf.get(index) !== fold),
    held: documents.filter((_, index) => foldOf.get(index) === fold)
  }))
}

/**
 * Tokenise documents, align gold spans to tokens and compute the
 * first-stage features once.
 *
 * @param documents
 *   Gold documents.
 * @returns
 *   Prepared documents.
 */
function prepare(documents: ReadonlyArray<GoldDocument>): Prepared[] {
  let misaligned = 0
  const result = documents.map((document) => {
    const tokens = tokenize(document.text)
    const tags = tokens.map(() => 'O')
    for (const span of document.spans) {
      let inside = false
      for (const [index, token] of tokens.entries()) {
        if (token.end <= span.start || token.start >= span.end) continue
        if (token.start < span.start || token.end > span.end) misaligned++
        tags[index] = (inside ? 'I-' : 'B-') + span.label
        inside = true
      }
    }

    if (options.scheme === 'bilou') {
      for (let index = 0; index < tags.length; index++) {
        const tag = tags[index]
        if (tag === 'O') continue
        const goesOn = tags[index + 1] === 'I-' + tag.slice(2)
        if (tag.startsWith('B-') && !goesOn) tags[index] = 'U-' + tag.slice(2)
        if (tag.startsWith('I-') && !goesOn) tags[index] = 'L-' + tag.slice(2)
      }
    }

    const sentences = splitSentences(tokens)
    const words = sentences.map((s) => tokens.slice(s.first, s.last).map((token) => token.text))
    const casing = documentCasing(words)
    const views = words.map((list) => viewSentence(list))
    return {
      id: document.id,
      text: document.text,
      spans: document.spans,
      words,
      offsets: sentences.map((s) =>
        tokens.slice(s.first, s.last).map((token): [number, number] => [token.start, token.end])
      ),
      views,
      tags: sentences.map((s) => tags.slice(s.first, s.last)),
      statics: views.map((view) => view.words.map((_, index) => staticFeatures(view, index, casing)))
    }
  })
  if (misaligned) console.error(`${misaligned} tokens misaligned with gold spans`)
  return result
}

/**
 * Seconds since the start.
 *
 * @returns
 *   Seconds, one decimal.
 */
function seconds(): string {
  return ((performance.now() - started) / 1000).toFixed(1)
}

/**
 * Write the name lists of the gazetteer features.
 *
 * @param file
 *   Output path.
 */
function writeGazetteers(file: string): void {
  const require = createRequire(import.meta.url)
  const cities = require('city-timezones/data/cityMap.json') as Array<{
    city: string
    city_ascii: string
    pop: number
    province: string
  }>
  const nationalities = (
    require('i18n-nationality/langs/en.json') as {nationalities: Record<string, string>}
  ).nationalities
  const companies = fs
    .readFileSync(
      path.join(path.dirname(require.resolve('@cspell/dict-companies/cspell-ext.json')), 'dict/companies.txt'),
      'utf8'
    )
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
  const unique = (names: string[]) =>
    [...new Set(names.filter((name) => name && name.length > 2))].sort()
  // Words of people's names in CoNLL-2003 train (“Johnson”, “Ford”): a
  // company's one-word name that is one of them may be a person's.
  const personWords = new Set<string>()
  for (const document of readJsonl<GoldDocument>(path.join(evalRoot, 'data/conll2003/train.jsonl'))) {
    for (const span of document.spans) {
      if (span.label === 'PER') for (const word of document.text.slice(span.start, span.end).split(/\s+/)) personWords.add(word)
    }
  }

  const lists = {
    city: unique(cities.filter((city) => city.pop >= 50_000).flatMap((city) => [city.city, city.city_ascii])),
    province: unique(cities.map((city) => city.province)),
    nationality: unique(Object.values(nationalities)),
    company: unique(companies),
    // One-word company names no person of CoNLL-2003 train bears and that
    // are no English first name (`isCompanyName`).
    companyAlone: unique(companies.filter((name) => /^\p{Lu}\S*$/u.test(name) && !personWords.has(name) && !isFirstName(name)))
  }
  fs.writeFileSync(
    file,
    JSON.stringify({
      source:
        'Generated by `node --import tsx scripts/train-ner.ts --gazetteers` from city-timezones (MIT; cities of 50,000 people or more, provinces), i18n-nationality (MIT) and @cspell/dict-companies (MIT); `companyAlone` leaves out the words of people’s names in CoNLL-2003 train.',
      ...lists
    }) + '\n'
  )
  console.error(
    `wrote ${file}: ${Object.entries(lists).map(([kind, names]) => `${names.length} ${kind}`).join(', ')}`
  )
}

/**
 * Time entity mentions over the dev texts.
 *
 * @param runs
 *   Runs (the first two are warm-up).
 */
async function speed(runs: number): Promise<void> {
  const {viewText} = await import('../src/core/document.ts')
  const {findMentions} = await import('../src/core/entities/mentions.ts')
  const texts = readJsonl<GoldDocument>(path.join(evalRoot, 'data/conll2003/dev.jsonl')).map(
    (document) => document.text
  )
  const views = texts.map((text) => viewText(text))
  let tokens = 0
  for (const view of views) for (const sentence of view.sentences) tokens += sentence.tokens.length
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    for (const view of views) findMentions(view)
    if (run >= 2) times.push(performance.now() - start)
  }

  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]
  console.log(
    `${texts.reduce((sum, text) => sum + text.length, 0)} chars, ${tokens} tokens: median ${median.toFixed(1)} ms, ${((1000 * median) / tokens).toFixed(2)} µs/token (min ${((1000 * times[0]) / tokens).toFixed(2)})`
  )
}
