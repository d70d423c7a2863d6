/**
 * The meaning of a matched time expression, before it is resolved against
 * the reference date into a TimeML value (see `normalize.ts`).
 */

/** Time units. `MIN` is minutes, `DE` decade, `CE` century, `WE` weekend, `FN` fortnight, `ML` millennium, `HY` half-year. */
export type Unit = 'Y' | 'M' | 'W' | 'D' | 'H' | 'MIN' | 'S' | 'DE' | 'CE' | 'Q' | 'HY' | 'WE' | 'FN' | 'ML' | 'SM'

/** TimeML TIMEX3 type. */
export type TType = 'DATE' | 'TIME' | 'DURATION' | 'SET'

/** A calendar point, any field may be missing; a missing year is resolved from context. */
export interface CalSem {
  k: 'cal'
  y?: number
  m?: number
  d?: number
  /** quarter 1–4 */
  q?: number
  /** half year 1–2 */
  h?: number
  /** season SP / SU / FA / WI, or WE for "the weekend" */
  se?: string
  /** ISO weekday 1–7 */
  wd?: number
  /** part of day MO / AF / EV / NI */
  part?: string
  /** clock time `HH:MM` */
  time?: string
  /** decade as its first three digits (199 = the 1990s) */
  dec?: number
  /** century as its first two digits (19 = the 1900s) */
  cent?: number
  /** holiday rule from the lexicon (`11-TH4`, `EASTER`) */
  hol?: string
  /** -1 = the last one before the reference ("last April"), 0 = the one around it ("this Friday"), 1 = the next one */
  dir?: -1 | 0 | 1
  /** year given relative to the reference year ("this year's third quarter" = 0) */
  yRel?: number
  /** subtract this many years after resolution ("the year-ago third quarter" = 1) */
  ago?: number
  /** the year of the known event a yearless day names ("the Jan. 6 rioters" = 2021) */
  ev?: number
  /** counted from the last day told, not from the reference ("the following Tuesday", "the previous Friday") */
  told?: true
  /** in the year last told ("that January", after "in 2019") */
  same?: true
}

/** A point shifted from the reference date: "last week" = {unit W, n -1}, "three days ago" = {unit D, n -3}. */
export interface ShiftSem {
  k: 'shift'
  unit: Unit
  n: number
  /** part of day ("last night") */
  part?: string
  /** clock time `HH:MM` ("yesterday at 5 p.m.") */
  time?: string
  /** when a quarter is under discussion, give the quarter a year before it ("a year ago") */
  qAware?: boolean
  /** a deictic word ("today", "tonight", "last night"): relative to the time of speaking */
  dx?: true
  /** the ISO week of the day shifted to ("this past week" = the week of four days ago) */
  week?: true
  /** counted from the last day told, when there is one ("two days later", "a week earlier") */
  told?: true
}

/** A value that needs no resolution (`P3D`, `PRESENT_REF`, `1997`, `P1W` for a SET). */
export interface LitSem {
  k: 'lit'
  value: string
  /** whether the value still counts as depending on the reference ("now") */
  rel?: boolean
  /** "years later", "one day": a time of the story, which a sentence in the past puts in the past */
  later?: boolean
}

/** A period under discussion: "the quarter", "the year-ago period". */
export interface AnaSem {
  k: 'ana'
  unit: 'Q' | 'Y' | 'M' | 'D'
  /** units back from the period under discussion (-1 = "the following") */
  ago: number
  /** an explicit year ("the 1988 period") */
  y?: number
  /** "that period": a quarter only when one is under discussion */
  vague?: true
}

/** Any meaning. */
export type Sem = CalSem | ShiftSem | LitSem | AnaSem

/** Whether a meaning is “today”: the deictic day itself, with no part of it (“tonight” has one). */
export function isToday(s: Sem): s is ShiftSem {
  return s.k === 'shift' && s.dx === true && s.n === 0 && s.part === undefined
}

/** A candidate time expression over tokens `[i, j)`. */
export interface Cand {
  i: number
  j: number
  type: TType
  sem: Sem
  /** Matched words that are not a time expression ("$7 an hour", "the 2019-2023 Santa Fe"): consumed, never tagged. */
  drop?: true
  /** The second day of a pair ("April 24 and 25"): read in its first day's tense, so that both get one year. */
  follows?: true
}
