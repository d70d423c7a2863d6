/**
 * The reader's annotations of each article: the sidecar next to it
 * (`<article>.newsmark.json`, W3C Web Annotations) and the inline directives
 * in it, re-anchored in the current text on every analysis and applied to
 * the automatic tags (`applyAnnotations`), so that hovers, highlights, the
 * tree and the outline show the reviewed result.
 *
 * - Sidecars are read once per open article through `workspace.fs` and kept
 *   up to date by a file system watcher (edits by hand, by git, by the CLI).
 * - A sidecar that does not parse keeps its valid annotations; its problems
 *   become a diagnostic on the article (see `diagnostics.ts`).
 * - Writes go to a temporary file renamed over the sidecar. A sidecar that
 *   Newsmark did not write as it is (broken, or edited by hand) is copied to
 *   `….newsmark.json.bak-<timestamp>` before it is replaced.
 * - A change is a read-modify-write under the sidecar's lock file (the one
 *   the CLI and other windows take, for `file:` URIs): the sidecar is read
 *   from disk once the lock is held, not taken from the cache, so that what
 *   another window wrote meanwhile is kept.
 * - On save, the fresh selectors (positions and context) of the re-anchored
 *   annotations are written back; orphans stay in the sidecar as they were.
 * - Rejections with `scope: workspace` in any sidecar of the workspace apply
 *   to every article.
 * - An article renamed or moved in the editor takes its sidecar along
 *   (`sidecar-moves.ts` decides which), unless the new name is taken.
 */
import * as vscode from 'vscode'
import type {Anchoring, Annotation, ArticleReview, NewsmarkResult, Orphan, RejectAnnotation} from '../core/index.ts'
import type {Core} from './core-types.ts'
import {basename, exists, readText, withLock, writeText} from './files.ts'
import type {Log} from './log.ts'
import {baseName, sidecarMoves, sidecarSuffix, type SidecarMove} from './sidecar-moves.ts'
import type {Directives} from '../core/worker-protocol.ts'

/** Suffix of sidecar files. */
const suffix = sidecarSuffix
/** Folders that hold no articles. */
const exclude = '{**/node_modules/**,**/.git/**,**/.vscode-host/**}'

/** The annotations of one version of one article, applied to its tags (`reviewArticle`), and where they were read. */
export interface Review extends ArticleReview {
  /** The sidecar (whether or not it exists); none for untitled documents. */
  readonly sidecar?: vscode.Uri
  /** The workspace-wide rejections applied. */
  readonly workspaceRejects?: readonly RejectAnnotation[]
}

/**
 * What a review applied, as a string: two reviews of one core result with
 * the same signature give the same result.
 *
 * @param review
 *   Review.
 * @returns
 *   Signature.
 */
export function reviewSignature(review: Review): string {
  return JSON.stringify([
    review.anchored.map((item) => item.annotation),
    review.orphans,
    review.sidecar?.toString(),
    review.sidecarProblems,
    review.directiveProblems,
    review.workspaceRejects ?? []
  ])
}

/** A sidecar as read. */
interface Sidecar {
  readonly uri: vscode.Uri
  /** Its text, `undefined` when there is no file. */
  readonly text: string | undefined
  /** Its valid annotations, with offsets in the source it was read against. */
  readonly annotations: readonly Annotation[]
  readonly problems: readonly string[]
}

/** Loads, applies and saves annotations. */
export class AnnotationStore implements vscode.Disposable {
  readonly #log: Log
  readonly #core: () => Promise<Core>
  // Re-anchoring that remembers the quotes it did not find (`createAnchoring`).
  #anchorings: Anchoring | undefined
  /** Sidecars of open articles, by article URI. */
  readonly #sidecars = new Map<string, Promise<Sidecar>>()
  /** Texts Newsmark wrote, by sidecar URI: such a file is replaced without a backup. */
  readonly #written = new Map<string, string>()
  /** Writes in progress, by article URI: one at a time per article. */
  readonly #queues = new Map<string, Promise<unknown>>()
  #rejects: Promise<RejectAnnotation[]> | undefined
  /** The last workspace-wide rejections read, kept when a later search fails. */
  #lastRejects: RejectAnnotation[] = []
  /** Reads the inline directives of a text (in the analysis worker). */
  readonly #directives: (text: string) => Promise<Directives>
  readonly #onDidChange = new vscode.EventEmitter<vscode.Uri | undefined>()
  readonly #disposables: vscode.Disposable[] = [this.#onDidChange]

