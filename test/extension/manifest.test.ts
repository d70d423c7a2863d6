/**
 * The manifest's contributions that make the extension's page and first
 * steps (plain Node): settings in titled sections and default keybindings
 * scoped to Markdown editors.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'

const manifest = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
const contributes = manifest.contributes
/** Commands Newsmark contributes, and the VS Code ones its keys and steps run. */
const commands = new Set<string>([...contributes.commands.map((item: {command: string}) => item.command), 'workbench.view.extension.newsmark'])

test('manifest: settings come in titled, ordered sections, each setting in one', () => {
  assert.ok(Array.isArray(contributes.configuration))
  const orders = contributes.configuration.map((section: {order: number}) => section.order)
  assert.deepEqual(orders, [...orders].sort((a, b) => a - b), 'sections in order')
  assert.equal(new Set(orders).size, orders.length)
  const keys: string[] = []
  for (const section of contributes.configuration) {
    assert.ok(typeof section.title === 'string' && section.title.length > 0, 'a title')
    assert.ok(Object.keys(section.properties).length > 0, `${section.title} has settings`)
    keys.push(...Object.keys(section.properties))
  }
  assert.equal(new Set(keys).size, keys.length, 'each setting once')
  for (const key of keys) assert.match(key, /^newsmark\./)
})

test('manifest: default keybindings run known commands, in Markdown editors only', () => {
  assert.ok(contributes.keybindings.length >= 4)
  const keys = new Set<string>()
  for (const binding of contributes.keybindings) {
    assert.ok(commands.has(binding.command), binding.command)
    assert.match(binding.when, /\beditorLangId == markdown\b/, `${binding.command} only in Markdown`)
    assert.ok(binding.mac, `${binding.command} has a macOS key`)
    for (const key of [binding.key, binding.mac]) {
      assert.ok(!keys.has(key), `${key} bound once`)
      keys.add(key)
    }
  }
})
