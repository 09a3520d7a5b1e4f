import fs from 'fs/promises'
import path from 'path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../..')
const SOURCE_FOLDERS = ['src', 'collections', 'plugins']
// Set by Node or Next.js, or by the app for itself (src/env.ts's warning marker): not settings.
const INTERNAL = new Set(['NEWSROOM_ENV_WARNED', 'NEXT_PHASE', 'NEXT_RUNTIME'])

const sourceFiles = async (): Promise<string[]> => {
  const nested = await Promise.all(
    SOURCE_FOLDERS.map(async (folder) =>
      (await fs.readdir(path.join(root, folder), { recursive: true }))
        .filter((file) => /\.(mjs|ts|tsx)$/.test(file))
        .map((file) => path.join(root, folder, file)),
    ),
  )
  return [...nested.flat(), path.join(root, 'next.config.mjs')]
}

/**
 * Every variable the app reads: `process.env.NAME` anywhere, and the names src/env.ts hands to its
 * readers as strings (`readSeconds('API_CACHE_S_MAXAGE', 10)`, the S3 list).
 */
const variablesRead = async (): Promise<Set<string>> => {
  const names = new Set<string>()
  for (const file of await sourceFiles()) {
    const source = await fs.readFile(file, 'utf-8')
    for (const [, name] of source.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) names.add(name)
    if (file.endsWith(path.join('src', 'env.ts'))) {
      for (const [, name] of source.matchAll(/'([A-Z][A-Z0-9]*_[A-Z0-9_]+)'/g)) names.add(name)
    }
  }
  return new Set([...names].filter((name) => !INTERNAL.has(name)))
}

/** The names in backticks in the first cell of docs/DEPLOYMENT.md's table rows. */
const variablesDocumented = (markdown: string): Set<string> =>
  new Set(
    markdown
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map(([, name]) => name)),
  )

describe('docs/DEPLOYMENT.md', () => {
  it('has a row for every environment variable the app reads', async () => {
    const [read, deployment] = await Promise.all([
      variablesRead(),
      fs.readFile(path.join(root, 'docs/DEPLOYMENT.md'), 'utf-8'),
    ])
    // The scan must see the readers' string arguments too, not only `process.env.NAME`.
    expect(read).toContain('API_CACHE_S_MAXAGE')
    const documented = variablesDocumented(deployment)
    expect([...read].filter((name) => !documented.has(name))).toEqual([])
  })

  it('is linked from the README', async () => {
    const readme = await fs.readFile(path.join(root, 'README.md'), 'utf-8')
    expect(readme).toContain('(docs/DEPLOYMENT.md)')
  })
})
