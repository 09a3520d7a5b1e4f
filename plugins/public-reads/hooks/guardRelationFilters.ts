import type { CollectionBeforeOperationHook, CollectionSlug, PayloadRequest, Where } from 'payload'

import type { PrivateRelation } from '../types'

import { markCoverage } from '../utilities/coverage'
import { readableIDs } from '../utilities/readableIDs'

/** An id no document has: a filter on a hidden document matches exactly what a filter on a missing one would. */
const NO_DOCUMENT = -1

const FILTERED_OPERATIONS = new Set(['count', 'read', 'readDistinct'])

type Condition = Record<string, unknown>
type Operand = { relationTo?: unknown; value?: unknown }

const isID = (value: unknown): value is number | string => typeof value === 'number' || typeof value === 'string'

/** Whether the reader may read `id`: in its own collection when the filter names one, else in every private target. */
const isReadable = async (req: PayloadRequest, relation: PrivateRelation, id: number | string, named?: unknown) => {
  const targets = typeof named === 'string' ? relation.relationTo.filter((slug) => slug === named) : relation.relationTo
  for (const target of targets) {
    if (!(await readableIDs(req, target as CollectionSlug, [id])).has(String(id))) return false
  }
  return true
}

const guardOperand = async (req: PayloadRequest, relation: PrivateRelation, operand: unknown): Promise<unknown> => {
  if (isID(operand)) return (await isReadable(req, relation, operand)) ? operand : NO_DOCUMENT
  const { relationTo, value } = (operand ?? {}) as Operand
  // `{ relationTo, value }` on a polymorphic field: only that collection's access decides.
  if (isID(value)) return (await isReadable(req, relation, value, relationTo)) ? operand : { relationTo, value: NO_DOCUMENT }
  return operand
}

const guardCondition = async (req: PayloadRequest, relation: PrivateRelation, condition: Condition) => {
  const guarded: Condition = { ...condition }
  for (const [operator, operand] of Object.entries(condition)) {
    if (operator === 'exists') continue
    const list = Array.isArray(operand) ? operand : typeof operand === 'string' ? operand.split(',') : [operand]
    // One query per target for the whole list; the per-item checks below then read the request's memo.
    const ids = list.map((item) => (isID(item) ? item : (item as Operand)?.value)).filter(isID)
    await Promise.all(relation.relationTo.map((target) => readableIDs(req, target as CollectionSlug, ids)))
    const kept = await Promise.all(list.map((item) => guardOperand(req, relation, item)))
    guarded[operator] = Array.isArray(operand) || list.length > 1 ? kept : kept[0]
  }
  return guarded
}

const guardWhere = async (req: PayloadRequest, relations: Map<string, PrivateRelation>, where: Where): Promise<Where> => {
  const guarded: Where = {}
  for (const [path, value] of Object.entries(where)) {
    const relation = relations.get(path.replace(/\.(id|value)$/, ''))
    if ((path === 'and' || path === 'or') && Array.isArray(value)) {
      guarded[path] = await Promise.all(value.map((inner) => guardWhere(req, relations, inner)))
    } else if (relation && value && typeof value === 'object') {
      guarded[path] = await guardCondition(req, relation, value as Condition)
    } else {
      guarded[path] = value
    }
  }
  return guarded
}

/**
 * Filtering by a related id answers "does this hidden document exist, and what is it linked to?"
 * (`?where[tags][equals]=<internal tag>`). Ids the reader may not see are swapped for one no
 * document has, so such a filter finds what it would for an id that does not exist. A bare id on
 * a polymorphic field is kept only when the reader may read it in every private target.
 */
export const guardRelationFilters = (relations: PrivateRelation[]): CollectionBeforeOperationHook => {
  const byPath = new Map(relations.map((relation) => [relation.path, relation]))
  return markCoverage<CollectionBeforeOperationHook>(
    async ({ args, operation, req }) => {
      const { overrideAccess, where } = args as { overrideAccess?: boolean; where?: Where }
      if (!FILTERED_OPERATIONS.has(operation) || overrideAccess || !where) return args
      return { ...args, where: await guardWhere(req, byPath, where) }
    },
    { kind: 'guard', paths: [...byPath.keys()] },
  )
}
