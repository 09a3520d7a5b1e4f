import type { Role } from '@/access/roles'
import type { User } from '@/payload-types'

/** How many of one kind of thing a run created, and how many it found already there. */
export type SeedCount = { created: number; existing: number }

export type SeedSummary = Record<
  'articles' | 'authors' | 'comments' | 'media' | 'scheduledPublications' | 'tags' | 'users',
  SeedCount
>

/** A user document shaped like `req.user`, so hooks such as `createdBy` see who did the work. */
export type SessionUser = User & { collection: 'users' }

export type DemoUsers = Record<Role, SessionUser>

export const emptyCount = (): SeedCount => ({ created: 0, existing: 0 })
