/**
 * The Newsmark language server: the language service (`src/service/`) over
 * the Language Server Protocol, for any editor with an LSP client (Neovim,
 * Helix, Zed, Emacs, Sublime Text, Kate…).
 *
 * - Markdown documents the client opens are analysed by the core in a
 *   worker thread (`dist/core-worker.cjs`), each version once; one that
 *   runs past `timeout` seconds (30) is stopped and said so.
 * - Diagnostics: pulled (`textDocument/diagnostic`) when the client can,
 *   else published after each change (300 ms after the last one).
 * - Hover, document symbols, references, code actions (quick fixes) and
 *   inlay hints (values of relative dates).
 * - `newsmark/tags` (custom request, `{uri}`): the article's tags (entities,
 *   dates, claims, quotes) and findings, for a client's sidebar.
 * - Annotation commands (`workspace/executeCommand`, one argument
 *   `{uri, range, …}` on an open, saved article): `newsmark.tag` (`type`,
 *   `role`, `value`), `newsmark.setVerdict` (`verdict`, `source`, `note`),
 *   `newsmark.reject` (`type`, `scope`), `newsmark.removeAnnotation` (`id`);
 *   the sidecar is changed under its lock, as VS Code and the CLI do.
 * - Settings come from `initializationOptions` (and
 *   `workspace/didChangeConfiguration`) under `newsmark`: `preset`,
 *   `referenceDate`, `severity` (rule id to `error|warning|info|hint|off`),
 *   `analysis.timeout` (seconds);
 *   each article's `.newsmarkrc` and fact base apply as in the CLI. The
 *   annotation sidecar beside an article (`ARTICLE.newsmark.json`) is read.
 * - Nothing is sent over the network; only the article's folder and its
 *   parents (for `.newsmarkrc`) and its sidecar are read, and only the
 *   sidecar is written (on a command).
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {
  CodeActionKind,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  InlayHint,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
  type Range
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import * as core from '../core/index.ts'
import type {Annotation, RejectScope, TagType, Verdict} from '../core/annotations/types.ts'
import {configuredOptions} from '../core/config/load.ts'
import type {Options} from '../core/options.ts'
import {isPresetName} from '../core/rules/presets.ts'
import {AnalysisWorker} from '../node/analysis-worker.ts'
import {maxSidecarSize, updateSidecarFile} from '../node/sidecar-file.ts'
import {readBounded} from '../node/bounded-read.ts'
import {leftOutBy} from '../node/article-files.ts'
import {loadConfigSync} from '../node/config.ts'
import type {DiagnosticData, Severity} from '../service/diagnostics.ts'
import {checkedLevels, type Level} from '../service/levels.ts'
import {createNewsmarkService, type ArticleSettings, type NewsmarkService} from '../service/service.ts'
import type {SymbolData, SymbolKindName} from '../service/symbols.ts'

/** The settings a client gives, under `newsmark`. */
export interface ServerSettings {
  preset?: string
  referenceDate?: string
  severity?: Record<string, string>
  /** Seconds an analysis may take before it is stopped (`analysis.timeout`, as in VS Code; default 30). */
  timeout?: number
}

/** How the server runs. */
export interface ServerOptions {
  /**
   * The analysis worker's script (`dist/core-worker.cjs`): analyses then run
   * in a worker thread, stopped past `timeout`; without it, in this thread,
   * with no time limit.
   */
  readonly workerScript?: string | undefined
}


const symbolKinds: Readonly<Record<SymbolKindName, SymbolKind>> = {
  namespace: SymbolKind.Namespace,
  object: SymbolKind.Object,
  class: SymbolKind.Class,
  struct: SymbolKind.Struct,
  constant: SymbolKind.Constant,
  event: SymbolKind.Event,
  string: SymbolKind.String,
  key: SymbolKind.Key,
  null: SymbolKind.Null
}

const severities: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint
}

/**
 * The core with analyses run in this process, by one instance (no worker
 * script: tests).
 *
 * @param newsmark
 *   Instance.
 * @returns
 *   Core.
 */
function inThisProcess(newsmark: core.Newsmark) {
  return {...core, analyze: newsmark.analyze, forget: newsmark.forget}
}

