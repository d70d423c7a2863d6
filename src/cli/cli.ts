/**
 * The `newsmark` binary: `main` on the process's arguments, stdout and
 * stderr; exits quietly when a reader closes the output early (`| head`).
 */
import {main} from './main.ts'
import {exitOnOutputError} from './output.ts'

exitOnOutputError()
process.exitCode = await main(process.argv.slice(2))
