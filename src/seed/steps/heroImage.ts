import type { Payload } from 'payload'

import type { ArticleSeed } from '../data/articles'
import type { SeedCount, SessionUser } from '../types'

import { findOne } from '../findOne'
import { placeholderImage } from '../placeholderImage'

/**
 * Finds or uploads a story's hero image. Looked up by alt text, not filename: Payload renames an
 * upload whose filename is already on disk, e.g. left there by an earlier database.
 */
export const findOrCreateHeroImage = async (
  payload: Payload,
  { alt, caption, filename, scene }: NonNullable<ArticleSeed['hero']>,
  user: SessionUser,
  count: SeedCount,
): Promise<number> => {
  const existing = await findOne(payload, 'media', { alt: { equals: alt } })
  if (existing) {
    count.existing++
    return existing.id
  }
  const data = await placeholderImage(scene)
  const media = await payload.create({
    collection: 'media',
    data: { alt, caption },
    file: { name: filename, data, mimetype: 'image/jpeg', size: data.length },
    overrideAccess: true,
    user,
  })
  count.created++
  return media.id
}
