import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import { execFile } from 'child_process'
import fs from 'fs/promises'
import os from 'os'
import path from 'path'
import { promisify } from 'util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/bootPayload'

const root = path.resolve(__dirname, '../..')
const regenerate = 'run `npm run generate` (and `npm run migrate:create` for schema changes) and commit the result'

let ctx: TestContext

beforeAll(async () => {
  ctx = await bootPayload()
})
afterAll(async () => ctx?.shutdown())

describe('generated files', () => {
  // Each generator runs as the developer runs it, writing to a scratch file instead of the committed one.
  it.each([
    ['src/payload-types.ts', 'payload', ['generate:types'], 'PAYLOAD_TS_OUTPUT_PATH'],
    ['src/generated-schema.graphql', 'payload-graphql', ['generate:schema'], 'PAYLOAD_GRAPHQL_SCHEMA_PATH'],
  ])('keeps %s in step with the config', async (file, bin, args, outputVariable) => {
    const fresh = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-generated-')), path.basename(file))
    await promisify(execFile)(path.join(root, 'node_modules/.bin', bin), args, {
      cwd: root,
      env: { ...process.env, [outputVariable]: fresh },
    })
    const committed = await fs.readFile(path.join(root, file), 'utf-8')
    expect(committed, regenerate).toBe(await fs.readFile(fresh, 'utf-8'))
  }, 180_000)

  it('leaves nothing for push mode to change after the committed migrations ran', async () => {
    const adapter = ctx.payload.db as unknown as SQLiteAdapter
    const { pushSQLiteSchema } = await import('drizzle-kit/api')
    const { statementsToExecute } = await pushSQLiteSchema(adapter.schema, adapter.drizzle)
    expect(statementsToExecute, regenerate).toEqual([])
  })
})
