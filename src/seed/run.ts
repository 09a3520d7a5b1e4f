import { getPayload } from 'payload'

import type { SeedSummary } from './types'

import { runScript } from '../utilities/runScript'
import { demoLogins } from './data/users'
import { seed } from './index'

const printSummary = (summary: SeedSummary): void => {
  console.log('\nDemo content (created / already there):')
  for (const [kind, { created, existing }] of Object.entries(summary)) {
    console.log(`  ${kind.padEnd(22)} ${String(created).padStart(3)} / ${existing}`)
  }
  console.log('\nDemo logins (an account that already existed keeps its own password):')
  for (const { email, password, role } of demoLogins) {
    console.log(`  ${role.padEnd(12)} ${email.padEnd(28)} ${password}`)
  }
  console.log('')
}

const run = async (): Promise<number> => {
  // Demo accounts with passwords printed in the README must never reach a live site.
  if (process.env.NODE_ENV === 'production') {
    console.error('[seed] Refusing to seed: NODE_ENV is "production". The demo seed is for development only.')
    return 1
  }
  // Imported only now: the config reads the environment, and a refused run should touch nothing.
  const { default: config } = await import('@payload-config')
  // The config's onInit applies the migrations, so a fresh database gets its schema first.
  const payload = await getPayload({ config })
  try {
    // `payload run` passes on only positional arguments: the flag arrives after a second `--`.
    if (process.argv.includes('--if-empty')) {
      const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
      if (totalDocs > 0) {
        console.log('[seed] The database already has users: skipping the demo seed (--if-empty).')
        return 0
      }
    }
    printSummary(await seed(payload))
    return 0
  } finally {
    await payload.destroy()
  }
}

// Awaited at the top level because `payload run` exits as soon as the import settles.
await runScript({ name: 'seed', url: import.meta.url }, run)
