/**
 * What a workspace may set (`src/extension/settings-policy.ts`, plain
 * Node): in Restricted Mode, the workspace's values of the restricted
 * settings are ignored; in any workspace, the numbers are capped.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import {
  checkedMaxFileSize,
  checkedTimeout,
  effectiveSetting,
  maxFileSizeKiB,
  maxTimeout,
  restrictedNote,
  restrictedSettings
} from '../../src/extension/settings-policy.ts'

test('settings policy: a workspace that is not trusted cannot set the restricted settings', () => {
  // `.vscode/settings.json` of a repository: a timeout of 24 days, and a name.
  const timeout = {defaultValue: 30, workspaceValue: 2_147_483}
  assert.deepEqual(effectiveSetting(timeout, 2_147_483, false), {value: 30, ignored: true})
  assert.deepEqual(effectiveSetting(timeout, 2_147_483, true), {value: 2_147_483, ignored: false})

  const creator = {defaultValue: '', globalValue: 'Ada Reader', workspaceFolderValue: 'Someone Else'}
  assert.deepEqual(effectiveSetting(creator, 'Someone Else', false), {value: 'Ada Reader', ignored: true}, 'the user’s own value')
  assert.deepEqual(effectiveSetting({defaultValue: 2048, globalValue: 4096}, 4096, false), {value: 4096, ignored: false})
  assert.deepEqual(effectiveSetting({defaultValue: 2048, workspaceLanguageValue: 1e9}, 1e9, false), {value: 2048, ignored: true})
  assert.deepEqual(effectiveSetting(undefined, 5, false), {value: 5, ignored: false})
})

test('settings policy: the numbers are capped in any workspace', () => {
  assert.equal(checkedTimeout(2_147_483, 30), maxTimeout)
  assert.equal(maxTimeout, 600)
  assert.equal(checkedTimeout(0, 30), 1)
  assert.equal(checkedTimeout(-1, 30), 30)
  assert.equal(checkedTimeout('60', 30), 30)
  assert.equal(checkedTimeout(45, 30), 45)
  assert.equal(checkedMaxFileSize(Number.MAX_SAFE_INTEGER, 2048), maxFileSizeKiB)
  assert.equal(checkedMaxFileSize(Infinity, 2048), 2048)
  assert.equal(checkedMaxFileSize(512, 2048), 512)
})

test('settings policy: the manifest restricts and caps the same settings', () => {
  const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'))
  const untrusted = manifest.capabilities.untrustedWorkspaces
  assert.equal(untrusted.supported, 'limited')
  assert.deepEqual([...untrusted.restrictedConfigurations].sort(), restrictedSettings.map((key) => 'newsmark.' + key).sort())
  assert.ok(untrusted.description.length > 0)
  // The settings' sections (`contributes.configuration` is an array of them).
  const properties = Object.assign({}, ...[manifest.contributes.configuration].flat().map((section) => section.properties))
  assert.equal(properties['newsmark.analysis.timeout'].maximum, maxTimeout)
  assert.equal(properties['newsmark.analysis.maxFileSize'].maximum, maxFileSizeKiB)
  for (const key of restrictedSettings) assert.ok(properties['newsmark.' + key], key)
})

test('settings policy: what Restricted Mode changes, in words', () => {
  assert.equal(restrictedNote(undefined), undefined)
  assert.equal(
    restrictedNote([]),
    'Restricted Mode: the fact base (`facts:` of `.newsmarkrc`, `.newsmark/facts.yaml`) is not read. Trust the workspace to use them.'
  )
  assert.equal(
    restrictedNote(['analysis.timeout', 'annotations.creator']),
    "Restricted Mode: the fact base (`facts:` of `.newsmarkrc`, `.newsmark/facts.yaml`) is not read, and the workspace's `newsmark.analysis.timeout` and `newsmark.annotations.creator` are ignored. Trust the workspace to use them."
  )
})
