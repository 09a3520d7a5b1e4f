import { draftMode } from 'next/headers'

import { getSessionUser } from '@/frontend/api'
import { frontendPreviewSecret, isPreviewSecret, SESSION_COOKIE } from '@/frontend/preview'
import { storyPath } from '@/utilities/preview'

export const dynamic = 'force-dynamic'

// The answer depends on the token and the session: no cache may keep it or its draft-mode cookie.
const answer = (status: number, message: string): Response =>
  new Response(message, { headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' }, status })

const sessionCookieOf = (request: Request): string | undefined =>
  (request.headers.get('cookie') ?? '')
    .split(';')
    .map((pair) => pair.trim().split('='))
    .find(([name]) => name === SESSION_COOKIE)?.[1]

/**
 * Draft preview, opened by the admin's Preview button and Live Preview:
 * `/next/preview?collection=articles&slug=…&secret=…`. It needs the preview token and a logged-in
 * staff member (checked by the API, `GET /api/users/me`, with their session cookie), turns on
 * Next.js draft mode and sends them to the story, which then reads its draft with their session.
 */
export const GET = async (request: Request): Promise<Response> => {
  const secret = frontendPreviewSecret()
  if (!secret) return answer(404, 'Preview is off: set PREVIEW_SECRET on the server to turn it on.')
  const params = new URL(request.url).searchParams
  if (!isPreviewSecret(params.get('secret'), secret)) return answer(401, 'secret: the preview token is missing or wrong.')
  const collection = params.get('collection') ?? 'articles'
  if (collection !== 'articles') return answer(400, `collection: only articles can be previewed, not "${collection}".`)
  const slug = params.get('slug')?.trim()
  if (!slug) return answer(400, 'slug: the slug of the story to preview is required.')

  const token = sessionCookieOf(request)
  const user = token ? await getSessionUser(decodeURIComponent(token)) : null
  if (!user) return answer(401, 'Log in to the admin to preview drafts.')

  ;(await draftMode()).enable()
  return new Response(null, { headers: { 'Cache-Control': 'no-store', Location: storyPath(slug) }, status: 307 })
}
