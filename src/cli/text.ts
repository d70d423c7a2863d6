/**
 * The CLI's plain-text view of a tagged file, for reading in a terminal.
 */
import type {JsonResult} from './json.ts'

/**
 * Render a tagged file as text.
 *
 * @param result
 *   JSON result.
 * @returns
 *   Text.
 */
export function toText(result: JsonResult): string {
  const lines: string[] = [
    `${result.file}${result.referenceDate ? ` (reference date ${result.referenceDate})` : ''}`,
    '',
    `Entities (${result.entities.length})`
  ]
  for (const entity of result.entities) {
    const role = entity.role ? `, ${entity.role}` : ''
    lines.push(`  ${entity.type.padEnd(4)} ${entity.name}${role} ×${entity.mentions.length}`)
  }

  lines.push('', `Dates (${result.dates.length})`)
  for (const date of result.dates) {
    lines.push(`  ${date.type.padEnd(8)} ${date.value.padEnd(12)} ${date.text}`)
  }

  lines.push('', `Claims (${result.claims.length})`)
  for (const claim of result.claims) {
    const who = claim.speaker ? claim.speaker.name : 'unattributed'
    const medium = claim.medium ? ` (${claim.medium})` : ''
    lines.push(`  ${claim.kind.padEnd(10)} ${claim.score.toFixed(2)} ${who}${medium}: ${oneLine(claim.text)}`)
  }

  lines.push('', `Findings (${result.messages.length})`)
  for (const message of result.messages) {
    const where = message.line === null ? '-' : `${message.line}:${message.column}`
    lines.push(`  ${where} ${message.severity.padEnd(7)} ${message.reason}  ${message.ruleId}`)
  }

  return lines.join('\n') + '\n'
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > 100 ? flat.slice(0, 99) + '…' : flat
}
