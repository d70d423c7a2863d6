/**
 * Newsmark core: tags entities, dates and claims in Markdown news articles.
 * Pure TypeScript, no editor dependency: runs in Node, the CLI, tests and the
 * VS Code extension alike.
 */
export {analyze, analyzeSync, analyzeText, createProcessor} from './analyze.ts'
export {countryFacts, type CountryFacts} from './entities/gazetteer.ts'
export {normalizeOptions, type Options} from './options.ts'
export {default as remarkNewsmark} from './plugin.ts'
export type * from './types.ts'