/**
 * Serve Newsmark on a connection.
 * @param connection
 *   The connection (stdio for the `newsmark-language-server` bin).
 * @returns
 *   Nothing; the connection is listened to.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument)
  let settings: ServerSettings = {}
  let pull = false
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  const rulesFile = findRulesFile()
  // A long or pathological article takes a worker down, not the server.
  const worker = options.workerScript ? new AnalysisWorker(options.workerScript, () => settings.timeout ?? 30) : undefined

  const service: NewsmarkService = createNewsmarkService({
    core: worker ? {...worker.wrap(core), directives: (text: string) => worker.directives(text)} : inThisProcess(core.createNewsmark()),
    workspace: {
      settings: (uri) => articleSettings(uri, settings),
      readSidecar: (uri) => readSidecar(uri),
      ruleDocs: (ruleId) => (rulesFile ? `${pathToFileURL(rulesFile).href}#${ruleId}` : undefined)
    },
    logger: {error: (message, error) => connection.console.error(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)}
  })

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    settings = readSettings(params.initializationOptions)
    pull = Boolean(params.capabilities.textDocument?.diagnostic)
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        documentSymbolProvider: {label: 'Newsmark'},
        referencesProvider: true,
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix]},
        inlayHintProvider: true,
        executeCommandProvider: {commands: [...annotationCommands]},
        ...(pull ? {diagnosticProvider: {identifier: 'newsmark', interFileDependencies: false, workspaceDiagnostics: false}} : {})
      },
      serverInfo: {name: 'newsmark-language-server'}
    }
  })

  connection.onDidChangeConfiguration((change) => {
    settings = readSettings(change.settings)
    // Every analysis was made with the old settings.
    for (const document of documents.all()) service.forget(document.uri)
    if (pull) connection.languages.diagnostics.refresh().catch(() => undefined)
    else for (const document of documents.all()) schedule(document)
  })

  const schedule = (document: TextDocument) => {
    if (pull) return
    clearTimeout(timers.get(document.uri))
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri)
        void publish(document)
      }, 300)
    )
  }

  const publish = async (document: TextDocument) => {
    const diagnostics = await diagnosticsOf(document)
    // Not for a version that was replaced or closed meanwhile.
    if (documents.get(document.uri)?.version !== document.version) return
    await connection.sendDiagnostics({uri: document.uri, version: document.version, diagnostics})
  }

  const diagnosticsOf = async (document: TextDocument): Promise<Diagnostic[]> =>
    (await service.diagnostics(document)).map((item) => toDiagnostic(document, item))

  // (Fired when a document opens too.)
  documents.onDidChangeContent((event) => schedule(event.document))
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri))
    timers.delete(event.document.uri)
    service.forget(event.document.uri)
    if (!pull) void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []})
  })

  connection.languages.diagnostics.on(async (params) => {
    const document = documents.get(params.textDocument.uri)
    return {kind: DocumentDiagnosticReportKind.Full, items: document ? await diagnosticsOf(document) : []}
  })

  connection.onHover(async (params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return null
    const hover = await service.hover(document, document.offsetAt(params.position))
    if (!hover) return null
    return {
      contents: {kind: 'markdown', value: hover.sections.join('\n\n---\n\n')},
      range: rangeOf(document, hover)
    }
  })

  connection.onDocumentSymbol(async (params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    return (await service.symbols(document)).map((symbol) => toSymbol(document, symbol))
  })

  connection.onReferences(async (params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    const spans = await service.references(document, document.offsetAt(params.position))
    return spans.map((span) => ({uri: document.uri, range: rangeOf(document, span)}))
  })

  connection.languages.inlayHint.on(async (params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    const hints = await service.inlayHints(document, document.offsetAt(params.range.start), document.offsetAt(params.range.end))
    return hints.map((hint) => {
      const item = InlayHint.create(document.positionAt(hint.offset), hint.label)
      item.paddingLeft = true
      item.tooltip = hint.tooltip
      return item
    })
  })

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    const fixes = await service.codeActions(document, document.offsetAt(params.range.start), document.offsetAt(params.range.end))
    return fixes.map((fix): CodeAction => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: fix.diagnostics.map((item) => toDiagnostic(document, item)),
      ...(fix.isPreferred === undefined ? {} : {isPreferred: fix.isPreferred}),
      edit: {
        changes: {
          [document.uri]: fix.edits.map((edit) => ({
            range: rangeOf(document, edit),
            newText: edit.newText
          }))
        }
      }
    }))
  })

  connection.onRequest('newsmark/tags', async (params: {uri: string}) => {
    const document = documents.get(params.uri)
    if (!document) return null
    const analysis = await service.analysis(document)
    if (!analysis) return null
    const {entities, dates, claims, quotes, referenceDate} = analysis.result
    return {entities, dates, claims, quotes: quotes ?? [], referenceDate, diagnostics: await service.diagnostics(document)}
  })

  connection.onExecuteCommand(async (params) => {
    const [argument] = params.arguments ?? []
    const request = readAnnotationRequest(params.command, argument)
    const document = documents.get(request.uri)
    if (!document) throw new Error(`${params.command}: ${request.uri} is not open`)
    const article = filePath(document.uri)
    if (!article) throw new Error(`${params.command}: only a saved file keeps annotations (its sidecar is ARTICLE.newsmark.json)`)
    const source = document.getText()
    const range = request.range ? {start: document.offsetAt(request.range.start), end: document.offsetAt(request.range.end)} : undefined
    const written = await updateSidecarFile(article, source, (current) => {
      // The sidecar's annotations placed in the text as it is now; orphans kept.
      const report = core.reanchor(source, current)
      const list = [...report.anchored.map((item) => item.annotation), ...report.orphans.map((item) => item.annotation)]
      return changeAnnotations(list, source, request, range)
    })
    // Analysed again with the sidecar as it is now.
    service.forget(document.uri)
    if (pull) connection.languages.diagnostics.refresh().catch(() => undefined)
    else schedule(document)
    return {sidecar: pathToFileURL(written.path).href, ...(written.backup ? {backup: pathToFileURL(written.backup).href} : {})}
  })

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer)
    service.dispose()
    worker?.dispose()
  })

  documents.listen(connection)
  connection.listen()
}

/** The annotation commands (`workspace/executeCommand`), as in VS Code. */
export const annotationCommands = ['newsmark.tag', 'newsmark.setVerdict', 'newsmark.reject', 'newsmark.removeAnnotation'] as const

