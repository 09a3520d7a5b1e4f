import { execFile, spawn } from 'child_process'
import fs from 'fs/promises'
import os from 'os'
import path from 'path'
import { setTimeout as sleep } from 'timers/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { demoLogins } from '@/seed/data/users'

import { developerShell } from '../helpers/developerShell'

const root = path.resolve(__dirname, '../..')
const fixture = (name: string) => path.join(__dirname, 'fixtures', name)
// Sixteen times what a Linux pipe holds (64 KiB): most of it is still queued when the script exits.
const BYTES = 1024 * 1024

type Result = { code: number; output: string }

/** Runs a command through the shell, as a developer types it, and resolves to its exit code and output. */
const sh = (command: string, env: Record<string, string>): Promise<Result> =>
  new Promise((resolve) =>
    execFile('sh', ['-c', command], { cwd: root, env: { ...developerShell(), ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    ),
  )

let dir: string
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-run-script-'))
})
afterEach(async () => fs.rm(dir, { force: true, recursive: true }))

describe('runScript', () => {
  it('keeps everything a script printed for a reader that falls behind a full pipe', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture('printThenExit.ts'), String(BYTES)], {
      cwd: root,
      env: developerShell(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = new Promise<null | number>((resolve) => child.once('exit', resolve))
    // The reader stays behind until the script has finished, and then a while longer.
    child.stdout.pause()
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk) => String(chunk).includes('exiting') && resolve()),
    )
    await sleep(500)

    const chunks: Buffer[] = []
    for await (const chunk of child.stdout) chunks.push(chunk)
    const output = Buffer.concat(chunks).toString()

    expect(await exited).toBe(0)
    expect(output.length).toBe(BYTES)
    expect(output.endsWith('end\n')).toBe(true)
  })

  it('starts a run that stalls (a lost module import) again, into the same redirected output', async () => {
    const marker = path.join(dir, 'runs.txt')
    const out = path.join(dir, 'out.txt')
    const { code, output } = await sh(`node --import tsx "$FIXTURE" "$MARKER" once > "$OUT"`, {
      FIXTURE: fixture('stall.ts'),
      MARKER: marker,
      OUT: out,
    })

    expect(code, output).toBe(0)
    expect(output).toMatch(/\[stall\] Node lost a module import while loading \(still open: [^)]*\); starting again \(2\/8\)\./)
    expect(await fs.readFile(out, 'utf-8')).toBe('finished\n')
    expect(await fs.readFile(marker, 'utf-8')).toBe('run\nrun\n')
  })

  it('fails, instead of ending with 0, when every run stalls', async () => {
    const marker = path.join(dir, 'runs.txt')
    const { code, output } = await sh(`node --import tsx "$FIXTURE" "$MARKER" always`, {
      FIXTURE: fixture('stall.ts'),
      MARKER: marker,
    })

    expect(code).toBe(1)
    expect(output).toContain('[stall] Stopped before finishing, 8 times')
    expect(output).not.toContain('finished\n')
    expect(await fs.readFile(marker, 'utf-8')).toBe('run\n'.repeat(8))
  })

  it("does not take a wait on an unref'd timer for a stall", async () => {
    const marker = path.join(dir, 'runs.txt')
    const { code, output } = await sh(`node --import tsx "$FIXTURE" "$MARKER" idle`, {
      FIXTURE: fixture('stall.ts'),
      MARKER: marker,
    })

    expect(code, output).toBe(0)
    expect(output).toBe('finished\n')
    expect(await fs.readFile(marker, 'utf-8')).toBe('run\n')
  })

  it('leaves the demo logins of `npm run seed > file` in the file', { timeout: 120_000 }, async () => {
    const out = path.join(dir, 'out.txt')
    const { code, output: stderr } = await sh('npm run seed > "$OUT"', {
      DATABASE_URL: `file:${path.join(dir, 'seed.db')}`,
      OUT: out,
    })
    const output = await fs.readFile(out, 'utf-8')

    expect(code, `${output}${stderr}`).toBe(0)
    expect(output).toContain('> payload run src/seed/run.ts')
    expect(output).toMatch(/Demo content \(created \/ already there\):\n {2}articles +\d+ \/ 0\n/)
    for (const { email, password, role } of demoLogins) {
      expect(output).toMatch(new RegExp(`${role} +${email} +${password}\n`))
    }
  })
})
