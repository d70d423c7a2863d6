/**
 * Newsmark core: tags entities, dates and claims in Markdown news articles,
 * checks them with fact-check rules, and keeps the reader's annotations.
 * Pure TypeScript, no editor dependency: runs in Node, the CLI, tests and the
 * VS Code extension alike.
 */
export {analyze, analyzeSync, analyzeText, createNewsmark, createProcessor, type Newsmark, type NewsmarkOptions} from './analyze.ts'
export * from './annotations/index.ts'
export {ConfigError, loadConfig, loadConfigAsync, parseConfig} from './config/index.ts'
export type {AsyncReader, ExportConfig, LoadedConfig, NewsmarkConfig, Reader} from './config/index.ts'
export {countryFacts, type CountryFacts} from './entities/gazetteer.ts'
export {articleMeta, articleIri, claimReviews, exportArticle, exportArticles, exportFormats, exportWarnings, verdictKey} from './export/index.ts'
export type {ArticleExport, ClaimReviewDocument, ExportFormat, ExportMeta, ExportOptions, Publisher} from './export/index.ts'
export {factsFromVerdicts, FactsError, normalizeFacts, parseFacts} from './facts/index.ts'
export type {Fact, FactInput} from './facts/index.ts'
export {normalizeOptions, type Options} from './options.ts'
export {createParser} from './parse.ts'
export {default as remarkNewsmark} from './plugin.ts'
export {sourceKindName, sourcesOf, sourcesSummary, type Source} from './quotes/sources.ts'
export {ignoreComment, ruleIds, rules, runRules} from './rules/index.ts'
export {eachNode} from './tree.ts'
export type {Rule, RuleFinding, RuleSettings, Severity} from './rules/index.ts'
export type * from './types.ts'
