/**
 * The part of the core that tags nothing: the reader's annotations and
 * their inline form, exports, configuration, country facts and the
 * Markdown parser. The VS Code extension host loads only this
 * (`dist/extension-host.cjs`: neither the models nor the taggers); its
 * analyses run the whole core in a worker thread.
 */
export * from './annotations/index.ts'
export {ConfigError, loadConfigAsync} from './config/index.ts'
export {countryFacts, type CountryFacts} from './entities/gazetteer.ts'
export {articleMeta, claimReviews, exportArticles, exportFormats, exportWarnings} from './export/index.ts'
export {createParser} from './parse.ts'
export {ignoreComment, ruleIds} from './rules/index.ts'
export {eachNode} from './tree.ts'
