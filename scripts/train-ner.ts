/**
 * Train the named-entity tagger on CoNLL-2003 train and write
 * `src/core/entities/ner-model.json`.
 *
 * Usage: `node --import tsx scripts/train-ner.ts [TRAIN.jsonl] [--epochs N]`
 *
 * Deterministic: documents are shuffled with a fixed seed each epoch. The
 * model holds feature weights only, never training text.
 */
import fs from 'node:fs'
import path from 'node:path'
import {documentCasing, features, viewSentence} from '../src/core/entities/features.ts'
import {Perceptron, argmax} from '../src/core/ml/perceptron.ts'
import {splitSentences} from '../src/core/text/sentences.ts'
import {tokenize} from '../src/core/text/tokenize.ts'
import {evalRoot, random, readJsonl, shuffle} from './lib/data.ts'

interface GoldDocument {
  id: string
  text: string
  spans: Array<{start: number; end: number; label: string}>
}

const args = process.argv.slice(2)
const epochsFlag = args.indexOf('--epochs')
const epochs = epochsFlag >= 0 ? Number(args[epochsFlag + 1]) : 10
const input =
  args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--epochs') ??
  path.join(evalRoot, 'data/conll2003/train.jsonl')
const output = 'src/core/entities/ner-model.json'

const labels = ['PER', 'ORG', 'LOC', 'MISC']
const classes = ['O', ...labels.flatMap((label) => ['B-' + label, 'I-' + label])]

interface Example {
  sentences: Array<{words: string[]; tags: string[]}>
  casing: ReturnType<typeof documentCasing>
}

const examples: Example[] = []
let misaligned = 0
for (const document of readJsonl<GoldDocument>(input)) {
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

  const sentences = splitSentences(tokens).map((sentence) => ({
    words: tokens.slice(sentence.first, sentence.last).map((token) => token.text),
    tags: tags.slice(sentence.first, sentence.last)
  }))
  examples.push({sentences, casing: documentCasing(sentences.map((s) => s.words))})
}

console.error(`${examples.length} documents, ${misaligned} tokens misaligned with gold spans`)

const perceptron = new Perceptron(classes)
const next = random(20_26)
for (let epoch = 0; epoch < epochs; epoch++) {
  shuffle(examples, next)
  let correct = 0
  let total = 0
  for (const {sentences, casing} of examples) {
    for (const {words, tags} of sentences) {
      const view = viewSentence(words)
      let previous = '-START-'
      let previous2 = '-START-'
      for (let index = 0; index < words.length; index++) {
        const active = features(view, index, previous, previous2, casing)
        const guess = argmax(perceptron.scores(active))
        const truth = classes.indexOf(tags[index])
        perceptron.update(active, truth, guess)
        if (guess === truth) correct++
        total++
        previous2 = previous
        previous = classes[guess]
      }
    }
  }

  console.error(`epoch ${epoch + 1}: token accuracy ${((100 * correct) / total).toFixed(2)}%`)
}

perceptron.average()
const model = perceptron.toJSON(Number(process.env.NER_PRUNE ?? 0.05))
fs.writeFileSync(output, JSON.stringify(model))
console.error(
  `wrote ${output}: ${Object.keys(model.weights).length} features, ${(fs.statSync(output).size / 1e6).toFixed(1)} MB`
)

// Score on dev (token-level pipeline, exact span match), for quick feedback.
const devFile = path.join(evalRoot, 'data/conll2003/dev.jsonl')
if (fs.existsSync(devFile)) {
  const {tagWords, spansOf} = await import('../src/core/entities/tagger.ts')
  const trained = Perceptron.fromJSON(model)
  let gold = 0
  let predicted = 0
  let correct = 0
  for (const document of readJsonl<GoldDocument>(devFile)) {
    const tokens = tokenize(document.text)
    const sentences = splitSentences(tokens)
    const casing = documentCasing(
      sentences.map((s) => tokens.slice(s.first, s.last).map((t) => t.text))
    )
    const found = new Set<string>()
    for (const sentence of sentences) {
      const sentenceTokens = tokens.slice(sentence.first, sentence.last)
      const tags = tagWords(sentenceTokens.map((t) => t.text), casing, trained)
      for (const span of spansOf(tags)) {
        found.add(
          `${sentenceTokens[span.first].start}:${sentenceTokens[span.last - 1].end}:${span.label}`
        )
      }
    }

    predicted += found.size
    gold += document.spans.length
    for (const span of document.spans) {
      if (found.has(`${span.start}:${span.end}:${span.label}`)) correct++
    }
  }

  const precision = correct / predicted
  const recall = correct / gold
  console.error(
    `dev (tokens, no Markdown): P ${(100 * precision).toFixed(1)} R ${(100 * recall).toFixed(1)} F1 ${((200 * precision * recall) / (precision + recall)).toFixed(1)}`
  )
}
