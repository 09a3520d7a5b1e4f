import type { UIField } from 'payload'

/** The first field of a document's form: a banner when the signed-in user may not change the document. */
export const readOnlyNotice = (): UIField => ({
  name: 'readOnlyNotice',
  type: 'ui',
  admin: {
    components: { Field: '@/admin/ReadOnlyNotice#ReadOnlyNotice' },
    disableListColumn: true,
  },
})
