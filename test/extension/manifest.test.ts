/**
 * The manifest's contributions that make the extension's page and first
 * steps (plain Node): settings in titled sections, default keybindings
 * scoped to Markdown editors, and a walkthrough whose buttons run commands
 * that exist.
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

test('manifest: the walkthrough’s steps have media and run commands that exist', () => {
  const [walkthrough] = contributes.walkthroughs
  assert.deepEqual(
    walkthrough.steps.map((step: {id: string}) => step.id),
    ['openSample', 'hover', 'sidebar', 'verdict', 'export']
  )
  for (const step of walkthrough.steps) {
    const media = step.media.svg ?? step.media.image ?? step.media.markdown
    assert.ok(fs.existsSync(new URL(`../../${media}`, import.meta.url)), media)
    assert.ok(step.media.markdown || step.media.altText, `${step.id}: alt text`)
    for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) assert.ok(commands.has(command), command)
    for (const event of step.completionEvents ?? []) {
      const [kind, id] = event.split(':')
      if (kind === 'onCommand') assert.ok(commands.has(id), event)
      if (kind === 'onView') assert.ok(Object.values(contributes.views).flat().some((view) => (view as {id: string}).id === id), event)
    }
  }
  // The sample the first step opens ships.
  assert.ok(fs.readFileSync(new URL('../../.vscodeignore', import.meta.url), 'utf8').includes('!examples/poland-ottawa.md'))
})

test('manifest: the lockfile records the package as package.json declares it (npm install in a fresh clone changes nothing)', () => {
  const lock = JSON.parse(fs.readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'))
  const root = lock.packages['']
  assert.equal(root.name, manifest.name)
  assert.equal(root.version, manifest.version)
  // npm writes bin paths without a leading "./".
  const bin = Object.fromEntries(Object.entries(manifest.bin as Record<string, string>).map(([name, file]) => [name, file.replace(/^\.\//, '')]))
  assert.deepEqual(root.bin, bin)
  assert.deepEqual(root.engines, manifest.engines)
  assert.deepEqual(root.dependencies ?? {}, manifest.dependencies ?? {})
  assert.deepEqual(root.devDependencies ?? {}, manifest.devDependencies ?? {})
})
