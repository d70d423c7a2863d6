/**
 * Helpers for the integration tests: open workspace files, wait on events
 * (never on timers), read hovers and the tree.
 */
import * as vscode from 'vscode'
import type {NewsmarkApi} from '../../../src/extension/extension.ts'
import type {TagNode} from '../../../src/extension/tag-tree.ts'

/**
 * Open a file of the test workspace in an editor.
 * @param name
 *   File name in the workspace folder.
 * @returns
 *   The document.
 */
export async function open(name: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0]
  if (!folder) throw new Error('No workspace folder: the harness opens one')
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name))
  await vscode.window.showTextDocument(document)
  return document
}

/**
 * Activate Newsmark and get its API.
 * @returns
 *   What `activate` returned.
 */
export async function api(): Promise<NewsmarkApi> {
  const extension = vscode.extensions.getExtension<NewsmarkApi>('newsmark.newsmark')
  if (!extension) throw new Error('Extension newsmark.newsmark is not loaded')
  return extension.activate()
}

/**
 * Wait until `check` gives a truthy value, checking now and after each
 * `event`; fail after `timeout` ms with a message saying what was awaited.
 * @param event
 *   Event after which to check again.
 * @param check
 *   The condition; its truthy value is returned.
 * @param what
 *   What is awaited, for the error.
 * @param timeout
 *   Milliseconds (default: 60 s: generous, as it is only reached on a
 *   failure, and a busy machine can take tens of seconds for a cold step).
 * @returns
 *   The value of `check`.
 */
export function until<T>(event: vscode.Event<unknown>, check: () => T | undefined | false, what: string, timeout = 60_000): Promise<T> {
  const now = check()
  if (now) return Promise.resolve(now)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose()
      reject(new Error(`Timed out after ${timeout / 1000} s waiting for ${what}`))
    }, timeout)
    const subscription = event(() => {
      const value = check()
      if (!value) return
      clearTimeout(timer)
      subscription.dispose()
      resolve(value)
    })
  })
}

/**
 * Position inside the first occurrence of a text.
 * @param document
 *   The document.
 * @param needle
 *   Text to find.
 * @param delta
 *   Characters into the text (default: 1).
 * @returns
 *   The position.
 */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const index = document.getText().indexOf(needle)
  if (index < 0) throw new Error(`Text not in ${document.uri.path}: ${needle}`)
  return document.positionAt(index + delta)
}

/**
 * All hover text at a position, through the real hover API.
 * @param document
 *   The document.
 * @param position
 *   Where.
 * @returns
 *   The Markdown of every hover, joined.
 */
export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n')
}

/**
 * Labels of a tree node's children (the root's, by default).
 * @param tree
 *   The tree data.
 * @param node
 *   A node.
 * @returns
 *   `[label, node]` pairs.
 */
export function children(tree: NewsmarkApi['tree'], node?: TagNode): Array<[string, TagNode]> {
  return tree.getChildren(node).map((child) => {
    const {label} = tree.getTreeItem(child)
    return [typeof label === 'string' ? label : (label?.label ?? ''), child]
  })
}

/**
 * Names of every entity in the tree.
 * @param tree
 *   The tree data.
 * @returns
 *   Entity names.
 */
export function entityNames(tree: NewsmarkApi['tree']): string[] {
  const entities = children(tree).find(([label]) => label === 'Entities')
  if (!entities) return []
  return children(tree, entities[1]).flatMap(([, group]) => children(tree, group).map(([label]) => label))
}

/**
 * Values of the dates in the Timeline section, in tree order.
 * @param tree
 *   The tree data.
 * @returns
 *   TimeML values.
 */
export function timeline(tree: NewsmarkApi['tree']): string[] {
  const section = children(tree).find(([label]) => label === 'Timeline')
  return section ? children(tree, section[1]).map(([label]) => label) : []
}

/**
 * Like {@link until}, with a check that reads files (async): checked now and
 * after each `event`, one check at a time.
 * @param event
 *   Event after which to check again.
 * @param check
 *   The condition; its truthy value is returned.
 * @param what
 *   What is awaited, for the error.
 * @param timeout
 *   Milliseconds (default: 60 s: generous, as it is only reached on a
 *   failure, and a busy machine can take tens of seconds for a cold step).
 * @returns
 *   The value of `check`.
 */
export function untilAsync<T>(event: vscode.Event<unknown>, check: () => Promise<T | undefined | false>, what: string, timeout = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let done = false
    let again = false
    let running = false
    const finish = (error: Error | undefined, value?: T) => {
      if (done) return
      done = true
      clearTimeout(timer)
      subscription.dispose()
      if (error) reject(error)
      else resolve(value as T)
    }
    const run = async () => {
      if (running) {
        again = true
        return
      }
      running = true
      do {
        again = false
        try {
          const value = await check()
          if (value) return finish(undefined, value)
        } catch (error) {
          return finish(error instanceof Error ? error : new Error(String(error)))
        }
      } while (again && !done)
      running = false
    }
    const timer = setTimeout(() => finish(new Error(`Timed out after ${timeout / 1000} s waiting for ${what}`)), timeout)
    const subscription = event(() => void run())
    void run()
  })
}

/**
 * Events of a file system watcher on one file (create, change, delete), as
 * one event; dispose the watcher when done.
 * @param uri
 *   The file.
 * @returns
 *   The event and the watcher.
 */
export function watchFile(uri: vscode.Uri): {event: vscode.Event<vscode.Uri>; watcher: vscode.FileSystemWatcher} {
  const folder = uri.with({path: uri.path.slice(0, uri.path.lastIndexOf('/'))})
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, uri.path.slice(uri.path.lastIndexOf('/') + 1)))
  const event: vscode.Event<vscode.Uri> = (listener, thisArgs, disposables) =>
    vscode.Disposable.from(watcher.onDidCreate(listener, thisArgs, disposables), watcher.onDidChange(listener, thisArgs, disposables), watcher.onDidDelete(listener, thisArgs, disposables))
  return {event, watcher}
}

/**
 * Read a workspace file as text.
 * @param uri
 *   The file.
 * @returns
 *   Its text, or `undefined` when missing.
 */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))
  } catch {
    return undefined
  }
}
