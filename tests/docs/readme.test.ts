import { execFileSync } from 'child_process'
import fs from 'fs/promises'
import path from 'path'
import { describe, expect, it } from 'vitest'

import { demoLogins } from '@/seed/data/users'

const root = path.resolve(__dirname, '../..')

describe('README', () => {
  it('lists the demo logins the seed creates, with their passwords', async () => {
    const readme = await fs.readFile(path.join(root, 'README.md'), 'utf-8')
    for (const { email, password, role } of demoLogins) {
      expect(readme).toContain(`| ${role} | \`${email}\` | \`${password}\` |`)
    }
  })

  it('documents every environment variable the app reads in .env.example', async () => {
    const [envSource, example] = await Promise.all([
      fs.readFile(path.join(root, 'src/env.ts'), 'utf-8'),
      fs.readFile(path.join(root, '.env.example'), 'utf-8'),
    ])
    const read = [...envSource.matchAll(/process\.env\.([A-Z0-9_]+)/g)].map(([, name]) => name)
    const internal = new Set(['NODE_ENV', 'NEXT_PHASE'])
    for (const name of read.filter((variable) => !internal.has(variable))) {
      expect(example, `${name} is read in src/env.ts`).toMatch(new RegExp(`^${name}=`, 'm'))
    }
  })

  it('gives every top-level folder and every src/ folder a line of its own in the layout table', async () => {
    const readme = await fs.readFile(path.join(root, 'README.md'), 'utf-8')
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf-8' }).split('\n')
    const folders = new Set(
      tracked.flatMap((file) => {
        const [top, second, ...rest] = file.split('/')
        if (!second || top.startsWith('.')) return []
        return top === 'src' && rest.length ? [`${top}/`, `${top}/${second}/`] : [`${top}/`]
      }),
    )
    for (const folder of folders) expect(readme, folder).toContain(`| \`${folder}\` |`)
  })

  it('shows the typed clients as tests/clients/ has them, paragraph by paragraph', async () => {
    const readme = await fs.readFile(path.join(root, 'README.md'), 'utf-8')
    const section = readme.split('### Typed clients\n')[1]?.split('\n### ')[0] ?? ''
    const clients = await Promise.all(
      ['sdk.ts', 'graphql.ts', 'codegen.ts', 'clients.test.ts'].map((file) =>
        fs.readFile(path.join(root, 'tests/clients', file), 'utf-8'),
      ),
    )
    const paragraphs = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].flatMap(([, block]) => block.trim().split('\n\n'))
    expect(paragraphs.length).toBeGreaterThanOrEqual(8)
    for (const paragraph of paragraphs) {
      expect(clients.some((source) => source.includes(paragraph)), paragraph).toBe(true)
    }
  })
})
