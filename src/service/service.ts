/**
 * The Newsmark language service: text documents in, plain data out
 * (diagnostics, hovers, symbols, references, inlay hints, quick fixes),
 * with no `vscode` and no file system of its own, the way
 * vscode-markdown-languageservice sits under VS Code's Markdown support.
 * The language server (`src/server/`) runs it for any LSP client.
 *
 * State is the service object's own: one analysis per document version,
 * kept until the document is forgotten; two requests for the same version
 * share one run; a run whose version was replaced meanwhile is dropped.
 */
import {VFile} from 'vfile'
import type {DirectiveProblem} from '../core/annotations/inline.ts'
import {sidecarName} from '../core/annotations/sidecar.ts'
import {mayHaveDirectives} from '../core/annotations/syntax.ts'
import type {Annotation} from '../core/annotations/types.ts'
import type {Options} from '../core/options.ts'
import type {NewsmarkResult} from '../core/types.ts'
import type {ArticleAnalysis} from './analysis.ts'
import {quickFixes, type CodeActionData, type RuleControl} from './code-actions.ts'
import {dateHints, type DateHint} from './date-hints.ts'
import {diagnosticsOf, firstLineEnd, placeSpan, type DiagnosticData} from './diagnostics.ts'
import {entityAt, hoverAt, type HoverData, type HoverOptions} from './hover.ts'
import type {Level} from './levels.ts'
import {LineIndex} from './positions.ts'
import {documentSymbols, type SymbolData} from './symbols.ts'

/** A text document, as LSP's `TextDocument` and VS Code's have it. */
export interface ServiceDocument {
  /** Its URI (a string, as LSP sends it). */
  readonly uri: string
  readonly version: number
  getText(): string
}

/** How one article is analysed and shown. */
export interface ArticleSettings {
  /** Options of the analysis (reference date, preset, rules, facts). */
  readonly options: Readonly<Options>
  /** Levels per rule id (`newsmark.diagnostics.severity`, `.newsmarkrc`). */
  readonly severity?: Readonly<Record<string, Level>>
  /** Why the article's configuration could not be used (the defaults apply), if so. */
  readonly problem?: string
  /** Why the document is no article (its `.newsmarkrc`'s `files:`), if so: it is not analysed. */
  readonly leftOut?: string
}

/** What the service asks of where it runs. */
export interface ServiceWorkspace {
  /** The settings of an article. */
  settings(uri: string): ArticleSettings | Promise<ArticleSettings>
  /** The text of the article's annotation sidecar, `undefined` when there is none (throws when it cannot be read). */
  readSidecar(uri: string): Promise<string | undefined>
  /** Where a rule is documented (a URL). */
  ruleDocs?(ruleId: string): string | undefined
}

/** Where the service says what went wrong. */
export interface ServiceLogger {
  error(message: string, error?: unknown): void
}

/** The core functions the service runs (`src/core/index.ts`). */
export interface ServiceCore extends RuleControl {
  analyze(file: VFile, options?: Readonly<Options> | null): Promise<VFile>
  /** Forget what the analyses keep of a document (it closed). */
  forget(path: string): void
  parseSidecar(text: string, source: string): {annotations: Annotation[]; problems: string[]}
  readDirectives(tree: never, source: string): {annotations: Annotation[]; problems: DirectiveProblem[]}
  createProcessor(): {parse(source: string): unknown}
  reviewArticle: typeof import('../core/annotations/review.ts').reviewArticle
  createAnchoring: typeof import('../core/annotations/anchor.ts').createAnchoring
  countryFacts: NonNullable<HoverOptions['countryFacts']>
  /** Reads the inline directives elsewhere (a worker); else `readDirectives` here. */
  directives?(text: string): Promise<{annotations: Annotation[]; problems: DirectiveProblem[]}>
}

/** An analysis of one version, with what it was made with. */
export interface ServiceAnalysis extends ArticleAnalysis {
  readonly version: number
  readonly text: string
  readonly lines: LineIndex
  readonly settings: ArticleSettings
  /** Why the article was not analysed (too large, too slow), if it was not. */
  readonly skipped?: string
}

/** What `createNewsmarkService` takes. */
export interface ServiceInit {
  readonly core: ServiceCore
  readonly workspace: ServiceWorkspace
  readonly logger?: ServiceLogger
  /** Longest article analysed, in UTF-16 units (default: 2 MiB). */
  readonly maxLength?: number
}

/** The language service. */
export interface NewsmarkService {
  /** The analysis of a document's version (shared by every feature). */
  analysis(document: ServiceDocument): Promise<ServiceAnalysis | undefined>
  diagnostics(document: ServiceDocument): Promise<DiagnosticData[]>
  hover(document: ServiceDocument, offset: number, options?: Omit<HoverOptions, 'countryFacts'>): Promise<HoverData | undefined>
  symbols(document: ServiceDocument): Promise<SymbolData[]>
  /** The mentions of the entity at an offset, in this article. */
  references(document: ServiceDocument, offset: number): Promise<Array<{start: number; end: number}>>
  inlayHints(document: ServiceDocument, start: number, end: number): Promise<DateHint[]>
  /** Quick fixes for the diagnostics that overlap a range. */
  codeActions(document: ServiceDocument, start: number, end: number): Promise<CodeActionData[]>
  /** Drop what is kept of a document (it closed). */
  forget(uri: string): void
  dispose(): void
}

