/**
 * esbuild plugins shared by `esbuild.mjs` and the measurement scripts.
 */
import fs from 'node:fs'

/**
 * Bundle the large JSON files of `src/` (the models) as
 * `JSON.parse('…')` rather than as a JavaScript object literal, which is
 * what esbuild's JSON loader writes: V8 keeps an object literal's
 * boilerplate (constant elements, allocation sites) alive next to the
 * objects it creates, and parses JSON text much faster than code. On the
 * core bundle this took 40 MB off the resident memory of a process that
 * loads it.
 *
 * @type {import('esbuild').Plugin}
 */
export const jsonAsString = {
  name: 'json-as-string',
  setup(build) {
    build.onLoad({filter: /[\\/]src[\\/].*\.json$/}, (args) => {
      const text = fs.readFileSync(args.path, 'utf8')
      if (text.length < 50_000) return undefined
      // Minified text, checked (a bad file fails the build here).
      const json = JSON.stringify(JSON.parse(text))
      return {contents: `export default JSON.parse(${JSON.stringify(json)})`, loader: 'js'}
    })
  }
}
