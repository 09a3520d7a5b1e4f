import { describe, expect, it, vi } from 'vitest'

import { articlePreview } from '@collections/Articles/preview'
import { DEV_PREVIEW_SECRET, previewSecretFrom } from '@/utilities/preview'

import { loadEnv, useEnvironment } from '../helpers/environment'

useEnvironment({ unset: ['PREVIEW_SECRET'] })

describe('PREVIEW_SECRET', () => {
  it('defaults to the development token outside production, and is off in production when unset', () => {
    expect(previewSecretFrom({ NODE_ENV: 'development' })).toBe(DEV_PREVIEW_SECRET)
    expect(previewSecretFrom({ NODE_ENV: 'test' })).toBe(DEV_PREVIEW_SECRET)
    expect(previewSecretFrom({ NODE_ENV: 'production' })).toBeUndefined()
    expect(previewSecretFrom({ NODE_ENV: 'production', PREVIEW_SECRET: '  ' })).toBeUndefined()
    expect(previewSecretFrom({ NODE_ENV: 'production', PREVIEW_SECRET: 's3cret' })).toBe('s3cret')
  })

  it('says once, naming the variable, that preview is off in production without it', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    process.env.PAYLOAD_SECRET = 'a-production-secret'
    const { env, WARNED_VARIABLE } = await loadEnv()
    delete process.env[WARNED_VARIABLE]
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      for (let load = 0; load < 2; load++) expect((await loadEnv()).env.previewSecret).toBeUndefined()
      expect(warn.mock.calls).toEqual([
        ['[newsroom] PREVIEW_SECRET is not set: draft preview and live preview are off. Set it to a long random string to turn them on.'],
      ])
      expect(env.previewSecret).toBeUndefined()
    } finally {
      warn.mockRestore()
      vi.unstubAllEnvs()
    }
  })
})

describe('articles: Preview and Live Preview', () => {
  const req = {} as any

  it('open the frontend draft route with the token and the slug, in three sizes', async () => {
    const admin = articlePreview({ secret: 'tok en&1', serverURL: 'https://news.example' })
    const url = new URL((await admin.preview!({ slug: 'harbour-news' }, { locale: 'en', req, token: null }))!)
    expect(`${url.origin}${url.pathname}`).toBe('https://news.example/next/preview')
    expect(Object.fromEntries(url.searchParams)).toEqual({ collection: 'articles', secret: 'tok en&1', slug: 'harbour-news' })
    const live = admin.livePreview!
    expect(live.breakpoints?.map(({ name }) => name)).toEqual(['mobile', 'tablet', 'desktop'])
    const liveURL = (live.url as (args: any) => string)({ data: { slug: 'harbour-news' }, locale: { code: 'en' }, req })
    expect(liveURL).toBe(url.href)
  })

  it('offer nothing before the story has a slug, and nothing at all when preview is off', async () => {
    const admin = articlePreview({ secret: 'token', serverURL: 'https://news.example' })
    expect(await admin.preview!({ slug: '' }, { locale: 'en', req, token: null })).toBeNull()
    expect((admin.livePreview!.url as (args: any) => null | string)({ data: {}, locale: { code: 'en' }, req })).toBeNull()
    expect(articlePreview({ secret: undefined, serverURL: 'https://news.example' })).toEqual({})
  })
})
