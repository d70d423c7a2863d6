/**
 * Binary search over anything kept in order: the one loop that finds where
 * a place falls among sorted spans, offsets or nodes.
 */

/**
 * The first index in `[0, length)` at which `test` holds, for a test that
 * is false up to some index and true from there on.
 *
 * @param length
 *   How many items.
 * @param test
 *   Whether the item at an index is at or past what is looked for.
 * @returns
 *   That index (`length` when the test holds nowhere).
 */
export function firstIndex(length: number, test: (index: number) => boolean): number {
  let low = 0
  let high = length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (test(middle)) high = middle
    else low = middle + 1
  }

  return low
}
