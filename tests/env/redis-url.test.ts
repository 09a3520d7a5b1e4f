import { describe, expect, it } from 'vitest'

import { loadEnv, loadNextConfig, useEnvironment } from '../helpers/environment'

useEnvironment({ set: { PAYLOAD_SECRET: 'redis-url-test-secret' }, unset: ['REDIS_URL', 'RATE_LIMIT_DATABASE_URL'] })

describe('REDIS_URL', () => {
  it('is optional: without it nothing uses Redis, and Next.js keeps its own cache', async () => {
    expect((await loadEnv()).env.redisURL).toBeUndefined()
    const config = await loadNextConfig()
    expect(config.cacheHandler).toBeUndefined()
    expect(config.cacheMaxMemorySize).toBeUndefined()
  })

  it('is read as a redis:// or rediss:// URL, and gives Next.js the Redis cache handler with no memory cache', async () => {
    process.env.REDIS_URL = 'rediss://:secret@cache.internal:6380/2'
    expect((await loadEnv()).env.redisURL).toBe('rediss://:secret@cache.internal:6380/2')
    const config = await loadNextConfig()
    expect(config.cacheHandler).toMatch(/src\/redis\/cacheHandler\.mjs$/)
    expect(config.cacheMaxMemorySize).toBe(0)
  })

  it.each(['localhost:6379', 'http://127.0.0.1:6379', 'redis://127.0.0.1:6379/cache'])(
    'refuses %s at start-up, naming the variable and not repeating the value',
    async (value) => {
      process.env.REDIS_URL = value
      const message = 'REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379/0.'
      await expect(loadEnv()).rejects.toThrow(message)
      await expect(loadNextConfig()).rejects.toThrow(message)
    },
  )

  it('refuses RATE_LIMIT_DATABASE_URL beside it: instances must count in one store', async () => {
    process.env.REDIS_URL = 'redis://127.0.0.1:6379'
    process.env.RATE_LIMIT_DATABASE_URL = 'file:./data/rate-limits.db'
    await expect(loadEnv()).rejects.toThrow(/REDIS_URL and RATE_LIMIT_DATABASE_URL .* set only one/)
  })
})
