// How a cell's value is printed: blanks stay empty, 0 stays 0, a unit read from the cell is written after it.
import type { CellAddress } from '../formats/index.ts'
import type { AnnualReport } from '../model.ts'

/** Prints a number without exponent or trailing zeros, and never as `-0`. */
export function formatNumber(value: number): string {
  if (Object.is(value, -0) || value === 0) return '0'
  if (Number.isInteger(value)) return value.toFixed(0)
  // Up to 6 decimals covers 万元 amounts to the cent with room to spare; trailing zeros are dropped.
  return value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '')
}

/** The text of a cell as printed: '' for a blank or absent cell, else the number and its unit, if any. */
export function cellText(report: AnnualReport, address: CellAddress): string {
  const value = report.cells[address]
  if (value === undefined) return ''
  return `${formatNumber(value)}${report.units?.[address] ?? ''}`
}
