/**
 * Presets, as remark-lint has them: named sets of rules. `recommended` (the
 * default) holds the rules that earned their place on real news — a finding
 * that is wrong costs a reader more than one that is missing — measured with
 * `npm run precision` on the labelled sample (`docs/precision.md`);
 * `strict` turns on every rule. A rule's own setting (`rules:` in
 * `.newsmarkrc`, `severities` in the API) wins over its preset.
 */

/** The preset of the CLI and the editor when none is configured. */
export const defaultPreset: PresetName = 'recommended'

/** Preset names. */
export const presetNames = ['recommended', 'strict'] as const

/** A preset name. */
export type PresetName = (typeof presetNames)[number]

/**
 * Rules left out of `recommended`, each with why (the measured useful share
 * on the dev part of the labelled sample is in `docs/precision.md`).
 */
export const notRecommended: Readonly<Record<string, string>> = {
  'claim-to-check': 'the claims it lists are check-worthy (83% on held-out articles) and its reasons hold, but half of them are minor (a price, a method detail) rather than worth a reader’s check',
  'relative-date': 'right most of the time, but a restated date is no problem to fix: the value belongs in the hover and the sidebar’s timeline',
  'unattributed-claim': 'fires on eyewitness reporting, public record, background and claims sourced in the next sentence',
  'unsourced-number': 'flags only statistics stated as fact now (89% useful on dev), but held-out articles do not agree yet (2 of 5 useful)',
  'quote-without-speaker': 'misses speakers named right after the quote or carried on from the quote before',
  'vague-source': 'flags groups the article names in the sentence before or after',
  hedging: 'flags the legal “allegedly” and hedges the article then sources',
  'loaded-verb': 'right about the verb, but seldom worth a reader’s attention: 1 of 10 findings useful on real news (a field’s usual word, a literal “pointed out”, a reviewer’s own voice)'
}

/**
 * Whether a value names a preset.
 *
 * @param value
 *   Value.
 * @returns
 *   Whether it is `recommended` or `strict`.
 */
export function isPresetName(value: unknown): value is PresetName {
  return typeof value === 'string' && (presetNames as ReadonlyArray<string>).includes(value)
}

/**
 * The severities a preset sets: `off` for every rule it leaves out.
 *
 * @param preset
 *   Preset.
 * @returns
 *   Severities per rule id.
 */
export function presetSeverities(preset: PresetName): Record<string, 'off'> {
  if (preset === 'strict') return {}
  return Object.fromEntries(Object.keys(notRecommended).map((id) => [id, 'off' as const]))
}
