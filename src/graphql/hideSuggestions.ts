import type { ExecutionArgs, ValidationRule } from 'graphql'

// Payload's own copy of graphql: an error or a type from another copy fails graphql-http's `instanceof` checks.
import { GraphQL } from '@payloadcms/graphql/types'

import { STOP_VALIDATION } from './stopValidation'

/**
 * Leaves graphql-js's "Did you mean …?" out of every error unless `show`: each suggestion names
 * fields, arguments, types or enum values close to what was sent, so guessing reveals the schema
 * that production introspection (off by Payload's default) keeps to itself.
 *
 * graphql-js 16 can omit them (`validate(…, { hideSuggestions })`), but Payload's handler calls
 * graphql-http, which validates without options: this rule sets the same switch on the context
 * before any rule visits. Variables are coerced again by execution, which would suggest in its own
 * errors; they are checked here, without suggestions, so a bad variable never reaches it.
 */
export const hideSuggestions =
  ({ args, show }: { args: Pick<ExecutionArgs, 'operationName' | 'variableValues'>; show: boolean }): ValidationRule =>
  (context) => {
    if (show) return {}
    Object.defineProperty(context, 'hideSuggestions', { value: true })
    return {
      Document(document) {
        const operation = GraphQL.getOperationAST(document, args.operationName)
        if (!operation?.variableDefinitions?.length) return undefined
        const { errors } = GraphQL.getVariableValues(context.getSchema(), operation.variableDefinitions, args.variableValues ?? {}, {
          hideSuggestions: true,
        })
        if (!errors?.length) return undefined
        for (const error of errors) context.reportError(error)
        // The complexity rules coerce the variables too, and would report them with suggestions.
        return STOP_VALIDATION
      },
    }
  }
