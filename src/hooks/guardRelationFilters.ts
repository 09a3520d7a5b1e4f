import type { CollectionBeforeOperationHook, CollectionSlug, PayloadRequest, Where } from 'payload'

import type { PrivateRelation } from './types'

import { readableIDs } from '@/utilities/readableIDs'

/** An id no document has: a filter on a hidden document matches exactly what a filter on a missing one would. */
const NO_DOCUMENT = -1

type Condition = Record<string, unknown>

const guardCondition = async (req: PayloadRequest, relationTo: CollectionSlug, condition: Condition) => {
  const guarded: Condition = { ...condition }
  for (const [operator, operand] of Object.entries(condition)) {
    if (operator === 'exists') continue
    const list = Array.isArray(operand) ? operand : typeof operand === 'string' ? operand.split(',') : [operand]
    const ids = list.filter((id): id is number | string => typeof id === 'number' || typeof id === 'string')
    if (!ids.length) continue
    const readable = await readableIDs(req, relationTo, ids)
    const kept = ids.map((id) => (readable.has(String(id)) ? id : NO_DOCUMENT))
    guarded[operator] = Array.isArray(operand) || ids.length > 1 ? kept : kept[0]
  }
  return guarded
}

const guardWhere = async (req: PayloadRequest, relations: Map<string, CollectionSlug>, where: Where): Promise<Where> => {
  const guarded: Where = {}
  for (const [path, value] of Object.entries(where)) {
    const relationTo = relations.get(path.replace(/\.(id|value)$/, ''))
    if ((path === 'and' || path === 'or') && Array.isArray(value)) {
      guarded[path] = await Promise.all(value.map((inner) => guardWhere(req, relations, inner)))
    } else if (relationTo && value && typeof value === 'object') {
      guarded[path] = await guardCondition(req, relationTo, value as Condition)
    } else {
      guarded[path] = value
    }
  }
  return guarded
}

/**
 * Filtering by a related id answers "does this hidden document exist, and what is it linked to?"
 * (`?where[tags][equals]=<internal tag>`). Ids the reader may not see are swapped for one no
 * document has, so such a filter finds what it would for an id that does not exist.
 */
export const guardRelationFilters =
  (relations: PrivateRelation[]): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    const { overrideAccess, where } = args as { overrideAccess?: boolean; where?: Where }
    if ((operation !== 'read' && operation !== 'count') || overrideAccess || !where) return args
    const byName = new Map(relations.map(({ name, relationTo }) => [name, relationTo]))
    return { ...args, where: await guardWhere(req, byName, where) }
  }
