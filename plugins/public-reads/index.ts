import type { Plugin } from 'payload'

import type { PublicReadsOptions } from './types'

import { extendCollection } from './utilities/extendCollection'
import { findPrivateRelations } from './utilities/findPrivateRelations'
import { probeAnonymousRead } from './utilities/probeAnonymousRead'
import { sanitizeOptions } from './utilities/sanitizeOptions'
import { SETTINGS_KEY } from './utilities/settingsOf'
import { validateHiddenElsewhere } from './utilities/validateHiddenElsewhere'

export type {
  DeclaredRelation,
  PublicChangeArgs,
  PublicReadsCollectionSettings,
  PublicReadsOptions,
  SanitizedPublicReadsOptions,
} from './types'
export { publicReadsCoverage } from './utilities/coverage'
export { readableIDs } from './utilities/readableIDs'
export { DEFAULT_MAX_LIMIT } from './utilities/sanitizeOptions'

/**
 * One public-read policy for the whole config: every collection's reads are clamped, and every
 * relation to a collection that strangers may not read in full has its filters guarded and its
 * unreadable ids hidden; changes to public documents reach `onPublicChange`. List it after the
 * plugins that add collections or fields. See README.md.
 */
export const publicReadsPlugin = (incomingOptions?: PublicReadsOptions): Plugin => {
  const options = sanitizeOptions(incomingOptions)
  return async (config) => {
    const collections = config.collections ?? []
    const reads = new Map(await Promise.all(collections.map(async (collection) => [collection.slug, await probeAnonymousRead(collection)] as const)))
    const relations = new Map(collections.map((collection) => [collection.slug, findPrivateRelations(collection, reads, config.blocks ?? [])]))
    validateHiddenElsewhere(options, relations)
    return {
      ...config,
      collections: collections.map((collection) =>
        extendCollection(collection, { options, read: reads.get(collection.slug)!, relations: relations.get(collection.slug)! }),
      ),
      // Server-only: lets `readableIDs` split its checks into pages the clamp leaves whole.
      custom: { ...config.custom, [SETTINGS_KEY]: { maxLimit: options.maxLimit } },
    }
  }
}
