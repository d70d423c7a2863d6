#!/usr/bin/env node
/**
 * Run Newsmark's `browser` entry in the web worker extension host of a real
 * VS Code (code-server in headless Chromium, `extensionDevelopmentKind`
 * web), with the checks of `test/vscode/web/index.ts`. Build first
 * (`node esbuild.mjs`).
 *
 *   node test/vscode/run-web.mjs [--verbose] [--keep]
 *
 * Exit code: 0 when every check passed, 1 when one failed, 2 when the
 * harness could not run them.
 */
import fs from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {root, runPayload, whyNotInstalled} from './harness.mjs'

const {values: flags} = parseArgs({options: {verbose: {type: 'boolean', default: false}, keep: {type: 'boolean', default: false}}})
const missing = whyNotInstalled() ?? (fs.existsSync(path.join(root, 'dist/web/extension.cjs')) ? undefined : 'dist/web/extension.cjs is missing: run `node esbuild.mjs` first')
if (missing) {
  console.error(`test/vscode: cannot run: ${missing}`)
  process.exit(2)
}

const code = await runPayload({
  name: 'web',
  entryPoints: [path.join(root, 'test/vscode/web/index.ts')],
  settings: {
    'files.autoSave': 'off',
    'newsmark.annotations.creator': 'Test Reader',
    // Every rule, so that the sample has findings (the default preset,
    // `recommended`, finds none to warn about in it).
    'newsmark.diagnostics.preset': 'strict',
    // The web workbench keeps the payload's `extensionDevelopmentKind` as
    // `extensionDevelopmentLocationKind` and reads `extensionDevelopmentKind`
    // (code-server 4.139.1): the kind comes from this setting instead.
    'remote.extensionKind': {'newsmark.newsmark': ['web']},
    'extensions.webWorker': true
  },
  timeout: 240,
  web: true,
  verbose: flags.verbose,
  keep: flags.keep
})
process.exit(code)
