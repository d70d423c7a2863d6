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
import {claimFeatures, DEFAULT_FEATURE_OPTIONS, type FeatureOptions} from './features.ts'

interface ClaimModelFile {
  version: number
  threshold: number
  featureOptions: FeatureOptions
  model: SerializedLinearModel
}

const file = modelJson as unknown as ClaimModelFile
const model: LinearModel = deserializeModel(file.model)
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
  return sigmoid(margin(model, claimFeatures(text, featureOptions)))
}

/** Whether a sentence is check-worthy (`checkWorthiness >= CLAIM_THRESHOLD`). */
export function isCheckWorthy(sentence: string): boolean {
  return checkWorthiness(sentence) >= CLAIM_THRESHOLD
}
