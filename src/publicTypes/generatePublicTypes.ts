import type {
  FlattenedField,
  PayloadRequest,
  SanitizedCollectionConfig,
  SanitizedConfig,
  SanitizedGlobalConfig,
} from 'payload'

import { fieldsToJSONSchema } from 'payload'
import { generateTypes } from 'payload/node'

type SchemaHook = NonNullable<SanitizedConfig['typescript']['schema']>[number]
type JSONSchema = ReturnType<SchemaHook>

type Operation = 'create' | 'read'

/** Who the public types describe: a request with no user, no API key and no server-set context. */
const anonymousRequest = (): PayloadRequest =>
  ({ context: {}, headers: new Headers(), user: null }) as unknown as PayloadRequest

// Access is decided from the request alone here: a rule that needs the database or the document cannot be
// typed ahead, so it fails the generator, naming where, rather than guessing.
const ask = async (where: string, decide: () => unknown): Promise<boolean> => {
  try {
    return Boolean(await decide())
  } catch (error) {
    throw new Error(`public types: the ${where} access could not be decided for an anonymous request`, { cause: error })
  }
}

/** Payload's rule: no access function means allowed for a field, logged in only for a collection. */
const entityAllows = async (
  entity: SanitizedCollectionConfig | SanitizedGlobalConfig,
  operation: Operation,
): Promise<boolean> => {
  const access = operation === 'read' ? entity.access.read : 'create' in entity.access ? entity.access.create : undefined
  if (!access) return false
  // A `Where` limits the rows but still lets the anonymous reader in.
  return ask(`${entity.slug} ${operation}`, () => access({ req: anonymousRequest() }))
}

const fieldAllows = async (field: FlattenedField, operation: Operation): Promise<boolean> => {
  const access = 'access' in field ? field.access?.[operation] : undefined
  if (!access) return true
  return ask(`${field.name} field ${operation}`, () => access({ data: {}, doc: {}, req: anonymousRequest(), siblingData: {} }))
}

/**
 * The fields the anonymous caller may read (or send): hidden fields and those whose access
 * denies a null user go, with relations narrowed to the collections the public may read.
 */
const publicFields = async (
  fields: FlattenedField[],
  operation: Operation,
  readable: Set<string>,
): Promise<FlattenedField[]> => {
  const kept: FlattenedField[] = []
  for (const field of fields) {
    if (('hidden' in field && field.hidden) || !(await fieldAllows(field, operation))) continue
    if (field.type === 'relationship' || field.type === 'upload') {
      const targets = (Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]).filter((slug) =>
        readable.has(slug),
      )
      if (targets.length === 0) continue
      kept.push({ ...field, relationTo: Array.isArray(field.relationTo) ? targets : targets[0] } as FlattenedField)
    } else if (field.type === 'join') {
      const targets = Array.isArray(field.collection) ? field.collection : [field.collection]
      if (targets.every((slug) => readable.has(slug))) kept.push(field)
    } else if (field.type === 'blocks') {
      const blocks = await Promise.all(
        field.blocks.map(async (block) => ({
          ...block,
          flattenedFields: await publicFields(block.flattenedFields, operation, readable),
        })),
      )
      kept.push({ ...field, blocks })
    } else if ('flattenedFields' in field) {
      kept.push({ ...field, flattenedFields: await publicFields(field.flattenedFields, operation, readable) })
    } else {
      kept.push(field)
    }
  }
  return kept
}

/** Fields a document gets from the server alone, never from what a client sends. */
const systemFields = new Set(['createdAt', 'id', 'updatedAt'])

/** A relation is sent as the related document's id; the populated document is only ever received. */
const idsOnly = (schema: JSONSchema): JSONSchema => {
  if (Array.isArray(schema)) return schema.map(idsOnly) as unknown as JSONSchema
  if (!schema || typeof schema !== 'object') return schema
  const copy: JSONSchema = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, idsOnly(value)]))
  if (Array.isArray(copy.oneOf) && copy.oneOf.some((option) => typeof option.$ref === 'string')) {
    const ids = copy.oneOf.filter((option) => typeof option.$ref !== 'string')
    delete copy.oneOf
    return ids.length === 1 ? { ...copy, ...ids[0] } : { ...copy, oneOf: ids }
  }
  return copy
}

const banner = `/* eslint-disable */
/**
 * What the public (a request without login) receives from and may send to the API, derived from the
 * Payload config by src/publicTypes/generatePublicTypes.ts: fields hidden or denied to an anonymous
 * reader are left out, and \`<Collection>Create\` holds what the public may send to create one.
 * DO NOT MODIFY IT BY HAND: run \`npm run generate\`.
 */`

