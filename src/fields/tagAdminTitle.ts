import type { TextField } from 'payload'

import { staffFieldOnly } from '@/access/fieldAccess'
import { nobody } from '@/access/nobody'

export const INTERNAL_MARK = ' (internal)'

/** A tag as the admin names it: its name, marked when the tag is internal. */
export const adminTitleOf = ({ internal, name }: { internal?: boolean | null; name?: null | string }): string =>
  `${name ?? ''}${internal ? INTERNAL_MARK : ''}`

/**
 * The tags' title in the admin (`useAsTitle`): pickers, chips and lists show only a document's
 * title, so an internal tag is marked there, where a story is tagged. Written by its hook alone from
 * the merged name and `internal`, and read by staff only: readers never meet an internal tag.
 */
export const tagAdminTitleField: TextField = {
  name: 'adminTitle',
  type: 'text',
  access: { create: nobody, read: staffFieldOnly, update: nobody },
  admin: { hidden: true },
  hooks: { beforeChange: [({ siblingData }) => adminTitleOf(siblingData)] },
  index: true,
}
