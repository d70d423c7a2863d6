/**
 * The levels of `newsmark.diagnostics.severity` (`src/extension/levels.ts`,
 * plain Node): the schema's `info`, and VS Code's `information` too.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import {checkedLevels, levels} from '../../src/service/levels.ts'

test('levels: info, as the CLI says it, and information, as VS Code says it', () => {
  assert.deepEqual(checkedLevels({'relative-date': 'info', hedging: 'information', 'loaded-verb': 'off'}), {
    'relative-date': 'info',
    hedging: 'info',
    'loaded-verb': 'off'
  })
})

test('levels: unknown levels and values that are not maps are left out', () => {
  assert.deepEqual(checkedLevels({a: 'fatal', b: 1, c: 'hint', d: 'Warning'}), {c: 'hint'})
  assert.deepEqual(checkedLevels(['error']), {})
  assert.deepEqual(checkedLevels('error'), {})
  assert.deepEqual(checkedLevels(null), {})
})

test('levels: the settings schema documents the same levels', () => {
  const manifest = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
  const sections = [manifest.contributes.configuration].flat()
  const setting = sections.map((section) => section.properties['newsmark.diagnostics.severity']).find(Boolean)
  assert.deepEqual(setting.additionalProperties.enum, levels)
})
