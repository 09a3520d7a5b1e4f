/** S3 settings as src/env.ts reads them, for tests that need a complete, valid set. */
export const EXAMPLE_S3_SETTINGS = {
  accessKeyId: 'key-id',
  bucket: 'newsroom-media',
  endpoint: 'http://127.0.0.1:9000',
  forcePathStyle: true,
  region: 'eu-west-1',
  secretAccessKey: 'secret',
}
