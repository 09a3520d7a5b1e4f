/**
 * A second server instance, in a process of its own: boots the app on the database and bucket that
 * its environment names, asks its REST handler for /api/media/file/<argv[2]>, and prints the answer's
 * status, content type and SHA-256 as one JSON line. Run with tsx by media-storage.test.ts.
 */
import { createHash } from 'crypto'

import { runScript } from '../../src/utilities/runScript'

// runScript starts the process again when a module import is lost while loading the app (as the
// seed does): twice in CI this process ended early with no output at all.
await runScript({ name: 'second instance', url: import.meta.url }, async () => {
  const { send } = await import('../helpers/http')
  const name = process.argv[2]
  const response = await send(new Request(`http://localhost:3000/api/media/file/${encodeURIComponent(name)}`))
  const body = Buffer.from(await response.arrayBuffer())
  console.log(
    JSON.stringify({
      contentType: response.headers.get('content-type'),
      sha256: createHash('sha256').update(body).digest('hex'),
      status: response.status,
    }),
  )
  return 0
})
