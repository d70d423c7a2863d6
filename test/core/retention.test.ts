/**
 * What the editor's analyses keep from one to the next stays bounded: an
 * edit must not keep the whole text of its version alive. (V8 keeps all of a
 * string while a slice of it lives: a node parsed from a slice of the
 * document, a kept object that holds a mention's text, or a cache key cut
 * from a whole version kept a copy of the document per edit: 2 MB an edit
 * on a 1 MB file.)
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import v8 from 'node:v8'
import vm from 'node:vm'
import {createNewsmark} from '../../src/core/analyze.ts'

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void
// One instance, as the editor keeps: what it remembers must not grow with each version.
const newsmark = createNewsmark()

/** Heap in use after the garbage of the last analyses is collected. */
async function used(): Promise<number> {
  // V8 frees part of an analysis's garbage only a few collections after it.
  for (let index = 0; index < 4; index++) {
    gc()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }

  return process.memoryUsage().heapUsed
}

/**
 * Edit a document thirty times, each analysed after the last, and measure
 * how much more heap is in use afterwards.
 *
 * @param text
 *   Document.
 * @returns
 *   Bytes.
 */
async function growthOverEdits(text: string): Promise<number> {
  const path = '/virtual/retention.md'
  try {
    newsmark.analyzeSync({value: text, path})
    const before = await used()
    for (let index = 0; index < 30; index++) {
      let at = Math.floor(((index * 0.37 + 0.05) % 1) * text.length)
      while (!/[a-z]/.test(text[at])) at++
      text = text.slice(0, at) + (index % 2 ? 'e' : '') + text.slice(at + (index % 3 === 0 ? 1 : 0))
      newsmark.analyzeSync({value: text, path})
    }

    return (await used()) - before
  } finally {
    newsmark.forget(path)
  }
}

const example = fs.readFileSync('examples/poland-ottawa.md', 'utf8')
const body = example.split('---\n').slice(2).join('---\n')
// About 400 K characters, in two bytes a character (curly quotes): each
// version is 800 KB, so keeping them would be 24 MB over thirty edits. What
// is kept now, 3 to 6 MB, is the caches' entries for the new texts.
const document = example + ('\n\n' + body).repeat(Math.ceil(400_000 / body.length))

test('retention: edits do not keep the text of each version', async () => {
  const grown = await growthOverEdits(document)
  assert.ok(grown < 9 * 2 ** 20, `the heap grew by ${(grown / 2 ** 20).toFixed(1)} MB`)
})

test('retention: nor do edits of a document parsed in full each time', async () => {
  // A definition anywhere changes links everywhere: every edit parses the
  // whole document, and each new sentence goes into the caches.
  const grown = await growthOverEdits(document + '\n\n[x]: https://example.com\n')
  assert.ok(grown < 9 * 2 ** 20, `the heap grew by ${(grown / 2 ** 20).toFixed(1)} MB`)
})

test('retention: a paragraph edited once does not keep its version in the caches', async () => {
  // Every paragraph its own (none is seen again after its edit), a large
  // code block, and a definition, so that each edit parses the whole text.
  const paragraphs = Array.from({length: 12}, (_, index) => `Paragraph ${index} says the council of town ${index} met and agreed to spend money on roads.`)
  const build = () => paragraphs.join('\n\n') + '\n\n```\n' + 'x'.repeat(4_000_000) + '\n```\n\n[x]: https://example.com\n'
  const path = '/virtual/unique.md'
  try {
    newsmark.analyzeSync({value: build(), path})
    const before = await used()
    for (let index = 0; index < 8; index++) {
      paragraphs[index] = paragraphs[index].replace('council', 'Council')
      newsmark.analyzeSync({value: build(), path})
    }

    // Keeping each version: 32 MB.
    const grown = (await used()) - before
    assert.ok(grown < 10 * 2 ** 20, `the heap grew by ${(grown / 2 ** 20).toFixed(1)} MB`)
  } finally {
    newsmark.forget(path)
  }
})

test('retention: a closed document leaves nothing of its text behind', async () => {
  const small = (index: number) => `Other text number ${index}, said Jane Doe.\n\nAnother paragraph here.\n`
  // Caches and models loaded first.
  newsmark.analyzeSync({value: small(0), path: '/virtual/warm.md'})
  newsmark.forget('/virtual/warm.md')
  const before = await used()
  // An 8 MB document, analysed, edited, analysed again, then closed (in a
  // function of its own: nothing here holds its text after).
  const open = () => {
    const paragraphs = Array.from({length: 200}, (_, index) => `Paragraph ${index} of the report says the council met on Monday and spent money on road ${index}.`)
    const text = paragraphs.join('\n\n') + '\n\n```\n' + 'x'.repeat(8_000_000) + '\n```\n'
    newsmark.analyzeSync({value: text, path: '/virtual/closed.md'})
    newsmark.analyzeSync({value: text + '\nOne more paragraph at the end.\n', path: '/virtual/closed.md'})
    newsmark.forget('/virtual/closed.md')
  }

  open()
  // Other documents come and go (what holds the last analysis moves on).
  for (let index = 1; index < 4; index++) {
    newsmark.analyzeSync({value: small(index), path: `/virtual/other-${index}.md`})
    newsmark.forget(`/virtual/other-${index}.md`)
  }

  const grown = (await used()) - before
  assert.ok(grown < 4 * 2 ** 20, `the heap kept ${(grown / 2 ** 20).toFixed(1)} MB`)
})