/** What an annotation command asks, checked. */
interface AnnotationRequest {
  command: (typeof annotationCommands)[number]
  uri: string
  range?: {start: {line: number; character: number}; end: {line: number; character: number}}
  type?: string
  role?: string
  value?: string
  verdict?: string
  source?: string
  note?: string
  scope?: string
  id?: string
}

/**
 * Read the argument of an annotation command: `{uri, range, …}`.
 * @param command
 *   The command.
 * @param value
 *   Its first argument.
 * @returns
 *   The request.
 * @throws
 *   When the command is unknown or the argument lacks what it needs.
 */
export function readAnnotationRequest(command: string, value: unknown): AnnotationRequest {
  if (!(annotationCommands as readonly string[]).includes(command)) throw new Error(`Unexpected command \`${command}\`, expected one of ${annotationCommands.join(', ')}`)
  const record = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  if (!record || typeof record['uri'] !== 'string') throw new Error(`${command}: expected an argument \`{uri, range, …}\``)
  const request: AnnotationRequest = {command: command as AnnotationRequest['command'], uri: record['uri']}
  const position = (item: unknown) => {
    const point = item && typeof item === 'object' ? (item as Record<string, unknown>) : undefined
    return point && Number.isInteger(point['line']) && Number.isInteger(point['character']) ? {line: point['line'] as number, character: point['character'] as number} : undefined
  }
  const range = record['range'] && typeof record['range'] === 'object' ? (record['range'] as Record<string, unknown>) : undefined
  const start = position(range?.['start'])
  const end = position(range?.['end'])
  if (start && end) request.range = {start, end}
  for (const key of ['type', 'role', 'value', 'verdict', 'source', 'note', 'scope', 'id'] as const) {
    if (typeof record[key] === 'string') request[key] = record[key]
  }
  if (command === 'newsmark.removeAnnotation' ? !request.id : !request.range) {
    throw new Error(`${command}: expected ${command === 'newsmark.removeAnnotation' ? '`id`' : 'a `range`'}`)
  }
  if (command === 'newsmark.tag' && !request.type) throw new Error('newsmark.tag: expected a `type` (PER, ORG, LOC, MISC, DATE or CLAIM)')
  if (command === 'newsmark.setVerdict' && !request.verdict) throw new Error(`newsmark.setVerdict: expected a \`verdict\` (${core.verdicts.join(', ')})`)
  return request
}

/**
 * The annotations after a command (the core checks types, verdicts and
 * sources, and throws on a bad one).
 */
function changeAnnotations(list: Annotation[], source: string, request: AnnotationRequest, range: {start: number; end: number} | undefined): Annotation[] {
  const note = request.note ? {note: request.note} : {}
  switch (request.command) {
    case 'newsmark.tag':
      return [...list, core.tagSelection(source, range!, request.type as TagType, {...note, ...(request.role ? {role: request.role} : {}), ...(request.value ? {value: request.value} : {})})]
    case 'newsmark.setVerdict':
      return core.setVerdict(list, source, range!, request.verdict as Verdict, {...note, ...(request.source ? {source: request.source} : {})})
    case 'newsmark.reject':
      return [...list, core.rejectTag(source, range!, {...note, ...(request.type ? {type: request.type as TagType} : {}), ...(request.scope ? {scope: request.scope as RejectScope} : {})})]
    case 'newsmark.removeAnnotation':
      if (!list.some((item) => item.id === request.id)) throw new Error(`newsmark.removeAnnotation: no annotation \`${request.id}\` in the sidecar`)
      return core.removeAnnotation(list, request.id!)
  }
}

