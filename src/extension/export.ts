/**
 * **Newsmark: Export…**: the active article, or every Markdown article of
 * the workspace, as notes, JSON, W3C Web Annotations, schema.org
 * ClaimReview or CSV (the core's exporters, as `newsmark export` does).
 *
 * Each article goes with its annotations (sidecar and inline, re-anchored;
 * orphans are exported too) and the workspace-wide rejections. An article
 * whose sidecar is broken stops the export before anything is written. The
 * save dialog asks before replacing a file; a target given as an argument
 * is only replaced with `overwrite: true`. Written through `workspace.fs`
 * (temporary file, then rename). Where things are published comes from the
 * `newsmark.export.*` settings, else each article’s `.newsmarkrc`; what an
 * export still lacks to be publishable is logged and shown once.
 */
import * as vscode from 'vscode'
import type {ArticleExport, ExportFormat, NewsmarkResult} from '../core/index.ts'
import type {Analyzer, Core} from './analyzer.ts'
import type {AnnotationStore} from './annotation-store.ts'
import {getConfig} from './config.ts'
import {basename, dirname, exists, readText, relativePath, writeText} from './files.ts'
import {plural} from './labels.ts'
import type {Log} from './log.ts'
import type {WorkspaceConfig} from './workspace-config.ts'

/** Answers the command can be given instead of asking (keybindings, tests). */
export interface ExportOptions {
  readonly format?: ExportFormat
  /** The active article, or every Markdown file of the workspace. */
  readonly scope?: 'article' | 'workspace'
  /** Where to write. */
  readonly uri?: vscode.Uri | string
  /** Replace `uri` if it exists (default: `false`: refuse). */
  readonly overwrite?: boolean
}

/** The formats, as the picker shows them. */
const formats: ReadonlyArray<vscode.QuickPickItem & {format: ExportFormat; suffix: string}> = [
  {format: 'notes', suffix: '.notes', label: 'Notes', description: 'Markdown', detail: 'A note per article: entities with roles, timeline, claims with speakers and verdicts, linked to the lines'},
  {format: 'json', suffix: '.tags', label: 'JSON', description: 'Newsmark JSON', detail: 'The tags after review, with the annotations, orphans and what could not be applied'},
  {format: 'webannotation', suffix: '.annotations', label: 'Web Annotation', description: 'W3C JSON-LD', detail: 'Every tag and annotation as a W3C Web Annotation, human and machine told apart'},
  {format: 'claimreview', suffix: '.claimreview', label: 'ClaimReview', description: 'schema.org JSON-LD', detail: 'One ClaimReview per verdict (per reviewer and claim)'},
  {format: 'csv', suffix: '.tags', label: 'CSV', description: 'spreadsheet', detail: 'One row per entity mention, date and claim'}
]

/** Folders that hold no articles. */
const exclude = '{**/node_modules/**,**/.git/**,**/.vscode-host/**,**/dist/**,**/out/**}'

/**
 * Register the export command.
 * @param analyzer
 *   The shared analysis.
 * @param store
 *   The annotations.
 * @param config
 *   Each article’s `.newsmarkrc`.
 * @param log
 *   The log.
 * @returns
 *   The registration.
 */
export function registerExport(analyzer: Analyzer, store: AnnotationStore, config: WorkspaceConfig, log: Log): vscode.Disposable {
  return vscode.commands.registerCommand('newsmark.export', async (arg?: unknown) => {
    const given = arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? (arg as ExportOptions) : {}
    try {
      return await runExport(analyzer, store, config, log, given)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      log.info(`newsmark.export: ${message}`)
      void vscode.window.showErrorMessage(`Newsmark: ${message}`)
      return undefined
    }
  })
}

/**
 * Run the export.
 * @returns
 *   The file written, or `undefined` when cancelled.
 */
