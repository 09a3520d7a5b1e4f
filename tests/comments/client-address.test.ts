import fs from 'fs/promises'
import http from 'http'
import type { AddressInfo } from 'net'
import os from 'os'
import path from 'path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'

import { clientIP, clientKey, normalizeIP } from '@/comments/clientIP'
import { countLinks } from '@/comments/countLinks'
import { createFloodControl, FLOOD_LIMITS } from '@/comments/floodControl'
import { hashEmail, hashIP } from '@/comments/hashing'
import { installPeerAddressStamp, PEER_ADDRESS_HEADER } from '@/comments/peerAddress'

const headers = (values: Record<string, string>) => new Headers(values)

describe('comments: client address', () => {
  it('normalizes addresses as proxies write them, and refuses what is not one', () => {
    expect(normalizeIP(' 203.0.113.9 ')).toBe('203.0.113.9')
    expect(normalizeIP('203.0.113.9:51234')).toBe('203.0.113.9')
    expect(normalizeIP('[2001:DB8::1]:443')).toBe('2001:db8::1')
    expect(normalizeIP('::ffff:203.0.113.9')).toBe('203.0.113.9')
    expect(normalizeIP('fe80::1%eth0')).toBe('fe80::1')
    for (const junk of ['unknown', '', 'evil.example', '999.1.1.1', '<script>']) expect(normalizeIP(junk), junk).toBeNull()
  })

  it('counts an IPv6 /64 as one client and every IPv4 address on its own', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:db8:1:2:bbbb:cccc:dddd:9'))
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:0db8:0001:0002::/64')
    expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'))
    expect(clientKey('::1')).toBe('0000:0000:0000:0000::/64')
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9')
    expect(clientKey('203.0.113.10')).not.toBe(clientKey('203.0.113.9'))
  })

  it('ignores X-Forwarded-For without TRUST_PROXY', () => {
    expect(clientIP(headers({ 'x-forwarded-for': '203.0.113.9' }), 0)).toBeNull()
  })

  it('takes the entry the trusted proxies wrote, never one the client prepended', () => {
    const forwarded = headers({ 'x-forwarded-for': '10.9.9.9, 203.0.113.9, 198.51.100.2' })
    expect(clientIP(forwarded, 1)).toBe('198.51.100.2')
    expect(clientIP(forwarded, 2)).toBe('203.0.113.9')
    expect(clientIP(forwarded, 5)).toBe('10.9.9.9')
    expect(clientIP(headers({ 'x-forwarded-for': 'garbage' }), 1)).toBeNull()
  })
})

