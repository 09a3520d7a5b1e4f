import { type OperationDefinitionNode, parse } from 'graphql'

// Payload answers CORS by echoing an allowed Origin: one entry per Origin. Nothing else in the
// request shapes a 200 answer (Next.js compresses after this, so Accept-Encoding does not).
const originOf = (request: Request): string => request.headers.get('origin') ?? ''

/**
 * A REST read's key: the path and the decoded query parameters sorted by name (`where[...]`
 * brackets kept; a repeated name keeps its values' order, which can matter), and the Origin.
 */
export const restKey = (request: Request): string => {
  const url = new URL(request.url)
  const params = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify(['GET', url.pathname, params, originOf(request)])
}

/** Object keys sorted at every level, so `{a, b}` and `{b, a}` variables are one entry. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]))
  }
  return value
}

export type GraphQLRead = { key: string; query: string; operationName?: string }

/** A GraphQL POST body's key (its query, variables and operation name, and the Origin), or undefined when it is not a JSON operation. */
export const graphQLKey = (request: Request, body: string): GraphQLRead | undefined => {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined
  }
  const { operationName, query, variables } = (parsed ?? {}) as { operationName?: unknown; query?: unknown; variables?: unknown }
  if (typeof query !== 'string' || (operationName !== undefined && operationName !== null && typeof operationName !== 'string')) {
    return undefined
  }
  const name = operationName ?? undefined
  return { key: JSON.stringify(['GRAPHQL', query, canonical(variables ?? {}), name ?? null, originOf(request)]), operationName: name, query }
}

/** Whether the operation GraphQL would run is a query: mutations write, and are never cached. */
export const isQuery = ({ operationName, query }: GraphQLRead): boolean => {
  try {
    const operations = parse(query).definitions.filter((node): node is OperationDefinitionNode => node.kind === 'OperationDefinition')
    const chosen = operationName ? operations.find((node) => node.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined
    return chosen?.operation === 'query'
  } catch {
    return false
  }
}
