import type { CollectionSlug, SanitizedConfig } from 'payload'

/** What one reader must never receive. */
export type LeakRules = {
  /** Ids of documents hidden from the reader, checked only where an id of that collection can stand. */
  ids?: Partial<Record<CollectionSlug, readonly (number | string)[]>>
  /** Keys that must never carry a value (null is fine: GraphQL answers a hidden field with null). */
  keys?: readonly string[]
  /** Keys that must never carry a value on documents of one collection. */
  keysByCollection?: Partial<Record<CollectionSlug, readonly string[]>>
  /** Substrings that no string anywhere in the response may contain, compared case-insensitively. */
  strings?: readonly string[]
}

/** The collection a response is about, or the versions of one (whose own ids are version ids). */
export type LeakRoot = CollectionSlug | { versionsOf: CollectionSlug }

type Shape = { checkIDs: boolean; collection?: CollectionSlug; fieldNames: Set<string>; relations: Map<string, string> }

const POLYMORPHIC = '*'

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const shapesFrom = (config: SanitizedConfig): Map<string, Shape> => {
  const shapes = new Map<string, Shape>()
  for (const collection of config.collections) {
    const relations = new Map<string, string>()
    for (const field of collection.flattenedFields) {
      if (field.type === 'relationship' || field.type === 'upload') {
        relations.set(field.name, typeof field.relationTo === 'string' ? field.relationTo : POLYMORPHIC)
      } else if (field.type === 'join' && typeof field.collection === 'string') {
        relations.set(field.name, field.collection)
      }
    }
    const fieldNames = new Set(['id', ...collection.flattenedFields.map((field) => field.name)])
    shapes.set(collection.slug, { checkIDs: true, collection: collection.slug, fieldNames, relations })
    shapes.set(`${collection.slug}:versions`, {
      checkIDs: false,
      fieldNames: new Set(['id', 'parent', 'version', 'latest', 'autosave', 'createdAt', 'updatedAt']),
      relations: new Map([
        ['parent', collection.slug],
        ['version', collection.slug],
      ]),
    })
  }
  return shapes
}

/**
 * Builds a scanner that walks any REST, GraphQL or Local API response and lists every place where
 * something the rules forbid appears. It knows each collection's relationship and join fields, so
 * a hidden id is reported only where an id of that collection can stand (a document's `id`, a
 * relationship value, a join's `docs`), never when the same number is an unrelated count or id.
 * Relationship fields nested in arrays or groups are scanned for strings and keys, not for ids.
 */
export const createLeakFinder = (config: SanitizedConfig) => {
  const shapes = shapesFrom(config)
  const shapeOf = (name: string): Shape => {
    const shape = shapes.get(name)
    if (!shape) throw new Error(`findLeaks: unknown collection "${name}"`)
    return shape
  }

  return (body: unknown, root: LeakRoot, rules: LeakRules): string[] => {
    const problems: string[] = []
    const strings = (rules.strings ?? []).map((value) => value.toLowerCase())

    const checkString = (value: string, at: string) => {
      const lower = value.toLowerCase()
      for (const forbidden of strings) {
        if (lower.includes(forbidden)) problems.push(`${at}: contains "${forbidden}"`)
      }
    }
    const checkID = (id: unknown, shape: Shape, at: string) => {
      if (!shape.checkIDs || !shape.collection || (typeof id !== 'number' && typeof id !== 'string')) return
      if (rules.ids?.[shape.collection]?.some((hidden) => String(hidden) === String(id))) {
        problems.push(`${at}: id ${id} of a hidden ${shape.collection} document`)
      }
    }
    const checkKey = (key: string, value: unknown, at: string, shape?: Shape) => {
      if (value === null || value === undefined) return
      const byCollection = shape?.collection ? rules.keysByCollection?.[shape.collection] : undefined
      if (rules.keys?.includes(key) || byCollection?.includes(key)) problems.push(`${at}.${key}: hidden key is present`)
    }

    // Anything whose shape is unknown: strings and keys only.
    const walkAny = (value: unknown, at: string): void => {
      if (typeof value === 'string') checkString(value, at)
      else if (Array.isArray(value)) value.forEach((item, i) => walkAny(item, `${at}[${i}]`))
      else if (isObject(value)) {
        for (const [key, item] of Object.entries(value)) {
          checkKey(key, item, at)
          walkAny(item, `${at}.${key}`)
        }
      }
    }

    const walkDoc = (doc: Record<string, unknown>, shape: Shape, at: string): void => {
      checkID(doc.id, shape, `${at}.id`)
      for (const [key, value] of Object.entries(doc)) {
        checkKey(key, value, at, shape)
        const relationTo = shape.relations.get(key)
        if (relationTo) walkRelation(value, relationTo, `${at}.${key}`)
        else walkAny(value, `${at}.${key}`)
      }
    }

    const walkRelation = (value: unknown, relationTo: string, at: string): void => {
      if (value === null || value === undefined) return
      if (typeof value === 'number' || typeof value === 'string') {
        if (relationTo !== POLYMORPHIC) checkID(value, shapeOf(relationTo), at)
        if (typeof value === 'string') checkString(value, at)
      } else if (Array.isArray(value)) {
        value.forEach((item, i) => walkRelation(item, relationTo, `${at}[${i}]`))
      } else if (isObject(value)) {
        if (Array.isArray(value.docs)) {
          // A join: `{ docs, hasNextPage, totalDocs }`.
          for (const [key, item] of Object.entries(value)) {
            if (key === 'docs') walkRelation(item, relationTo, `${at}.docs`)
            else walkAny(item, `${at}.${key}`)
          }
        } else if (typeof value.relationTo === 'string' && 'value' in value) {
          walkRelation(value.value, value.relationTo, `${at}.value`)
        } else if (relationTo !== POLYMORPHIC) {
          walkDoc(value, shapeOf(relationTo), at)
        } else walkAny(value, at)
      }
    }

    // Envelopes around documents: `{ docs }`, `{ doc }`, `{ data: { Articles: { docs } } }`, `{ errors }`.
    const walkEnvelope = (value: unknown, shape: Shape, at: string): void => {
      if (typeof value === 'string') checkString(value, at)
      else if (Array.isArray(value)) value.forEach((item, i) => walkEnvelope(item, shape, `${at}[${i}]`))
      else if (isObject(value)) {
        if (Object.keys(value).some((key) => shape.fieldNames.has(key))) walkDoc(value, shape, at)
        else {
          for (const [key, item] of Object.entries(value)) {
            checkKey(key, item, at)
            walkEnvelope(item, shape, `${at}.${key}`)
          }
        }
      }
    }

    walkEnvelope(body, shapeOf(typeof root === 'string' ? root : `${root.versionsOf}:versions`), '$')
    return problems
  }
}
