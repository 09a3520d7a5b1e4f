/** What the dialects put around a matched word in a snippet: control characters no stored text contains. */
export const MARK_START = '\u0001'
export const MARK_END = '\u0002'

const ESCAPES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' }

/**
 * A snippet as HTML: the stored text escaped (a story may quote `<script>`), the matches in `<mark>`.
 * Frontends may insert it as HTML; nothing else in it is markup.
 */
export const snippetHTML = (raw: string): string =>
  raw
    .replace(/[<>&"']/g, (character) => ESCAPES[character]!)
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_END, '</mark>')
