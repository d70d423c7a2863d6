/**
 * Findings as plain data, to cross from a worker thread to the thread that
 * shows them (the analysis worker to the editor or the language server, a
 * `newsmark check` worker to the report): a `VFileMessage` is an `Error`,
 * which a structured clone reduces to its name, message and stack. Only what
 * is read crosses: reason, place, rule id, source, documentation URL,
 * severity, quick-fix texts, note and the related place or error (`cause`);
 * compact, only what a report prints.
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
  /** The stack, when there is one (compact data: a report prints it). */
  stack?: string
  cause?: MessageData | ErrorData
}

/** An error (not a message) as data: the cause of a message, say. */
export interface ErrorData {
  name: string
  message: string
  stack?: string
  cause?: MessageData | ErrorData
}

/** How much of a message to keep. */
export interface MessageDataOptions {
  /**
   * Only what a report prints (reason, the lines and columns of the place,
   * severity, rule id, source, stack; causes alike): a check of 10,000
   * articles keeps some 300,000 messages until its report (default:
   * `false`, everything an editor reads, offsets and quick fixes too).
   */
  compact?: boolean
}

/**
 * A finding as data.
 *
 * @param message
 *   Message (or its `cause`, when that is a message too).
 * @param options
 *   How much to keep.
 * @returns
 *   Data.
 */
export function toMessageData(message: VFileMessage, options?: Readonly<MessageDataOptions>): MessageData {
  const compact = options?.compact ?? false
  const data: MessageData = {reason: message.reason}
  if (message.place) data.place = compact ? linesOf(message.place) : message.place
  if (message.ruleId !== undefined) data.ruleId = message.ruleId
  if (message.source !== undefined) data.source = message.source
  if (message.fatal !== undefined) data.fatal = message.fatal
  if (compact) {
    if (message.stack) data.stack = message.stack
  } else {
    if (message.url !== undefined) data.url = message.url
    if (message.expected !== undefined) data.expected = message.expected
    if (message.actual !== undefined) data.actual = message.actual
    if (message.note !== undefined) data.note = message.note
  }

  const cause = causeData(message.cause, options)
  if (cause) data.cause = cause
  return data
}

/**
 * A cause as data: a message (by its shape: the core's `VFileMessage` class
 * is its bundle's own, not the caller's) or an error; nothing else crosses.
 *
 * @param cause
 *   Cause.
 * @param options
 *   How much to keep.
 * @returns
 *   Data.
 */
function causeData(cause: unknown, options?: Readonly<MessageDataOptions>): MessageData | ErrorData | undefined {
  if (!cause || typeof cause !== 'object') return undefined
  if (typeof (cause as {reason?: unknown}).reason === 'string') return toMessageData(cause as VFileMessage, options)
  if (cause instanceof Error) {
    const data: ErrorData = {name: cause.name, message: cause.message}
    if (cause.stack) data.stack = cause.stack
    const inner = causeData(cause.cause, options)
    if (inner) data.cause = inner
    return data
  }

  return undefined
}

/**
 * The lines and columns of a place, without offsets.
 *
 * @param place
 *   Point or position.
 * @returns
 *   The same, lines and columns only.
 */
function linesOf(place: NonNullable<VFileMessage['place']>): NonNullable<VFileMessage['place']> {
  const point = (value: {line: number; column: number}) => ({line: value.line, column: value.column})
  return 'start' in place ? {start: point(place.start), end: point(place.end)} : point(place)
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
      if (data.cause) message.cause = causeOf(data.cause)
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
 * A cause made again from its data.
 *
 * @param data
 *   Data.
 * @returns
 *   Message or error.
 */
function causeOf(data: MessageData | ErrorData): VFileMessage | Error {
  if ('reason' in data) return new VFileMessage(data.reason, options(data))
  const error = new Error(data.message)
  error.name = data.name
  if (data.stack !== undefined) error.stack = data.stack
  return error
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
