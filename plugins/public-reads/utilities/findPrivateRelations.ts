import type { Block, CollectionConfig, Field } from 'payload'

import type { PrivateRelation } from '../types'
import type { AnonymousRead } from './probeAnonymousRead'

import { findDataFields } from './findDataFields'
import { settingsOf } from './settingsOf'

/** Targets of a relationship, upload or join field; none for any other field. */
const targetsOf = (field: Field): string[] => {
  if (field.type === 'join') return Array.isArray(field.collection) ? field.collection : [field.collection]
  if (field.type === 'relationship' || field.type === 'upload') return Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
  return []
}

// Payload stores `{ relationTo, value }` whenever `relationTo` is a list, even a list of one.
const isPolymorphic = (field: Field): boolean =>
  (field.type === 'relationship' || field.type === 'upload') && Array.isArray(field.relationTo)

/**
 * The relationship, upload and join fields of a collection, at any depth, whose targets some
 * readers may not see, plus those the collection declares. A target is public only when the
 * probe found that anyone may read all of it: anything else, unknown targets included, is private.
 */
export const findPrivateRelations = (
  collection: CollectionConfig,
  reads: ReadonlyMap<string, AnonymousRead>,
  blocks: Block[],
): PrivateRelation[] => {
  const fields = findDataFields(collection.fields, { blocks, prefix: [] })
  const declared = settingsOf(collection).privateRelations ?? []
  for (const { path } of declared) {
    if (!fields.some((candidate) => candidate.path === path)) {
      throw new Error(
        `publicReadsPlugin: \`custom.publicReads.privateRelations\` of the collection "${collection.slug}" names "${path}", which is not a field.`,
      )
    }
  }
  return fields.flatMap(({ field, path, steps }): PrivateRelation[] => {
    const relationTo = [
      ...targetsOf(field).filter((slug) => reads.get(slug) !== 'all'),
      ...declared.filter((relation) => relation.path === path).map((relation) => relation.relationTo),
    ]
    if (!relationTo.length) return []
    return [{ join: field.type === 'join', path, polymorphic: isPolymorphic(field), relationTo: [...new Set(relationTo)], steps }]
  })
}
