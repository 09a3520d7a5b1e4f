import { S3 } from '@aws-sdk/client-s3'
import fs from 'fs/promises'
import os from 'os'
import path from 'path'
import S3rver from 's3rver'
import { afterAll, beforeAll } from 'vitest'

export type S3TestServer = {
  bucket: string
  /** A client of the server, as a deployment's other tools would use (not Payload's own). */
  client: S3
  /** The S3_* variables that point the app at this server. */
  env: Record<string, string>
  /** Every key in the bucket, sorted. */
  keys: () => Promise<string[]>
  stop: () => Promise<void>
}

// s3rver's only account; it checks each request's signature against it.
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

/** Starts s3rver (a pure-JS S3-compatible server) on a free port with its own folder, and creates the bucket through the S3 API. */
export const startS3Server = async (bucket = 'newsroom-media'): Promise<S3TestServer> => {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-s3-'))
  const server = new S3rver({ address: '127.0.0.1', directory, port: 0, silent: true })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const client = new S3({ credentials, endpoint, forcePathStyle: true, region: 'us-east-1' })
  await client.createBucket({ Bucket: bucket })
  return {
    bucket,
    client,
    env: {
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_REGION: 'us-east-1',
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    keys: async () => {
      const { Contents = [] } = await client.listObjectsV2({ Bucket: bucket })
      return Contents.map(({ Key }) => Key!).sort()
    },
    stop: async () => {
      client.destroy()
      await server.close()
      await fs.rm(directory, { force: true, recursive: true })
    },
  }
}

/**
 * Starts an S3 server (see `startS3Server`) before the file's tests and points the S3_* variables at
 * it; stops it after them. Call it before `useTestPayload`, which reads those variables when it boots.
 */
export const useS3Server = (bucket?: string): S3TestServer => {
  const s3 = {} as S3TestServer
  const saved = { ...process.env }
  beforeAll(async () => {
    Object.assign(s3, await startS3Server(bucket))
    Object.assign(process.env, s3.env)
  })
  afterAll(async () => {
    process.env = saved
    // Absent when the server did not start.
    await s3.stop?.()
  })
  return s3
}
