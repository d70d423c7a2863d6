/**
 * A small, generic linear classifier over sparse string features, for
 * prediction: a margin or a probability of a feature vector, and a model
 * read from its JSON form. Training (binary logistic regression with
 * AdaGrad) is the scripts' (`scripts/lib/train-linear.ts`).
 *
 * Nothing here knows about claims or text: callers turn their inputs into
 * sparse feature vectors (`feature name -> value`, usually `1`).
 */

/**
 * A sparse feature vector. An array of names means "each name with value 1"
 * (repeated names add up); a map gives explicit values.
 */
export type SparseFeatures = ReadonlyArray<string> | ReadonlyMap<string, number>

/** A trained model: a bias and a weight per feature name. */
export interface LinearModel {
  bias: number
  weights: ReadonlyMap<string, number>
}

/** The JSON form of a model, as written by {@link serializeModel}. */
export interface SerializedLinearModel {
  bias: number
  features: string[]
  weights: number[]
}

/** The logistic function, guarded against overflow. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x))
  const e = Math.exp(x)
  return e / (1 + e)
}

/** The raw margin `bias + w·x` of a feature vector. */
export function margin(model: LinearModel, features: SparseFeatures): number {
  let sum = model.bias
  const weights = model.weights
  if (Array.isArray(features)) {
    for (const name of features as ReadonlyArray<string>) {
      const w = weights.get(name)
      if (w !== undefined) sum += w
    }
  } else {
    for (const [name, value] of features as ReadonlyMap<string, number>) {
      const w = weights.get(name)
      if (w !== undefined) sum += w * value
    }
  }
  return sum
}

/** The probability of the positive class, `sigmoid(margin)`. */
export function predictProbability(model: LinearModel, features: SparseFeatures): number {
  return sigmoid(margin(model, features))
}

/** Rebuild a model from its JSON form. */
export function deserializeModel(json: SerializedLinearModel): LinearModel {
  if (json.features.length !== json.weights.length) {
    throw new Error('linear model: features and weights differ in length')
  }
  const weights = new Map<string, number>()
  for (let i = 0; i < json.features.length; i++) {
    weights.set(json.features[i] as string, json.weights[i] as number)
  }
  return {bias: json.bias, weights}
}

