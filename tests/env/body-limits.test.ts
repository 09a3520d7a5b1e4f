import { describe, expect, it } from 'vitest'

import { loadEnv, useEnvironment } from '../helpers/environment'

useEnvironment({ set: { PAYLOAD_SECRET: 'body-limits-test-secret' }, unset: ['BODY_LIMIT_ANONYMOUS', 'BODY_LIMIT_STAFF', 'BODY_LIMIT_UPLOAD'] })

describe('src/env.ts body limits', () => {
  it('defaults to 32 KB anonymous, 2 MB with credentials and 20 MB for uploads', async () => {
    expect((await loadEnv()).env.bodyLimits).toEqual({ anonymous: 32 * 1024, staff: 2 * 1024 * 1024, upload: 20 * 1024 * 1024 })
  })

  it('reads sizes with units or as bytes', async () => {
    Object.assign(process.env, { BODY_LIMIT_ANONYMOUS: '16kb', BODY_LIMIT_STAFF: '1048576', BODY_LIMIT_UPLOAD: '50MB' })
    expect((await loadEnv()).env.bodyLimits).toEqual({ anonymous: 16 * 1024, staff: 1024 * 1024, upload: 50 * 1024 * 1024 })
  })

  it.each(['lots', '0', '-5kb'])('refuses BODY_LIMIT_STAFF=%s at start-up, naming the variable', async (value) => {
    process.env.BODY_LIMIT_STAFF = value
    await expect(loadEnv()).rejects.toThrow(`BODY_LIMIT_STAFF must be a size such as "32kb" or "2mb", not "${value}".`)
  })
})
