/**
 * esbuild plugins shared by `esbuild.mjs` and the measurement scripts.
 */
import fs from 'node:fs'

/**
 * Bundle the large JSON files of `src/` (the models) as `JSON.parse('…')`
 * rather than as a JavaScript object literal, which is what esbuild's JSON
 * loader writes: V8 keeps an object literal's boilerplate (constant
 * elements, allocation sites) alive next to the objects it creates, and
 * parses JSON text much faster than code. On the core bundle this took
 * 40 MB off the resident memory of a process that loads it.
 *
 * Each large value at the top of the file is parsed when first read (a
 * getter that then puts the value in its place), small ones at once: a
 * thread that loads the core and never tags (the extension host, whose
 * analyses run in a worker) never builds the models' objects. (Their text
 * is still in the bundle's source, which V8 reads when it loads it and
 * keeps.)
 *
 * @type {import('esbuild').Plugin}
 */
export const jsonAsString = {
  name: 'json-as-string',
  setup(build) {
    build.onLoad({filter: /[\\/]src[\\/].*\.json$/}, (args) => {
      const text = fs.readFileSync(args.path, 'utf8')
      if (text.length < 50_000) return undefined
      // Checked (a bad file fails the build here).
      const value = JSON.parse(text)
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return {contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(value))})`, loader: 'js'}
      }

      const lines = ['const data = {}']
      for (const [key, part] of Object.entries(value)) {
        const json = JSON.stringify(part)
        const name = JSON.stringify(key)
        lines.push(
          json.length < 1000
            ? `data[${name}] = JSON.parse(${JSON.stringify(json)})`
            : `Object.defineProperty(data, ${name}, {configurable: true, enumerable: true, get() { const value = JSON.parse(${JSON.stringify(json)}); Object.defineProperty(data, ${name}, {value, enumerable: true, writable: true}); return value }})`
        )
      }

      lines.push('export default data')
      return {contents: lines.join('\n'), loader: 'js'}
    })
  }
}

/**
 * Write the bundle in ASCII: esbuild escapes the non-ASCII characters of
 * strings (`charset: 'ascii'`) but not of regular expression literals
 * (`/[’‘]/`), and one such character makes V8 keep the whole script source
 * (4 MB) in two bytes a character. Each is written as its `\uXXXX` escape,
 * which means the same in a regular expression, a string, a template or an
 * identifier. For builds without source maps (the columns of those lines
 * move).
 *
 * @type {import('esbuild').Plugin}
 */
export const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    build.onEnd((result) => {
      const file = build.initialOptions.outfile
      if (result.errors.length > 0 || !file || !fs.existsSync(file)) return
      const text = fs.readFileSync(file, 'utf8')
      // eslint-disable-next-line no-control-regex
      const ascii = text.replace(/[^\u0000-\u007F]/g, (character) => '\\u' + character.charCodeAt(0).toString(16).padStart(4, '0'))
      if (ascii !== text) fs.writeFileSync(file, ascii)
    })
  }
}
