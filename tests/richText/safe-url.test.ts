import { describe, expect, it } from 'vitest'

import { isSafeURL, unsafeURLReason } from '@/utilities/safeURL'

describe('safeURL', () => {
  it.each([
    'https://example.com',
    'HTTPS://EXAMPLE.COM/Path?q=1#x',
    'http://example.org:8080/a',
    'mailto:desk@newsroom.example?subject=Tip',
    'tel:+351210000000',
    '/',
    '/articles/harbour-works?page=2',
    '/%2F%2Fstill-a-path',
    '#comments',
    "https://en.wikipedia.org/wiki/Conan_O'Brien",
  ])('accepts %j', (url) => {
    expect(unsafeURLReason(url)).toBeUndefined()
    expect(isSafeURL(url)).toBe(true)
  })

  it.each([
    ['javascript:alert(1)', '"javascript:" URLs are not allowed'],
    [' JaVaScRiPt:alert(1)', '"javascript:" URLs are not allowed'],
    ['java\tscript:alert(1)', '"javascript:" URLs are not allowed'],
    ['java\nscript:alert(1)', '"javascript:" URLs are not allowed'],
    ['\u0000javascript:alert(1)', '"javascript:" URLs are not allowed'],
    ['data:text/html,<script>alert(1)</script>', '"data:" URLs are not allowed'],
    ['DATA:text/html;base64,PHNjcmlwdD4=', '"data:" URLs are not allowed'],
    ['vbscript:msgbox(1)', '"vbscript:" URLs are not allowed'],
    ['file:///etc/passwd', '"file:" URLs are not allowed'],
    ['blob:https://example.com/uuid', '"blob:" URLs are not allowed'],
    ['//evil.example/login', 'the URL leaves the site'],
    ['/\\evil.example/login', 'the URL leaves the site'],
    ['\\\\evil.example', 'a relative URL must start with / or #'],
    ['javascript&#58;alert(1)', 'a relative URL must start with / or #'],
    ['&#x6A;avascript:alert(1)', 'a relative URL must start with / or #'],
    ['articles/x', 'a relative URL must start with / or #'],
    ['https://example.com/" onmouseover="alert(1)', 'the URL contains whitespace'],
    ['https://example.com/<script>', 'the URL contains whitespace'],
    ['https:// example.com', 'the URL contains whitespace'],
    ['', 'the URL is empty'],
    [null, 'the URL is empty'],
    [42, 'the URL is empty'],
  ])('refuses %j', (url, reason) => {
    expect(unsafeURLReason(url)).toContain(reason)
    expect(isSafeURL(url)).toBe(false)
  })
})
