import { generate as generateDocuments } from '@graphql-codegen/cli'
import { execFile } from 'child_process'
import fs from 'fs/promises'
import os from 'os'
import path from 'path'
import { generateImportMap } from 'payload'
import { generateTypes } from 'payload/node'
import { promisify } from 'util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { generatePublicTypes } from '@/publicTypes/generatePublicTypes'

import codegenConfig from '../clients/codegen'
import { bootPayload, type TestContext } from '../helpers/bootPayload'

const root = path.resolve(__dirname, '../..')
// The committed migrations are checked against the schema in tests/db/migrations.test.ts.
const regenerate = 'run `npm run generate` and commit the result'

let ctx: TestContext

beforeAll(async () => {
  ctx = await bootPayload()
})
afterAll(async () => ctx?.shutdown())

describe('generated files', () => {
  // Each generator writes to a scratch file (the variables the CLI honours) instead of the committed one.
  const scratchFile = async (name: string) =>
    path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-generated-')), name)

  it('keeps src/payload-types.ts in step with the config', async () => {
    process.env.PAYLOAD_TS_OUTPUT_PATH = await scratchFile('payload-types.ts')
    try {
      await generateTypes(ctx.config, { log: false })
      const committed = await fs.readFile(path.join(root, 'src/payload-types.ts'), 'utf-8')
      expect(committed, regenerate).toBe(await fs.readFile(process.env.PAYLOAD_TS_OUTPUT_PATH, 'utf-8'))
    } finally {
      delete process.env.PAYLOAD_TS_OUTPUT_PATH
    }
  })

  it('keeps src/public-types.ts in step with the config', async () => {
    const fresh = await scratchFile('public-types.ts')
    await generatePublicTypes(ctx.config, fresh)
    const committed = await fs.readFile(path.join(root, 'src/public-types.ts'), 'utf-8')
    expect(committed, regenerate).toBe(await fs.readFile(fresh, 'utf-8'))
  })

  // From the committed schema, which the test below keeps in step with the config.
  it('keeps the typed GraphQL documents in tests/clients/gql/ in step with the schema and the operations', async () => {
    const outputs: { content: string; filename: string }[] = await generateDocuments({ ...codegenConfig, cwd: root, silent: true }, false)
    const outputDir = path.join(root, 'tests/clients/gql')
    expect((await fs.readdir(outputDir)).sort(), regenerate).toEqual(outputs.map(({ filename }) => path.basename(filename)).sort())
    for (const { content, filename } of outputs) {
      expect(await fs.readFile(path.resolve(root, filename), 'utf-8'), `${filename}: ${regenerate}`).toBe(content)
    }
  })

  // Run as the developer runs it: the GraphQL package must print the schema with its own copy of graphql.
  it('keeps src/generated-schema.graphql in step with the config', async () => {
    const fresh = await scratchFile('generated-schema.graphql')
    // Without the test runner's variables (NODE_ENV=test, VITEST_*): a developer's shell has neither.
    const env = { ...process.env }
    for (const name of Object.keys(env)) if (name === 'NODE_ENV' || name.startsWith('VITEST')) delete env[name]
    // On a loaded machine the CLI's config loader (tsx on Node 20) now and then exits 0 before the
    // config has loaded, writing nothing; it is run again then, and its output shown if it never writes.
    let output = ''
    for (let attempt = 1; attempt <= 3 && !(await fs.stat(fresh).catch(() => null)); attempt++) {
      const { stderr, stdout } = await promisify(execFile)(
        path.join(root, 'node_modules/.bin/payload-graphql'),
        ['generate:schema'],
        { cwd: root, env: { ...env, PAYLOAD_GRAPHQL_SCHEMA_PATH: fresh } },
      )
      output += `attempt ${attempt}:\n${stdout}${stderr}\n`
    }
    const generated = await fs.readFile(fresh, 'utf-8').catch(() => {
      throw new Error(`payload-graphql generate:schema wrote no schema:\n${output}`)
    })
    const committed = await fs.readFile(path.join(root, 'src/generated-schema.graphql'), 'utf-8')
    expect(committed, regenerate).toBe(generated)
  }, 180_000)

  it('keeps the admin import map in step with the config', async () => {
    const committedPath = path.join(root, 'src/app/(payload)/admin/importMap.js')
    // Beside the committed one: the import paths it writes are relative to where it lives.
    const fresh = path.join(path.dirname(committedPath), `importMap.check-${process.pid}.js`)
    const { admin } = ctx.config
    try {
      await generateImportMap({ ...ctx.config, admin: { ...admin, importMap: { ...admin.importMap, importMapFile: fresh } } }, { force: true, log: false })
      const committed = await fs.readFile(committedPath, 'utf-8')
      expect(committed, regenerate).toBe(await fs.readFile(fresh, 'utf-8'))
    } finally {
      await fs.rm(fresh, { force: true })
    }
  })
})
