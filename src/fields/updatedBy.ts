import type { Field } from 'payload'

import { staffAccountField } from './staffAccountField'

/**
 * The staff account that made this version: set on every write, so each stored version says who
 * made it (the versions view and its comparison show it). A write with no staff session (system
 * work, a reader's request) leaves no one here rather than the previous editor.
 */
export const updatedByField = (): Field =>
  staffAccountField('updatedBy', ({ req }) => (req.user?.collection === 'users' ? req.user.id : null))
