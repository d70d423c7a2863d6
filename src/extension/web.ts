/**
 * Newsmark for VS Code in a browser (vscode.dev, github.dev, a web worker
 * extension host): the `browser` entry of the manifest, bundled as
 * `dist/web/extension.cjs` with the whole core and no Node built-in.
 *
 * What differs from the Node entry (`extension.ts`), and is said in the log
 * on activation:
 *
 * - analyses run in the extension host's own thread (it is a web worker,
 *   not the editor's window), one at a time, and are not stopped past
 *   `newsmark.analysis.timeout`;
 * - annotations and exports are written through `workspace.fs` with no lock
 *   file (`local-files.ts` is not given): the CLI and a desktop window do
 *   not see an edit in progress;
 * - **Import Article** says it needs the desktop VS Code (it downloads and
 *   parses pages with Node).
 */
import * as vscode from 'vscode'
import type {Directives} from '../core/worker-protocol.ts'
import {activateWith, type NewsmarkApi} from './activate.ts'
import type {Log} from './log.ts'

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
      log.info(
        'Running in a browser: analyses run in this extension host with no time limit (newsmark.analysis.timeout does not apply); annotations are written through workspace.fs with no lock file; Import Article needs the desktop VS Code.'
      )
      let core: Promise<FullCore> | undefined
      let parser: ReturnType<FullCore['createParser']> | undefined
      const load = () => (core ??= import('../core/index.ts'))
      return {
        load,
        async directives(text): Promise<Directives> {
          const loaded = await load()
          parser ??= loaded.createParser()
          return loaded.readDirectives(parser.parse(text), text)
        },
        dispose() {}
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
