import type { ComplexityEstimator } from 'graphql-query-complexity'

/**
 * What one GraphQL operation costs the server, in units of about 1 ms of server time on the bench
 * machine (2 cores, `next start`, 20,000 stories; docs/PERFORMANCE.md has the measurements).
 */
export const COSTS = {
  /**
   * Each SQL statement whose `where` or `sort` names a rich-text or JSON field: it reads every
   * story's body (a scan of the stories' bodies took 180 ms).
   */
  bodyScan: 200,
  /**
   * Each document a list, a join or a lookup by id returns: a story took 1–1.7 ms (body,
   * relationships, read hooks) and about 0.28 MB of the server's memory while the request ran.
   */
  document: 3,
  /** Each SQL statement with another `where` or `sort`: it may scan or sort a whole table (up to 75 ms). */
  filteredQuery: 75,
  /** Each mutation: a write, in a transaction behind the single writer connection. */
  mutation: 100,
  /**
   * Each related document populated into another: Payload's data loader batches them into one
   * statement and reads each document once (a byline or tag 0.5 ms, a story as a document).
   */
  populated: 1,
  /** Each SQL statement by key or on the default order: a page, its count, a join (once per parent document). */
  query: 5,
  /** Each rich-text or JSON value sent: a story's body is as large as the rest of it. */
  richText: 1,
} as const

/** Rows assumed for a `hasMany` relationship or an array without `maxRows`. */
export const DEFAULT_ROWS = 10

/** Payload's page size for a list that names no `limit`. */
const PAYLOAD_DEFAULT_LIMIT = 10

export type CostModelOptions = {
  /** The most documents one list or join returns, whatever it asks for (the public-reads plugin's clamp); none for staff. */
  maxListSize?: number
  mutationType?: unknown
  queryType?: unknown
}

type Args = Record<string, unknown>
// Structural checks only: `instanceof` fails when Payload and the project load two copies of graphql.
type AnyType = { getFields?: () => Record<string, unknown>; getTypes?: () => unknown[]; name?: string; ofType?: unknown }
type PayloadField = { hasMany?: boolean; maxRows?: number; type?: string }

const namedType = (type: unknown): AnyType => {
  let current = type as AnyType
  while (current?.ofType) current = current.ofType as AnyType
  return current
}

const isListType = (type: unknown): boolean => String(type).replaceAll('!', '').startsWith('[')

const isComposite = (type: AnyType): boolean => Boolean(type.getFields ?? type.getTypes)

/** Payload's page of documents: a list query's result or a join's. */
const isPage = (type: AnyType): boolean => {
  const fields = type.getFields?.()
  return Boolean(fields && 'docs' in fields && 'totalDocs' in fields)
}

const hasWhere = (args: Args): boolean =>
  typeof args.where === 'object' && args.where !== null && Object.keys(args.where).length > 0

const hasSort = (args: Args): boolean => typeof args.sort === 'string' && args.sort.trim() !== ''

const isJSON = (type: AnyType): boolean => type.name === 'JSON' || type.name === 'JSONObject'

type Typed = { type: unknown }
const fieldsOf = (type: AnyType | undefined): Record<string, Typed> => (type?.getFields?.() ?? {}) as Record<string, Typed>

/**
 * Whether a `where` filters on a rich-text or JSON field, through its AND/OR lists. Such a field's
 * operators take JSON; so do a relationship's (its ids may be of several collections), which is
 * why the documents' own field decides when the path names one.
 */
const whereReadsBodies = (where: unknown, whereType: AnyType, documentType: AnyType | undefined): boolean => {
  if (Array.isArray(where)) return where.some((item) => whereReadsBodies(item, whereType, documentType))
  if (typeof where !== 'object' || where === null) return false
  const inputs = fieldsOf(whereType)
  const fields = fieldsOf(documentType)
  return Object.entries(where).some(([key, value]) => {
    if (key === 'AND' || key === 'OR') return whereReadsBodies(value, whereType, documentType)
    if (fields[key]) return isJSON(namedType(fields[key].type))
    const operators = inputs[key] && fieldsOf(namedType(inputs[key].type))
    return Boolean(operators?.equals && isJSON(namedType(operators.equals.type)))
  })
}

/** Whether a `sort` orders by a rich-text or JSON field of the documents. */
const sortReadsBodies = (sort: unknown, documentType: AnyType | undefined): boolean => {
  const fields = fieldsOf(documentType)
  return typeof sort === 'string' && sort.split(',').some((name) => {
    const field = fields[name.trim().replace(/^-/, '')]
    return Boolean(field && isJSON(namedType(field.type)))
  })
}

