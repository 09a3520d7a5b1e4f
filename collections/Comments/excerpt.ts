/** Plain text on one line, cut at a word: for the moderation list, a mail's subject line and its quote. */
export const excerpt = (text: string, length: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= length) return flat
  const cut = flat.slice(0, length)
  return `${cut.slice(0, cut.lastIndexOf(' ') > length / 2 ? cut.lastIndexOf(' ') : length)}…`
}
