import type { CollectionConfig, Config, Field } from 'payload'

import { describe, expect, it } from 'vitest'

import { Media } from '@collections/Media'
import { mediaStorage } from '@collections/Media/storage'

import { EXAMPLE_S3_SETTINGS } from '../helpers/s3Settings'

const settings = EXAMPLE_S3_SETTINGS

/** The media collection as the storage plugin leaves it, on a config of its own. */
const mediaWith = async (s3: typeof settings | undefined): Promise<CollectionConfig> => {
  const config = (await mediaStorage(s3)({ collections: [{ ...Media }] } as Config)) as Config
  return config.collections!.find(({ slug }) => slug === 'media')!
}

/** What the database schema is made from: every stored field's name and type, nested ones included. */
const shape = (fields: Field[]): unknown[] =>
  fields.map((field) => ({
    name: 'name' in field ? field.name : undefined,
    type: field.type,
    ...('fields' in field ? { fields: shape(field.fields) } : {}),
  }))

describe('media storage', () => {
  it('gives media the same fields with and without a bucket, so one set of migrations fits both', async () => {
    const local = await mediaWith(undefined)
    const s3 = await mediaWith(settings)
    expect(shape(s3.fields)).toEqual(shape(local.fields))
    expect(shape(local.fields).map((field) => (field as { name?: string }).name)).toEqual(expect.arrayContaining(['prefix', '_objectKey']))
  })

  it('keeps files in the local media/ folder, served from it, when S3 is not configured', async () => {
    const local = await mediaWith(undefined)
    expect(local.upload).toEqual(Media.upload)
    expect(local.hooks).toEqual(Media.hooks)
  })

  it('with a bucket, stores nothing locally and serves files through Payload, behind its access control', async () => {
    const s3 = await mediaWith(settings)
    const upload = s3.upload as Exclude<CollectionConfig['upload'], boolean | undefined>
    expect(upload).toMatchObject({ adapter: 's3', disableLocalStorage: true, mimeTypes: (Media.upload as typeof upload).mimeTypes })
    // One handler: Payload's /api/media/file/<name> streams from the bucket (no redirect to a public or signed URL).
    expect(upload.handlers).toHaveLength(1)
    // The project's upload rules still run first.
    expect(s3.hooks?.beforeOperation).toEqual(Media.hooks?.beforeOperation)
    expect(s3.hooks?.beforeValidate).toEqual(Media.hooks?.beforeValidate)
    expect(s3.hooks?.afterDelete).toHaveLength((Media.hooks?.afterDelete?.length ?? 0) + 1)
  })
})
