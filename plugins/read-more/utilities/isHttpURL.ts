/** Only absolute http(s) addresses: `javascript:`, `data:` and relative paths never reach a page. */
export const isHttpURL = (value: string): boolean => {
  try {
    const { protocol } = new URL(value)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

/** The form two addresses are compared in, so `https://a.org` and `https://a.org/` count as the same link. */
export const normalizeURL = (value: string): string => {
  try {
    return new URL(value).href
  } catch {
    return value
  }
}