/**
 * The settings of the client (`initializationOptions` or the
 * `didChangeConfiguration` payload), under `newsmark` or as they are.
 * @param value
 *   What the client sent.
 * @returns
 *   The valid settings; anything else is left out.
 */
export function readSettings(value: unknown): ServerSettings {
  const record = (item: unknown) => (item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined)
  const root = record(value)
  const own = record(root?.['newsmark']) ?? root ?? {}
  const result: ServerSettings = {}
  if (typeof own['preset'] === 'string' && isPresetName(own['preset'])) result.preset = own['preset']
  if (typeof own['referenceDate'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(own['referenceDate'])) result.referenceDate = own['referenceDate']
  const severity = checkedLevels(own['severity'])
  if (Object.keys(severity).length > 0) result.severity = severity
  const timeout = record(own['analysis'])?.['timeout']
  if (typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0) result.timeout = timeout
  return result
}

/**
 * The settings of one article: the client's, then its `.newsmarkrc` and
 * fact base (a file outside `file:` has only the client's).
 * @param uri
 *   The article.
 * @param settings
 *   The client's settings.
 * @returns
 *   Its settings.
 */
export function articleSettings(uri: string, settings: Readonly<ServerSettings>): ArticleSettings {
  const base: Options = {
    ...(settings.preset && isPresetName(settings.preset) ? {preset: settings.preset} : {}),
    ...(settings.referenceDate ? {referenceDate: settings.referenceDate} : {})
  }
  const severity = (settings.severity ?? {}) as Record<string, Level>
  const file = filePath(uri)
  if (!file) return {options: base, severity}
  try {
    const loaded = loadConfigSync(file)
    const leftOut = loaded.files && loaded.configFile ? leftOutBy(file, loaded.files) : undefined
    return {options: configuredOptions(base, loaded.settings), severity, ...(leftOut ? {leftOut: `${leftOut} of ${loaded.configFile}`} : {})}
  } catch (error) {
    return {options: base, severity, problem: error instanceof Error ? error.message : String(error)}
  }
}

/**
 * The text of an article's sidecar, if it has one.
 * @param uri
 *   The article.
 * @returns
 *   The sidecar's text; `undefined` when there is none (or the article is
 *   not a file).
 * @throws
 *   When it cannot be read (too large, not a regular file).
 */
async function readSidecar(uri: string): Promise<string | undefined> {
  const file = filePath(uri)
  if (!file) return undefined
  // Too large, a folder, a device: the error says why (a sidecar problem).
  return readBounded(core.sidecarName(file), {maxSize: maxSidecarSize})
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

/** An LSP range of UTF-16 offsets of a document. */
function rangeOf(document: TextDocument, span: {readonly start: number; readonly end: number}): Range {
  return {start: document.positionAt(span.start), end: document.positionAt(span.end)}
}

function toDiagnostic(document: TextDocument, data: DiagnosticData): Diagnostic {
  return {
    range: rangeOf(document, data),
    message: data.message,
    severity: severities[data.severity],
    source: 'newsmark',
    ...(data.code ? {code: data.code} : {}),
    ...(data.url ? {codeDescription: {href: data.url}} : {}),
    ...(data.related
      ? {relatedInformation: [{location: {uri: document.uri, range: rangeOf(document, data.related)}, message: data.related.message}]}
      : {})
  }
}

function toSymbol(document: TextDocument, symbol: SymbolData): DocumentSymbol {
  const range = rangeOf(document, symbol)
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: symbolKinds[symbol.kind],
    range,
    selectionRange: range,
    ...(symbol.children ? {children: symbol.children.map((child) => toSymbol(document, child))} : {})
  }
}

/** `docs/rules.md` of the package the server runs from, if it is there. */
function findRulesFile(): string | undefined {
  try {
    const here = path.dirname(fileURLToPath(import.meta.url))
    for (const candidate of [path.join(here, '..', 'docs', 'rules.md'), path.join(here, '..', '..', 'docs', 'rules.md')]) {
      if (fs.existsSync(candidate)) return candidate
    }
  } catch {
    // Bundled without a file URL: no links.
  }
  return undefined
}
