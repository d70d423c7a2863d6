/**
 * Words and icons for tags, shared by the hover, the tree, symbols and the
 * status bar so that they say the same thing (the words themselves, which
 * need no `vscode`, are in `words.ts`).
 */
import * as vscode from 'vscode'
import type {Verdict} from '../core/annotations/index.ts'
import type {Claim, EntityType} from '../core/types.ts'
import {entityIcons} from '../service/hover.ts'
import {verdictOf} from '../service/words.ts'

export {claimKindName, entityTypeName, entityTypes, escapeMarkdown, plural, truncate, verdictName, verdictOf} from '../service/words.ts'


/**
 * Codicon of an entity type.
 * @param type
 *   The type.
 * @returns
 *   A theme icon.
 */
export function entityIcon(type: EntityType): vscode.ThemeIcon {
  return new vscode.ThemeIcon(entityIcons[type])
}

/** What each verdict means, for pickers. */
export const verdictDescriptions: Record<Verdict, string> = {
  true: 'Accurate, nothing significant missing',
  'mostly-true': 'Accurate, but needs context or a detail is off',
  misleading: 'Contains accurate elements but gives a wrong impression',
  false: 'Not accurate',
  unverifiable: 'Cannot be checked with the evidence available',
  'needs-checking': 'To do: not reviewed yet'
}

/**
 * Codicon of a verdict.
 * @param verdict
 *   The verdict.
 * @returns
 *   A coloured theme icon.
 */
export function verdictIcon(verdict: Verdict): vscode.ThemeIcon {
  switch (verdict) {
    case 'true':
    case 'mostly-true':
      return new vscode.ThemeIcon(verdict === 'true' ? 'pass' : 'pass-filled', new vscode.ThemeColor('testing.iconPassed'))
    case 'false':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
    case 'misleading':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
    case 'unverifiable':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsWarningIcon.foreground'))
    default:
      return new vscode.ThemeIcon('search', new vscode.ThemeColor('problemsInfoIcon.foreground'))
  }
}

/**
 * Icon of a claim: its verdict if it has one, else whether it is attributed.
 * @param claim
 *   The claim.
 * @returns
 *   A coloured theme icon.
 */
export function claimIcon(claim: Claim): vscode.ThemeIcon {
  const verdict = verdictOf(claim)
  if (verdict) return verdictIcon(verdict.verdict)
  if (!claim.speaker) return new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground'))
  return new vscode.ThemeIcon('comment-discussion')
}


