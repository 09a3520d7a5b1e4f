import type { Field } from 'payload'

import { staffAccountField } from './staffAccountField'

/** The staff account that created the document: set once on create. */
export const createdByField = (): Field => ({
  ...staffAccountField('createdBy', ({ operation, req, value }) => (operation === 'create' ? (req.user?.id ?? value) : value)),
  index: true,
})
