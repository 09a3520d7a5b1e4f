import type { CollectionBeforeChangeHook } from 'payload'

import type { Comment } from '@/payload-types'

import { relationID } from '@/utilities/relationID'

import { loadParent } from '../submission/storedDocuments'

/** Stores how deep a reply sits (0 for a comment on the article), so the nesting limit is one read. */
export const setThreadLevel: CollectionBeforeChangeHook<Comment> = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const parentID = relationID(data.parent)
  if (parentID === undefined) return { ...data, level: 0 }
  // The parent's own validation, which runs next and reads the same load, decides whether it may be replied to.
  const parent = await loadParent(req, parentID)
  return { ...data, level: (parent?.level ?? 0) + 1 }
}
