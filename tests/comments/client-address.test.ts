import type { PayloadRequest } from 'payload'

import fs from 'fs/promises'
import os from 'os'
import path from 'path'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { countLinks } from '@collections/Comments/submission/countLinks'
import { createFloodControl, FLOOD_LIMITS } from '@collections/Comments/submission/floodControl'
import { hashEmail, hashIP } from '@collections/Comments/submission/hashing'

import { clientAddressFrom, clientKey, normalizeIP } from '@/http/clientAddress'

/** X-Forwarded-For as a route handler receives it. */
const forwardedFor = (value: string) => new Headers({ 'x-forwarded-for': value })

/** Only the logger is used, to report a failing shared store. */
const fakeRequest = (errors: unknown[] = []) =>
  ({ payload: { logger: { error: (entry: unknown) => errors.push(entry) } } }) as unknown as PayloadRequest

describe('comments: client address', () => {
  it('normalizes addresses as proxies write them, and refuses what is not one', () => {
    expect(normalizeIP(' 203.0.113.9 ')).toBe('203.0.113.9')
    expect(normalizeIP('203.0.113.9:51234')).toBe('203.0.113.9')
    expect(normalizeIP('[2001:DB8::1]:443')).toBe('2001:db8::1')
    expect(normalizeIP('::ffff:203.0.113.9')).toBe('203.0.113.9')
    expect(normalizeIP('fe80::1%eth0')).toBe('fe80::1')
    for (const junk of ['unknown', '', 'evil.example', '999.1.1.1', '<script>', '127.1', '0x7f000001']) {
      expect(normalizeIP(junk), junk).toBeNull()
    }
  })

  it('counts an IPv6 /64 as one client and every IPv4 address on its own', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:db8:1:2:bbbb:cccc:dddd:9'))
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:0db8:0001:0002::/64')
    expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'))
    expect(clientKey('::1')).toBe('0000:0000:0000:0000::/64')
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9')
    expect(clientKey('203.0.113.10')).not.toBe(clientKey('203.0.113.9'))
  })

  it('takes the socket address that Next.js writes when the request came without X-Forwarded-For', () => {
    for (const trustProxy of [0, 1, ['loopback']]) {
      expect(clientAddressFrom(trustProxy)(forwardedFor('127.0.0.1'))).toBe('127.0.0.1')
      expect(clientAddressFrom(trustProxy)(forwardedFor('::ffff:192.0.2.5'))).toBe('192.0.2.5')
    }
  })

  it('knows no address when there is none: a Local API call, a header that names none', () => {
    const clientAddress = clientAddressFrom(1)
    expect(clientAddress(new Headers())).toBeNull()
    expect(clientAddress(forwardedFor(''))).toBeNull()
    expect(clientAddress(forwardedFor('garbage'))).toBeNull()
    expect(clientAddress(forwardedFor('203.0.113.9, unknown'))).toBeNull()
  })

  it('without TRUST_PROXY, takes a forged header for what it says: the documented risk of a server without a proxy', () => {
    // Next.js keeps a header the client sent, and the socket's address is then lost.
    expect(clientAddressFrom(0)(forwardedFor('203.0.113.66'))).toBe('203.0.113.66')
    expect(clientAddressFrom(0)(forwardedFor('10.9.9.9, 203.0.113.66'))).toBe('203.0.113.66')
  })

  it('behind the proxies TRUST_PROXY counts, takes the entry they wrote, never one the client prepended', () => {
    // The client forged "10.9.9.9"; one proxy appended 203.0.113.9, a second appended 198.51.100.2.
    const forwarded = forwardedFor('10.9.9.9, 203.0.113.9, 198.51.100.2')
    expect(clientAddressFrom(1)(forwarded)).toBe('198.51.100.2')
    expect(clientAddressFrom(2)(forwarded)).toBe('203.0.113.9')
    // More proxies than entries: the leftmost, as proxy-addr answers.
    expect(clientAddressFrom(5)(forwarded)).toBe('10.9.9.9')
    // A proxy that replaces the header leaves nothing of the forgery.
    expect(clientAddressFrom(1)(forwardedFor('198.51.100.2'))).toBe('198.51.100.2')
  })

  it('with a list of proxy addresses, skips the entries those proxies wrote, whatever the client prepended', () => {
    const clientAddress = clientAddressFrom(['loopback', '10.0.0.0/8'])
    // A CDN edge (10.0.0.7) in front of the nearest proxy, which appended it.
    expect(clientAddress(forwardedFor('192.0.2.66, 203.0.113.9, 10.0.0.7'))).toBe('203.0.113.9')
    expect(clientAddress(forwardedFor('10.1.1.1, 203.0.113.9'))).toBe('203.0.113.9')
    expect(clientAddress(forwardedFor('2001:db8::5, ::1'))).toBe('2001:db8::5')
    expect(() => clientAddressFrom(['not-an-address'])).toThrow(TypeError)
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
  const req = fakeRequest()
  afterEach(() => {
    vi.useRealTimers()
  })

  it('allows one comment per 15 seconds per key, and says how long to wait', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date'] })
    const flood = createFloodControl()
    expect(await flood.check(req, ['ip:a', 'email:a'])).toEqual({ recent: 0, retryAfter: 0 })
    expect(await flood.record(req, ['ip:a', 'email:a'])).toBe(0)
    const blocked = await flood.check(req, ['ip:a'])
    expect(blocked.retryAfter).toBeGreaterThan(0)
    expect(blocked.retryAfter).toBeLessThanOrEqual(FLOOD_LIMITS.burst.duration)
    expect(await flood.check(req, ['ip:b'])).toEqual({ recent: 0, retryAfter: 0 })
    vi.setSystemTime(Date.now() + 16_000)
    expect(await flood.check(req, ['ip:a', 'email:a'])).toEqual({ recent: 1, retryAfter: 0 })
  })

  it('allows 20 comments an hour per key', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date'] })
    const flood = createFloodControl()
    for (let i = 0; i < FLOOD_LIMITS.hourly.points; i++) {
      expect((await flood.check(req, ['ip:c'])).retryAfter, `comment ${i + 1}`).toBe(0)
      await flood.record(req, ['ip:c'])
      vi.setSystemTime(Date.now() + 16_000)
    }
    const { recent, retryAfter } = await flood.check(req, ['ip:c'])
    expect(recent).toBe(20)
    expect(retryAfter).toBeGreaterThan(FLOOD_LIMITS.burst.duration)
    expect(retryAfter).toBeLessThanOrEqual(FLOOD_LIMITS.hourly.duration)
    vi.setSystemTime(Date.now() + retryAfter * 1000)
    expect((await flood.check(req, ['ip:c'])).retryAfter).toBe(0)
  })

  it('opens its shared store on first use, not when it is created', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-rate-limits-'))
    const file = path.join(dir, 'rate-limits.db')
    const flood = createFloodControl({ databaseURL: `file:${file}` })
    try {
      await expect(fs.stat(file)).rejects.toThrow(/ENOENT/)
      expect(await flood.check(req, ['ip:lazy'])).toEqual({ recent: 0, retryAfter: 0 })
      expect((await fs.stat(file)).isFile()).toBe(true)
    } finally {
      flood.close()
      await fs.rm(dir, { force: true, recursive: true })
    }
  })

  it('shares its counters through one SQLite file between instances', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-rate-limits-'))
    const databaseURL = `file:${path.join(dir, 'rate-limits.db')}`
    const first = createFloodControl({ databaseURL })
    const second = createFloodControl({ databaseURL })
    try {
      expect(await first.check(req, ['ip:shared'])).toEqual({ recent: 0, retryAfter: 0 })
      expect(await first.record(req, ['ip:shared'])).toBe(0)
      expect((await second.check(req, ['ip:shared'])).retryAfter).toBeGreaterThan(0)
      // The other instance counting the same key at once is told to wait, too.
      expect(await second.record(req, ['ip:shared'])).toBeGreaterThan(0)
      expect((await second.check(req, ['ip:other'])).retryAfter).toBe(0)
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
    const flood = createFloodControl({ databaseURL: `file:${path.join(dir, 'not-a-folder', 'rate-limits.db')}` })
    const req = fakeRequest(errors)
    try {
      expect(await flood.check(req, ['ip:z'])).toEqual({ recent: 0, retryAfter: 0 })
      expect(await flood.record(req, ['ip:z'])).toBe(0)
      expect((await flood.check(req, ['ip:z'])).retryAfter).toBeGreaterThan(0)
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

  it('refuses SMTP without a sender and a TRUST_PROXY that is neither a hop count nor proxy addresses', async () => {
    vi.stubEnv('SMTP_HOST', 'smtp.example')
    await expect(import('@/env')).rejects.toThrow(/EMAIL_FROM/)
    vi.stubEnv('SMTP_HOST', '')
    for (const value of ['yes please', '-1', '1.5', '10.0.0.0/99', 'loopback, nowhere']) {
      vi.resetModules()
      vi.stubEnv('TRUST_PROXY', value)
      await expect(import('@/env'), value).rejects.toThrow(/TRUST_PROXY/)
    }
  })

  it('reads TRUST_PROXY as a list of proxy addresses and subnets, as Express does', async () => {
    vi.stubEnv('TRUST_PROXY', ' loopback, 10.0.0.0/8 ,2001:db8::/32')
    const { env } = await import('@/env')
    expect(env.trustProxy).toEqual(['loopback', '10.0.0.0/8', '2001:db8::/32'])
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
