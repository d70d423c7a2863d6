/**
 * **Newsmark: Import Article from URL or HTML File…** in a real VS Code: a
 * saved page and a page served on 127.0.0.1 become Markdown articles with
 * their front matter, opened and analysed. (The answers the dialogs would
 * give are passed as the command's argument.)
 */
import * as assert from 'node:assert/strict'
import * as http from 'node:http'
import type {AddressInfo} from 'node:net'
import * as vscode from 'vscode'
import {api, until} from './helpers.ts'

// A page of our own, in the shape news sites use: JSON-LD, a headline, a
// body with share buttons and a script that must not end up in the article.
const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour ferry to run through the winter – The Quayside Courier</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Harbour ferry to run through the winter", "datePublished": "2026-02-03T09:00:00Z", "author": {"@type": "Person", "name": "Mira Tallowmere"}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Harbour ferry to run through the winter</h1>
<p>The Quayside Courier has learned that the harbour ferry will keep sailing through the winter for the first time since 2019, the port authority said on Monday.</p>
<p>Port director Elin Varga said the ferry carried 41,000 passengers last year and that a new boat would join the route next month.</p>
<p>Council members will vote on the ferry's budget on Thursday, according to the council's agenda.</p>
<div class="share">Share on Facebook Share on X</div>
<script>window.tracker = 1</script>
</article>
</body></html>
`

suite('Newsmark import', () => {
  let folder: vscode.Uri
  const created: vscode.Uri[] = []

  suiteSetup(() => {
    folder = vscode.workspace.workspaceFolders![0]!.uri
  })

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors')
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined)
  })

  async function imported(target: vscode.Uri, argument: object): Promise<string> {
    created.push(target)
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('newsmark.importArticle', {...argument, target})
    assert.equal(result?.toString(), target.toString(), 'the command returns where it wrote')
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target))
    // Opened, and analysed as any article.
    const {analyzer} = await api()
    const editor = await until(vscode.window.onDidChangeActiveTextEditor, () => (vscode.window.activeTextEditor?.document.uri.toString() === target.toString() ? vscode.window.activeTextEditor : undefined), 'the imported article open')
    const analysis = await until(analyzer.onDidChange, () => analyzer.peek(editor.document), 'its analysis')
    assert.ok(analysis.result.entities.some((entity) => entity.name === 'Elin Varga'), 'a person of the article is tagged')
    assert.equal(analysis.result.referenceDate, '2026-02-03', 'relative dates resolve against the page’s date')
    return text
  }

  test('a saved page: the article as Markdown, with its front matter', async () => {
    const html = vscode.Uri.joinPath(folder, 'saved-ferry.html')
    await vscode.workspace.fs.writeFile(html, new TextEncoder().encode(page))
    created.push(html)
    const text = await imported(vscode.Uri.joinPath(folder, 'ferry-from-file.md'), {file: html})
    assert.match(text, /^---\n/)
    assert.match(text, /^title: .*Harbour ferry to run through the winter/m)
    assert.match(text, /^date: 2026-02-03/m)
    assert.match(text, /^author: .*Mira Tallowmere/m)
    assert.match(text, /Port director Elin Varga said the ferry carried 41,000 passengers/)
    assert.doesNotMatch(text, /Share on Facebook|window\.tracker|<script/)
  })

  test('a page by its address (a server on 127.0.0.1): the same, with its url', async () => {
    const server = http.createServer((request, response) => {
      if (request.url === '/news/ferry') {
        response.writeHead(200, {'content-type': 'text/html; charset=utf-8'})
        response.end(page)
      } else {
        response.writeHead(404).end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const {port} = server.address() as AddressInfo
      const url = `http://127.0.0.1:${port}/news/ferry`
      const text = await imported(vscode.Uri.joinPath(folder, 'ferry-from-url.md'), {url})
      assert.match(text, new RegExp(`^url: .*127\\.0\\.0\\.1:${port}/news/ferry`, 'm'))
      assert.match(text, /^date: 2026-02-03/m)
      // A page that is not there: no file, and nothing thrown at the caller.
      const missing = vscode.Uri.joinPath(folder, 'missing.md')
      const result = await vscode.commands.executeCommand('newsmark.importArticle', {url: `http://127.0.0.1:${port}/gone`, target: missing})
      assert.equal(result, undefined)
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(missing)))
    } finally {
      server.close()
    }
  })
})
