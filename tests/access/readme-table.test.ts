import fs from 'fs/promises'
import path from 'path'
import { fileURLToPath } from 'url'
import { describe, expect, it } from 'vitest'

import { authCollections, authOperations, collections, matrix, operations, renderAccessTable, roles } from './matrix'

const readme = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md')
const START = '<!-- access-table:start -->'
const END = '<!-- access-table:end -->'

describe('README access table', () => {
  it('is the matrix the access tests run, rendered', async () => {
    const text = await fs.readFile(readme, 'utf8')
    const start = text.indexOf(START)
    const end = text.indexOf(END)
    expect(start, `README.md has ${START}`).toBeGreaterThanOrEqual(0)
    expect(end, `README.md has ${END} after ${START}`).toBeGreaterThan(start)
    expect(text.indexOf(START, start + 1), 'README.md has a single access table').toBe(-1)
    // The markers sit on lines of their own, the table between them.
    expect(text.slice(start + START.length, end)).toBe(`\n${renderAccessTable()}\n`)
  })

  it('has a row per collection and role, and a column per operation', () => {
    const rows = renderAccessTable()
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Collection') && !line.startsWith('| ---'))
    const operationRows = rows.filter((row) => row.split(' | ').length === 2 + operations.length)
    const accountRows = rows.filter((row) => row.split(' | ').length === 2 + authOperations.length)
    expect(operationRows).toHaveLength(collections.length * roles.length)
    expect(accountRows).toHaveLength(authCollections.length * roles.length)
    expect(operationRows.length + accountRows.length, 'every row is in one of the tables').toBe(rows.length)
    expect(accountRows).toContain('| users | contributor | — |')
    expect(accountRows).toContain('| users | admin | any account |')
    expect(rows).toContain(
      `| articles | contributor | drafts only | all, drafts included | own (\`createdBy\`) until first published; cannot publish | — |`,
    )
    expect(Object.keys(matrix)).toEqual([...collections])
  })
})
