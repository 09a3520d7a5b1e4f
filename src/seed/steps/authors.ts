import type { Payload } from 'payload'

import type { DemoUsers, SeedCount } from '../types'

import { authors } from '../data/authors'
import { findOne } from '../findOne'
import { richText } from '../lexical'
import { emptyCount } from '../types'

/** Creates the missing bylines, linking two of them to the author and contributor logins. */
export const seedAuthors = async (
  payload: Payload,
  users: DemoUsers,
): Promise<{ count: SeedCount; ids: Map<string, number> }> => {
  const count = emptyCount()
  const ids = new Map<string, number>()
  for (const { name, slug, account, bio, jobTitle, links } of authors) {
    let author = await findOne(payload, 'authors', { slug: { equals: slug } })
    if (author) count.existing++
    else {
      author = await payload.create({
        collection: 'authors',
        data: { name, slug, bio: richText(bio), jobTitle, links, user: account ? users[account].id : undefined },
        overrideAccess: true,
      })
      count.created++
    }
    ids.set(slug, author.id)
  }
  return { count, ids }
}
