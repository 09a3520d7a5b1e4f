import config from '@payload-config'
import { REST_GET, REST_OPTIONS } from '@payloadcms/next/routes'

// The baseline only answers the benchmark's reads.
export const GET = REST_GET(config)
export const OPTIONS = REST_OPTIONS(config)
