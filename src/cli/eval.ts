/**
 * `newsmark eval`: runs the tagger over a gold JSONL file (the format of
 * `../shared/eval`) and writes predictions as JSONL, for `score.mjs` (and
 * `score-attribution.mjs` for the `attribution` task: PolNeAR quotes). The
 * gold texts are plain text (CoNLL tokens, TempEval’s LaTeX quotes), so they
 * are read as text, not as Markdown.
 */
import fs from 'node:fs'
import readline from 'node:readline'
import {createNewsmark, type Newsmark} from '../core/analyze.ts'
import {checkWorthiness, CLAIM_THRESHOLD} from '../core/claims/classifier.ts'
import {tagClaims} from '../core/claims/tag-claims.ts'
import {viewText} from '../core/document.ts'
import {clusterMentions} from '../core/entities/cluster.ts'
import {findMentions} from '../core/entities/mentions.ts'
import {parseIsoDate} from '../core/options.ts'
import type {Quote} from '../core/types.ts'
import {InputError} from './read.ts'

/** Evaluation tasks. */
export type Task = 'ner' | 'timex' | 'claims' | 'attribution'

interface GoldLine {
  id: string
  text: string
  dct?: string
}

/**
 * Write predictions for every line of a gold file.
 *
 * @param task
 *   Task.
 * @param path
 *   Gold JSONL path.
 * @param write
 *   Receives each output line.
 */
export async function evaluate(
  task: Task,
  path: string,
  write: (line: string) => void
): Promise<void> {
  if (!fs.existsSync(path)) throw new InputError(`${path}: no such file`)
  if (!fs.statSync(path).isFile()) throw new InputError(`${path}: is not a file, expected gold JSONL`)
  const lines = readline.createInterface({input: fs.createReadStream(path)})
  // The gold items share no text: only what is learnt of words is kept.
  const batch = createNewsmark({caches: false})
  let number = 0
  for await (const line of lines) {
    number++
    if (!line.trim()) continue
    let gold: unknown
    try {
      gold = JSON.parse(line)
    } catch {
      throw new InputError(`${path}:${number}: not valid JSON, expected one JSON object a line`)
    }

    if (!isGoldLine(gold)) {
      throw new InputError(`${path}:${number}: expected an object with a string \`id\` and \`text\``)
    }

    if (gold.dct !== undefined && !parseIsoDate(gold.dct)) {
      throw new InputError(`${path}:${number}: unexpected \`dct\` \`${String(gold.dct)}\`, expected a date as \`YYYY-MM-DD\``)
    }

    write(JSON.stringify(predict(task, gold, batch)))
  }
}

/**
 * Whether a parsed line has the fields `eval` reads.
 *
 * @param value
 *   Parsed JSON.
 * @returns
 *   Whether it is a gold line.
 */
function isGoldLine(value: unknown): value is GoldLine {
  if (value === null || typeof value !== 'object') return false
  const record = value as Record<string, unknown>
  return typeof record.id === 'string' && typeof record.text === 'string'
}

/**
 * Predict one line.
 *
 * @param task
 *   Task.
 * @param gold
 *   Gold line (only `id`, `text` and `dct` are read).
 * @param batch
 *   The analyses of this evaluation.
 * @returns
 *   Prediction.
 */
function predict(task: Task, gold: GoldLine, batch: Newsmark): object {
  if (task === 'claims') {
    const score = checkWorthiness(gold.text)
    return {id: gold.id, label: score >= CLAIM_THRESHOLD ? 1 : 0, score}
  }

  if (task === 'attribution') {
    const file = batch.analyzeText(gold.text, {dates: false})
    return {id: gold.id, quotes: (file.data.newsmark!.quotes ?? []).map(quotePrediction), rules: ruleBaseline(gold.text)}
  }

  if (task === 'ner') {
    const file = batch.analyzeText(gold.text, {dates: false, claims: false})
    // CoNLL-2003 tags nationalities MISC: the benchmark counts them.
    const {entities, nationalities = []} = file.data.newsmark!
    const spans = [...entities, ...nationalities].flatMap((entity) =>
      entity.mentions
        .filter((mention) => !mention.pronoun)
        .map((mention) => ({start: mention.start, end: mention.end, label: entity.type}))
    )
    return {id: gold.id, spans: spans.sort((a, b) => a.start - b.start)}
  }

  const file = batch.analyzeText(gold.text, {
    entities: false,
    claims: false,
    referenceDate: gold.dct ?? null
  })
  return {
    id: gold.id,
    spans: file.data.newsmark!.dates.map((date) => ({
      start: date.start,
      end: date.end,
      label: date.type,
      value: date.value
    }))
  }
}

/**
 * A quote as `score-attribution.mjs` reads it: content span (and parts as
 * offset pairs), speaker span with its resolved name, cue span.
 *
 * @param quote
 *   Quote.
 * @returns
 *   Prediction.
 */
function quotePrediction(quote: Quote): object {
  return {
    start: quote.start,
    end: quote.end,
    ...(quote.parts ? {parts: quote.parts.map((part) => [part.start, part.end])} : {}),
    kind: quote.kind,
    speaker: quote.source
      ? // The resolved name as its text: the scorer compares it when the spans do not overlap.
        {start: quote.source.start, end: quote.source.end, text: quote.source.name, kind: quote.source.kind}
      : null,
    cue: quote.cue ? {start: quote.cue.start, end: quote.cue.end, text: quote.cue.text} : null
  }
}

/**
 * The attribution Newsmark made before the quotation model, for
 * comparison: each claim the claim tagger attributes, its sentence as the
 * quote and the speaker's name (no cue offsets: it kept only the verb).
 *
 * @param text
 *   Article.
 * @returns
 *   Quotes in the scorer's shape.
 */
function ruleBaseline(text: string): object[] {
  const document = viewText(text)
  const mentions = findMentions(document)
  const {entities, entityOf} = clusterMentions(mentions)
  return tagClaims(document, mentions, entityOf, entities)
    .filter((claim) => claim.speaker)
    .map((claim) => ({start: claim.start, end: claim.end, speaker: {text: claim.speaker!.name}, cue: null}))
}
