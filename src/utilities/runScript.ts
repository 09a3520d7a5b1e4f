import { type ChildProcess, spawn } from 'child_process'
import { fileURLToPath } from 'url'

/** Which run of a script this process is: set for the runs `runScript` starts again. Internal. */
const ATTEMPT_VARIABLE = 'NEWSROOM_SCRIPT_ATTEMPT'
// A lost import strikes again in a run or two after the first now and then (four in a row was seen once
// on a fresh clone); eight runs keep a newcomer's `npm run dev` from failing on it.
const ATTEMPTS = 8

type ScriptOptions = {
  /** Prefixes the script's own messages, e.g. `seed`. */
  name: string
  /**
   * How long the script may sit with nothing left to run before it counts as stalled.
   * @default 5000
   */
  stallGraceMs?: number
  /** The script's `import.meta.url`: a run that stalls starts this file again. */
  url: string
}

/** Exits with `code` once what was printed has been written: `process.exit()` drops writes still queued for a pipe. */
const exitAfterOutput = async (code: number): Promise<never> => {
  await Promise.all(
    [process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))),
  )
  process.exit(code)
}

/**
 * Runs a CLI script's `main` and exits with the code it returns (1 when it throws), after its
 * output is written. Scripts exit explicitly: Payload's crons and open handles keep them alive.
 *
 * Under load, the off-thread module hooks of Node 20 that tsx (and so `payload run`) installs
 * sometimes lose a module import: the process runs out of work with `main` waiting for good, and
 * would end with code 0 having done nothing, a redirected output holding only npm's header
 * (payloadcms/payload#17757). Such a run is started afresh in a new process, up to ATTEMPTS runs
 * in all, and fails loudly after that.
 */
export const runScript = async (
  { name, stallGraceMs = 5_000, url }: ScriptOptions,
  main: () => Promise<number>,
): Promise<never> => {
  let pending = true
  let idle = 0
  let retry: ChildProcess | undefined

  const onBeforeExit = () => {
    if (!pending || retry) return
    // Teardown can also leave the loop idle while it waits on an unref'd timer, which then fires
    // once anything keeps the loop alive; a lost import never settles. So wait a while first.
    if (idle++ === 0) {
      setTimeout(() => undefined, stallGraceMs)
      return
    }
    const attempt = Number(process.env[ATTEMPT_VARIABLE] ?? 1)
    if (attempt >= ATTEMPTS) {
      console.error(`[${name}] Stopped before finishing, ${attempt} times: Node lost a module import while loading.`)
      process.exitCode = 1
      return
    }
    // What was still open tells a lost import (nothing) from a wait on something real, in a post-mortem.
    const open = process.getActiveResourcesInfo().join(', ') || 'nothing'
    console.error(
      `[${name}] Node lost a module import while loading (still open: ${open}); starting again (${attempt + 1}/${ATTEMPTS}).`,
    )
    retry = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(url), ...process.argv.slice(2)], {
      env: { ...process.env, [ATTEMPT_VARIABLE]: String(attempt + 1) },
      stdio: 'inherit',
    })
    retry.once('error', (error) => {
      console.error(`[${name}] Could not start again:`, error)
      void exitAfterOutput(1)
    })
    retry.once('exit', (code) => void exitAfterOutput(code ?? 1))
  }
  process.on('beforeExit', onBeforeExit)

  let code: number
  try {
    code = await main()
  } catch (error) {
    console.error(`[${name}] Failed:`, error)
    code = 1
  }
  pending = false
  // This run finished after all: a second one must not go on writing beside it.
  retry?.kill()
  return exitAfterOutput(code)
}