  /** Fires when the annotations of an article (or of all: `undefined`) changed. */
  readonly onDidChange = this.#onDidChange.event

  /**
   * @param log
   *   Where failures go.
   * @param core
   *   Loads the core.
   * @param directives
   *   Reads the inline directives of a text (a Markdown parse: the
   *   analysis worker's).
   */
  constructor(log: Log, core: () => Promise<Core>, directives: (text: string) => Promise<Directives>) {
    this.#log = log
    this.#core = core
    this.#directives = directives
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${suffix}`)
    const changed = (uri: vscode.Uri) => void this.#changedOnDisk(uri).catch((error: unknown) => log.error('display', `Could not read ${uri.toString(true)}`, error))
    this.#disposables.push(
      watcher,
      watcher.onDidChange(changed),
      watcher.onDidCreate(changed),
      watcher.onDidDelete(changed),
      vscode.workspace.onDidCloseTextDocument((document) => this.#sidecars.delete(document.uri.toString())),
      vscode.workspace.onDidSaveTextDocument((document) => {
        void this.#saveSelectors(document).catch((error: unknown) => log.error('display', `Could not update the annotations of ${document.uri.toString(true)}`, error))
      }),
      vscode.workspace.onDidRenameFiles((event) => {
        const renames = event.files.map((file) => ({oldPath: file.oldUri.toString(), newPath: file.newUri.toString()}))
        for (const move of sidecarMoves(renames)) {
          void this.#move(move).catch((error: unknown) => log.error('display', `Could not move ${move.from} with its article`, error))
        }
      })
    )
  }

  /**
   * The sidecar of an article.
   * @param article
   *   The article.
   * @returns
   *   `<article>.newsmark.json`, or `undefined` for untitled documents.
   */
  sidecarOf(article: vscode.Uri): vscode.Uri | undefined {
    return article.scheme === 'untitled' ? undefined : article.with({path: article.path + suffix})
  }

  /**
   * Re-anchor and apply the annotations of an article to its tags.
   * @param uri
   *   The article.
   * @param text
   *   Its text (the version analysed).
   * @param machine
   *   Its automatic tags.
   * @param core
   *   The core.
   * @param open
   *   Whether the article is open (its sidecar is then cached and watched).
   * @returns
   *   The review.
   */
  async review(uri: vscode.Uri, text: string, machine: NewsmarkResult, core: Core, open = true): Promise<Review> {
    // Both reads at once (each is a round trip; the first search of the
    // workspace's sidecars takes a while).
    const rejects = this.#workspaceRejects(core)
    const sidecar = await this.#sidecar(uri, text, core, open)
    const inline = await this.#inline(text, core)
    const workspaceRejects = await rejects
    const review = core.reviewArticle(text, machine, {sidecar, inline, workspaceRejects, anchoring: this.#anchoring(core), ...(sidecar ? {sidecarName: basename(sidecar.uri)} : {})})
    return {
      ...review,
      ...(sidecar ? {sidecar: sidecar.uri} : {}),
      workspaceRejects
    }
  }

  /**
   * Start reading what `review` of an open article will read (its sidecar,
   * the workspace's rejections), so that the reads go on while the core
   * analyses it.
   * @param uri
   *   The article.
   * @param text
   *   Its text, as `review` will get it.
   * @param core
   *   The core.
   */
  prefetch(uri: vscode.Uri, text: string, core: Core): void {
    // Failures are `review`'s to report (a failed sidecar read is not kept).
    this.#sidecar(uri, text, core, true).catch(() => undefined)
    void this.#workspaceRejects(core)
  }

  /**
   * Change the sidecar annotations of an article and write the sidecar.
   * @param uri
   *   The article.
   * @param source
   *   Its current text (offsets of new annotations refer to it).
   * @param change
   *   Gets the current annotations, re-anchored in `source` (orphans
   *   included, unchanged), and returns the new list.
   * @returns
   *   The sidecar written and the backup made, if any.
   */
  modify(uri: vscode.Uri, source: string, change: (current: Annotation[], core: Core) => Annotation[]): Promise<{sidecar: vscode.Uri; backup?: vscode.Uri}> {
    return this.#queue(uri, async () => {
      const core = await this.#core()
      const open = vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())
      const file = this.sidecarOf(uri)
      if (!file) throw new Error('Save the article first: an untitled document has no sidecar to keep its annotations in.')
      // Read, change and write under the sidecar's lock, from what is on
      // disk now: another window, or the CLI, may have written it since it
      // was cached, and writing back the cached list would lose that.
      const written = await withLock(file, async (lock) => {
        const sidecar = parseText(file, await readText(file), source, core)
        const report = this.#anchoring(core).reanchor(source, sidecar.annotations)
        const next = change([...report.anchored.map((item) => item.annotation), ...report.orphans.map((item) => item.annotation)], core)
        return this.#write(uri, sidecar, source, next, core, open, lock.verify)
      })
      // This sidecar's workspace-wide rejections may have changed: read them
      // again before the article is reviewed, so that its review waits for
      // them rather than uses the old ones (the other articles are reviewed
      // once they are read, if they changed).
      const reloaded = this.#reloadRejects(core)
      this.#onDidChange.fire(uri)
      await reloaded
      return written
    })
  }

  /**
   * Read the annotations of an article that may not be open (for exports).
   * @param uri
   *   The article.
   * @param text
   *   Its text.
   * @returns
   *   The sidecar's annotations re-anchored, orphans, problems, and the
   *   inline annotations.
   */
  async read(uri: vscode.Uri, text: string): Promise<{annotations: Annotation[]; orphans: Orphan[]; problems: readonly string[]; sidecar?: vscode.Uri}> {
    const core = await this.#core()
    const open = this.#sidecars.has(uri.toString())
    const sidecar = await this.#sidecar(uri, text, core, open)
    const report = this.#anchoring(core).reanchor(text, sidecar?.annotations ?? [])
    return {
      annotations: [...report.anchored.map((item) => item.annotation), ...(await this.#inline(text, core)).annotations],
      orphans: report.orphans,
      problems: sidecar?.problems ?? [],
      ...(sidecar ? {sidecar: sidecar.uri} : {})
    }
  }

  /**
   * Rejections that apply to the whole workspace (from every sidecar).
   * @returns
   *   The rejections.
   */
  async workspaceRejects(): Promise<RejectAnnotation[]> {
    return this.#workspaceRejects(await this.#core())
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose()
  }

  /** The sidecar of an article: cached while the article is open. */
  #sidecar(uri: vscode.Uri, source: string, core: Core, open: boolean): Promise<Sidecar | undefined> {
    const sidecar = this.sidecarOf(uri)
    if (!sidecar) return Promise.resolve(undefined)
    const key = uri.toString()
    const cached = open ? this.#sidecars.get(key) : undefined
    if (cached) return cached
    const loaded = readSidecar(sidecar, source, core)
    if (open) {
      this.#sidecars.set(key, loaded)
      // A failed read is tried again next time.
      loaded.catch(() => this.#sidecars.get(key) === loaded && this.#sidecars.delete(key))
    }
    return loaded
  }

  /** Write a sidecar (under its lock: `beforeReplace` checks that it is still held). */
  async #write(
    uri: vscode.Uri,
    sidecar: Sidecar,
    source: string,
    annotations: readonly Annotation[],
    core: Core,
    open: boolean,
    beforeReplace: () => Promise<void>
  ): Promise<{sidecar: vscode.Uri; backup?: vscode.Uri}> {
    const name = basename(uri)
    const text = core.serializeSidecar(annotations, source, name)
    const key = sidecar.uri.toString()
    // Written as it is by Newsmark: nothing is lost by replacing it.
    const ours = (existing: string) =>
      existing === text || existing === this.#written.get(key) || isOurs(core, existing, source, name)
    const {backup} = await writeText(sidecar.uri, text, {backupIf: (existing) => !ours(existing), beforeReplace})
    this.#written.set(key, text)
    if (backup) this.#log.info(`Kept the previous ${basename(sidecar.uri)} as ${basename(backup)}`)
    if (open) this.#sidecars.set(uri.toString(), Promise.resolve({uri: sidecar.uri, text, annotations: [...annotations], problems: []}))
    return {sidecar: sidecar.uri, ...(backup ? {backup} : {})}
  }

  /** Write the fresh selectors of an article's annotations back when it is saved. */
  async #saveSelectors(document: vscode.TextDocument): Promise<void> {
    if (!this.#sidecars.has(document.uri.toString())) return
    await this.#queue(document.uri, async () => {
      // Read in the queue: a change queued before the save is in it by now.
      const cached = this.#sidecars.get(document.uri.toString())
      if (!cached) return
      const {uri} = await cached
      const core = await this.#core()
      const source = document.getText()
      // From what is on disk now, under the lock (as in `modify`).
      await withLock(uri, async (lock) => {
        const sidecar = parseText(uri, await readText(uri), source, core)
        // A broken sidecar is left to the reader to fix; a missing one is not created.
        if (sidecar.text === undefined || sidecar.problems.length > 0 || sidecar.annotations.length === 0) return
        const report = this.#anchoring(core).reanchor(source, sidecar.annotations)
        const next = [...report.anchored.map((item) => item.annotation), ...report.orphans.map((item) => item.annotation)]
        if (core.serializeSidecar(next, source, basename(document.uri)) === sidecar.text) return
        await this.#write(document.uri, sidecar, source, next, core, true, lock.verify)
      })
    })
  }

  /**
   * An article was renamed (or moved): move its sidecar along, so that its
   * annotations stay attached (a sidecar is found by its article's name).
   * A sidecar Newsmark wrote as it is gets its article's new name in it
   * too; one whose new name is taken stays where it is, and the reader is
   * told.
   */
  async #move(move: SidecarMove): Promise<void> {
    const from = vscode.Uri.parse(move.from, true)
    const to = vscode.Uri.parse(move.to, true)
    const oldArticle = vscode.Uri.parse(move.article.oldPath, true)
    const article = vscode.Uri.parse(move.article.newPath, true)
    const moved = await this.#queue(article, () =>
      withLock(from, () =>
        withLock(to, async () => {
          if (!(await exists(from))) return false
          // Only the case of the name changed: the same file where case does not count.
          const sameFile = from.path.toLowerCase() === to.path.toLowerCase()
          if (!sameFile && (await exists(to))) {
            const message = `The annotations of ${baseName(move.article.newPath)} stay in ${basename(from)}: ${vscode.workspace.asRelativePath(to)} exists already. Merge or rename them by hand.`
            this.#log.info(message)
            void vscode.window.showWarningMessage(`Newsmark: ${message}`)
            return false
          }

          await vscode.workspace.fs.rename(from, to, {overwrite: sameFile})
          await this.#renameInside(to, article, baseName(move.article.oldPath))
          return true
        })
      )
    )
    this.#sidecars.delete(oldArticle.toString())
    if (!moved) return
    this.#sidecars.delete(article.toString())
    this.#log.info(`Moved ${basename(from)} along with its article to ${vscode.workspace.asRelativePath(to)}`)
    this.#onDidChange.fire(article)
  }

  /** A moved sidecar that Newsmark wrote as it is: write its article's new name in it. */
  async #renameInside(sidecar: vscode.Uri, article: vscode.Uri, oldName: string): Promise<void> {
    const text = await readText(sidecar)
    if (text === undefined) return
    const core = await this.#core()
    const document = vscode.workspace.textDocuments.find((item) => item.uri.toString() === article.toString())
    const source = document?.getText() ?? (await readText(article)) ?? ''
    // Edited by hand or broken: moved as it is (the name in it is not read).
    if (!isOurs(core, text, source, oldName)) return
    const renamed = core.serializeSidecar(core.parseSidecar(text, source).annotations, source, basename(article))
    if (renamed === text) return
    await writeText(sidecar, renamed)
    this.#written.set(sidecar.toString(), renamed)
  }

  /** A sidecar changed on disk: read it again if its article is open. */
  async #changedOnDisk(sidecar: vscode.Uri): Promise<void> {
    if (!sidecar.path.endsWith(suffix)) return
    const article = sidecar.with({path: sidecar.path.slice(0, -suffix.length)})
    const key = article.toString()
    const core = await this.#core()
    // In the article's queue, after any write of ours: a late event for an
    // earlier write must not read the old text and put it back in the cache.
    let reloaded: Promise<void> | undefined
    await this.#queue(article, async () => {
      const cached = this.#sidecars.get(key)
      if (!cached) return
      const text = await readText(sidecar)
      const previous = await cached.catch(() => undefined)
      if (!previous || previous.text !== text) {
        const document = vscode.workspace.textDocuments.find((item) => item.uri.toString() === key)
        this.#sidecars.set(key, Promise.resolve(parseText(sidecar, text, document?.getText() ?? '', core)))
        // As in `modify`: the article's review waits for the new rejections.
        reloaded = this.#reloadRejects(core)
        this.#onDidChange.fire(article)
      }
    })
    await (reloaded ?? this.#reloadRejects(core))
  }

  /**
   * Read the workspace-wide rejections again: reviews from now on wait for
   * the new list (the one cached is dropped at once, before the promise
   * returned settles). If it differs from the list it replaces, every article
   * is reviewed again.
   * @param core
   *   The core.
   * @returns
   *   Settles when the list is read (and the articles told, if it changed).
   */
  async #reloadRejects(core: Core): Promise<void> {
    const previous = this.#rejects ?? Promise.resolve([])
    this.#rejects = undefined
    const next = this.#workspaceRejects(core)
    if (signature(await next) !== signature(await previous)) this.#onDidChange.fire(undefined)
  }

  /** The store's re-anchoring, made on first use. */
  #anchoring(core: Core): Anchoring {
    return (this.#anchorings ??= core.createAnchoring())
  }

  /** Rejections that apply to the whole workspace, from every sidecar in it (cached). */
  #workspaceRejects(core: Core): Promise<RejectAnnotation[]> {
    if (this.#rejects) return this.#rejects
    const rejects: Promise<RejectAnnotation[]> = this.#readRejects(core).then(
      (found) => {
        if (this.#rejects === rejects) this.#lastRejects = found
        return found
      },
      (error: unknown) => {
        // The last list meanwhile; searched again on the next review.
        this.#log.info(`Could not list the sidecars of the workspace for workspace-wide rejections: ${error instanceof Error ? error.message : String(error)}`)
        if (this.#rejects === rejects) this.#rejects = undefined
        return this.#lastRejects
      }
    )
    this.#rejects = rejects
    return rejects
  }

  /** Read the workspace-wide rejections from every sidecar in the workspace. */
  async #readRejects(core: Core): Promise<RejectAnnotation[]> {
    if (!vscode.workspace.workspaceFolders?.length) return []
    const found: RejectAnnotation[] = []
    for (const uri of await vscode.workspace.findFiles(`**/*${suffix}`, exclude, 1000)) {
      try {
        const text = await readText(uri)
        if (text === undefined || !text.includes('"workspace"')) continue
        for (const annotation of core.parseSidecar(text, '').annotations) {
          if (annotation.kind === 'reject' && annotation.scope === 'workspace') found.push(annotation)
        }
      } catch (error) {
        this.#log.info(`Could not read ${uri.toString(true)} for workspace-wide rejections: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    return found
  }

  /**
   * Inline directives of a text, parsed only when it may have some, and in
   * the analysis worker (a Markdown parse can take as long as an analysis).
   */
  async #inline(text: string, core: Core): Promise<Directives> {
    if (!core.mayHaveDirectives(text)) return {annotations: [], problems: []}
    return this.#directives(text)
  }

