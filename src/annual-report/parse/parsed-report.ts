import type { AnnualReport } from '../model.ts'
import type { InputKind } from './source.ts'

/** A report read from a published document: what was there, and what was not. Never thrown for bad input. */
export interface ParsedReport extends AnnualReport {
  /** Input kind as detected. */
  inputKind: InputKind
  /** Cell addresses and section keys the format defines but the input did not contain (cut or partial texts). */
  missing: string[]
  /** False when nothing recognisable as an annual report was found (CLI exit 2). */
  recognised: boolean
}
