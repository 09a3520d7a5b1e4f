import { describe, expect, it } from 'vitest'

import { loadEnv, useEnvironment } from '../helpers/environment'

useEnvironment({
  set: { PAYLOAD_SECRET: 'origin-cache-test-secret' },
  unset: ['ORIGIN_CACHE', 'ORIGIN_CACHE_MAX_BYTES', 'ORIGIN_CACHE_MAX_ENTRIES', 'ORIGIN_CACHE_TTL_SECONDS'],
})

describe('ORIGIN_CACHE and its bounds', () => {
  it('is on by default, with 5,000 entries, 64 MiB and 300 s in Redis', async () => {
    expect((await loadEnv()).env.originCache).toEqual({ enabled: true, maxBytes: 64 * 1024 * 1024, maxEntries: 5000, ttlSeconds: 300 })
  })

  it('reads off, sizes and counts', async () => {
    Object.assign(process.env, { ORIGIN_CACHE: 'Off', ORIGIN_CACHE_MAX_BYTES: '2mb', ORIGIN_CACHE_MAX_ENTRIES: '100', ORIGIN_CACHE_TTL_SECONDS: '30' })
    expect((await loadEnv()).env.originCache).toEqual({ enabled: false, maxBytes: 2 * 1024 * 1024, maxEntries: 100, ttlSeconds: 30 })
  })

  it.each([
    ['ORIGIN_CACHE', 'no', 'ORIGIN_CACHE must be "on" or "off", not "no".'],
    ['ORIGIN_CACHE_MAX_ENTRIES', '0', 'ORIGIN_CACHE_MAX_ENTRIES must be a whole number, at least 1, not "0".'],
    ['ORIGIN_CACHE_MAX_BYTES', 'lots', 'ORIGIN_CACHE_MAX_BYTES must be a size such as "32kb" or "2mb", not "lots".'],
  ])('refuses %s=%s at start-up, naming the variable', async (name, value, message) => {
    process.env[name] = value
    await expect(loadEnv()).rejects.toThrow(message)
  })
})
