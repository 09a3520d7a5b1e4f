import type {
  ASTVisitor,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
} from 'graphql'

// Payload's own copy of graphql: an error or a type from another copy fails graphql-http's `instanceof` checks.
import { GraphQL } from '@payloadcms/graphql/types'

import { STOP_VALIDATION } from './stopValidation'

export type OperationSizeLimits = {
  /**
   * Fields at the top of one operation (distinct response names). Payload runs each on its own
   * copy of the request, wrapped around the previous one, so their cost grows with their square.
   * @default 20
   */
  maxRootFields: number
  /**
   * Aliases in one operation, at any depth, counted each time their fragment is spread. An alias
   * repeats a field that costs nothing to write: a story's body aliased 50 times is sent 50 times.
   * @default 50
   */
  maxAliases: number
  /**
   * Selections in one operation with every fragment spread expanded. Bounds what validation itself
   * walks: fragments spread twice in each other double the operation at each level.
   * @default 1000
   */
  maxSelections: number
}

export const OPERATION_SIZE_LIMITS: OperationSizeLimits = { maxAliases: 50, maxRootFields: 20, maxSelections: 1000 }

type Counts = { aliases: number; cycle?: string; rootFields: Set<string>; selections: number }

const n = (value: number) => value.toLocaleString('en-US')

/**
 * Refuses an operation with too many root fields, aliases or (fragments expanded) selections, or a
 * fragment cycle, before any other rule walks it: the limits bound what the cost rules and Payload's
 * own complexity rule then compute (a cycle overflows the stack in Payload's).
 */
export const limitOperationSize =
  (limits: OperationSizeLimits = OPERATION_SIZE_LIMITS) =>
  (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>()

    const count = (operation: OperationDefinitionNode): Counts => {
      const counts: Counts = { aliases: 0, rootFields: new Set(), selections: 0 }
      // Depth-first; a fragment already open on the current path is a cycle, which has no end.
      const walk = (selectionSet: SelectionSetNode, isRoot: boolean, open: Set<string>): void => {
        for (const selection of selectionSet.selections) {
          if (++counts.selections > limits.maxSelections) return
          if (selection.kind === 'Field') {
            if (selection.alias) counts.aliases += 1
            if (isRoot) counts.rootFields.add((selection.alias ?? selection.name).value)
            if (selection.selectionSet) walk(selection.selectionSet, false, open)
          } else if (selection.kind === 'InlineFragment') {
            walk(selection.selectionSet, isRoot, open)
          } else {
            const name = selection.name.value
            const fragment = fragments.get(name)
            if (!fragment) continue
            if (open.has(name)) {
              counts.cycle ??= name
              continue
            }
            open.add(name)
            walk(fragment.selectionSet, isRoot, open)
            open.delete(name)
          }
        }
      }
      walk(operation.selectionSet, true, new Set())
      return counts
    }

    return {
      Document(document) {
        for (const definition of document.definitions) {
          if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition)
        }
        let refused = false
        const refuse = (message: string, operation: OperationDefinitionNode) => {
          context.reportError(new GraphQL.GraphQLError(message, { nodes: [operation] }))
          refused = true
        }
        for (const operation of document.definitions) {
          if (operation.kind !== 'OperationDefinition') continue
          const { aliases, cycle, rootFields, selections } = count(operation)
          if (cycle) {
            refuse(`Cannot spread fragment "${cycle}" within itself: fragments may not form cycles.`, operation)
            continue
          }
          if (selections > limits.maxSelections) {
            refuse(
              `This operation has more than ${n(limits.maxSelections)} selections, counting a fragment each time it is spread; the limit is ${n(limits.maxSelections)}.`,
              operation,
            )
            continue
          }
          if (rootFields.size > limits.maxRootFields) {
            refuse(
              `This operation asks for ${n(rootFields.size)} root fields; the limit is ${limits.maxRootFields}. Send the rest in further requests.`,
              operation,
            )
          }
          if (aliases > limits.maxAliases) {
            refuse(`This operation uses ${n(aliases)} aliases; the limit is ${limits.maxAliases}.`, operation)
          }
        }
        return refused ? STOP_VALIDATION : undefined
      },
    }
  }
