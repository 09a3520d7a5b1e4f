import { describe, expect, it } from 'vitest'

import { loadEnv, useEnvironment } from '../helpers/environment'
import { EXAMPLE_S3_SETTINGS } from '../helpers/s3Settings'

const S3_VARIABLES = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE']

const complete = {
  S3_ACCESS_KEY_ID: 'key-id',
  S3_BUCKET: 'newsroom-media',
  S3_ENDPOINT: 'http://127.0.0.1:9000/',
  S3_REGION: 'eu-west-1',
  S3_SECRET_ACCESS_KEY: 'secret',
}

useEnvironment({ set: { PAYLOAD_SECRET: 's3-env-test-secret' }, unset: S3_VARIABLES })

describe('src/env.ts S3 storage', () => {
  it('keeps media on the local disk when no S3 variable is set', async () => {
    expect((await loadEnv()).env.s3).toBeUndefined()
  })

  it('reads the bucket, its endpoint (origin only), region, keys and path style', async () => {
    Object.assign(process.env, complete, { S3_FORCE_PATH_STYLE: 'true' })
    // The endpoint loses its trailing slash: the origin only.
    expect((await loadEnv()).env.s3).toEqual(EXAMPLE_S3_SETTINGS)
    process.env.S3_FORCE_PATH_STYLE = ''
    expect((await loadEnv()).env.s3?.forcePathStyle).toBe(false)
  })

  it.each(['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'])('refuses S3_BUCKET without %s, naming it', async (missing) => {
    Object.assign(process.env, complete)
    delete process.env[missing]
    await expect(loadEnv()).rejects.toThrow(`${missing} is required when S3_BUCKET is set`)
  })

  it('refuses S3 settings without S3_BUCKET rather than keep files on the local disk', async () => {
    Object.assign(process.env, complete)
    delete process.env.S3_BUCKET
    await expect(loadEnv()).rejects.toThrow('S3_BUCKET is required when S3_ENDPOINT is set')
  })

  it('leaves S3_FORCE_PATH_STYLE=false without a bucket alone, as .env.example may be copied', async () => {
    process.env.S3_FORCE_PATH_STYLE = 'false'
    expect((await loadEnv()).env.s3).toBeUndefined()
  })

  it.each([
    ['S3_ENDPOINT', 's3.eu-west-1.amazonaws.com', 'S3_ENDPOINT must be the origin of the S3 API'],
    ['S3_ENDPOINT', 'https://s3.example.com/newsroom-media', 'S3_ENDPOINT must be the origin of the S3 API'],
    ['S3_FORCE_PATH_STYLE', 'yes', 'S3_FORCE_PATH_STYLE must be "true" or "false", not "yes".'],
  ])('refuses %s=%s at start-up, naming the variable', async (name, value, message) => {
    Object.assign(process.env, complete, { [name]: value })
    await expect(loadEnv()).rejects.toThrow(message)
  })
})
