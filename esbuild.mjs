/**
 * Build script: bundles the core library, the CLI and the VS Code extension.
 *
 * - `dist/core.mjs`: the pure core (ESM), for Node and bundlers.
 * - `dist/cli.mjs`: the `newsmark` command (ESM, Node).
 * - `dist/server.mjs`: the `newsmark-language-server` command (ESM, Node):
 *   the language server for editors other than VS Code.
 * - `dist/extension.cjs`: the extension (CJS, `vscode` external), so the
 *   ESM-only unified stack loads in the extension host; the core it runs is
 *   `dist/core-worker.cjs`, a worker thread started on the first analysis
 *   (activation stays small), which loads the whole core,
 *   `dist/extension-core.cjs`; the extension host itself loads only the
 *   part that tags nothing, `dist/extension-host.cjs`; **Import Article**
 *   loads `dist/extension-import.cjs` when the reader imports.
 * - `dist/web/extension.cjs`: the extension in a browser (the manifest's
 *   `browser` entry, `src/extension/web.ts`): one CJS file for a web worker
 *   extension host, the whole core inside, no Node built-in (a test reads its
 *   metafile, `dist/web/meta.json`); its analyses run in
 *   `dist/web/core-worker.js`, a Web Worker (the core again, in a classic
 *   script).
 *
 * Flags: `--watch` rebuilds on change, `--production` minifies and drops
 * source maps.
 */
import fs from 'node:fs'
import * as esbuild from 'esbuild'
import {asciiOutput, jsonAsString} from './scripts/build-plugins.mjs'

const production = process.argv.includes('--production')
const watch = process.argv.includes('--watch')

/** @type {import('esbuild').Plugin} */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started')
    })
    build.onEnd((result) => {
      for (const {text, location} of result.errors) {
        console.error(`✘ [ERROR] ${text}`)
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`)
        }
      }
      if (watch) console.log('[watch] build finished')
    })
  }
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // esbuild's tables hold node20 short of Unicode property escapes, and would
  // rewrite every `/\p{Lu}/u` as a `new RegExp` built on each call.
  supported: {'regexp-unicode-property-escapes': true},
  charset: 'ascii',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  // In production, no character outside ASCII (`asciiOutput`).
  plugins: production ? [problemMatcher, jsonAsString, asciiOutput] : [problemMatcher, jsonAsString]
}

// CommonJS dependencies bundled into ESM (yaml) call `require`.
const requireShim =
  "import {createRequire as __nmCreateRequire} from 'node:module';const require = __nmCreateRequire(import.meta.url);"

/** @type {Array<import('esbuild').BuildOptions>} */
const builds = [
  {
    ...common,
    entryPoints: ['src/core/index.ts'],
    outfile: 'dist/core.mjs',
    format: 'esm',
    banner: {js: requireShim}
  },
  {
    ...common,
    entryPoints: ['src/cli/cli.ts'],
    outfile: 'dist/cli.mjs',
    format: 'esm',
    banner: {js: '#!/usr/bin/env node\n' + requireShim}
  },
  {
    ...common,
    entryPoints: ['src/server/main.ts'],
    outfile: 'dist/server.mjs',
    format: 'esm',
    banner: {js: '#!/usr/bin/env node\n' + requireShim}
  }
]

/**
 * Write a build's metafile (the inputs and imports of its bundle).
 * @param file
 *   Where.
 * @returns
 *   The plugin.
 */
function writeMetafile(file) {
  return {
    name: 'write-metafile',
    /** @param {import('esbuild').PluginBuild} build */
    setup(build) {
      build.onEnd((result) => {
        if (result.metafile) fs.writeFileSync(file, JSON.stringify(result.metafile))
      })
    }
  }
}

if (fs.existsSync('src/extension/extension.ts')) {
  // The extension's import of the core becomes `require('./extension-core.cjs')`,
  // a separate bundle (4 MB of code and data), run on the first analysis
  // rather than loaded on activation.
  /** @type {import('esbuild').Plugin} */
  const lazyCore = {
    name: 'lazy-core',
    setup(build) {
      build.onResolve({filter: /\/core\/(index|host)\.ts$/}, (args) =>
        args.importer.includes('/src/extension/')
          ? {path: args.path.endsWith('host.ts') ? './extension-host.cjs' : './extension-core.cjs', external: true}
          : undefined
      )
      // The importer (Readability, linkedom, undici) loads on the first import.
      build.onResolve({filter: /\/node\/importer\.ts$/}, (args) =>
        args.importer.includes('/src/extension/') ? {path: './extension-import.cjs', external: true} : undefined
      )
    }
  }
  builds.push(
    {
      ...common,
      entryPoints: ['src/extension/extension.ts'],
      outfile: 'dist/extension.cjs',
      format: 'cjs',
      external: ['vscode'],
      plugins: [...common.plugins, lazyCore],
      // `import()` as `require`: plain CommonJS, as every extension host loads it.
      supported: {'dynamic-import': false}
    },
    {
      ...common,
      entryPoints: ['src/core/index.ts'],
      outfile: 'dist/extension-core.cjs',
      format: 'cjs'
    },
    {
      // The part of the core the extension host loads (no models, no taggers).
      ...common,
      entryPoints: ['src/core/host.ts'],
      outfile: 'dist/extension-host.cjs',
      format: 'cjs'
    },
    {
      // **Import Article**: loaded by the extension on the first import.
      ...common,
      entryPoints: ['src/node/importer.ts'],
      outfile: 'dist/extension-import.cjs',
      format: 'cjs'
    },
    {
      // VS Code in a browser: one file (a web worker loads no other), no Node;
      // `.cjs`, as the package is `type: module` and the web worker host loads
      // no ES module.
      ...common,
      entryPoints: ['src/extension/web.ts'],
      outfile: 'dist/web/extension.cjs',
      platform: 'browser',
      // A web worker has no DOM: packages' `worker` builds, ahead of their
      // `browser` ones (decode-named-character-reference's uses `document`).
      conditions: ['worker'],
      target: 'es2022',
      format: 'cjs',
      external: ['vscode'],
      metafile: true,
      plugins: [...common.plugins, writeMetafile('dist/web/meta.json')]
    },
    {
      // The analysis worker in a browser: a Web Worker the browser's entry
      // starts (from a `blob:` URL), the whole core inside; a classic script.
      ...common,
      entryPoints: ['src/extension/web-core-worker.ts'],
      outfile: 'dist/web/core-worker.js',
      platform: 'browser',
      conditions: ['worker'],
      target: 'es2022',
      format: 'iife',
      metafile: true,
      plugins: [...common.plugins, writeMetafile('dist/web/core-worker-meta.json')]
    },
    {
      // The analysis worker: runs `extension-core.cjs` in a thread of its own.
      ...common,
      entryPoints: ['src/node/core-worker.ts'],
      outfile: 'dist/core-worker.cjs',
      format: 'cjs',
      plugins: [...common.plugins, lazyCore]
    }
  )
}

const contexts = await Promise.all(builds.map((options) => esbuild.context(options)))

if (watch) {
  await Promise.all(contexts.map((context) => context.watch()))
} else {
  try {
    const results = await Promise.allSettled(contexts.map((context) => context.rebuild()))
    const failed = results.filter((result) => result.status === 'rejected')
    if (failed.length > 0) process.exitCode = 1
    // The `newsmark` and `newsmark-language-server` bins must be executable.
    else for (const bin of ['dist/cli.mjs', 'dist/server.mjs']) fs.chmodSync(bin, 0o755)
  } finally {
    await Promise.all(contexts.map((context) => context.dispose()))
  }
}
