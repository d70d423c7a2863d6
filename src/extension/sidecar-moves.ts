/**
 * Which sidecars to move when files are renamed or moved: an article's
 * annotations are in `<article>.newsmark.json` next to it, found by its
 * name, so an article renamed without its sidecar silently loses them.
 *
 * Pure (no `vscode`, no file system): paths in, moves out. The extension
 * (`annotation-store.ts`, on `workspace.onDidRenameFiles`) then moves each
 * sidecar that exists, unless its new name is taken.
 */

/** Suffix of sidecar files. */
export const sidecarSuffix = '.newsmark.json'

/** A file (or folder) renamed: paths of one file system, with `/`. */
export interface Rename {
  /** Path before. */
  readonly oldPath: string
  /** Path after. */
  readonly newPath: string
}

/** A sidecar to move. */
export interface SidecarMove {
  /** The article, renamed. */
  readonly article: Rename
  /** Path of its sidecar now. */
  readonly from: string
  /** Path its sidecar moves to. */
  readonly to: string
}

/**
 * The sidecars to move after some renames.
 *
 * Not moved: a sidecar renamed itself (a rename of a `.newsmark.json` file
 * is not an article's), and a sidecar that is also in the renames (moved
 * along with its article, as when both are dragged to another folder). A
 * folder renamed takes its sidecars with it; it gives a move of
 * `<folder>.newsmark.json`, which does not exist, and is skipped where
 * the moves are made.
 *
 * @param renames
 *   The renames, as the editor reports them.
 * @returns
 *   Moves, one per article renamed.
 * @example
 *   sidecarMoves([{oldPath: '/news/a.md', newPath: '/news/b.md'}])
 *   // [{article: …, from: '/news/a.md.newsmark.json', to: '/news/b.md.newsmark.json'}]
 */
export function sidecarMoves(renames: ReadonlyArray<Rename>): SidecarMove[] {
  const moved = new Set(renames.map((rename) => rename.oldPath))
  const moves: SidecarMove[] = []
  for (const rename of renames) {
    if (rename.oldPath === rename.newPath || rename.oldPath.endsWith(sidecarSuffix) || rename.newPath.endsWith(sidecarSuffix)) continue
    const from = rename.oldPath + sidecarSuffix
    if (moved.has(from)) continue
    moves.push({article: rename, from, to: rename.newPath + sidecarSuffix})
  }

  return moves
}

/**
 * The name of a file (the last segment of a path).
 *
 * @param path
 *   Path with `/`.
 * @returns
 *   Name.
 */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
