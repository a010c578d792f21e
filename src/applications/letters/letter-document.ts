// A letter ready to render: title, number, paragraphs (the first is the salutation), signature and date.

export interface LetterDocument {
  title: string
  number: string
  /** Body paragraphs after substitution; the first is the salutation (not indented). */
  paragraphs: string[]
  agencyName: string
  /** 2026年11月27日. */
  dateText: string
}

/** 2026-11-27 → 2026年11月27日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

/** The letter number, e.g. 示例区政府办依公开〔2026〕第12号. */
export function letterNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}依公开〔${year}〕第${serial}号`
}

/** The letter's text in reading order (stored with the frozen letter, used by search and tests). */
export function letterText(letter: LetterDocument): string {
  return [letter.title, letter.number, ...letter.paragraphs, letter.agencyName, letter.dateText].join('\n')
}

/** Splits filled template text into paragraphs, dropping empty lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
}
