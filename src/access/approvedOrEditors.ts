import type { Access, Where } from 'payload'

import { isEditor } from './roles'

const approvedOnPublishedArticles: Where = {
  and: [{ status: { equals: 'approved' } }, { 'article._status': { equals: 'published' } }],
}

// Readers, staff below editor included, see only approved comments on published stories.
export const approvedOrEditors: Access = ({ req: { user } }) => isEditor(user) || approvedOnPublishedArticles
