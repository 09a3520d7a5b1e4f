import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { BenchDatabase } from '../../bench/database'
import type { ScratchDatabase } from '../helpers/testDatabase'

import { generateArticles } from '../../bench/content'
import { openBenchDatabase } from '../../bench/database'
import { fill } from '../../bench/fill'
import { createScratchDatabase, testDialect } from '../helpers/testDatabase'

const PUBLISHED = 40

// The bench's fill in its own process, on the suite's dialect: `npm test` on SQLite, `npm run test:postgres` on PostgreSQL.
describe(`bench fill (${testDialect})`, () => {
  let scratch: ScratchDatabase
  let database: BenchDatabase

  beforeAll(async () => {
    scratch = await createScratchDatabase()
    await fill('fillProject.ts', scratch.url, PUBLISHED)
    database = openBenchDatabase(scratch.url)
  }, 180_000)

  afterAll(async () => {
    await database?.close()
    await scratch?.drop()
  })

  it('writes the generated archive: every story with its given id and slug, drafts included', async () => {
    const expected = [...generateArticles(PUBLISHED)].map(({ article }) => ({ id: article.id, slug: article.slug }))
    const rows = await database.rows('SELECT id, slug FROM articles ORDER BY id')
    expect(rows.map(({ id, slug }) => ({ id: Number(id), slug }))).toEqual(expected.sort((a, b) => a.id - b.id))
    const [{ published }] = await database.rows(`SELECT count(*) AS published FROM articles WHERE _status = 'published'`)
    expect(Number(published)).toBe(PUBLISHED)
  })

  it('leaves the database taking new rows: ids after those the fill wrote', async () => {
    const [{ before }] = await database.rows('SELECT max(id) AS before FROM comments')
    await database.batch([
      `INSERT INTO comments (article_id, author_name, author_email, body, status, updated_at, created_at)
       VALUES (1, 'After the fill', 'after@example.com', 'A comment written once the fill is done.', 'pending', '2021-06-01T00:00:00.000Z', '2021-06-01T00:00:00.000Z')`,
    ])
    const [{ after }] = await database.rows('SELECT max(id) AS after FROM comments')
    expect(Number(after)).toBeGreaterThan(Number(before))
  })
})
