#!/usr/bin/env node
/**
 * `npm run package`: `out/newsmark.vsix`, unattended.
 *
 *   node --import tsx scripts/package.mjs
 *
 * vsce asks "Do you want to continue? [y/N]" in a terminal when the
 * manifest lacks a `repository`, a LICENSE or uses `*` activation (and
 * answers yes by itself when its output is not a terminal, as under
 * `npm start`). Those are checked first, and any of them stops the run with
 * the reason instead, so that vsce never asks. Then: a production build, the
 * package, and a check of the pages the package shows (README, CHANGELOG,
 * walkthrough steps) against the files it holds
 * (`scripts/lib/package-links.ts`). Exit code 1 with one line per problem.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import vsce from '@vscode/vsce'
import {checkManifestFiles, checkPageLinks} from './lib/package-links.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'out/newsmark.vsix')

/**
 * Stop with the reasons.
 * @param {string[]} reasons
 *   What is wrong, one line each.
 * @returns {never}
 */
function fail(reasons) {
  for (const reason of reasons) console.error(`npm run package: ${reason}`)
  process.exit(1)
}

/**
 * Run a step; stop if it fails.
 * @param {string} what
 *   The step, for the message.
 * @param {string[]} command
 *   Program and arguments.
 */
function step(what, command) {
  // No stdin: were vsce to ask anyway, it would read an end of file, not wait.
  const result = spawnSync(command[0], command.slice(1), {cwd: root, stdio: ['ignore', 'inherit', 'inherit']})
  if (result.error) fail([`${what}: could not run ${command[0]}: ${result.error.message}`])
  if (result.status !== 0) fail([`${what} failed (exit code ${result.status ?? result.signal}; see above)`])
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
const missing = []
if (!manifest.repository) missing.push('package.json has no `repository` (vsce would ask whether to go on)')
if (!fs.readdirSync(root).some((name) => /^licen[cs]e(\.(md|txt))?$/i.test(name))) missing.push('there is no LICENSE file (vsce would ask whether to go on)')
if ((manifest.activationEvents ?? []).includes('*')) missing.push('`*` activation (vsce would ask whether to go on)')
if (missing.length > 0) fail(missing)

step('the production build (node esbuild.mjs --production)', [process.execPath, 'esbuild.mjs', '--production'])

// The pages and the manifest against what the package will hold (the list
// `vsce ls` prints; vsce packages the same list below).
const files = new Set(await vsce.listFiles({cwd: root, packageManager: vsce.PackageManager.None}))
const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository.url
const rules = {files, repository: repository.replace(/\.git$/, ''), root}
const problems = checkManifestFiles(manifest, files)
for (const page of ['README.md', 'CHANGELOG.md']) {
  if (!files.has(page)) problems.push(`${page} is not in the package (see .vscodeignore)`)
  else problems.push(...checkPageLinks(fs.readFileSync(path.join(root, page), 'utf8'), {...rules, page}))
}
for (const walkthrough of manifest.contributes?.walkthroughs ?? []) {
  for (const {media} of walkthrough.steps) {
    if (media?.markdown && files.has(media.markdown)) {
      problems.push(...checkPageLinks(fs.readFileSync(path.join(root, media.markdown), 'utf8'), {...rules, page: media.markdown, commands: true}))
    }
  }
}
if (problems.length > 0) fail(problems)

fs.mkdirSync(path.dirname(out), {recursive: true})
// The checks above allow no relative link, so vsce has none to rewrite (it
// would point them at the repository, and guess the branch).
step('vsce package', [
  process.execPath,
  path.join(root, 'node_modules/@vscode/vsce/vsce'),
  'package',
  '--no-dependencies',
  '--no-rewrite-relative-links',
  '--no-gitHubIssueLinking',
  '--out',
  out
])
