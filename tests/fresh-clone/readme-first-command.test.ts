import { type ChildProcess, execFile, spawn } from 'child_process'
import fs from 'fs/promises'
import os from 'os'
import path from 'path'
import { setTimeout as sleep } from 'timers/promises'
import { promisify } from 'util'
import getPort from 'get-port'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { developerShell } from '../helpers/developerShell'
import { root } from '../helpers/server'

const run = promisify(execFile)

/** The first command of the README's "Two commands" block, without its comment. */
const readmeFirstCommand = (readme: string): string => {
  const block = /^## Two commands\n+```sh\n([^\n]*)/m.exec(readme)?.[1]
  const command = block?.replace(/#.*$/, '').trim()
  if (!command) throw new Error('README.md has no command under "## Two commands"')
  return command
}

/** A demo login from the README's table (`| role | \`email\` | \`password\` |`). */
const readmeLogin = (readme: string, role: string): { email: string; password: string } => {
  const [, email, password] = new RegExp(`^\\| ${role} \\| \`([^\`]+)\` \\| \`([^\`]+)\` \\|$`, 'm').exec(readme) ?? []
  if (!email || !password) throw new Error(`README.md lists no demo login for ${role}`)
  return { email, password }
}

/**
 * The environment of a newcomer's shell: no project settings (every variable .env.example
 * documents), nothing vitest or npm adds; only the port moves, so that a server on 3000 is not hit.
 */
const newcomerShell = async (clone: string, port: number): Promise<NodeJS.ProcessEnv> => {
  const example = await fs.readFile(path.join(clone, '.env.example'), 'utf-8')
  const env = developerShell()
  for (const [, name] of example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)) delete env[name]
  for (const name of Object.keys(env)) if (name.startsWith('npm_')) delete env[name]
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), SERVER_URL: `http://localhost:${port}` }
}

/**
 * Development only (FRESH_CLONE_APPLY_WORKTREE=1): brings the working tree's uncommitted changes,
 * new files included, into the clone, to see this test pass before they are committed.
 */
const applyWorkingTree = async (clone: string): Promise<void> => {
  const { stdout: diff } = await run('git', ['diff', 'HEAD', '--binary'], { cwd: root, maxBuffer: 64 * 1024 * 1024 })
  if (diff) {
    const apply = spawn('git', ['apply', '--whitespace=nowarn'], { cwd: clone, stdio: ['pipe', 'inherit', 'inherit'] })
    apply.stdin.end(diff)
    const code = await new Promise((resolve) => apply.once('exit', resolve))
    if (code !== 0) throw new Error(`git apply of the working tree's diff exited with ${code}`)
  }
  const { stdout: untracked } = await run('git', ['ls-files', '--others', '--exclude-standard', '-z'], { cwd: root })
  for (const file of untracked.split('\0').filter(Boolean)) {
    await fs.mkdir(path.dirname(path.join(clone, file)), { recursive: true })
    await fs.copyFile(path.join(root, file), path.join(clone, file))
  }
}

/** Whether any process of the group led by `pid` is still alive. */
const groupAlive = (pid: number): boolean => {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

let dir: string
let child: ChildProcess | undefined
let output = ''
let url: string
let readme: string
const started = performance.now()
const timings: Record<string, number> = {}
const mark = (name: string) => (timings[name] ??= Math.round((performance.now() - started) / 1000))

const tail = () => output.slice(-20_000)

/** Polls `pathname` until it answers `status`; fails at once if the README command has exited. */
const waitFor = async (pathname: string, status: number, timeoutMs: number): Promise<Response> => {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`The README command exited with ${child.exitCode}:\n${tail()}`)
    }
    try {
      const response = await fetch(`${url}${pathname}`, { redirect: 'manual' })
      if (response.status === status) return response
      last = `${response.status}`
    } catch (error) {
      last = String(error)
    }
    await sleep(1000)
  }
  throw new Error(`${pathname} did not answer ${status} within ${timeoutMs} ms (last: ${last}):\n${tail()}`)
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-fresh-clone-'))
  const clone = path.join(dir, 'newsroom')
  await run('git', ['clone', '--quiet', root, clone])
  if (process.env.FRESH_CLONE_APPLY_WORKTREE === '1') await applyWorkingTree(clone)
  mark('cloned')

  readme = await fs.readFile(path.join(clone, 'README.md'), 'utf-8')
  const port = await getPort()
  url = `http://localhost:${port}`
  // Its own process group, so that npm, the seed and every Next.js worker can be stopped together.
  child = spawn('sh', ['-c', readmeFirstCommand(readme)], {
    cwd: clone,
    detached: true,
    env: await newcomerShell(clone, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const collect = (chunk: Buffer) => {
    output += chunk
    if (/^> \S+ dev$/m.test(output)) mark('installed')
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  await waitFor('/api/users/me', 200, 15 * 60_000)
  mark('serving')
})

afterAll(async () => {
  const pid = child?.pid
  if (pid && groupAlive(pid)) {
    process.kill(-pid, 'SIGTERM')
    for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(200)
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL')
  }
  if (dir) await fs.rm(dir, { force: true, recursive: true })
  // Kept after the folder is gone: what the README command printed, for a failure's post-mortem.
  const log = path.join(os.tmpdir(), 'newsroom-fresh-clone.log')
  await fs.writeFile(log, output)
  const warnings = output.split('PAYLOAD_SECRET is not set').length - 1
  console.log(
    `fresh clone: ${JSON.stringify(timings)} (seconds since start); PAYLOAD_SECRET warnings printed: ${warnings}; output in ${log}`,
  )
  if (pid) expect(groupAlive(pid), 'a process of the README command outlived the test').toBe(false)
}, 60_000)

describe("the README's first command on a fresh clone", () => {
  it('runs `npm install && npm run dev`', () => {
    expect(readmeFirstCommand(readme)).toBe('npm install && npm run dev')
  })

  it('serves the admin login page', async () => {
    const response = await waitFor('/admin/login', 200, 4 * 60_000)
    mark('admin')
    expect(await response.text()).toContain('<html')
  })

  it('serves a published demo story over REST', async () => {
    const response = await fetch(`${url}/api/articles?limit=1`)
    expect(response.status).toBe(200)
    const { docs, totalDocs } = await response.json()
    expect(totalDocs).toBeGreaterThan(0)
    expect(docs[0]).toMatchObject({ _status: 'published', title: expect.any(String) })
  })

  it("logs in with the README's editor login", async () => {
    const { email, password } = readmeLogin(readme, 'editor')
    const response = await fetch(`${url}/api/users/login`, {
      body: JSON.stringify({ email, password }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(response.status).toBe(200)
    const { token, user } = await response.json()
    expect(token).toEqual(expect.any(String))
    expect(user).toMatchObject({ email, role: 'editor' })
  })
})
