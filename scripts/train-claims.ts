/**
 * Train the check-worthy claim classifier and write
 * `src/core/claims/model.json`.
 *
 *   node --import tsx scripts/train-claims.ts [TRAIN.jsonl] [options]
 *
 * TRAIN defaults to the CheckThat! 2024 English train split
 * (`/work/shared/eval/data/checkthat2024/train.jsonl`): one
 * `{"id", "text", "label": 0|1}` object a line.
 *
 * Training data and licence: the shipped model is trained on that split
 * alone, 22,500 sentences of US presidential debates (ClaimBuster, CC BY
 * 4.0, as published by the CLEF CheckThat! lab). The model file holds
 * weights of word n-grams and flags, no sentence. PolNeAR (news
 * attributions, no licence) is not used: its attributions mark what was
 * said, not what is worth checking, and as weak extra data it lowered the
 * cross-validated F1 (docs/precision.md, "Claims model, second attempt").
 *
 * Steps (all deterministic, seeded):
 *  1. shuffle the training sentences with a fixed seed and cut them into
 *     K folds (`--folds`, default 5);
 *  2. for each fold, train on the other folds and score the held-out fold,
 *     so every training sentence gets an out-of-fold score;
 *  3. pick the threshold that maximises positive-class F1 on those
 *     held-out scores (never on dev);
 *  4. train the final model on all of TRAIN with the same settings, round
 *     weights, drop tiny ones, and write the JSON.
 *
 * Options: --out PATH, --folds K, --epochs N, --lr X, --l2 X, --min-count N,
 * --pos-weight X, --seed N, --precision N, --min-abs X,
 * --features unigrams=1,bigrams=1,trigrams=0,lexicon=1,shapes=1,surface=1,suffix=0,conjunctions=0
 * --search   only run the cross-validation for a small built-in grid and
 *            print the out-of-fold F1 of each setting (writes nothing).
 * --dry-run  do everything but write the model.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {claimFeatures, DEFAULT_FEATURE_OPTIONS, type FeatureOptions} from '../src/core/claims/features.ts'
import {deserializeModel, margin, sigmoid} from '../src/core/ml/linear.ts'
import {bestF1Threshold, mulberry32, serializeModel, shuffleInPlace, trainLogistic, type Example, type TrainOptions} from './lib/train-linear.ts'

const DEFAULT_TRAIN = '/work/shared/eval/data/checkthat2024/train.jsonl'
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const argv = process.argv.slice(2)
const positional: string[] = []
const opts = new Map<string, string>()
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i] as string
  if (arg === '--search' || arg === '--dry-run') opts.set(arg.slice(2), '1')
  else if (arg.startsWith('--')) opts.set(arg.slice(2), argv[++i] ?? '')
  else positional.push(arg)
}
const num = (name: string, fallback: number): number => {
  const value = opts.get(name)
  if (value === undefined) return fallback
  const parsed = Number(value)
  if (!Number.isFinite(parsed)) {
    console.error(`--${name}: not a number: ${value}`)
    process.exit(2)
  }
  return parsed
}

const trainPath = positional[0] ?? DEFAULT_TRAIN
const outPath = opts.get('out') ?? path.join(root, 'src/core/claims/model.json')
if (!fs.existsSync(trainPath)) {
  console.error(`train-claims: training data not found: ${trainPath}`)
  console.error('Pass the path of a JSONL file with {"id", "text", "label": 0|1} lines as the first argument.')
  process.exit(2)
}

const featureOptions: FeatureOptions = {...DEFAULT_FEATURE_OPTIONS}
for (const pair of (opts.get('features') ?? '').split(',').filter(Boolean)) {
  const [key, value] = pair.split('=') as [keyof FeatureOptions, string | undefined]
  if (!(key in featureOptions)) {
    console.error(`--features: unknown feature group: ${key}`)
    process.exit(2)
  }
  ;(featureOptions as unknown as Record<string, number | boolean>)[key] =
    key === 'suffix' ? Number(value ?? 0) : value !== '0' && value !== 'false'
}

/** Defaults chosen by 5-fold cross-validation on TRAIN (`--search`). */
const trainOptions: Required<TrainOptions> = {
  epochs: num('epochs', 10),
  learningRate: num('lr', 0.05),
  l2: num('l2', 0.01),
  minCount: num('min-count', 2),
  average: true,
  positiveWeight: num('pos-weight', 1),
  seed: num('seed', 13)
}
const folds = Math.max(2, Math.floor(num('folds', 5)))
const precision = num('precision', 3)
const minAbs = num('min-abs', 0.02)

interface Row {
  id: string
  text: string
  label: 0 | 1
}

const started = performance.now()
const rows: Row[] = []
for (const [n, line] of fs.readFileSync(trainPath, 'utf8').split('\n').entries()) {
  if (!line.trim()) continue
  const row = JSON.parse(line) as {id?: unknown; text?: unknown; label?: unknown}
  if (typeof row.text !== 'string') throw new Error(`${trainPath}:${n + 1}: no "text"`)
  rows.push({id: String(row.id ?? n), text: row.text, label: Number(row.label) === 1 ? 1 : 0})
}
// Fixed-seed shuffle: the fold split does not depend on the file order.
shuffleInPlace(rows, mulberry32(trainOptions.seed))

