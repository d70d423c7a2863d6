/**
 * `newsmark-language-server`: the Newsmark language server on stdio
 * (`--stdio` is taken and ignored, as clients often pass it).
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node'
import {startServer} from './server.ts'

/** The analysis worker beside the bundle (`dist/core-worker.cjs`), if there. */
function workerScript(): string | undefined {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'core-worker.cjs')
  return fs.existsSync(script) ? script : undefined
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write('Usage: newsmark-language-server [--stdio]\n\nThe Newsmark language server, speaking LSP on stdin and stdout.\n')
} else if (process.argv.includes('--version')) {
  process.stdout.write(`${process.env['NEWSMARK_VERSION'] ?? 'newsmark-language-server'}\n`)
} else {
  startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout), {workerScript: workerScript()})
}
