import { execFile } from 'child_process'
import { promisify } from 'util'

import { root } from '../helpers/server'

/** Builds the app once for every production test file; SKIP_BUILD=1 reuses the existing build. */
export default async function setup(): Promise<void> {
  if (process.env.SKIP_BUILD) return
  await promisify(execFile)('npm', ['run', 'build'], { cwd: root, maxBuffer: 64 * 1024 * 1024 })
}
