import type { CollectionConfig } from 'payload'

import type { PrivateRelation, SanitizedPublicReadsOptions } from '../types'
import type { AnonymousRead } from './probeAnonymousRead'

import { clampPublicReads } from '../hooks/clampPublicReads'
import { guardRelationFilters } from '../hooks/guardRelationFilters'
import { hideUnreadableRelations } from '../hooks/hideUnreadableRelations'
import { signalPublicChangeAfterChange } from '../hooks/signalPublicChangeAfterChange'
import { signalPublicChangeAfterDelete } from '../hooks/signalPublicChangeAfterDelete'
import { publicDocumentTest } from './notifyPublicChange'
import { settingsOf } from './settingsOf'

type Policy = {
  options: SanitizedPublicReadsOptions
  /** The collection's private relations. */
  relations: PrivateRelation[]
  /** What an anonymous request may read of the collection itself. */
  read: AnonymousRead
}

/** A copy of the collection with the policy's hooks: only what it needs, none for a relation to a public target. */
export const extendCollection = (collection: CollectionConfig, { options, read, relations }: Policy): CollectionConfig => {
  const hooks = collection.hooks ?? {}
  const hiddenElsewhere = options.hiddenElsewhere[collection.slug] ?? []
  const hidden = relations.filter(({ join, path }) => !join && !hiddenElsewhere.includes(path))
  const { onPublicChange } = options
  // A collection no stranger may read from has nothing to signal.
  const signals = onPublicChange && read !== 'none' ? publicDocumentTest(settingsOf(collection)) : undefined
  return {
    ...collection,
    hooks: {
      ...hooks,
      // The policy's read hooks come before the collection's own, so those see only clamped arguments,
      // guarded filters and ids the reader may read; the change signal comes after, once every own hook
      // has settled what was written.
      afterChange: [...(hooks.afterChange ?? []), ...(signals ? [signalPublicChangeAfterChange(onPublicChange!, signals)] : [])],
      afterDelete: [...(hooks.afterDelete ?? []), ...(signals ? [signalPublicChangeAfterDelete(onPublicChange!, signals)] : [])],
      afterRead: [...(hidden.length ? [hideUnreadableRelations(hidden)] : []), ...(hooks.afterRead ?? [])],
      beforeOperation: [
        clampPublicReads(options),
        ...(relations.length ? [guardRelationFilters(relations)] : []),
        ...(hooks.beforeOperation ?? []),
      ],
    },
  }
}
