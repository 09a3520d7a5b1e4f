import { scopedFeed } from '@/frontend/feeds/route'

// Read per request; the API answers behind it are cached and purged like the pages' (src/frontend/api.ts).
export const dynamic = 'force-dynamic'

export const GET = scopedFeed('tag', 'atom')
