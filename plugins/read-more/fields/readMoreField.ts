import type { ArrayField, CollectionSlug, Condition } from 'payload'

import type { ReadMoreRow, SanitizedReadMoreOptions } from '../types'

import { clearUnusedLinkFields } from '../hooks/clearUnusedLinkFields'
import { hideUnreadableLinks } from '../hooks/hideUnreadableLinks'
import { READ_MORE_FIELD } from '../utilities/validateAgainstConfig'
import { offerLinkableTargets } from './offerLinkableTargets'
import { validateExternalURL } from './validateExternalURL'
import { validateLinks } from './validateLinks'
import { validateLinkTarget } from './validateLinkTarget'

const isType =
  (type: 'external' | 'internal'): Condition =>
  (_data, siblingData) =>
    (siblingData as ReadMoreRow | undefined)?.type === type

/**
 * The curated links of one document, in the editor's order. With `disabled` the field keeps its
 * exact shape (so the schema and migrations do not change) but is hidden from every API and the
 * admin, because the hook that hides links to unreadable documents no longer runs.
 */
export const readMoreField = (collectionSlug: string, options: SanitizedReadMoreOptions): ArrayField => ({
  name: READ_MORE_FIELD,
  type: 'array',
  admin: {
    // The package's own client entry, as a published plugin names its components.
    components: { RowLabel: '@newsroom/payload-plugin-read-more/client#LinkRowLabel' },
    description: 'Links shown after the story, in this order. Automatic links by shared topics fill the rest.',
    position: 'sidebar',
  },
  fields: [
    {
      name: 'type',
      type: 'select',
      defaultValue: 'internal',
      options: [
        { label: 'A document on this site', value: 'internal' },
        { label: 'A page elsewhere', value: 'external' },
      ],
      required: true,
    },
    {
      name: 'doc',
      type: 'relationship',
      admin: { condition: isType('internal') },
      filterOptions: offerLinkableTargets(collectionSlug),
      label: 'Document',
      relationTo: [...options.relationTo] as CollectionSlug[],
      required: true,
      validate: validateLinkTarget(collectionSlug, options.relationTo),
    },
    {
      name: 'url',
      type: 'text',
      admin: { condition: isType('external') },
      label: 'URL',
      maxLength: 2048,
      required: true,
      validate: validateExternalURL,
    },
    {
      name: 'title',
      type: 'text',
      admin: { condition: isType('external') },
      maxLength: 200,
      required: true,
    },
  ],
  hidden: options.disabled || undefined,
  hooks: options.disabled ? undefined : { afterRead: [hideUnreadableLinks], beforeValidate: [clearUnusedLinkFields] },
  label: options.label,
  labels: { plural: 'Links', singular: 'Link' },
  maxRows: options.maxLinks,
  validate: validateLinks,
})
