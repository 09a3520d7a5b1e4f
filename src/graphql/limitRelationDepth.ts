import type { ASTVisitor, FragmentDefinitionNode, SelectionSetNode, ValidationContext } from 'graphql'

// Payload's own copy of graphql: an error or a type from another copy fails graphql-http's `instanceof` checks.
import { GraphQL } from '@payloadcms/graphql/types'

/** As REST's `depth`: how many levels of related documents one query may populate. */
export const MAX_RELATION_DEPTH = 3

// Structural checks only: `instanceof` fails when Payload and the project load two copies of graphql.
type AnyType = { getFields?: () => Record<string, { type: unknown }>; getTypes?: () => unknown[]; ofType?: unknown }

const namedType = (type: unknown): AnyType => {
  let current = type as AnyType
  while (current?.ofType) current = current.ofType as AnyType
  return current
}

/** A collection document (it has an id and timestamps) or a polymorphic relation to documents. */
const isDocument = (type: AnyType): boolean => {
  if (type.getTypes) return true
  const fields = type.getFields?.()
  return Boolean(fields && 'id' in fields && 'createdAt' in fields)
}

/**
 * GraphQL has no `depth` argument: the query's shape decides how deep relations are populated.
 * This rule counts the levels of related documents a query selects and refuses more than the limit.
 */
export const limitRelationDepth =
  (max = MAX_RELATION_DEPTH) =>
  (context: ValidationContext): ASTVisitor => {
    const schema = context.getSchema()
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition)
    }

    const deepest = (selectionSet: SelectionSetNode, parent: AnyType, depth: number, seen: Set<string>): number => {
      let result = depth
      for (const selection of selectionSet.selections) {
        if (selection.kind === 'Field') {
          const field = parent.getFields?.()[selection.name.value]
          if (!field || !selection.selectionSet) continue
          const type = namedType(field.type)
          result = Math.max(result, deepest(selection.selectionSet, type, isDocument(type) ? depth + 1 : depth, seen))
        } else if (selection.kind === 'InlineFragment') {
          const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as AnyType) : parent
          result = Math.max(result, deepest(selection.selectionSet, type ?? parent, depth, seen))
        } else {
          const fragment = fragments.get(selection.name.value)
          if (!fragment || seen.has(fragment.name.value)) continue
          const type = schema.getType(fragment.typeCondition.name.value) as AnyType
          result = Math.max(result, deepest(fragment.selectionSet, type ?? parent, depth, new Set([...seen, fragment.name.value])))
        }
      }
      return result
    }

    return {
      OperationDefinition(operation) {
        const root = schema.getRootType(operation.operation) as AnyType | undefined
        if (!root) return
        // The first level of documents is the one asked for; each further level is a populated relation.
        const relationDepth = deepest(operation.selectionSet, root, 0, new Set()) - 1
        if (relationDepth > max) {
          context.reportError(
            new GraphQL.GraphQLError(
              `This query populates related documents ${relationDepth} levels deep; the limit is ${max} (as REST's depth).`,
              { nodes: [operation] },
            ),
          )
        }
      },
    }
  }
