import { robots } from '@/frontend/sitemaps/route'

// SERVER_URL is read when the server runs, not when `next build` prerenders.
export const dynamic = 'force-dynamic'

export const GET = robots
