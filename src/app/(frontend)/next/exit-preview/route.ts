import { draftMode } from 'next/headers'

export const dynamic = 'force-dynamic'

/** A path on this site only: `//evil.example` or `/\evil.example` would leave it. */
const localPath = (path: null | string): string => (path && /^\/(?![/\\])/.test(path) ? path : '/')

/** Ends draft preview (`/next/exit-preview?path=/articles/…`) and returns to the page as readers see it. */
export const GET = async (request: Request): Promise<Response> => {
  ;(await draftMode()).disable()
  const path = localPath(new URL(request.url).searchParams.get('path'))
  return new Response(null, { headers: { 'Cache-Control': 'no-store', Location: path }, status: 307 })
}
