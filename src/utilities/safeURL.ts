/**
 * The one rule for URLs in rich text, shared by the write validation and the reference frontend's
 * renderer. URLs are read with the WHATWG parser, as browsers read them: it drops the tabs,
 * newlines and leading spaces that `java\tscript:` and ` JaVaScRiPt:` hide behind. (`sanitizeUrl`
 * from payload/shared is regex-based and lets `//host` and `/\host` through to another site.)
 */
export const SAFE_URL_RULE = 'links must be http(s): mailto: or tel: URLs or site-relative paths (/… or #…)'

const SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:'])

// Only to tell "stays on this site" from "leaves it": `/\evil.example` resolves to another origin.
const SITE = 'https://site.invalid'

// Quotes and angle brackets break out of HTML attributes built as strings (Payload's own HTML
// converter does not escape autolinks); whitespace and control characters have no place in a URL.
const UNSAFE_CHARACTERS = /[\s\p{Cc}"<>`]/u

/** Why `url` may not be a link's href (comma-free: the admin splits error messages on commas), or `undefined`. */
export const unsafeURLReason = (url: unknown): string | undefined => {
  if (typeof url !== 'string' || url === '') return 'the URL is empty'
  if (URL.canParse(url)) {
    const { protocol } = new URL(url)
    if (!SCHEMES.has(protocol)) return `"${protocol}" URLs are not allowed`
  } else if (!UNSAFE_CHARACTERS.test(url)) {
    if (!url.startsWith('/') && !url.startsWith('#')) return 'a relative URL must start with / or #'
    if (!URL.canParse(url, SITE) || new URL(url, SITE).origin !== SITE) {
      return 'the URL leaves the site without naming a scheme (//…)'
    }
  }
  if (UNSAFE_CHARACTERS.test(url)) return 'the URL contains whitespace or control characters or one of " < > `'
  return undefined
}

export const isSafeURL = (url: unknown): url is string => unsafeURLReason(url) === undefined
