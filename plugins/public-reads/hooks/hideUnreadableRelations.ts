import type { CollectionAfterReadHook, CollectionSlug, PayloadRequest } from 'payload'

import type { AnyDocument, DocumentID, FieldStep, PrivateRelation } from '../types'

import { markCoverage } from '../utilities/coverage'
import { readableIDs } from '../utilities/readableIDs'

type Holder = Record<string, unknown>

const isID = (value: unknown): value is DocumentID => typeof value === 'number' || typeof value === 'string'

/** The objects holding the relation's value, through groups, named tabs and the rows of arrays and blocks. */
const holdersOf = (node: unknown, steps: FieldStep[]): Holder[] => {
  if (Array.isArray(node)) return node.flatMap((row) => holdersOf(row, steps))
  if (!node || typeof node !== 'object') return []
  const [step, ...rest] = steps
  const holder = node as Holder
  if (step.blockType && holder.blockType !== step.blockType) return []
  return rest.length ? holdersOf(holder[step.name], rest) : [holder]
}

/** The collection and bare id of one value, when it is an id the reader may not have been given. */
const bareTarget = (relation: PrivateRelation, item: unknown): [string, DocumentID] | undefined => {
  if (!relation.polymorphic) return isID(item) ? [relation.relationTo[0], item] : undefined
  const { relationTo, value } = (item ?? {}) as { relationTo?: unknown; value?: unknown }
  return typeof relationTo === 'string' && relation.relationTo.includes(relationTo) && isID(value) ? [relationTo, value] : undefined
}

const bareTargets = (relation: PrivateRelation, values: unknown[]): Map<string, DocumentID[]> => {
  const byCollection = new Map<string, DocumentID[]>()
  for (const item of values) {
    const target = bareTarget(relation, item)
    if (target) byCollection.set(target[0], [...(byCollection.get(target[0]) ?? []), target[1]])
  }
  return byCollection
}

const keepReadable = async (req: PayloadRequest, relation: PrivateRelation, value: unknown): Promise<unknown> => {
  const values = Array.isArray(value) ? value : [value]
  const byCollection = bareTargets(relation, values)
  if (!byCollection.size) return value
  const readable = new Map<string, Set<string>>()
  for (const [collection, ids] of byCollection) readable.set(collection, await readableIDs(req, collection as CollectionSlug, ids))
  const visible = values.filter((item) => {
    const target = bareTarget(relation, item)
    return !target || Boolean(readable.get(target[0])?.has(String(target[1])))
  })
  return Array.isArray(value) ? visible : (visible[0] ?? null)
}

/**
 * Payload leaves a related document the reader may not see as a bare id. That id is private
 * too (a draft's, an internal tag's, a rejected comment's), so such entries are removed, at any
 * depth of the document. Populated documents were read with the reader's access and stay.
 */
export const hideUnreadableRelations = (relations: PrivateRelation[]): CollectionAfterReadHook =>
  markCoverage<CollectionAfterReadHook>(
    async ({ doc, overrideAccess, req }) => {
      // Trusted system work (the Local API's default) sees every id it stored.
      if (overrideAccess) return doc
      for (const relation of relations) {
        const name = relation.steps[relation.steps.length - 1].name
        const holders = holdersOf(doc as AnyDocument, relation.steps).filter((holder) => holder[name] !== null && holder[name] !== undefined)
        // Every row's ids at once, one query per target; each row below then reads the request's memo.
        const ids = bareTargets(relation, holders.flatMap((holder) => holder[name]))
        await Promise.all([...ids].map(([collection, list]) => readableIDs(req, collection as CollectionSlug, list)))
        for (const holder of holders) holder[name] = await keepReadable(req, relation, holder[name])
      }
      return doc
    },
    { kind: 'hide', paths: relations.map(({ path }) => path) },
  )
