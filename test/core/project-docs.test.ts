/**
 * A project's own documents are no articles (`src/core/project-docs.ts`),
 * and the editor's default `newsmark.files.exclude` says the same.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {defaultExclude, isProjectDoc} from '../../src/core/project-docs.ts'
import packageJson from '../../package.json' with {type: 'json'}

test('project docs: READMEs and changelogs in any case are no articles; articles are', () => {
  for (const name of ['README.md', 'readme.md', 'Changelog.markdown', 'CODE_OF_CONDUCT.md', 'LICENSE.MD']) assert.ok(isProjectDoc(name), name)
  for (const name of ['story.md', 'readme-notes.md', 'README.txt', 'README', 'history-of-poland.md']) assert.ok(!isProjectDoc(name), name)
})

test('project docs: the manifest’s default newsmark.files.exclude is the code’s', () => {
  const sections: ReadonlyArray<{properties: Record<string, {default?: unknown}>}> = packageJson.contributes.configuration
  const setting = sections.map((section) => section.properties['newsmark.files.exclude']).find(Boolean)
  assert.deepEqual(setting?.default, defaultExclude)
})