/** What the public may send to create a document of `slug`; the interface is named `title`. */
export type CreateShape = { fields: FlattenedField[]; slug: string; title: string }

/** The config as an anonymous client sees it. */
export type PublicView = {
  /** The collections it may read, each with only the fields it may read. */
  collections: SanitizedCollectionConfig[]
  createShapes: CreateShape[]
  globals: SanitizedGlobalConfig[]
}

export const publicView = async (config: SanitizedConfig): Promise<PublicView> => {
  const readableCollections: SanitizedCollectionConfig[] = []
  for (const collection of config.collections) {
    if (await entityAllows(collection, 'read')) readableCollections.push(collection)
  }
  const readable = new Set<string>(readableCollections.map(({ slug }) => slug))

  const collections = await Promise.all(
    readableCollections.map(async (collection) => ({
      ...collection,
      // Auth collections keep their login operations out of the public shape: the public has no account.
      auth: undefined as unknown as SanitizedCollectionConfig['auth'],
      flattenedFields: await publicFields(collection.flattenedFields, 'read', readable),
      joins: Object.fromEntries(Object.entries(collection.joins).filter(([slug]) => readable.has(slug))),
      polymorphicJoins: collection.polymorphicJoins.filter(({ field }) =>
        [field.collection].flat().every((slug) => readable.has(slug)),
      ),
    })),
  )

  const globals: SanitizedGlobalConfig[] = []
  for (const global of config.globals) {
    if (!(await entityAllows(global, 'read'))) continue
    globals.push({ ...global, flattenedFields: await publicFields(global.flattenedFields, 'read', readable) })
  }

  const createShapes: CreateShape[] = []
  for (const collection of readableCollections) {
    if (!(await entityAllows(collection, 'create'))) continue
    const fields = await publicFields(collection.flattenedFields, 'create', readable)
    createShapes.push({
      fields: fields.filter(({ name }) => !systemFields.has(name)),
      slug: collection.slug,
      title: `${collection.typescript?.interface ?? String(collection.labels.singular)}Create`,
    })
  }
  return { collections, createShapes, globals }
}

/**
 * Writes the public types for `config` to `outputFile`: Payload's own type generator run on the
 * config as an anonymous client sees it, with `PublicConfig` fit for `PayloadSDK<PublicConfig>`.
 */
export const generatePublicTypes = async (config: SanitizedConfig, outputFile: string): Promise<void> => {
  const { collections, createShapes, globals } = await publicView(config)

  const publicSchema: SchemaHook = ({ collectionIDFieldTypes, config: publicConfig, i18n, jsonSchema }) => {
    const definitions = { ...jsonSchema.definitions }
    for (const { fields, slug, title } of createShapes) {
      const { properties, required } = fieldsToJSONSchema(collectionIDFieldTypes, fields, new Map(), publicConfig, i18n)
      definitions[`${slug}_create`] = idsOnly({ type: 'object', additionalProperties: false, properties, required, title })
    }
    // The public has no account (no login operations) and no dashboard widgets.
    const { auth: _auth, supportedTimezones, ...rest } = definitions
    for (const name of Object.keys(rest)) if (name.endsWith('_widget')) delete rest[name]
    const usesTimezones = JSON.stringify(rest).includes('#/definitions/supportedTimezones')
    const empty: JSONSchema = { type: 'object', additionalProperties: false, properties: {} }
    return {
      ...jsonSchema,
      definitions: usesTimezones ? { ...rest, supportedTimezones } : rest,
      properties: {
        ...jsonSchema.properties,
        // The public runs no jobs, sees no dashboard and has no account.
        jobs: { tsType: 'unknown' },
        user: { type: 'null' },
        widgets: empty,
      },
      title: 'PublicConfig',
    }
  }

  await generateTypes(
    {
      ...config,
      collections,
      globals,
      // Its task and workflow types name staff-only collections; `jobs` is set to unknown above instead.
      jobs: undefined as unknown as SanitizedConfig['jobs'],
      typescript: {
        ...config.typescript,
        declare: false,
        outputFile,
        postProcess: [({ compiledTypes }) => compiledTypes.replace(/^[\s\S]*?regenerate this file\.\n \*\/\n/, `${banner}\n`)],
        schema: [publicSchema],
      },
    },
    { log: false },
  )
}
