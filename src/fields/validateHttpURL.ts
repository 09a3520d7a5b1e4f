/** Accepts only absolute http(s) addresses: `javascript:` and other schemes never reach a page. */
export const validateHttpURL = (value: null | string | undefined): string | true => {
  if (!value) return true
  try {
    const { protocol } = new URL(value)
    if (protocol === 'http:' || protocol === 'https:') return true
  } catch {
    // Falls through to the message below.
  }
  return 'Must be an absolute http:// or https:// address.'
}
