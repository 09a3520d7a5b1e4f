import type { SanitizedCollectionConfig, SanitizedConfig, Where } from 'payload'

import { MalformedQuery } from './errors'
import { fieldAt } from './fieldAt'
import { type IDTypeOf, operandProblem } from './operandProblem'

/** How deep `and`/`or` may nest: past any hand-written filter, and short of Payload's recursive checks. */
export const MAX_WHERE_NESTING = 16

export type QueryContext = {
  collection: SanitizedCollectionConfig
  config: SanitizedConfig
  idTypeOf: IDTypeOf
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Throws a 400 naming the first condition the database could not run (`where[publishedAt][equals]`
 * must be a date, an `in` list of 200,000 ids). Paths and operators Payload does not know are left
 * to its own validation, which answers them with a 400 of its own.
 */
export const checkWhere = (where: Where, context: QueryContext, name = 'where', nesting = 0): void => {
  if (nesting > MAX_WHERE_NESTING) throw new MalformedQuery(`${name} nests and/or more than ${MAX_WHERE_NESTING} levels deep.`)
  for (const [path, condition] of Object.entries(where)) {
    if ((path === 'and' || path === 'or') && Array.isArray(condition)) {
      condition.forEach((inner, index) => {
        if (isObject(inner)) checkWhere(inner as Where, context, `${name}[${path}][${index}]`, nesting + 1)
      })
      continue
    }
    const field = isObject(condition) ? fieldAt(context.config, context.collection, path) : undefined
    if (!field) continue
    for (const [operator, operand] of Object.entries(condition as Record<string, unknown>)) {
      const problem = operandProblem(field, operator, operand, {
        idTypeOf: context.idTypeOf,
        ownIDType: context.idTypeOf(context.collection.slug),
      })
      if (problem) throw new MalformedQuery(`${name}[${path}][${operator}] ${problem}.`)
    }
  }
}
