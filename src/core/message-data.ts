/**
 * Findings as plain data, to cross from the analysis worker to the
 * extension host: a `VFileMessage` is an `Error`, which a structured clone
 * reduces to its name, message and stack. Only what the extension reads
 * crosses: reason, place, rule id, source, documentation URL, severity,
 * quick-fix texts, note and the related place (`cause`).
 *
 * No `vscode` import: the worker runs it too.
 */
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'

/** A finding as data. */
export interface MessageData {
  reason: string
  place?: VFileMessage['place']
  ruleId?: string
  source?: string
  url?: string
  fatal?: boolean | null
  expected?: string[]
  actual?: string
  note?: string
  cause?: MessageData
}

/**
 * A finding as data.
 *
 * @param message
 *   Message (or its `cause`, when that is a message too).
 * @returns
 *   Data.
 */
export function toMessageData(message: VFileMessage): MessageData {
  const data: MessageData = {reason: message.reason}
  if (message.place) data.place = message.place
  if (message.ruleId !== undefined) data.ruleId = message.ruleId
  if (message.source !== undefined) data.source = message.source
  if (message.url !== undefined) data.url = message.url
  if (message.fatal !== undefined) data.fatal = message.fatal
  if (message.expected !== undefined) data.expected = message.expected
  if (message.actual !== undefined) data.actual = message.actual
  if (message.note !== undefined) data.note = message.note
  // A message by its shape: the core's `VFileMessage` class is its bundle's
  // own, not this one's.
  const cause = message.cause
  if (cause && typeof cause === 'object' && typeof (cause as {reason?: unknown}).reason === 'string') {
    data.cause = toMessageData(cause as VFileMessage)
  }

  return data
}

/**
 * Report findings made elsewhere on a file, as the messages they were.
 *
 * @param file
 *   File.
 * @param messages
 *   Findings as data.
 */
export function addMessages(file: VFile, messages: ReadonlyArray<MessageData>): void {
  // Messages are errors: without this, each captures a stack trace that
  // `VFileMessage` then empties (thousands for a long article).
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    for (const data of messages) {
      const message = file.message(data.reason, options(data))
      if (data.cause) message.cause = new VFileMessage(data.cause.reason, options(data.cause))
      if (data.url !== undefined) message.url = data.url
      // (`file.message` made it a warning.)
      message.fatal = data.fatal
      if (data.expected !== undefined) message.expected = data.expected
      if (data.actual !== undefined) message.actual = data.actual
      if (data.note !== undefined) message.note = data.note
    }
  } finally {
    Error.stackTraceLimit = limit
  }
}

/**
 * The options a message is made with.
 *
 * @param data
 *   Data.
 * @returns
 *   Place, rule id and source.
 */
function options(data: MessageData): {place?: VFileMessage['place']; ruleId?: string; source?: string} {
  return {
    ...(data.place ? {place: data.place} : {}),
    ...(data.ruleId === undefined ? {} : {ruleId: data.ruleId}),
    ...(data.source === undefined ? {} : {source: data.source})
  }
}
