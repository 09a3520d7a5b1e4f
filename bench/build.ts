import { spawn } from 'child_process'
import fs from 'fs/promises'
import path from 'path'

import { NEXT_BIN, ROOT, childEnv } from './paths'

export type App = { dir: string; label: string }

const readBuildID = (dir: string): Promise<null | string> =>
  fs.readFile(path.join(dir, '.next', 'BUILD_ID'), 'utf8').then(
    (id) => id.trim(),
    () => null,
  )

/** `next build` for one app, its output on stderr with the bench's progress. */
const build = (dir: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const args = dir === ROOT ? ['build'] : ['build', path.relative(ROOT, dir)]
    const child = spawn(NEXT_BIN, args, { cwd: ROOT, env: childEnv({}), stdio: ['ignore', 2, 2] })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next ${args.join(' ')} exited with ${code}`)),
    )
  })

/** Reuses an app's production build when it has one (`.next/BUILD_ID`), unless asked to rebuild. */
export const ensureBuild = async ({ dir, label }: App, rebuild: boolean): Promise<'built' | 'reused'> => {
  const existing = await readBuildID(dir)
  const where = path.relative(ROOT, path.join(dir, '.next')) || '.next'
  if (existing && !rebuild) {
    console.error(
      `[bench] ${label}: reusing the production build in ${where} (BUILD_ID ${existing}; --build rebuilds it)`,
    )
    return 'reused'
  }
  console.error(
    `[bench] ${label}: ${existing ? 'rebuilding (--build)' : 'no production build yet: building'} into ${where}…`,
  )
  const began = performance.now()
  await build(dir)
  console.error(
    `[bench] ${label}: built in ${((performance.now() - began) / 1000).toFixed(0)} s (BUILD_ID ${await readBuildID(dir)})`,
  )
  return 'built'
}