type Field = { args: readonly { name: string; type: unknown }[] }

/**
 * One SQL statement of `field` (a list, a join, a count), priced by what its `where` and `sort`
 * make it read; a count ignores the sort.
 */
const statement = (args: Args, field: Field, documentType: AnyType | undefined, { sorted = true } = {}): number => {
  const sorts = sorted && hasSort(args)
  if (!hasWhere(args) && !sorts) return COSTS.query
  const whereType = field.args.find(({ name }) => name === 'where')?.type
  const readsBodies =
    (hasWhere(args) && whereType !== undefined && whereReadsBodies(args.where, namedType(whereType), documentType)) ||
    (sorts && sortReadsBodies(args.sort, documentType))
  return readsBodies ? COSTS.bodyScan : COSTS.filteredQuery
}

/** The document type of a page (a list query's result or a join's). */
const documentsOf = (page: AnyType): AnyType | undefined => {
  const docs = page.getFields?.().docs as { type: unknown } | undefined
  return docs && namedType(docs.type)
}

/**
 * Estimates each field for graphql-query-complexity: a list multiplies the cost of what each of its
 * documents selects by the most documents it can return. Lists and joins count at their `limit`,
 * cut to the public cap for readers; without one, a list is Payload's page of 10 and a join is
 * unbounded (Payload's GraphQL reads every joined document), so the cap, or for staff no bound at all.
 * A `hasMany` relationship counts at its `maxRows`, else `DEFAULT_ROWS`.
 */
export const costEstimator =
  ({ maxListSize, mutationType, queryType }: CostModelOptions): ComplexityEstimator =>
  ({ args, childComplexity, field, type: parent }) => {
    const type = namedType(field.type)
    const payloadField = field.extensions?.field as PayloadField | undefined
    const fieldArgs = args as Args
    // At most `limit` documents (none or 0: unbounded), cut to the public cap.
    const listSize = (limit: unknown, whenUnbounded = Infinity): number => {
      const size = typeof limit === 'number' && limit > 0 ? limit : whenUnbounded
      return maxListSize === undefined ? size : Math.min(size, maxListSize)
    }

    if (parent === mutationType) return COSTS.mutation + COSTS.document + childComplexity
    if (parent === queryType) {
      if (isPage(type)) {
        const size = listSize(
          fieldArgs.limit,
          fieldArgs.limit === undefined && fieldArgs.pagination !== false ? PAYLOAD_DEFAULT_LIMIT : Infinity,
        )
        // Payload counts the matches for the page numbers unless `pagination: false` (or an unbounded list).
        const counted = fieldArgs.pagination !== false && Number.isFinite(size)
        const documents = documentsOf(type)
        const counting = counted ? statement(fieldArgs, field, documents, { sorted: false }) : 0
        return statement(fieldArgs, field, documents) + counting + size * childComplexity
      }
      // countArticles and the like.
      if (type.getFields?.()?.totalDocs) return statement(fieldArgs, field, undefined, { sorted: false }) + childComplexity
      if (isListType(field.type)) {
        return COSTS.filteredQuery + listSize(fieldArgs.limit, DEFAULT_ROWS) * (COSTS.document + childComplexity)
      }
      if (field.args.some((arg) => arg.name === 'id')) return COSTS.query + COSTS.document + childComplexity
      // Access, meUser, docAccess…: access functions that may query.
      return COSTS.filteredQuery + childComplexity
    }

    if (payloadField?.type === 'join') {
      const documents = documentsOf(type)
      const count = statement(fieldArgs, field, documents, { sorted: false })
      if (fieldArgs.count === true && fieldArgs.limit === 0) return count
      const perParent = statement(fieldArgs, field, documents) + (fieldArgs.count === true ? count : 0)
      return perParent + listSize(fieldArgs.limit) * childComplexity
    }
    if (payloadField?.type === 'relationship' || payloadField?.type === 'upload') {
      // Populated through Payload's data loader: batched, no statement per parent.
      const rows = payloadField.hasMany ? (payloadField.maxRows ?? DEFAULT_ROWS) : 1
      return rows * (COSTS.populated + childComplexity)
    }
    // The documents of a page: its parent multiplies them by the page size.
    if (field.name === 'docs' && isPage(parent as AnyType)) return COSTS.document + childComplexity
    if (isComposite(type)) {
      return isListType(field.type) ? (payloadField?.maxRows ?? DEFAULT_ROWS) * childComplexity : childComplexity
    }
    return isJSON(type) ? COSTS.richText : 0
  }
