/**
 * Which sidecars move with renamed articles (`src/extension/sidecar-moves.ts`,
 * plain Node): renaming an article in the editor must not detach its
 * annotations.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {baseName, sidecarMoves} from '../../src/extension/sidecar-moves.ts'

test('sidecar moves: an article renamed or moved takes its sidecar', () => {
  assert.deepEqual(sidecarMoves([{oldPath: '/news/bridge.md', newPath: '/news/2026/lakeside-bridge.md'}]), [
    {
      article: {oldPath: '/news/bridge.md', newPath: '/news/2026/lakeside-bridge.md'},
      from: '/news/bridge.md.newsmark.json',
      to: '/news/2026/lakeside-bridge.md.newsmark.json'
    }
  ])
})

test('sidecar moves: a sidecar moved along with its article, or renamed itself, is left alone', () => {
  const renames = [
    {oldPath: '/news/a.md', newPath: '/archive/a.md'},
    {oldPath: '/news/a.md.newsmark.json', newPath: '/archive/a.md.newsmark.json'},
    {oldPath: '/news/b.md.newsmark.json', newPath: '/news/c.md.newsmark.json'},
    {oldPath: '/news/d.md', newPath: '/news/d.md'},
    {oldPath: '/news/e.md', newPath: '/news/e.md.newsmark.json'}
  ]
  assert.deepEqual(sidecarMoves(renames), [])
})

test('sidecar moves: several articles at once, and a folder', () => {
  const moves = sidecarMoves([
    {oldPath: '/news/a.md', newPath: '/news/x.md'},
    {oldPath: '/news/b.markdown', newPath: '/news/y.markdown'},
    {oldPath: '/news/drafts', newPath: '/news/final'}
  ])
  assert.deepEqual(
    moves.map((move) => [move.from, move.to]),
    [
      ['/news/a.md.newsmark.json', '/news/x.md.newsmark.json'],
      ['/news/b.markdown.newsmark.json', '/news/y.markdown.newsmark.json'],
      // A folder's sidecars move with it; this one does not exist, and is skipped.
      ['/news/drafts.newsmark.json', '/news/final.newsmark.json']
    ]
  )
  assert.equal(baseName('/news/x.md'), 'x.md')
})
