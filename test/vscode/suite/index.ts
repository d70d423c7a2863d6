/**
 * Entry point that the extension host loads (`extensionTestsPath`): runs
 * the mocha suites next to it and rejects when one fails, as with
 * `@vscode/test-electron`. Prints a closing `N passed, N failed` line.
 */
import fs from 'node:fs'
import path from 'node:path'
import Mocha from 'mocha'

/**
 * Run the tests.
 * @returns
 *   Resolves when all passed.
 */
export function run(): Promise<void> {
  const environment = JSON.parse(fs.readFileSync(path.join(__dirname, 'environment.json'), 'utf8')) as {NEWSMARK_TEST_GREP: string}
  // Generous: a test that passes takes a few seconds; the limit is only
  // reached by one that fails, or by a machine busy with other work.
  const mocha = new Mocha({ui: 'tdd', color: false, timeout: 120_000, reporter: 'spec'})
  if (environment.NEWSMARK_TEST_GREP) mocha.grep(environment.NEWSMARK_TEST_GREP)
  for (const name of fs.readdirSync(__dirname).sort()) {
    if (name.endsWith('.test.cjs')) mocha.addFile(path.join(__dirname, name))
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const {passes = 0, failures: failed = 0, pending = 0} = runner.stats ?? {}
      console.log(`\nvscode: ${passes} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`)
      if (failures > 0) reject(new Error(`${failures} test(s) failed`))
      else resolve()
    })
  })
}
