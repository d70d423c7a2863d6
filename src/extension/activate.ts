/**
 * Newsmark's wiring, shared by the Node entry (`extension.ts`) and the
 * browser's (`web.ts`): every feature lives in its own module and reads the
 * one shared analysis; `activateWith` registers and returns, it parses
 * nothing (the core loads on the first analysis). What differs between the
 * two hosts comes in a `Host`: where analyses run and the import command.
 */
import * as vscode from 'vscode'
import {Analyzer, type Core} from './analyzer.ts'
import {registerAnnotationCommands} from './annotate.ts'
import {AnnotationStore} from './annotation-store.ts'
import {registerCodeLens} from './code-lens.ts'
import {registerCommands} from './commands.ts'
import {Decorations} from './decorations.ts'
import {Diagnostics} from './diagnostics.ts'
import {registerExport} from './export.ts'
import {registerHover} from './hover.ts'
import {registerInlayHints} from './inlay-hints.ts'
import {createLog, type Log} from './log.ts'
import {Preview} from './preview.ts'
import type {MarkdownItLike} from './preview-highlight.ts'
import {registerQuickFixes} from './quick-fix.ts'
import {registerReferences} from './references.ts'
import {RuleDocs} from './rule-docs.ts'
import {registerSample} from './sample.ts'
import {StatusBar} from './status-bar.ts'
import {registerSymbols} from './symbols.ts'
import {TagTree} from './tag-tree.ts'
import {WorkspaceConfig} from './workspace-config.ts'
import type {Directives} from '../core/worker-protocol.ts'

/** What the host the extension runs in provides. */
export interface Host {
  /** Where analyses run, once the log exists. */
  analysis(log: Log): HostAnalysis
  /** Register **Import Article** (it needs Node). */
  registerImport(log: Log): vscode.Disposable
}

/** Where analyses run: the core and the reading of inline annotations. */
export interface HostAnalysis extends vscode.Disposable {
  /** Load the core (on the first analysis). */
  load(): Promise<Core>
  /** Read the inline annotations of a text (a Markdown parse). */
  directives(text: string): Promise<Directives>
}

/** What `activate` returns: used by the integration tests. */
export interface NewsmarkApi {
  /** The shared analysis (`get(document)` gives the current one). */
  readonly analyzer: Analyzer
  /** The sidebar tree's data. */
  readonly tree: TagTree
  /** The status bar item. */
  readonly statusBar: StatusBar
  /** The log (its `stats`: errors written, notifications shown). */
  readonly log: Log
  /** Milliseconds spent in `activate` (not loading the bundle). */
  readonly activationTime: number
  /** Highlights in the Markdown preview (`contributes.markdown.markdownItPlugins`). */
  extendMarkdownIt<T extends MarkdownItLike>(md: T): T
}

/**
 * Activate on the first Markdown document.
 * @param context
 *   The extension context; every disposable goes into its subscriptions.
 * @param host
 *   What the extension host provides.
 * @returns
 *   The extension's API.
 */
export function activateWith(context: vscode.ExtensionContext, host: Host): NewsmarkApi {
  const started = performance.now()
  const log = createLog()
  const config = new WorkspaceConfig(log)
  const analysis = host.analysis(log)
  // The store loads the core through the analyzer, once both exist.
  const annotations = new AnnotationStore(log, () => analyzer.core(), (text) => analysis.directives(text))
  const analyzer = new Analyzer(log, {config, annotations}, () => analysis.load())
  // The bundled rule documentation opens from a finding's link: read, not analysed.
  analyzer.ignoreFolder(vscode.Uri.joinPath(context.extensionUri, 'docs'))
  const ruleDocs = new RuleDocs(context.extensionUri, log)
  const tree = new TagTree(analyzer, log)
  const decorations = new Decorations(analyzer, log)
  const statusBar = new StatusBar(analyzer, log)
  const preview = new Preview(analyzer, log)
  context.subscriptions.push(
    log,
    config,
    annotations,
    analyzer,
    // After the analyzer (disposed in this order): no run of it is left to fail.
    analysis,
    ruleDocs,
    tree,
    decorations,
    statusBar,
    preview,
    new Diagnostics(analyzer, log, ruleDocs),
    registerHover(analyzer, log),
    registerInlayHints(analyzer, log),
    registerCodeLens(analyzer, log),
    registerSymbols(analyzer, log),
    registerReferences(analyzer, log),
    registerQuickFixes(analyzer),
    registerCommands(analyzer, decorations, log),
    registerAnnotationCommands(analyzer, annotations, log),
    registerExport(analyzer, annotations, config, log),
    host.registerImport(log),
    registerSample(context, log)
  )
  const activationTime = performance.now() - started
  log.info(`Activated in ${activationTime.toFixed(1)} ms`)
  return {analyzer, tree, statusBar, log, activationTime, extendMarkdownIt: (md) => preview.extendMarkdownIt(md)}
}

