/**
 * The links of the extension's pages (`scripts/lib/package-links.ts`): on
 * made-up pages, then on the real README, CHANGELOG and walkthrough steps
 * against the files `vsce ls` lists (what `npm run package` ships).
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import test from 'node:test'
import {fileURLToPath} from 'node:url'
import vsce from '@vscode/vsce'
import {checkManifestFiles, checkPageLinks, headingAnchors} from '../../scripts/lib/package-links.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const repository = 'https://github.com/newsmark/newsmark'
const files = new Set(['package.json', 'README.md', 'media/icon.png', 'media/screenshot.png', 'docs/rules.md'])
const rules = {files, repository, root, page: 'README.md'}

test('package links: a relative link to a file not in the package is reported, with the link to use', () => {
  assert.deepEqual(checkPageLinks('# Title\n\nSee [the tests](test/vscode/README.md).\n', rules), [
    'README.md:3: `test/vscode/README.md` is relative: the extension\'s page opens only https links (and `test/vscode/README.md` is not in the package); link to https://github.com/newsmark/newsmark/blob/main/test/vscode/README.md'
  ])
})

test('package links: a relative link to a packaged file still opens nothing on the page', () => {
  assert.deepEqual(checkPageLinks('[rules](./docs/rules.md#newsmarkrc)\n', rules), [
    'README.md:1: `./docs/rules.md#newsmarkrc` is relative: the extension\'s page opens only https links; link to https://github.com/newsmark/newsmark/blob/main/docs/rules.md'
  ])
})

test('package links: images load only over https (or data:), never from the package', () => {
  const page = '![shot](media/screenshot.png)\n\n<img src="media/other.png">\n\n![ok](https://github.com/newsmark/newsmark/raw/main/media/icon.png) ![plain](http://example.com/a.png) ![dot](data:image/png;base64,AA==)\n'
  assert.deepEqual(checkPageLinks(page, rules), [
    "README.md:1: the image `media/screenshot.png` is relative: the extension's page loads only https images; use https://github.com/newsmark/newsmark/raw/main/media/screenshot.png",
    "README.md:3: the image `media/other.png` is relative: the extension's page loads only https images (and `media/other.png` is not in the package); use https://github.com/newsmark/newsmark/raw/main/media/other.png",
    "README.md:5: the image `http://example.com/a.png`: the extension's page loads only https and data images"
  ])
})

test('package links: links into the repository name files it has; anchors name headings', () => {
  const page = [
    '# Newsmark',
    '',
    '## Getting started',
    '',
    `[ok](${repository}/blob/main/docs/rules.md) [gone](${repository}/blob/main/docs/nowhere.md)`,
    '',
    '[here](#getting-started) [nowhere](#no-such-heading) [site](https://example.com/x) [mail](mailto:a@b.c)'
  ].join('\n')
  assert.deepEqual(checkPageLinks(page, rules), [
    'README.md:5: `https://github.com/newsmark/newsmark/blob/main/docs/nowhere.md` links to `docs/nowhere.md`, which is not in the repository',
    'README.md:7: `#no-such-heading` names no heading of this page'
  ])
})

test('package links: command links only where VS Code runs them (walkthrough steps)', () => {
  const page = '[Open](command:newsmark.openSample)\n'
  assert.equal(checkPageLinks(page, rules).length, 1)
  assert.deepEqual(checkPageLinks(page, {...rules, commands: true}), [])
  assert.deepEqual(checkPageLinks('[x](file:///etc/passwd)\n', rules), ['README.md:1: `file:///etc/passwd`: the extension\'s page opens only https and mailto links'])
})

test('package links: heading anchors as GitHub makes them', () => {
  assert.deepEqual([...headingAnchors('# Commands & keys\n\n## Privacy: no network\n\n## Privacy: no network\n')], ['commands--keys', 'privacy-no-network', 'privacy-no-network-1'])
})

test('package links: files the manifest names must be in the package', () => {
  const manifest = {icon: 'media/icon.png', contributes: {walkthroughs: [{steps: [{media: {image: 'media/walkthrough/open.svg', altText: 'x'}}]}]}}
  assert.deepEqual(checkManifestFiles(manifest, files), ['package.json names `media/walkthrough/open.svg`, which is not in the package (see .vscodeignore)'])
  // The preview's styles and the entry points too (the preview once showed no colours from a package without its CSS).
  const preview = {main: './dist/extension.cjs', contributes: {'markdown.previewStyles': ['./media/preview.css']}}
  assert.deepEqual(checkManifestFiles(preview, new Set(['dist/extension.cjs'])), ['package.json names `media/preview.css`, which is not in the package (see .vscodeignore)'])
})

test('package links: the real pages work on the extension page, against what the package ships', async () => {
  const shipped = new Set(await vsce.listFiles({cwd: root, packageManager: vsce.PackageManager.None}))
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  const real = {files: shipped, repository: manifest.repository.url, root}
  const pages = ['README.md', 'CHANGELOG.md']
  for (const page of pages) assert.ok(shipped.has(page), `${page} ships`)
  const problems = [...checkManifestFiles(manifest, shipped), ...pages.flatMap((page) => checkPageLinks(fs.readFileSync(path.join(root, page), 'utf8'), {...real, page}))]
  for (const walkthrough of manifest.contributes.walkthroughs ?? []) {
    for (const {media} of walkthrough.steps) {
      if (media.markdown) problems.push(...checkPageLinks(fs.readFileSync(path.join(root, media.markdown), 'utf8'), {...real, page: media.markdown, commands: true}))
    }
  }
  assert.deepEqual(problems, [])
  // Nothing heavy: the bundle, the pages and their media only.
  for (const file of shipped) assert.match(file, /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/(web\/)?[\w-]+\.cjs|dist\/web\/core-worker\.js|media\/.+\.(png|svg|md|css)|syntaxes\/.+\.json|docs\/rules\.md|examples\/poland-ottawa\.md)$/, `${file} ships`)
  assert.ok(!shipped.has('media/icon.svg'), 'the icon’s source stays out')
  assert.ok(!shipped.has('media/screenshot.png'), 'the README’s screenshot loads from the repository')
})
