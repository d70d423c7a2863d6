import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import test from 'node:test'

function files(folder: string): string[] {
  return fs.readdirSync(folder, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(folder, entry.name)
    return entry.isDirectory() ? files(full) : [full]
  })
}

test('architecture: src/core never imports vscode', () => {
  const sources = files('src/core').filter((file) => file.endsWith('.ts'))
  assert.ok(sources.length > 10)
  for (const file of sources) {
    const text = fs.readFileSync(file, 'utf8')
    assert.doesNotMatch(text, /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\)/, file)
  }
})

test('architecture: src/core imports nothing from src/extension or src/cli', () => {
  for (const file of files('src/core').filter((file) => file.endsWith('.ts'))) {
    const text = fs.readFileSync(file, 'utf8')
    assert.doesNotMatch(text, /from\s+['"][./]*\/(extension|cli)\//, file)
  }
})
