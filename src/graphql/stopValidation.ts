import type { DocumentNode } from 'graphql'

// Payload's own copy of graphql: an error or a type from another copy fails graphql-http's `instanceof` checks.
import { GraphQL } from '@payloadcms/graphql/types'

/**
 * What a rule's `Document` visitor returns, after reporting its error, to end validation there:
 * graphql-js visits the returned (empty) document instead, so no later visitor sees the operation.
 * Payload always runs its own complexity rule, which expands every fragment spread again without
 * bound (a 1 KB document of fragments spread twice each takes it seconds) and overflows the stack on
 * fragment cycles; a document refused at `Document` never reaches it.
 */
export const STOP_VALIDATION: DocumentNode = Object.freeze({ definitions: [], kind: GraphQL.Kind.DOCUMENT })