  /** Run `task` after the other writes of the same article. */
  #queue<T>(uri: vscode.Uri, task: () => Promise<T>): Promise<T> {
    const key = uri.toString()
    const previous = this.#queues.get(key) ?? Promise.resolve()
    const next = previous.then(task, task)
    const settled = next.then(() => undefined, () => undefined)
    this.#queues.set(key, settled)
    void settled.then(() => this.#queues.get(key) === settled && this.#queues.delete(key))
    return next
  }
}

/**
 * Whether a sidecar is exactly as Newsmark writes it (valid, and written
 * back the same), so that replacing it loses nothing.
 * @param core
 *   The core.
 * @param text
 *   The sidecar.
 * @param source
 *   The article.
 * @param name
 *   The article's file name.
 * @returns
 *   `false` for a broken or hand-edited sidecar: back it up first.
 */
export function isOurs(core: Core, text: string, source: string, name: string): boolean {
  const {annotations, problems} = core.parseSidecar(text, source)
  return problems.length === 0 && core.serializeSidecar(annotations, source, name) === text
}

async function readSidecar(uri: vscode.Uri, source: string, core: Core): Promise<Sidecar> {
  let text: string | undefined
  try {
    text = await readText(uri)
  } catch (error) {
    return {uri, text: '', annotations: [], problems: [`cannot be read: ${error instanceof Error ? error.message : String(error)}`]}
  }
  return parseText(uri, text, source, core)
}

function parseText(uri: vscode.Uri, text: string | undefined, source: string, core: Core): Sidecar {
  if (text === undefined) return {uri, text, annotations: [], problems: []}
  return {uri, text, ...core.parseSidecar(text, source)}
}

function signature(rejects: readonly RejectAnnotation[]): string {
  return JSON.stringify(rejects.map((item) => [item.target.exact, item.type ?? '']).sort())
}
