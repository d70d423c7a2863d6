/**
 * Check-worthy claim detection: does a sentence state something a fact
 * checker would want to verify?
 *
 * A logistic-regression model over sparse lexical features (word unigrams
 * and bigrams, number/percent/money/year shapes, lexicon flags such as
 * reporting verbs, modals, pronouns, length buckets; see `features.ts`),
 * trained on CLEF CheckThat! 2024 task 1 English by
 * `scripts/train-claims.ts` and stored in `model.json`. Pure, synchronous,
 * no I/O at call time.
 */
import modelJson from './model.json' with {type: 'json'}
import {deserializeModel, margin, sigmoid, type LinearModel, type SerializedLinearModel} from '../ml/linear.ts'
import {Cache} from '../incremental/memory.ts'
import {claimFeatures, DEFAULT_FEATURE_OPTIONS, emitClaimFeatures, type FeatureOptions} from './features.ts'

interface ClaimModelFile {
  version: number
  threshold: number
  featureOptions: FeatureOptions
  model: SerializedLinearModel
}

const file = modelJson as unknown as ClaimModelFile
const featureOptions: FeatureOptions = {...DEFAULT_FEATURE_OPTIONS, ...file.featureOptions}

/**
 * Scores at or above this are check-worthy. Chosen by the training script
 * to maximise F1 on held-out slices of the training data.
 */
export const CLAIM_THRESHOLD: number = file.threshold

/** Longer input is cut here before feature extraction (sentences are short). */
const MAX_CHARS = 2000

/**
 * Probability-like check-worthiness score of one sentence, in `[0, 1]`.
 * Compare with {@link CLAIM_THRESHOLD}. Never throws; an empty or
 * whitespace-only sentence scores as "nothing to check".
 */
export function checkWorthiness(sentence: string): number {
  if (typeof sentence !== 'string' || sentence.trim() === '') return 0
  const text = sentence.length > MAX_CHARS ? sentence.slice(0, MAX_CHARS) : sentence
  return scores.get(text, score)
}

// Scores of sentences seen before (a document analysed again after an edit).
const scores = new Cache<string, number>(32_768)

/** The model, ready to score. */
interface Scorer {
  model: LinearModel
  // The n-gram weights by their words, so that scoring builds no feature
  // name: `u:<norm>` by norm, `b:<previous> <norm>` by previous, then norm.
  unigrams: Map<string, number>
  bigrams: Map<string, Map<string, number>>
}

let scorer: Scorer | undefined

/**
 * The model, read on first use (a process that loads the core and never
 * scores a sentence never reads it).
 *
 * @returns
 *   Scorer.
 */
function loadScorer(): Scorer {
  if (scorer) return scorer
  const model = deserializeModel(file.model)
  const unigrams = new Map<string, number>()
  const bigrams = new Map<string, Map<string, number>>()
  for (const [name, weight] of model.weights) {
    if (name.startsWith('u:')) {
      unigrams.set(name.slice(2), weight)
    } else if (name.startsWith('b:')) {
      const space = name.indexOf(' ', 2)
      if (space < 0) continue
      const previous = name.slice(2, space)
      let next = bigrams.get(previous)
      if (!next) bigrams.set(previous, (next = new Map()))
      next.set(name.slice(space + 1), weight)
    }
  }

  scorer = {model, unigrams, bigrams}
  return scorer
}

/**
 * `sigmoid(margin(model, claimFeatures(text)))`: the same sum, in the same
 * order (so the same number to the last bit), without feature names.
 */
function score(text: string): number {
  const {model, unigrams, bigrams} = loadScorer()
  let sum = model.bias
  emitClaimFeatures(text, featureOptions, {
    unigram(norm) {
      const weight = unigrams.get(norm)
      if (weight !== undefined) sum += weight
    },
    bigram(previous, norm) {
      const weight = bigrams.get(previous)?.get(norm)
      if (weight !== undefined) sum += weight
    },
    other(name) {
      const weight = model.weights.get(name)
      if (weight !== undefined) sum += weight
    }
  })
  return sigmoid(sum)
}

/**
 * The score as `margin` over `claimFeatures` computes it (the reference
 * `checkWorthiness` must equal; for tests).
 *
 * @param sentence
 *   Sentence.
 * @returns
 *   Score.
 */
export function referenceCheckWorthiness(sentence: string): number {
  if (typeof sentence !== 'string' || sentence.trim() === '') return 0
  const text = sentence.length > MAX_CHARS ? sentence.slice(0, MAX_CHARS) : sentence
  return sigmoid(margin(loadScorer().model, claimFeatures(text, featureOptions)))
}

/** Whether a sentence is check-worthy (`checkWorthiness >= CLAIM_THRESHOLD`). */
export function isCheckWorthy(sentence: string): boolean {
  return checkWorthiness(sentence) >= CLAIM_THRESHOLD
}
