import type { ArrayField, CollectionConfig, Config, DatabaseAdapterObj, Endpoint, Field } from 'payload'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { buildConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import { readMorePlugin, type ReadMoreOptions } from '@plugins/read-more'
import { sanitizeOptions } from '@plugins/read-more/utilities/sanitizeOptions'

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

/** The smallest config the plugin can be installed on; a new object each time, because buildConfig marks what it sanitises. */
const baseConfig = (overrides: { articleFields?: Field[]; db?: DatabaseAdapterObj } = {}): Config => ({
  collections: [
    { slug: 'users', auth: true, fields: [] },
    { slug: 'tags', fields: [{ name: 'name', type: 'text' }] },
    {
      slug: 'articles',
      fields: overrides.articleFields ?? [
        { name: 'title', type: 'text' },
        { name: 'tags', type: 'relationship', hasMany: true, relationTo: 'tags' },
      ],
      versions: { drafts: true },
    },
  ],
  db: overrides.db ?? sqliteAdapter({ client: { url: 'file::memory:' } }),
  secret: 'read-more-options-test',
  telemetry: false,
})

const articlesOf = (config: Config): CollectionConfig => config.collections!.find(({ slug }) => slug === 'articles')!
const readMoreOf = (config: Config): ArrayField =>
  articlesOf(config).fields.find((field) => 'name' in field && field.name === 'readMore') as ArrayField

describe('read-more options sanitiser', () => {
  it('resolves every default into a frozen object', () => {
    const options = sanitizeOptions()
    // Spelled out, not imported: the defaults are part of the plugin's documented contract.
    const documented = { auto: true, collections: ['articles'], disabled: false, label: 'Read more about' }
    expect(options).toEqual({ ...documented, excludeTags: [], maxLinks: 5, minScore: 0, relationTo: ['tags', 'articles'], tagsField: 'tags', titleFields: {} })
    expect(options).not.toHaveProperty('maxAgeDays')
    expect(options).not.toHaveProperty('similarText')
    expect(Object.isFrozen(options)).toBe(true)
    expect(Object.isFrozen(options.collections)).toBe(true)
    expect(sanitizeOptions({ auto: false, label: 'See also', maxLinks: 20 })).toMatchObject({ auto: false, label: 'See also', maxLinks: 20 })
  })

  it('rejects maxLinks outside 1–20 or not a whole number, naming the option', () => {
    for (const maxLinks of [0, 21, 2.5, -1, Number.NaN, '5' as unknown as number]) {
      expect(() => sanitizeOptions({ maxLinks }), String(maxLinks)).toThrow(/option `maxLinks` must be an integer from 1 to 20/)
    }
  })

  it('rejects malformed lists, flags, labels and overrides, naming each option', () => {
    const cases: [ReadMoreOptions, RegExp][] = [
      [{ collections: [] }, /`collections` must be a non-empty array/],
      [{ collections: ['articles', 'articles'] }, /`collections` must not list a collection twice/],
      [{ relationTo: ['tags', ''] }, /`relationTo` must contain only non-empty strings/],
      [{ tagsField: '' }, /`tagsField` must be a field name/],
      [{ label: '  ' }, /`label` must be a non-empty string/],
      [{ auto: 'yes' as unknown as boolean }, /`auto` must be true or false/],
      [{ disabled: 1 as unknown as boolean }, /`disabled` must be true or false/],
      [{ fields: [] as unknown as ReadMoreOptions['fields'] }, /`fields` must be a function/],
      [{ excludeTags: 'sponsored' as unknown as string[] }, /`excludeTags` must be an array of topic slugs/],
      [{ excludeTags: ['sponsored', ''] }, /`excludeTags` must be an array of topic slugs/],
      [{ maxAgeDays: 0 }, /`maxAgeDays` must be a whole number of days, at least 1/],
      [{ maxAgeDays: 1.5 }, /`maxAgeDays` must be a whole number of days, at least 1/],
      [{ minScore: -0.1 }, /`minScore` must be a number of at least 0/],
      [{ minScore: Number.POSITIVE_INFINITY }, /`minScore` must be a number of at least 0/],
      [{ similarText: true as unknown as ReadMoreOptions['similarText'] }, /`similarText` must be a function/],
      [{ titleFields: ['name'] as unknown as ReadMoreOptions['titleFields'] }, /`titleFields` must map collection slugs to field names/],
      [{ titleFields: { tags: '' } }, /`titleFields` must map collection slugs to field names/],
    ]
    for (const [options, message] of cases) expect(() => sanitizeOptions(options), JSON.stringify(options)).toThrow(message)
  })

  it('fails buildConfig when excludeTags is set but the topics have no slug field', async () => {
    await expect(buildConfig({ ...baseConfig(), plugins: [readMorePlugin({ excludeTags: ['sponsored'] })] })).rejects.toThrow(
      /option `excludeTags` names topics by slug, but "tags" has no top-level `slug` field/,
    )
  })

  it('copies the caller’s arrays instead of keeping them', () => {
    const collections = ['articles']
    const options = sanitizeOptions({ collections })
    collections.push('tags')
    expect(options.collections).toEqual(['articles'])
  })
})

describe('read-more plugin at config time', () => {
  it('fails buildConfig on an unknown collection slug, naming the option and the slug', async () => {
    await expect(buildConfig({ ...baseConfig(), plugins: [readMorePlugin({ collections: ['nope'] })] })).rejects.toThrow(
      /option `collections` names "nope", which is not a collection/,
    )
    await expect(buildConfig({ ...baseConfig(), plugins: [readMorePlugin({ relationTo: ['tags', 'missing'] })] })).rejects.toThrow(
      /option `relationTo` names "missing"/,
    )
  })

  it('fails buildConfig when titleFields names an unknown collection or field', async () => {
    await expect(buildConfig({ ...baseConfig(), plugins: [readMorePlugin({ titleFields: { topics: 'name' } })] })).rejects.toThrow(
      /option `titleFields` names "topics", which is not a collection/,
    )
    await expect(buildConfig({ ...baseConfig(), plugins: [readMorePlugin({ titleFields: { tags: 'label' } })] })).rejects.toThrow(
      /option `titleFields` titles "tags" by "label", which is not a top-level field/,
    )
    await expect(buildConfig({ ...baseConfig(), plugins: [readMorePlugin({ titleFields: { tags: 'name' } })] })).resolves.toBeDefined()
  })

  it('fails buildConfig when tagsField is missing, not a relationship, or not hasMany to one collection', async () => {
    const text: Field[] = [
      { name: 'title', type: 'text' },
      { name: 'tags', type: 'text' },
    ]
    const single: Field[] = [{ name: 'tags', type: 'relationship', relationTo: 'tags' }]
    const polymorphic: Field[] = [{ name: 'tags', type: 'relationship', hasMany: true, relationTo: ['tags', 'users'] }]
    await expect(buildConfig({ ...baseConfig(), plugins: [readMorePlugin({ tagsField: 'topics' })] })).rejects.toThrow(
      /option `tagsField` is "topics", but in the collection "articles" there is no top-level field/,
    )
    await expect(buildConfig({ ...baseConfig({ articleFields: text }), plugins: [readMorePlugin()] })).rejects.toThrow(
      /option `tagsField` is "tags", but in the collection "articles" it is a text field, not a relationship/,
    )
    for (const articleFields of [single, polymorphic]) {
      await expect(buildConfig({ ...baseConfig({ articleFields }), plugins: [readMorePlugin()] })).rejects.toThrow(
        /option `tagsField` .* must be a hasMany relationship to one collection/,
      )
    }
  })

  it('refuses a database other than SQLite and PostgreSQL unless disabled, and a fields override without readMore', () => {
    const other = { ...sqliteAdapter({ client: { url: 'file::memory:' } }), name: 'mongoose' }
    expect(() => readMorePlugin()(baseConfig({ db: other }))).toThrow(
      /need @payloadcms\/db-sqlite or @payloadcms\/db-postgres; this config uses "mongoose"/,
    )
    expect(() => readMorePlugin({ disabled: true })(baseConfig({ db: other }))).not.toThrow()
    expect(() => readMorePlugin({ fields: () => [{ name: 'other', type: 'text' }] })(baseConfig())).toThrow(
      /option `fields` must return the "readMore" array/,
    )
  })

  it('leaves deep-frozen config and options untouched and returns a new config', async () => {
    const options = deepFreeze<ReadMoreOptions>({ collections: ['articles'], maxLinks: 4, relationTo: ['tags', 'articles'] })
    const config = deepFreeze(baseConfig())
    const result = (await readMorePlugin(options)(config)) as Config
    expect(result).not.toBe(config)
    expect(articlesOf(config).fields).toHaveLength(2)
    expect(articlesOf(config).endpoints).toBeUndefined()
    expect(config.collections).toHaveLength(3)
    expect(result.collections!.map(({ slug }) => slug)).toEqual(['users', 'tags', 'articles', 'read-more-topic-counts'])
    const field = readMoreOf(result)
    expect(field).toMatchObject({ name: 'readMore', type: 'array', label: 'Read more about', maxRows: 4 })
    expect(field.fields.map((sub) => ('name' in sub ? sub.name : sub.type))).toEqual(['type', 'doc', 'url', 'title'])
    expect((articlesOf(result).endpoints as Endpoint[]).map(({ method, path }) => `${method} ${path}`)).toEqual(['get /:id/read-more'])
    expect(articlesOf(result).hooks?.afterChange).toHaveLength(1)
    expect(typeof result.graphQL?.queries).toBe('function')
    // The untouched collections are passed through as they were.
    expect(result.collections![0]).toBe(config.collections![0])
  })

  it('offers a fields override in the style of the SEO plugin', () => {
    const result = readMorePlugin({
      fields: ({ defaultFields }) => [...defaultFields, { name: 'readMoreNote', type: 'text' }],
    })(baseConfig()) as Config
    expect(articlesOf(result).fields.map((field) => ('name' in field ? field.name : field.type))).toEqual([
      'title',
      'tags',
      'readMore',
      'readMoreNote',
    ])
  })

  it('keeps the field and the counts collection when disabled, without hooks, endpoint or query', () => {
    const config = baseConfig()
    const result = readMorePlugin({ disabled: true })(config) as Config
    const enabled = readMorePlugin()(baseConfig()) as Config
    const shape = (field: ArrayField) => JSON.stringify(field, (key, value) => (typeof value === 'function' ? 'fn' : value))
    expect(readMoreOf(result)).toMatchObject({ hidden: true, hooks: undefined, maxRows: 5 })
    expect(shape({ ...readMoreOf(result), hidden: undefined })).toBe(shape({ ...readMoreOf(enabled), hooks: undefined }))
    expect(articlesOf(result).endpoints).toBeUndefined()
    expect(articlesOf(result).hooks).toBeUndefined()
    expect(result.graphQL).toBe(config.graphQL)
    expect(result.onInit).toBe(config.onInit)
    expect(result.collections!.map(({ slug }) => slug)).toContain('read-more-topic-counts')
  })
})
