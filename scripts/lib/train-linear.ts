/**
 * Training of the linear classifier of `src/core/ml/linear.ts`: binary
 * logistic regression with AdaGrad, L2 regularisation and (optionally)
 * weight averaging, a seeded shuffle, serialisation with pruning, and the
 * threshold of best F1. Only the scripts train; the core only predicts.
 * Training is fully deterministic for a given data order, options and seed.
 */
import type {LinearModel, SerializedLinearModel, SparseFeatures} from '../../src/core/ml/linear.ts'
import {sigmoid} from '../../src/core/ml/linear.ts'

interface Indexed {
  index: Int32Array
  value: Float64Array
  label: 0 | 1
}

function entries(features: SparseFeatures): Iterable<readonly [string, number]> {
  if (Array.isArray(features)) {
    return (features as ReadonlyArray<string>).map((name) => [name, 1] as const)
  }
  return (features as ReadonlyMap<string, number>).entries()
}

/** One training example. */
export interface Example {
  features: SparseFeatures
  /** Gold class: 1 (positive) or 0 (negative). */
  label: 0 | 1
}

/** Training options; every field has a default. */
export interface TrainOptions {
  /** Passes over the data (default 10). */
  epochs?: number
  /** AdaGrad base learning rate (default 0.2). */
  learningRate?: number
  /** L2 strength applied to the features of each example (default 1e-4). */
  l2?: number
  /** Drop features seen in fewer than this many examples (default 1). */
  minCount?: number
  /** Return the average of the weights over all updates (default true). */
  average?: boolean
  /** Weight of positive examples in the loss (default 1). */
  positiveWeight?: number
  /** Seed of the per-epoch shuffle (default 1). */
  seed?: number
}

/** Options of {@link serializeModel}. */
export interface SerializeOptions {
  /** Decimal places kept (default 4). */
  precision?: number
  /** Weights whose absolute value is below this are dropped (default 1e-3). */
  minAbs?: number
}

/** Mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Fisher–Yates shuffle in place with the given random source. */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const tmp = items[i] as T
    items[i] = items[j] as T
    items[j] = tmp
  }
  return items
}

/**
 * Train a logistic-regression model with AdaGrad.
 *
 * Features are interned in first-seen order; examples are visited in a
 * seeded shuffle each epoch, so the same data and options always give the
 * same weights.
 */
export function trainLogistic(examples: ReadonlyArray<Example>, options: TrainOptions = {}): LinearModel {
  const epochs = options.epochs ?? 10
  const eta = options.learningRate ?? 0.2
  const l2 = options.l2 ?? 1e-4
  const minCount = options.minCount ?? 1
  const average = options.average ?? true
  const positiveWeight = options.positiveWeight ?? 1
  const random = mulberry32(options.seed ?? 1)

  // Document frequency, for count pruning.
  const counts = new Map<string, number>()
  for (const example of examples) {
    const seen = new Set<string>()
    for (const [name] of entries(example.features)) {
      if (seen.has(name)) continue
      seen.add(name)
      counts.set(name, (counts.get(name) ?? 0) + 1)
    }
  }
  const names: string[] = []
  const ids = new Map<string, number>()
  for (const [name, count] of counts) {
    if (count < minCount) continue
    ids.set(name, names.length)
    names.push(name)
  }

  const data: Indexed[] = examples.map((example) => {
    const merged = new Map<number, number>()
    for (const [name, value] of entries(example.features)) {
      const id = ids.get(name)
      if (id === undefined) continue
      merged.set(id, (merged.get(id) ?? 0) + value)
    }
    const index = new Int32Array(merged.size)
    const value = new Float64Array(merged.size)
    let k = 0
    for (const [id, v] of merged) {
      index[k] = id
      value[k] = v
      k++
    }
    return {index, value, label: example.label}
  })

  const n = names.length
  // Slot n is the bias.
  const w = new Float64Array(n + 1)
  const g2 = new Float64Array(n + 1).fill(1e-8)
  // Averaging trick: avg = w - u / c, with u accumulating c * delta.
  const u = new Float64Array(n + 1)
  let c = 1

  const order = data.map((_, i) => i)
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random)
    for (const i of order) {
      const {index, value, label} = data[i] as Indexed
      let z = w[n] as number
      for (let k = 0; k < index.length; k++) z += (w[index[k] as number] as number) * (value[k] as number)
      const p = sigmoid(z)
      const scale = label === 1 ? positiveWeight : 1
      const err = (p - label) * scale
      for (let k = 0; k < index.length; k++) {
        const j = index[k] as number
        const grad = err * (value[k] as number) + l2 * (w[j] as number)
        if (grad === 0) continue
        g2[j] = (g2[j] as number) + grad * grad
        const delta = (-eta * grad) / Math.sqrt(g2[j] as number)
        w[j] = (w[j] as number) + delta
        u[j] = (u[j] as number) + c * delta
      }
      if (err !== 0) {
        g2[n] = (g2[n] as number) + err * err
        const delta = (-eta * err) / Math.sqrt(g2[n] as number)
        w[n] = (w[n] as number) + delta
        u[n] = (u[n] as number) + c * delta
      }
      c++
    }
  }

  const weights = new Map<string, number>()
  for (let j = 0; j < n; j++) {
    const value = average ? (w[j] as number) - (u[j] as number) / c : (w[j] as number)
    if (value !== 0) weights.set(names[j] as string, value)
  }
  const bias = average ? (w[n] as number) - (u[n] as number) / c : (w[n] as number)
  return {bias, weights}
}

function round(value: number, precision: number): number {
  const factor = 10 ** precision
  return Math.round(value * factor) / factor
}

/**
 * The JSON form of a model: rounded weights, tiny ones dropped, features
 * sorted by name so the output is stable.
 */
export function serializeModel(model: LinearModel, options: SerializeOptions = {}): SerializedLinearModel {
  const precision = options.precision ?? 4
  const minAbs = options.minAbs ?? 1e-3
  const kept: Array<[string, number]> = []
  for (const [name, weight] of model.weights) {
    const rounded = round(weight, precision)
    if (Math.abs(rounded) >= minAbs && rounded !== 0) kept.push([name, rounded])
  }
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return {
    bias: round(model.bias, precision),
    features: kept.map(([name]) => name),
    weights: kept.map(([, weight]) => weight)
  }
}

/** Precision, recall and F1 of the positive class at a threshold. */
export interface ThresholdChoice {
  threshold: number
  precision: number
  recall: number
  f1: number
}

/**
 * The threshold on `scores` that maximises positive-class F1 against
 * `labels` (a prediction is positive when `score >= threshold`). Ties go to
 * the midpoint between neighbouring scores, so the choice is not glued to
 * one training example.
 */
export function bestF1Threshold(scores: ReadonlyArray<number>, labels: ReadonlyArray<0 | 1>): ThresholdChoice {
  const order = scores.map((_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number))
  const positives = labels.reduce<number>((sum, label) => sum + label, 0)
  let tp = 0
  let best: ThresholdChoice = {threshold: 1, precision: 0, recall: 0, f1: 0}
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number
    tp += labels[i] as number
    const next = order[k + 1]
    const here = scores[i] as number
    // Only cut between distinct scores.
    if (next !== undefined && (scores[next] as number) === here) continue
    const predicted = k + 1
    const precision = tp / predicted
    const recall = positives ? tp / positives : 0
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
    if (f1 > best.f1) {
      const threshold = next === undefined ? here : (here + (scores[next] as number)) / 2
      best = {threshold, precision, recall, f1}
    }
  }
  return best
}
