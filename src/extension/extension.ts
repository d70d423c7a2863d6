/**
 * Newsmark for VS Code, in a Node extension host (desktop, remote, Codespaces):
 * analyses run in a worker thread, annotations are written with Node's
 * atomic writer under the CLI's lock file, and **Import Article** downloads
 * pages. The wiring is `activate.ts`, shared with the browser's entry
 * (`web.ts`).
 */
import * as path from 'node:path'
import type * as vscode from 'vscode'
import {writeFileAtomic} from '../node/atomic-write.ts'
import {BoundedReadError, readBounded} from '../node/bounded-read.ts'
import {withFileLock} from '../node/file-lock.ts'
import {activateWith, type NewsmarkApi} from './activate.ts'
import {AnalysisWorker} from '../node/analysis-worker.ts'
import {isOpenPath} from './analyzer.ts'
import {getConfig} from './config.ts'
import {registerImport} from './import.ts'
import {useLocalFiles} from './local-files.ts'

export type {NewsmarkApi} from './activate.ts'

/**
 * Activate on the first Markdown document.
 * @param context
 *   The extension context; every disposable goes into its subscriptions.
 * @returns
 *   The extension's API.
 */
export function activate(context: vscode.ExtensionContext): NewsmarkApi {
  useLocalFiles({writeFileAtomic, withFileLock, readBounded, BoundedReadError, pid: process.pid})
  return activateWith(context, {
    analysis() {
      // The core's part that tags nothing loads in the extension host
      // (annotations, exports); the whole core runs analyses and reads inline
      // annotations (Markdown parses) in a worker thread.
      const worker = new AnalysisWorker(path.join(context.extensionPath, 'dist', 'core-worker.cjs'), () => getConfig().timeout, isOpenPath)
      return {
        async load() {
          worker.warm()
          return worker.wrap(await import('../core/host.ts'))
        },
        directives: (text) => worker.directives(text),
        dispose: () => worker.dispose()
      }
    },
    registerImport
  })
}

/** Nothing to do: the subscriptions are disposed by VS Code. */
export function deactivate(): void {}
