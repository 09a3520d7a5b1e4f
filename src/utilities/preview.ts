/** Development only: `npm run dev` previews without any set-up. Production never falls back to it. */
export const DEV_PREVIEW_SECRET = 'newsroom-development-preview-secret'

/**
 * PREVIEW_SECRET, the token the admin's Preview and Live Preview links carry to the reference
 * frontend's draft route. Unset in production, preview is off (undefined) rather than open to a
 * token anyone can read here. The CMS (src/env.ts) and the frontend each read it with this.
 */
export const previewSecretFrom = (environment: NodeJS.ProcessEnv): string | undefined => {
  const secret = environment.PREVIEW_SECRET?.trim()
  if (secret) return secret
  return environment.NODE_ENV === 'production' ? undefined : DEV_PREVIEW_SECRET
}

/** The reference frontend's draft route: checks the token and the session, then turns on draft mode. */
export const PREVIEW_ROUTE = '/next/preview'

/** Turns draft mode off and returns to the page (`?path=`). */
export const EXIT_PREVIEW_ROUTE = '/next/exit-preview'

/** Where a story is read on the reference frontend. */
export const storyPath = (slug: string): string => `/articles/${encodeURIComponent(slug)}`

/** The draft route's URL for a story, as the admin's Preview button and Live Preview open it. */
export const previewURL = ({ secret, serverURL, slug }: { secret: string; serverURL: string; slug: string }): string =>
  `${serverURL.replace(/\/$/, '')}${PREVIEW_ROUTE}?${new URLSearchParams({ collection: 'articles', secret, slug })}`
