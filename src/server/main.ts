/**
 * `newsmark-language-server`: the Newsmark language server on stdio
 * (`--stdio` is taken and ignored, as clients often pass it).
 */
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node'
import {coreWorkerScript} from '../node/analysis-worker.ts'
import {startServer} from './server.ts'

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write('Usage: newsmark-language-server [--stdio]\n\nThe Newsmark language server, speaking LSP on stdin and stdout.\n')
} else if (process.argv.includes('--version')) {
  process.stdout.write(`${process.env['NEWSMARK_VERSION'] ?? 'newsmark-language-server'}\n`)
} else {
  startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout), {workerScript: coreWorkerScript(import.meta.url)})
}
