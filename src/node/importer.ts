/**
 * What the editor's import command runs, as one module: the extension
 * loads it (`dist/extension-import.cjs`, with Readability, linkedom, the
 * HTML-to-Markdown conversion and undici) only when the reader imports,
 * not on activation.
 */
export {ImportError, importArticle, type ImportedArticle} from '../core/import/index.ts'
export {decodeHtml, defaultMaxBytes, fetchPage, pageUrl} from './fetch-page.ts'
export {proxiedFetch, proxyFromEnv, type ProxySettings} from './proxy.ts'
