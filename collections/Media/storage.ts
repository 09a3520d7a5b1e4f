import type { Plugin } from 'payload'

import { s3Storage } from '@payloadcms/storage-s3'

import type { S3Settings } from '@/env'

/**
 * Keeps the media collection's files in an S3-compatible bucket when `settings` are given, and in
 * the local media/ folder otherwise. Either way files are served by Payload at
 * /api/media/file/<name>, behind the collection's read access and the API's security headers: the
 * bucket stays private, and no URL into it is handed out.
 */
export const mediaStorage = (settings: S3Settings | undefined): Plugin =>
  s3Storage({
    // The same columns (`prefix`, `_objectKey`) with and without a bucket, so one set of migrations fits both.
    alwaysInsertFields: true,
    bucket: settings?.bucket ?? '',
    // One client per bucket on each server: two configs in one process (tests) may name the same bucket elsewhere.
    clientCacheKey: settings && `s3:${settings.endpoint}/${settings.bucket}`,
    // Keys are the file names at the bucket's root. An explicit prefix also adds the `prefix` column when
    // a bucket is set, which `alwaysInsertFields` alone adds only when none is (plugin-cloud-storage 3.90.1).
    collections: { media: { prefix: '' } },
    config: settings
      ? {
          credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
          endpoint: settings.endpoint,
          forcePathStyle: settings.forcePathStyle,
          region: settings.region,
          // The SDK's default checksums frame streamed bodies as aws-chunked, which S3-compatible servers
          // (s3rver, Ceph, older MinIO) store as part of the object: send checksums only where the API requires them.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {},
    enabled: Boolean(settings),
  })
