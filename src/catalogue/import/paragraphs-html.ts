// Text blocks as HTML paragraphs; a short numbered line such as 一、总体情况 becomes a heading.

const HEADING = /^[一二三四五六七八九十]+、\S/
const HEADING_MAX_CHARS = 30

/** Escapes text for HTML element content. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function isHeading(block: readonly string[]): boolean {
  const line = block[0] ?? ''
  return (
    block.length === 1 && HEADING.test(line) && line.length <= HEADING_MAX_CHARS && !/[。；;]$/.test(line)
  )
}

/** One paragraph per block, its lines kept apart with <br>. */
export function paragraphsHtml(blocks: readonly (readonly string[])[]): string {
  return blocks
    .map((block) =>
      isHeading(block)
        ? `<h2>${escapeText(block[0] ?? '')}</h2>`
        : `<p>${block.map(escapeText).join('<br>')}</p>`,
    )
    .join('\n')
}
