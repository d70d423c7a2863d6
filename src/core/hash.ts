/**
 * A small, stable, non-cryptographic hash for ids that must not change
 * between runs, machines or versions: FNV-1a, 64 bits.
 */

/**
 * Hash a string (its code points) with FNV-1a, 64 bits.
 *
 * @param text
 *   Text.
 * @returns
 *   16 lowercase hex digits.
 * @example
 *   fnv1a64('') // 'cbf29ce484222325'
 */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n
  for (const char of text) {
    hash ^= BigInt(char.codePointAt(0)!)
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn
  }

  return hash.toString(16).padStart(16, '0')
}