describe('comments: the peer address stamp', () => {
  let server: http.Server | undefined
  afterAll(() => server?.close())

  it('gives route handlers the socket address, whatever the client claims', async () => {
    installPeerAddressStamp()
    const seen: (null | string)[] = []
    server = http.createServer((request, response) => {
      const copied = new Headers()
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') copied.set(name, value)
      seen.push(clientIP(copied, 0))
      response.end()
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    await fetch(`http://127.0.0.1:${port}/`, {
      headers: { [PEER_ADDRESS_HEADER]: 'forged 203.0.113.66', 'X-Forwarded-For': '203.0.113.77' },
    })
    expect(seen).toEqual(['127.0.0.1'])
  })

  it('refuses a stamp this process did not write', () => {
    installPeerAddressStamp()
    expect(clientIP(headers({ [PEER_ADDRESS_HEADER]: 'forged 203.0.113.66' }), 0)).toBeNull()
  })
})

describe('comments: hashing and links', () => {
  it('keeps an address as a salted hash that matches itself and reveals nothing', () => {
    const hash = hashIP('salt-a', '203.0.113.9')
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).toBe(hashIP('salt-a', '203.0.113.9'))
    expect(hash).not.toBe(hashIP('salt-b', '203.0.113.9'))
    expect(hash).not.toContain('203')
    expect(hashEmail('salt-a', ' Reader@Example.com ')).toBe(hashEmail('salt-a', 'reader@example.com'))
  })

  it('counts http(s) URLs and www. hosts once each', () => {
    expect(countLinks('no links here, just example.com')).toBe(0)
    expect(countLinks('https://a.example, http://www.b.example and www.c.example/x?y=1')).toBe(3)
    expect(countLinks('HTTP://A.EXAMPLE')).toBe(1)
  })
})

describe('comments: flood control', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('allows one comment per 15 seconds per key, and says how long to wait', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date'] })
    const flood = createFloodControl()
    expect(await flood.check(['ip:a', 'email:a'])).toEqual({ recent: 0, retryAfter: 0 })
    expect(await flood.record(['ip:a', 'email:a'])).toBe(0)
    const blocked = await flood.check(['ip:a'])
    expect(blocked.retryAfter).toBeGreaterThan(0)
    expect(blocked.retryAfter).toBeLessThanOrEqual(FLOOD_LIMITS.burst.duration)
    expect(await flood.check(['ip:b'])).toEqual({ recent: 0, retryAfter: 0 })
    vi.setSystemTime(Date.now() + 16_000)
    expect(await flood.check(['ip:a', 'email:a'])).toEqual({ recent: 1, retryAfter: 0 })
  })

  it('allows 20 comments an hour per key', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date'] })
    const flood = createFloodControl()
    for (let i = 0; i < FLOOD_LIMITS.hourly.points; i++) {
      expect((await flood.check(['ip:c'])).retryAfter, `comment ${i + 1}`).toBe(0)
      await flood.record(['ip:c'])
      vi.setSystemTime(Date.now() + 16_000)
    }
    const { recent, retryAfter } = await flood.check(['ip:c'])
    expect(recent).toBe(20)
    expect(retryAfter).toBeGreaterThan(FLOOD_LIMITS.burst.duration)
    expect(retryAfter).toBeLessThanOrEqual(FLOOD_LIMITS.hourly.duration)
    vi.setSystemTime(Date.now() + retryAfter * 1000)
    expect((await flood.check(['ip:c'])).retryAfter).toBe(0)
  })

  it('shares its counters through one SQLite file between instances', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-rate-limits-'))
    const databaseURL = `file:${path.join(dir, 'rate-limits.db')}`
    const first = createFloodControl({ databaseURL })
    const second = createFloodControl({ databaseURL })
    try {
      expect(await first.check(['ip:shared'])).toEqual({ recent: 0, retryAfter: 0 })
      expect(await first.record(['ip:shared'])).toBe(0)
      expect((await second.check(['ip:shared'])).retryAfter).toBeGreaterThan(0)
      // The other instance counting the same key at once is told to wait, too.
      expect(await second.record(['ip:shared'])).toBeGreaterThan(0)
      expect((await second.check(['ip:other'])).retryAfter).toBe(0)
    } finally {
      first.close()
      second.close()
      await fs.rm(dir, { force: true, recursive: true })
    }
  })
})

describe('comments: flood control when the shared store fails', () => {
  it('reports the failure and goes on counting in memory', async () => {
    const errors: unknown[] = []
    // A folder that cannot be made: its parent is a file.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-rate-limits-'))
    await fs.writeFile(path.join(dir, 'not-a-folder'), '')
    const flood = createFloodControl({
      databaseURL: `file:${path.join(dir, 'not-a-folder', 'rate-limits.db')}`,
      onStoreError: (error) => errors.push(error),
    })
    try {
      expect(await flood.check(['ip:z'])).toEqual({ recent: 0, retryAfter: 0 })
      expect(await flood.record(['ip:z'])).toBe(0)
      expect((await flood.check(['ip:z'])).retryAfter).toBeGreaterThan(0)
      expect(errors.length).toBeGreaterThan(0)
    } finally {
      flood.close()
      await fs.rm(dir, { force: true, recursive: true })
    }
  })
})

describe('comments: environment', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.resetModules()
  })

  it('refuses a rate-limit database that is the Payload database', async () => {
    vi.stubEnv('DATABASE_URL', 'file:./data/one.db')
    vi.stubEnv('RATE_LIMIT_DATABASE_URL', 'file:data/one.db')
    await expect(import('@/env')).rejects.toThrow(/RATE_LIMIT_DATABASE_URL/)
  })

  it('refuses SMTP without a sender and a TRUST_PROXY that is not a hop count', async () => {
    vi.stubEnv('SMTP_HOST', 'smtp.example')
    await expect(import('@/env')).rejects.toThrow(/EMAIL_FROM/)
    vi.resetModules()
    vi.stubEnv('SMTP_HOST', '')
    vi.stubEnv('TRUST_PROXY', 'yes please')
    await expect(import('@/env')).rejects.toThrow(/TRUST_PROXY/)
  })

  it('reads SMTP settings and the proxy hop count', async () => {
    vi.stubEnv('SMTP_HOST', 'smtp.example')
    vi.stubEnv('SMTP_SECURE', 'true')
    vi.stubEnv('EMAIL_FROM', 'Night Desk <desk@example.com>')
    vi.stubEnv('TRUST_PROXY', 'true')
    const { env } = await import('@/env')
    expect(env.smtp).toEqual({ auth: undefined, fromAddress: 'desk@example.com', fromName: 'Night Desk', host: 'smtp.example', port: 465, secure: true })
    expect(env.trustProxy).toBe(1)
  })
})
