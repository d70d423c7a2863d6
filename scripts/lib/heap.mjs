/**
 * The heap in use once garbage is collected, for the scripts that watch
 * what analyses keep (`scripts/soak.mjs`, `scripts/open-close.mjs`).
 */
import v8 from 'node:v8'
import vm from 'node:vm'

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc')

/**
 * Heap in use, in bytes, once the garbage of the last analyses is collected.
 *
 * @returns {Promise<number>}
 *   Bytes.
 */
export async function heapInUse() {
  // V8 frees part of an analysis's garbage only a few collections after it.
  for (let index = 0; index < 4; index++) {
    gc()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }

  return process.memoryUsage().heapUsed
}
