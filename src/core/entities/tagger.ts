/**
 * Named-entity tagger: a greedy left-to-right averaged perceptron over BIO
 * tags (PER, ORG, LOC, MISC), trained on CoNLL-2003 by
 * `scripts/train-ner.ts`. The model ships as JSON; no text of the training
 * data is in it, only feature weights.
 */
import {Perceptron, type PerceptronModel} from '../ml/perceptron.ts'
import type {EntityType} from '../types.ts'
import {
  features,
  viewSentence,
  type DocumentCasing
} from './features.ts'
import modelData from './ner-model.json' with {type: 'json'}

/** An entity span over token indices of one sentence. */
export interface TokenSpan {
  /** Index of the first token. */
  first: number
  /** Index after the last token. */
  last: number
  label: EntityType
}

let model: Perceptron | undefined

/**
 * The shipped model, loaded on first use.
 *
 * @returns
 *   Perceptron.
 */
function shippedModel(): Perceptron {
  model ??= Perceptron.fromJSON(modelData as PerceptronModel)
  return model
}

/**
 * Tag the words of one sentence with BIO tags.
 *
 * @param words
 *   Token texts.
 * @param casing
 *   Document casing (see `documentCasing`).
 * @param perceptron
 *   Model (default: the shipped one).
 * @returns
 *   One tag per word (`O`, `B-PER`, `I-PER`, …).
 */
export function tagWords(
  words: ReadonlyArray<string>,
  casing: DocumentCasing,
  perceptron: Perceptron = shippedModel()
): string[] {
  const view = viewSentence(words)
  const tags: string[] = []
  let previous = '-START-'
  let previous2 = '-START-'
  for (let index = 0; index < words.length; index++) {
    const scores = perceptron.scores(
      features(view, index, previous, previous2, casing)
    )
    let tag = perceptron.classes[best(scores, perceptron.classes, previous)]
    tags.push(tag)
    previous2 = previous
    previous = tag
  }

  return tags
}

/**
 * Best class that continues the previous tag legally (an `I-X` only after
 * `B-X` or `I-X`).
 */
function best(
  scores: Float64Array,
  classes: ReadonlyArray<string>,
  previous: string
): number {
  let bestIndex = -1
  for (let index = 0; index < scores.length; index++) {
    const tag = classes[index]
    if (tag.startsWith('I-') && previous.slice(2) !== tag.slice(2)) continue
    if (bestIndex < 0 || scores[index] > scores[bestIndex]) bestIndex = index
  }

  return bestIndex
}

/**
 * Turn BIO tags into spans.
 *
 * @param tags
 *   BIO tags.
 * @returns
 *   Spans.
 */
export function spansOf(tags: ReadonlyArray<string>): TokenSpan[] {
  const spans: TokenSpan[] = []
  for (let index = 0; index < tags.length; index++) {
    const tag = tags[index]
    if (tag === 'O') continue
    const label = tag.slice(2) as EntityType
    const first = index
    while (index + 1 < tags.length && tags[index + 1] === 'I-' + label) index++
    spans.push({first, last: index + 1, label})
  }

  return spans
}