function featurize(options: FeatureOptions): Example[] {
  return rows.map((row) => ({features: claimFeatures(row.text, options), label: row.label}))
}

/** Out-of-fold probabilities for every training row (rounded, pruned fold models). */
function crossValidate(examples: Example[], options: TrainOptions): number[] {
  const scores = new Array<number>(examples.length).fill(0)
  for (let f = 0; f < folds; f++) {
    const train: Example[] = []
    const held: number[] = []
    examples.forEach((example, i) => (i % folds === f ? held.push(i) : train.push(example)))
    // Score with the rounded, pruned model: the one that would be shipped.
    const model = deserializeModel(serializeModel(trainLogistic(train, options), {precision, minAbs}))
    for (const i of held) scores[i] = sigmoid(margin(model, (examples[i] as Example).features))
  }
  return scores
}

const labels = rows.map((row) => row.label)
const fmt = (x: number) => (100 * x).toFixed(1)

if (opts.has('search')) {
  const grid: Array<{name: string; features?: Partial<FeatureOptions>; train?: Partial<TrainOptions>}> = [
    {name: 'default'},
    {name: 'epochs=5', train: {epochs: 5}},
    {name: 'epochs=20', train: {epochs: 20}},
    {name: 'lr=0.02', train: {learningRate: 0.02}},
    {name: 'lr=0.2', train: {learningRate: 0.2}},
    {name: 'l2=1e-4', train: {l2: 1e-4}},
    {name: 'l2=0.03', train: {l2: 0.03}},
    {name: 'pos-weight=2', train: {positiveWeight: 2}},
    {name: 'min-count=1', train: {minCount: 1}},
    {name: 'min-count=3', train: {minCount: 3}},
    {name: 'no-average', train: {average: false}},
    {name: '+trigrams', features: {trigrams: true}},
    {name: '+suffix3', features: {suffix: 3}},
    {name: '+conjunctions', features: {conjunctions: true}},
    {name: '-lexicon', features: {lexicon: false}},
    {name: '-shapes', features: {shapes: false}},
    {name: '-surface', features: {surface: false}},
    {name: '-bigrams', features: {bigrams: false}}
  ]
  const only = opts.get('only')?.split(',')
  for (const setting of grid) {
    if (only && !only.includes(setting.name)) continue
    const t0 = performance.now()
    const examples = featurize({...featureOptions, ...setting.features})
    const scores = crossValidate(examples, {...trainOptions, ...setting.train})
    const best = bestF1Threshold(scores, labels)
    console.log(
      `${setting.name.padEnd(16)} oof F1 ${fmt(best.f1)}  P ${fmt(best.precision)}  R ${fmt(best.recall)}  ` +
        `thr ${best.threshold.toFixed(3)}  (${((performance.now() - t0) / 1000).toFixed(1)} s)`
    )
  }
  process.exit(0)
}

const examples = featurize(featureOptions)
const oof = crossValidate(examples, trainOptions)
const choice = bestF1Threshold(oof, labels)
const model = trainLogistic(examples, trainOptions)
const serialized = serializeModel(model, {precision, minAbs})
const threshold = Math.round(choice.threshold * 10000) / 10000

const output = {
  _comment:
    'Check-worthy claim classifier (logistic regression over sparse features of src/core/claims/features.ts). Generated by scripts/train-claims.ts; do not edit by hand.',
  version: 1,
  threshold,
  featureOptions,
  training: {
    data: path.basename(path.dirname(trainPath)) + '/' + path.basename(trainPath),
    sentences: rows.length,
    positives: labels.reduce<number>((sum, label) => sum + label, 0),
    folds,
    options: trainOptions,
    heldOut: {
      f1: Math.round(choice.f1 * 10000) / 10000,
      precision: Math.round(choice.precision * 10000) / 10000,
      recall: Math.round(choice.recall * 10000) / 10000
    }
  },
  model: serialized
}
const json = JSON.stringify(output) + '\n'
const seconds = (performance.now() - started) / 1000

console.log(`train-claims: ${rows.length} sentences (${output.training.positives} check-worthy) from ${trainPath}`)
console.log(`features: ${JSON.stringify(featureOptions)}`)
console.log(`options: ${JSON.stringify(trainOptions)}`)
console.log(
  `${folds}-fold held-out F1 ${fmt(choice.f1)} (P ${fmt(choice.precision)}, R ${fmt(choice.recall)}) at threshold ${threshold}`
)
console.log(`weights: ${model.weights.size} trained, ${serialized.features.length} kept; ${(json.length / 1024).toFixed(0)} KiB`)
if (opts.has('dry-run')) {
  console.log(`dry run: not writing ${outPath} (${seconds.toFixed(1)} s)`)
} else {
  fs.mkdirSync(path.dirname(outPath), {recursive: true})
  fs.writeFileSync(outPath, json)
  console.log(`wrote ${path.relative(process.cwd(), outPath) || outPath} in ${seconds.toFixed(1)} s`)
}