async function runExport(analyzer: Analyzer, store: AnnotationStore, config: WorkspaceConfig, log: Log, given: ExportOptions): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document
  const article = active?.languageId === 'markdown' ? active : undefined
  const format = given.format ? formats.find((item) => item.format === given.format) : await vscode.window.showQuickPick(formats, {placeHolder: 'Export as…', matchOnDetail: true})
  if (!format) {
    if (given.format) throw new Error(`Unexpected format \`${given.format}\`, expected one of ${formats.map((item) => item.format).join(', ')}`)
    return undefined
  }
  const scope = given.scope ?? (article ? await pickScope(article) : 'workspace')
  if (!scope) return undefined
  if (scope === 'article' && !article) throw new Error('Open a Markdown article to export it, or export the whole workspace.')
  const folder = article && scope === 'article' ? article.uri.with({path: dirname(article.uri)}) : vscode.workspace.workspaceFolders?.[0]?.uri
  const core = await analyzer.core()
  const {extension} = core.exportFormats[format.format]
  const name = (scope === 'article' && article ? basename(article.uri).replace(/\.(md|markdown)$/i, '') : 'newsmark-export') + format.suffix + extension
  let target: vscode.Uri | undefined
  if (given.uri) {
    target = typeof given.uri === 'string' ? vscode.Uri.parse(given.uri) : given.uri
    if (!given.overwrite && (await exists(target))) throw new Error(`${basename(target)} already exists; not replacing it.`)
  } else {
    // The dialog itself asks before replacing an existing file.
    target = await vscode.window.showSaveDialog({
      title: `Export ${scope === 'article' ? 'the article' : 'the workspace’s articles'} as ${format.label}`,
      saveLabel: 'Export',
      ...(folder ? {defaultUri: vscode.Uri.joinPath(folder, name)} : {}),
      filters: {[`${format.label} (*${extension})`]: [extension.slice(1)]}
    })
  }
  if (!target) return undefined
  const output = target
  const uris = scope === 'article' ? [article!.uri] : await markdownFiles()
  if (uris.length === 0) throw new Error('No Markdown articles in the workspace.')
  const articles = await vscode.window.withProgress(
    {location: vscode.ProgressLocation.Notification, title: `Newsmark: exporting ${plural(uris.length, 'article')}`},
    () => collect(analyzer, store, config, core, uris, output)
  )
  const text = core.exportArticles(format.format, articles)
  await writeText(output, text)
  log.info(`Exported ${plural(articles.length, 'article')} as ${format.format} to ${output.toString(true)}`)
  const warnings = core.exportWarnings(format.format, articles)
  for (const warning of warnings) log.info(`Export warning: ${warning}`)
  if (warnings.length > 0) {
    void vscode.window.showWarningMessage(`Newsmark: ${warnings[0]}${warnings.length > 1 ? ` (and ${plural(warnings.length - 1, 'more warning')} in the log)` : ''}`)
  }
  void vscode.window.showInformationMessage(`Newsmark: exported ${plural(articles.length, 'article')} to ${basename(output)}.`, 'Open').then((choice) => {
    if (choice) void vscode.window.showTextDocument(output)
  })
  return output
}

async function pickScope(article: vscode.TextDocument): Promise<'article' | 'workspace' | undefined> {
  const chosen = await vscode.window.showQuickPick(
    [
      {label: `$(file) ${basename(article.uri)}`, description: 'the active article', scope: 'article' as const},
      {label: '$(folder) All Markdown articles in the workspace', scope: 'workspace' as const}
    ],
    {placeHolder: 'Export which articles?'}
  )
  return chosen?.scope
}

async function markdownFiles(): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles('**/*.{md,markdown}', exclude, 5000)
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** Every article with its tags, annotations and metadata; stops on a broken sidecar. */
async function collect(
  analyzer: Analyzer,
  store: AnnotationStore,
  config: WorkspaceConfig,
  core: Core,
  uris: readonly vscode.Uri[],
  output: vscode.Uri
): Promise<ArticleExport[]> {
  const articles: ArticleExport[] = []
  const broken: string[] = []
  const workspaceRejects = await store.workspaceRejects()
  for (const uri of uris) {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString())
    const source = open ? open.getText() : await readText(uri)
    if (source === undefined) continue
    // Not an article whose analysis was skipped (too large, or stopped past
    // its time).
    let result: NewsmarkResult | undefined
    if (open) {
      const analysis = await analyzer.get(open)
      if (analysis && !analysis.skipped) result = analysis.machine
    } else {
      const analysis = await analyzer.analyzeText(source, uri)
      if (!analysis.skipped) result = analysis.result
    }
    if (!result) continue
    const {annotations, orphans, problems, sidecar} = await store.read(uri, source)
    if (problems.length > 0 && sidecar) {
      broken.push(`${vscode.workspace.asRelativePath(sidecar)} (${plural(problems.length, 'problem')}: ${problems[0]})`)
      continue
    }
    const meta = core.articleMeta(source, relativePath(dirname(output), uri.path))
    // The settings, else the article’s `.newsmarkrc`, say where it is published.
    const settings = getConfig(uri).export
    const configured = (await config.options(uri, core)).export ?? {}
    const baseUrl = settings.baseUrl ?? configured.baseUrl
    const reviewUrl = settings.reviewUrl ?? configured.reviewUrl
    const publisher = settings.publisher ?? configured.publisher
    articles.push({
      source,
      result,
      annotations,
      meta: {
        ...meta,
        path: vscode.workspace.asRelativePath(uri, false),
        ...(baseUrl ? {baseUrl} : {}),
        ...(reviewUrl ? {reviewUrl} : {}),
        ...(publisher ? {publisher} : {}),
        orphans,
        workspaceRejects
      }
    })
  }
  if (broken.length > 0) {
    throw new Error(`Nothing exported: fix the annotation sidecar${broken.length > 1 ? 's' : ''} first: ${broken.join('; ')}`)
  }
  return articles
}
