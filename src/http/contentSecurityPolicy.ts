/** Which part of the site a page belongs to: the two need different allowances for styles and images. */
export type PageArea = 'admin' | 'frontend'

export type PagePolicyOptions = {
  area: PageArea
  /**
   * A frontend page in draft preview: the admin shows it in its Live Preview frame, so pages of this
   * site (and no other) may frame it. Every other page can be framed by nothing.
   */
  framedByAdmin?: boolean
  /** `next dev` evaluates code (React's error stacks) and injects unnonced styles (hot reload, overlay). */
  development: boolean
  /** Fresh for every response; Next.js reads it from the request's policy and puts it on its scripts. */
  nonce: string
  /** The public origin (`SERVER_URL`): Payload builds upload URLs, and the admin its API calls, on it. */
  serverOrigin: string
}

/**
 * The Content-Security-Policy of a page. Scripts run only with the response's nonce (Next.js's
 * inline RSC payload and bootstrap, its chunks) or when loaded by such a script ('strict-dynamic');
 * nothing can frame a page (but a preview, by the admin), plugins are off, and forms and `<base>` cannot point elsewhere.
 *
 * The admin alone allows inline styles: Payload's root layout renders a `<style>` without the nonce
 * (its CSS layer order), and its toasts and selects inject `<style>` elements at run time. It also
 * shows `data:` and `blob:` images (icons, the preview of a file before it is uploaded).
 */
export const pageContentSecurityPolicy = ({ area, development, framedByAdmin = false, nonce, serverOrigin }: PagePolicyOptions): string => {
  const self = ["'self'", serverOrigin]
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    'style-src': area === 'admin' || development ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    'img-src': area === 'admin' ? [...self, 'data:', 'blob:'] : self,
    'font-src': ["'self'"],
    'connect-src': area === 'admin' ? self : ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': framedByAdmin && area === 'frontend' ? ["'self'"] : ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ')
}
