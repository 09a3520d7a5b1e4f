import type { CollectionConfig } from 'payload'

import type { PublicReadsCollectionSettings } from '../types'

/** Where a collection declares what the plugin cannot find out itself (server-only `custom`). */
export const SETTINGS_KEY = 'publicReads'

const fail = (slug: string, key: string, rule: string): never => {
  throw new Error(`publicReadsPlugin: \`custom.${[SETTINGS_KEY, key].filter(Boolean).join('.')}\` of the collection "${slug}" ${rule}.`)
}

/** The collection's `custom.publicReads`, checked, so a misspelt declaration fails the build instead of leaking. */
export const settingsOf = ({ custom, slug }: Pick<CollectionConfig, 'custom' | 'slug'>): PublicReadsCollectionSettings => {
  const settings: unknown = custom?.[SETTINGS_KEY]
  if (settings === undefined) return {}
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return fail(slug, '', 'must be an object')
  const { isPublicDocument, privateRelations, readableByAnyone, ...unknown } = settings as PublicReadsCollectionSettings
  const [stray] = Object.keys(unknown)
  if (stray) fail(slug, stray, 'is not a setting (isPublicDocument, privateRelations, readableByAnyone)')
  if (isPublicDocument !== undefined && typeof isPublicDocument !== 'function') fail(slug, 'isPublicDocument', 'must be a function')
  if (readableByAnyone !== undefined && typeof readableByAnyone !== 'boolean') fail(slug, 'readableByAnyone', 'must be true or false')
  if (
    privateRelations !== undefined &&
    (!Array.isArray(privateRelations) ||
      privateRelations.some((relation) => typeof relation?.path !== 'string' || typeof relation?.relationTo !== 'string'))
  ) {
    fail(slug, 'privateRelations', 'must be a list of `{ path, relationTo }`')
  }
  return settings as PublicReadsCollectionSettings
}
