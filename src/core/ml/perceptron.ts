/**
 * Averaged multiclass perceptron over sparse string features (Collins 2002;
 * the greedy tagger design of Honnibal's "A good part-of-speech tagger in
 * about 200 lines of Python").
 *
 * Training keeps, for each feature and class, the running weight, the sum of
 * past weights and the step of the last change, so averaging is exact and
 * costs nothing per step. The trained model is a plain JSON object that
 * `Perceptron.fromJSON` loads for prediction only.
 */

/** Serialised model: classes and, per feature, `[classIndex, weight, …]`. */
export interface PerceptronModel {
  classes: string[]
  weights: Record<string, number[]>
}

/** A multiclass averaged perceptron. */
export class Perceptron {
  readonly classes: ReadonlyArray<string>
  readonly #weights = new Map<string, Float64Array>()
  readonly #totals = new Map<string, Float64Array>()
  readonly #stamps = new Map<string, Float64Array>()
  #step = 0

  /**
   * @param classes
   *   Class labels.
   */
  constructor(classes: ReadonlyArray<string>) {
    this.classes = classes
  }

  /**
   * Load a model for prediction.
   *
   * @param model
   *   Serialised model.
   * @returns
   *   Perceptron.
   */
  static fromJSON(model: PerceptronModel): Perceptron {
    const perceptron = new Perceptron(model.classes)
    const size = model.classes.length
    for (const [feature, pairs] of Object.entries(model.weights)) {
      const vector = new Float64Array(size)
      for (let index = 0; index < pairs.length; index += 2) {
        vector[pairs[index]] = pairs[index + 1]
      }

      perceptron.#weights.set(feature, vector)
    }

    return perceptron
  }

  /**
   * Score every class.
   *
   * @param features
   *   Active features.
   * @returns
   *   A score per class.
   */
  scores(features: ReadonlyArray<string>): Float64Array {
    return this.accumulate(features, new Float64Array(this.classes.length))
  }

  /**
   * Add the weights of features to scores.
   *
   * @param features
   *   Active features.
   * @param scores
   *   A score per class, changed in place.
   * @returns
   *   `scores`.
   */
  accumulate(features: ReadonlyArray<string>, scores: Float64Array): Float64Array {
    const size = scores.length
    for (const feature of features) {
      const vector = this.#weights.get(feature)
      if (!vector) continue
      for (let index = 0; index < size; index++) {
        scores[index] += vector[index]
      }
    }

    return scores
  }

  /**
   * Best class index.
   *
   * @param features
   *   Active features.
   * @returns
   *   Index into `classes`.
   */
  predict(features: ReadonlyArray<string>): number {
    return argmax(this.scores(features))
  }

  /**
   * One training step: update towards `truth` when `guess` is wrong.
   *
   * @param features
   *   Active features.
   * @param truth
   *   Gold class index.
   * @param guess
   *   Predicted class index.
   */
  update(features: ReadonlyArray<string>, truth: number, guess: number): void {
    this.#step++
    if (truth === guess) return
    for (const feature of features) {
      this.#change(feature, truth, 1)
      this.#change(feature, guess, -1)
    }
  }

  /**
   * Advance the step counter by one example (for structured updates with
   * `adjust`).
   */
  tick(): void {
    this.#step++
  }

  /**
   * Move the weights of features for one class by `delta` (structured
   * updates: `+1` for the gold path, `-1` for the predicted one).
   *
   * @param features
   *   Active features.
   * @param index
   *   Class index.
   * @param delta
   *   Change.
   */
  adjust(features: ReadonlyArray<string>, index: number, delta: number): void {
    for (const feature of features) this.#change(feature, index, delta)
  }

  /**
   * Replace weights by their averages over all steps (end of training).
   */
  average(): void {
    for (const [feature, weights] of this.#weights) {
      const totals = this.#totals.get(feature)!
      const stamps = this.#stamps.get(feature)!
      for (let index = 0; index < weights.length; index++) {
        const total = totals[index] + (this.#step - stamps[index]) * weights[index]
        weights[index] = total / Math.max(1, this.#step)
      }
    }
  }

  /**
   * Features and their weight vectors (after `average`, the averages).
   *
   * @returns
   *   Entries.
   */
  entries(): IterableIterator<[string, Float64Array]> {
    return this.#weights.entries()
  }

  /**
   * Serialise, scaled so the largest weight is 100 and rounded to two
   * decimals, dropping weights below `threshold` (in that scale).
   *
   * @param threshold
   *   Smallest absolute weight kept (0–100 scale).
   * @returns
   *   Model.
   */
  toJSON(threshold = 0): PerceptronModel {
    let largest = 0
    for (const vector of this.#weights.values()) {
      for (const weight of vector) largest = Math.max(largest, Math.abs(weight))
    }

    const scale = largest > 0 ? 100 / largest : 1
    const weights: Record<string, number[]> = {}
    const features = [...this.#weights.keys()].sort()
    for (const feature of features) {
      const vector = this.#weights.get(feature)!
      const pairs: number[] = []
      for (let index = 0; index < vector.length; index++) {
        const weight = Math.round(vector[index] * scale * 100) / 100
        if (Math.abs(weight) > threshold) pairs.push(index, weight)
      }

      if (pairs.length > 0) weights[feature] = pairs
    }

    return {classes: [...this.classes], weights}
  }

  #change(feature: string, index: number, delta: number) {
    let weights = this.#weights.get(feature)
    if (!weights) {
      const size = this.classes.length
      weights = new Float64Array(size)
      this.#weights.set(feature, weights)
      this.#totals.set(feature, new Float64Array(size))
      this.#stamps.set(feature, new Float64Array(size))
    }

    const totals = this.#totals.get(feature)!
    const stamps = this.#stamps.get(feature)!
    totals[index] += (this.#step - stamps[index]) * weights[index]
    stamps[index] = this.#step
    weights[index] += delta
  }
}

/**
 * Index of the largest value (first on ties).
 *
 * @param values
 *   Values.
 * @returns
 *   Index.
 */
export function argmax(values: ArrayLike<number>): number {
  let best = 0
  for (let index = 1; index < values.length; index++) {
    if (values[index] > values[best]) best = index
  }

  return best
}
