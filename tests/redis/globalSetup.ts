import { Redis } from 'ioredis'

import { REDIS_TEST_SERVER } from '../helpers/redis'

/** The Redis and cluster suites need a server: they say so at once, rather than failing (or passing) test by test. */
export default async function checkRedis(): Promise<void> {
  const client = new Redis(REDIS_TEST_SERVER, { connectTimeout: 2000, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  // The connection's own error (ECONNREFUSED) says more than the failed command's.
  let connectionError: Error | undefined
  client.on('error', (err: Error) => {
    connectionError = err
  })
  try {
    await client.ping()
  } catch (err) {
    throw new Error(
      `This suite needs a Redis server at ${REDIS_TEST_SERVER} (set REDIS_TEST_URL for another): ${(connectionError ?? (err as Error)).message}. ` +
        `Start one with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ""`,
    )
  } finally {
    client.disconnect()
  }
}
