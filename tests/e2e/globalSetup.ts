import type { TestProject } from 'vitest/node'

import { execFile } from 'child_process'
import { appendFileSync } from 'fs'
import fs from 'fs/promises'
import os from 'os'
import path from 'path'
import { chromium } from 'playwright-core'
import { promisify } from 'util'

import { demoLogins } from '../../src/seed/data/users'
import { buildProduction, root, type RunningServer, startProductionServer, waitUntilServing } from '../helpers/server'
import { startSMTPServer } from '../helpers/smtp'
import { ARTIFACTS_DIR, CHROMIUM_FLAGS, CHROMIUM_PATH, E2E_PREVIEW_SECRET, E2E_SECRET, MAILBOX } from './constants'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    browserWSEndpoint: string
  }
}

const run = promisify(execFile)

/** Deletes what the seed uploaded: the server writes into the project's own `media/` folder. */
const deleteUploads = async (url: string): Promise<void> => {
  const admin = demoLogins.find(({ role }) => role === 'admin')!
  const login = await fetch(`${url}/api/users/login`, {
    body: JSON.stringify({ email: admin.email, password: admin.password }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  if (!login.ok) throw new Error(`logging in as admin answered ${login.status}`)
  const { token } = (await login.json()) as { token: string }
  const response = await fetch(`${url}/api/media?where[id][exists]=true&limit=0&depth=0`, {
    headers: { Authorization: `JWT ${token}` },
    method: 'DELETE',
  })
  if (!response.ok) console.warn(`[e2e] Could not delete the seeded uploads: ${response.status}`)
}

/**
 * Builds the app once, serves the production build on a fresh database with the demo seed, and
 * starts one Chromium that every test file connects to.
 */
export default async function setup(project: TestProject) {
  await fs.access(CHROMIUM_PATH).catch(() => {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: install it with "apt-get install chromium".`)
  })
  await fs.rm(ARTIFACTS_DIR, { force: true, recursive: true })
  await fs.mkdir(ARTIFACTS_DIR, { recursive: true })

  if (!process.env.SKIP_BUILD) {
    const started = Date.now()
    await buildProduction()
    console.log(`[e2e] Built in ${Math.round((Date.now() - started) / 1000)} s`)
  }

  // Seeded before the server starts, so that nothing else writes the database meanwhile; the seed
  // refuses NODE_ENV=production, and it only writes the database that the production build then serves.
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-e2e-'))
  const databaseURL = `file:${path.join(dataDir, 'newsroom.db')}`
  try {
    await run('npm', ['run', 'seed'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseURL, NODE_ENV: 'development', PAYLOAD_SECRET: E2E_SECRET },
      maxBuffer: 16 * 1024 * 1024,
    })
  } catch (err) {
    await fs.rm(dataDir, { force: true, recursive: true })
    throw err
  }

  // The app's mail (review requests, pending comments) goes to a real SMTP server, into MAILBOX.
  const smtp = await startSMTPServer({ onMail: (mail) => appendFileSync(MAILBOX, `${JSON.stringify(mail)}\n`) })
  // Flood control keys on the client address: the suite's REST calls each say which reader they are.
  const server: RunningServer = await startProductionServer({
    ...smtp.env,
    DATABASE_URL: databaseURL,
    PAYLOAD_SECRET: E2E_SECRET,
    PREVIEW_SECRET: E2E_PREVIEW_SECRET,
    TRUST_PROXY: '1',
  })
  let browser: Awaited<ReturnType<typeof chromium.launchServer>> | undefined
  const teardown = async () => {
    await browser?.close()
    if (server.process.exitCode === null) {
      await deleteUploads(server.url).catch((err) => console.warn('[e2e] Could not delete the seeded uploads:', err))
    }
    await server.stop()
    await smtp.close()
    await fs.rm(dataDir, { force: true, recursive: true })
    // Kept beside the screenshots: the first place to look when a browser step fails.
    await fs.writeFile(path.join(ARTIFACTS_DIR, 'server.log'), server.output())
  }

  try {
    await waitUntilServing(server, 120_000)
    // Another process could have taken the free port first and answered instead: wait until ours listens.
    const deadline = Date.now() + 30_000
    while (!/Ready in/.test(server.output())) {
      if (server.process.exitCode !== null || Date.now() > deadline) throw new Error('The server did not start listening')
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    browser = await chromium.launchServer({ args: CHROMIUM_FLAGS, executablePath: CHROMIUM_PATH, headless: true })
  } catch (err) {
    await teardown()
    throw new Error(`[e2e] Set-up failed: ${String(err)}\n--- server output ---\n${server.output()}`)
  }

  project.provide('baseURL', server.url)
  project.provide('browserWSEndpoint', browser.wsEndpoint())
  return teardown
}
