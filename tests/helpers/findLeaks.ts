import type { CollectionSlug, FlattenedField, SanitizedConfig } from 'payload'

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

type Shape = {
  checkIDs: boolean
  collection?: CollectionSlug
  fieldNames: Set<string>
  /** Groups, named tabs, and the rows of arrays and blocks: walked with their own fields' shape. */
  nested: Map<string, Shape>
  relations: Map<string, string>
}

const POLYMORPHIC = '*'

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The shape of a document, or of a group or row inside one, from the sanitized config's fields at any depth. */
const shapeOfFields = (config: SanitizedConfig, fields: FlattenedField[], collection?: CollectionSlug): Shape => {
  const relations = new Map<string, string>()
  const nested = new Map<string, Shape>()
  for (const field of fields) {
    if (field.type === 'relationship' || field.type === 'upload') {
      relations.set(field.name, typeof field.relationTo === 'string' ? field.relationTo : POLYMORPHIC)
    } else if (field.type === 'join') {
      relations.set(field.name, typeof field.collection === 'string' ? field.collection : POLYMORPHIC)
    } else if (field.type === 'array' || field.type === 'group' || field.type === 'tab') {
      nested.set(field.name, shapeOfFields(config, field.flattenedFields))
    } else if (field.type === 'blocks') {
      const blocks = (field.blockReferences ?? field.blocks).map((block) =>
        typeof block === 'string' ? config.blocks?.find(({ slug }) => slug === block) : block,
      )
      nested.set(field.name, shapeOfFields(config, blocks.flatMap((block) => block?.flattenedFields ?? [])))
    }
  }
  const fieldNames = new Set(['id', ...fields.map((field) => field.name)])
  // Only a document's own `id` is a document id: a row's `id` is not.
  return { checkIDs: Boolean(collection), collection, fieldNames, nested, relations }
}

const shapesFrom = (config: SanitizedConfig): Map<string, Shape> => {
  const shapes = new Map<string, Shape>()
  for (const collection of config.collections) {
    shapes.set(collection.slug, shapeOfFields(config, collection.flattenedFields, collection.slug))
    shapes.set(`${collection.slug}:versions`, {
      checkIDs: false,
      fieldNames: new Set(['id', 'parent', 'version', 'latest', 'autosave', 'createdAt', 'updatedAt']),
      nested: new Map(),
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
 * something the rules forbid appears. It knows each collection's relationship and join fields, at
 * any depth (in groups, tabs, and the rows of arrays and blocks), from the config, so a hidden id
 * is reported only where an id of that collection can stand (a document's `id`, a relationship
 * value, a join's `docs`), never when the same number is an unrelated count or id.
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
        const inner = shape.nested.get(key)
        if (relationTo) walkRelation(value, relationTo, `${at}.${key}`)
        else if (inner) walkNested(value, inner, `${at}.${key}`)
        else walkAny(value, `${at}.${key}`)
      }
    }

    // A group or named tab is one object; an array or blocks field, a list of rows.
    const walkNested = (value: unknown, shape: Shape, at: string): void => {
      if (Array.isArray(value)) value.forEach((row, i) => walkNested(row, shape, `${at}[${i}]`))
      else if (isObject(value)) walkDoc(value, shape, at)
      else walkAny(value, at)
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
