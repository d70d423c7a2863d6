/**
 * Newsmark for VS Code in a browser (vscode.dev, github.dev, a web worker
 * extension host): the `browser` entry of the manifest, bundled as
 * `dist/web/extension.cjs` with the whole core and no Node built-in.
 *
 * What differs from the Node entry (`extension.ts`), and is said in the log
 * on activation:
 *
 * - analyses run in a Web Worker started from the extension host
 *   (`web-analysis.ts`), stopped past `newsmark.analysis.timeout` as on the
 *   desktop; where no worker can start, in the extension host's own thread
 *   (itself a web worker, not the editor's window), with no time limit, and
 *   the log says why;
 * - annotations and exports are written through `workspace.fs` with no lock
 *   file (`local-files.ts` is not given): the CLI and a desktop window do
 *   not see an edit in progress;
 * - **Import Article** says it needs the desktop VS Code (it downloads and
 *   parses pages with Node).
 */
import * as vscode from 'vscode'
import type {Directives} from '../core/worker-protocol.ts'
import {activateWith, type NewsmarkApi} from './activate.ts'
import type {AnalysisRunner} from '../service/analysis-runner.ts'
import {isOpenPath, type Core} from './analyzer.ts'
import {getConfig} from './config.ts'
import {inThisThread} from './core-types.ts'
import type {Log} from './log.ts'
import {startWebRunner} from './web-analysis.ts'

export type {NewsmarkApi} from './activate.ts'

type FullCore = typeof import('../core/index.ts')

/** What **Import Article** says in a browser. */
export const importInBrowser =
  'Import Article needs the desktop VS Code: it downloads and reads pages with Node, which VS Code in a browser does not have. Save the article as Markdown in the workspace instead, or import it with the `newsmark import` command.'

/**
 * Activate on the first Markdown document.
 * @param context
 *   The extension context; every disposable goes into its subscriptions.
 * @returns
 *   The extension's API.
 */
export function activate(context: vscode.ExtensionContext): NewsmarkApi {
  return activateWith(context, {
    analysis(log) {
      log.info('Running in a browser: annotations are written through workspace.fs with no lock file; Import Article needs the desktop VS Code.')
      // The whole core is bundled too: it runs here when no worker can.
      let inThread: Promise<FullCore> | undefined
      let parser: ReturnType<FullCore['createParser']> | undefined
      const loadInThread = () => (inThread ??= import('../core/index.ts'))
      let runner: AnalysisRunner | undefined
      let disposed = false
      let loading: Promise<Core> | undefined
      const load = () =>
        (loading ??= startWebRunner(context.extensionUri, () => getConfig().timeout, isOpenPath).then(
          async (started) => {
            if (disposed) started.dispose()
            runner = started
            log.info('Analyses run in a Web Worker, stopped past newsmark.analysis.timeout.')
            return started.wrap(await import('../core/host.ts'))
          },
          async (error: unknown) => {
            log.info(
              `Could not start the analysis worker (${error instanceof Error ? error.message : String(error)}): analyses run in the extension host, with no time limit (newsmark.analysis.timeout does not apply).`
            )
            return inThisThread(await loadInThread())
          }
        ))
      return {
        load,
        async directives(text): Promise<Directives> {
          await load()
          if (runner) return runner.directives(text)
          const loaded = await loadInThread()
          parser ??= loaded.createParser()
          return loaded.readDirectives(parser.parse(text), text)
        },
        dispose() {
          disposed = true
          runner?.dispose()
        }
      }
    },
    registerImport
  })
}

/** Nothing to do: the subscriptions are disposed by VS Code. */
export function deactivate(): void {}

/**
 * **Import Article** in a browser: says what it needs.
 * @param log
 *   The log.
 * @returns
 *   The registration.
 */
function registerImport(log: Log): vscode.Disposable {
  return vscode.commands.registerCommand('newsmark.importArticle', () => {
    log.info(`newsmark.importArticle: ${importInBrowser}`)
    void vscode.window.showInformationMessage(`Newsmark: ${importInBrowser}`)
    return undefined
  })
}