/**
 * Create a language service.
 * @param init
 *   The core, the workspace, a logger.
 * @returns
 *   The service.
 */
export function createNewsmarkService(init: ServiceInit): NewsmarkService {
  const {core, workspace} = init
  const maxLength = init.maxLength ?? 2 * 1024 * 1024
  const cache = new Map<string, {version: number; analysis: Promise<ServiceAnalysis | undefined>}>()
  let disposed = false
  // Quotes not found are looked for again only where an edit changed the text.
  const anchoring = core.createAnchoring()

  async function run(document: ServiceDocument): Promise<ServiceAnalysis | undefined> {
    const text = document.getText()
    const lines = new LineIndex(text)
    const settings = await workspace.settings(document.uri)
    const skip = (skipped: string): ServiceAnalysis => {
      const machine: NewsmarkResult = {entities: [], dates: [], claims: []}
      const review = core.reviewArticle(text, machine)
      return {version: document.version, text, lines, settings, result: review.result, machine, messages: [], review, skipped}
    }
    if (settings.leftOut) return skip(settings.leftOut)
    if (text.length > maxLength) {
      return skip(`it is longer than ${maxLength.toLocaleString('en-US')} characters`)
    }
    let file: VFile
    try {
      file = await core.analyze(new VFile({path: pathOf(document.uri), value: text}), settings.options)
    } catch (error) {
      // Stopped past its time (a worker's `AnalysisStopped`): said, not logged as a failure.
      if (error instanceof Error && error.name === 'AnalysisStopped') return skip(error.message)
      throw error
    }
    const machine = (file.data as {newsmark?: NewsmarkResult}).newsmark ?? {entities: [], dates: [], claims: []}
    let sidecar: {annotations: Annotation[]; problems: string[]} | undefined
    try {
      const sidecarText = await workspace.readSidecar(document.uri)
      sidecar = sidecarText === undefined ? undefined : core.parseSidecar(sidecarText, text)
    } catch (error) {
      sidecar = {annotations: [], problems: [`it could not be read: ${error instanceof Error ? error.message : String(error)}`]}
    }
    const inline = mayHaveDirectives(text)
      ? await (core.directives ? core.directives(text) : core.readDirectives(core.createProcessor().parse(text) as never, text))
      : undefined
    const review = core.reviewArticle(text, machine, {sidecar, inline, anchoring, sidecarName: sidecarName(baseName(document.uri))})
    return {version: document.version, text, lines, settings, result: review.result, machine, messages: file.messages, review}
  }

  async function analysis(document: ServiceDocument): Promise<ServiceAnalysis | undefined> {
    if (disposed) return undefined
    const cached = cache.get(document.uri)
    if (cached && cached.version === document.version) return cached.analysis
    const promise = run(document).catch((error: unknown) => {
      init.logger?.error(`Could not analyse ${document.uri}`, error)
      return undefined
    })
    cache.set(document.uri, {version: document.version, analysis: promise})
    return promise
  }

  return {
    analysis,
    async diagnostics(document) {
      const current = await analysis(document)
      if (!current) return []
      const docs = workspace.ruleDocs?.bind(workspace)
      const diagnostics = diagnosticsOf(current.lines, current, {
        ...(current.settings.severity ? {severity: current.settings.severity} : {}),
        ...(docs ? {docs} : {})
      })
      const end = firstLineEnd(current.lines)
      if (current.skipped) {
        diagnostics.unshift({start: 0, end, message: `Newsmark did not analyse this article: ${current.skipped}.`, severity: 'info', code: 'analysis-skipped'})
      }
      if (current.settings.problem) {
        diagnostics.unshift({start: 0, end, message: `Newsmark configuration not used (the defaults apply): ${current.settings.problem}`, severity: 'error', code: 'config-invalid'})
      }
      return diagnostics
    },
    async hover(document, offset, options = {}) {
      const current = await analysis(document)
      return current ? hoverAt(current.lines, current, offset, {...options, countryFacts: core.countryFacts}) : undefined
    },
    async symbols(document) {
      const current = await analysis(document)
      return current ? documentSymbols(current, (message) => placeSpan(current.lines, message.place)) : []
    },
    async references(document, offset) {
      const current = await analysis(document)
      const hit = current ? entityAt(current.result, offset) : undefined
      return hit ? hit.entity.mentions.map((mention) => ({start: mention.start, end: mention.end})) : []
    },
    async inlayHints(document, start, end) {
      const current = await analysis(document)
      return current ? dateHints(current.result.dates, current.result.referenceDate, [start, end]) : []
    },
    async codeActions(document, start, end) {
      const current = await analysis(document)
      if (!current) return []
      const all = await this.diagnostics(document)
      const here = all.filter((item) => item.start <= end && start <= item.end)
      return quickFixes(current.text, here, core, all)
    },
    forget(uri) {
      cache.delete(uri)
      core.forget(pathOf(uri))
    },
    dispose() {
      disposed = true
      for (const uri of cache.keys()) core.forget(pathOf(uri))
      cache.clear()
    }
  }
}

/** The path the core keys a document by (its URI's path, else the URI). */
function pathOf(uri: string): string {
  try {
    const url = new URL(uri)
    return url.protocol === 'file:' ? decodeURIComponent(url.pathname) : uri
  } catch {
    return uri
  }
}

function baseName(uri: string): string {
  const path = pathOf(uri)
  return path.slice(path.lastIndexOf('/') + 1)
}
