// `http(s)://…` URLs and bare `www.` hosts; one alternation, so `http://www.x` counts once.
const LINK = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+/gi

/** How many links a comment body carries, the classic spam signal (WordPress holds comments with more than 2). */
export const countLinks = (text: string): number => text.match(LINK)?.length ?? 0
