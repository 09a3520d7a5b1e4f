import { storyPath } from '@/utilities/preview'

/**
 * The site's public identity, for feeds, sitemaps, canonical links and structured data. The
 * reference frontend is served by the same Next.js app as the CMS, so its public origin is
 * SERVER_URL, read here as any separate site would read its own setting.
 */
export const siteOrigin = (): string => new URL(process.env.SERVER_URL ?? 'http://localhost:3000').origin

/** An absolute URL on the site, for a path (`/tags/x`) or an already absolute upload URL. */
export const absoluteURL = (pathOrURL: string): string => new URL(pathOrURL, `${siteOrigin()}/`).toString()

export const SITE_NAME = 'Newsroom'
export const SITE_DESCRIPTION = 'News from the Newsroom demo site, served by the public API of the Newsroom CMS.'
/** The language of the site's stories, as feeds and Google News name it. */
export const SITE_LANGUAGE = 'en'
/** The publisher's logo (240 × 60, as Google asks of a news publisher's), shipped in public/. */
export const LOGO = { path: '/logo.png' }

export { storyPath }
export const tagPath = (slug: string): string => `/tags/${encodeURIComponent(slug)}`
export const authorPath = (slug: string): string => `/authors/${encodeURIComponent(slug)}`

/** A story's, tag's or author's slug: required by the slug field, though its generated type allows null. */
export const slugOf = (doc: { id: number; slug?: null | string }): string => doc.slug ?? String(doc.id)
