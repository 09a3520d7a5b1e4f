import type { CollectionConfig, Config } from 'payload'

import { describe, expect, it } from 'vitest'

import { publicReadsCoverage, publicReadsPlugin, type PublicReadsOptions } from '@plugins/public-reads'

const privateTarget: CollectionConfig = { slug: 'secrets', fields: [{ name: 'title', type: 'text' }] }
const publicTarget: CollectionConfig = { slug: 'open', access: { read: () => true }, fields: [{ name: 'title', type: 'text' }] }
const pages = (custom?: Record<string, unknown>): CollectionConfig => ({
  slug: 'pages',
  access: { read: () => true },
  custom,
  fields: [
    { name: 'secret', type: 'relationship', relationTo: 'secrets' as never },
    { name: 'open', type: 'relationship', relationTo: 'open' as never },
    { name: 'secretID', type: 'number' },
  ],
})

const apply = (options: PublicReadsOptions, collections: CollectionConfig[] = [privateTarget, publicTarget, pages()]) =>
  publicReadsPlugin(options)({ collections } as Config) as Promise<Config>

const coverageOf = async (config: Promise<Config>, slug: string) =>
  publicReadsCoverage((await config).collections!.find((collection) => collection.slug === slug)!)

describe('publicReadsPlugin options', () => {
  it('refuses malformed options, naming the option', () => {
    expect(() => publicReadsPlugin({ maxLimit: 0 })).toThrow('`maxLimit`')
    expect(() => publicReadsPlugin({ maxLimit: 2.5 })).toThrow('`maxLimit`')
    expect(() => publicReadsPlugin({ onPublicChange: 'revalidate' as never })).toThrow('`onPublicChange`')
    expect(() => publicReadsPlugin({ isTrustedReader: true as never })).toThrow('`isTrustedReader`')
    expect(() => publicReadsPlugin({ hiddenElsewhere: { pages: 'secret' as never } })).toThrow('`hiddenElsewhere`')
    expect(() => publicReadsPlugin([] as never)).toThrow('options object')
  })

  it('refuses a `hiddenElsewhere` path that is not a private relationship field', async () => {
    await expect(apply({ hiddenElsewhere: { pages: ['open'] } })).rejects.toThrow('"pages.open"')
    await expect(apply({ hiddenElsewhere: { pages: ['missing'] } })).rejects.toThrow('"pages.missing"')
    expect(await coverageOf(apply({ hiddenElsewhere: { pages: ['secret'] } }), 'pages')).toMatchObject({ guarded: ['secret'], hidden: [] })
  })

  it('refuses a malformed or misspelt collection declaration, naming the collection', async () => {
    await expect(apply({}, [privateTarget, pages({ publicReads: { privateRelation: [] } })])).rejects.toThrow(
      '`custom.publicReads.privateRelation` of the collection "pages"',
    )
    await expect(apply({}, [privateTarget, pages({ publicReads: { readableByAnyone: 'yes' } })])).rejects.toThrow('readableByAnyone')
    await expect(
      apply({}, [privateTarget, pages({ publicReads: { privateRelations: [{ path: 'nope', relationTo: 'secrets' }] } })]),
    ).rejects.toThrow('"nope", which is not a field')
  })

  it('adds declared relations and follows a declared read rule over the probe', async () => {
    const declared = apply({}, [
      privateTarget,
      { ...publicTarget, custom: { publicReads: { readableByAnyone: false } } },
      pages({ publicReads: { privateRelations: [{ path: 'secretID', relationTo: 'secrets' }] } }),
    ])
    expect(await coverageOf(declared, 'pages')).toMatchObject({ guarded: ['secret', 'open', 'secretID'], hidden: ['secret', 'open', 'secretID'] })
    const trusted = apply({}, [{ ...privateTarget, custom: { publicReads: { readableByAnyone: true } } }, publicTarget, pages()])
    expect(await coverageOf(trusted, 'pages')).toMatchObject({ clamped: true, guarded: [], hidden: [] })
  })

  it('counts a read rule it cannot run without a real request as private', async () => {
    const needsPayload: CollectionConfig = {
      ...privateTarget,
      access: { read: async ({ req }) => Boolean(await req.payload.count({ collection: 'open' as never })) },
    }
    expect(await coverageOf(apply({}, [needsPayload, publicTarget, pages()]), 'pages')).toMatchObject({ guarded: ['secret'], hidden: ['secret'] })
  })

  it('leaves the incoming config and its collections untouched', async () => {
    const collections = [privateTarget, publicTarget, pages()]
    const config = { collections } as Config
    await publicReadsPlugin({ onPublicChange: () => undefined })(config)
    expect(config.collections).toBe(collections)
    expect(collections.every((collection) => collection.hooks === undefined)).toBe(true)
  })
})
