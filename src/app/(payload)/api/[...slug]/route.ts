import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { withOriginCache } from '@/http/withOriginCache'
import { withPublicCaching } from '@/http/publicCache'
import { withCheckedRequests } from '@/http/withCheckedRequests'
import { withReplicaReadsForThePublic } from '@/http/withReplicaReadsForThePublic'

// Sizes, content types and JSON are checked before Payload parses anything (src/http/withCheckedRequests.ts);
// then only requests without credentials may read from a replica.
const checkedRequests = withCheckedRequests(config, 'rest')
const replicaReads = withReplicaReadsForThePublic(config)
const checked: typeof checkedRequests = (handler) => checkedRequests(replicaReads(handler))

// Anonymous reads of public content carry an ETag and short shared-cache lifetimes; the rest is private.
// Those marked public are kept by the exact origin cache, whose hits skip everything inside it.
export const GET = withOriginCache(config, 'rest')(withPublicCaching(checked(REST_GET(config))))
export const POST = checked(REST_POST(config))
export const DELETE = checked(REST_DELETE(config))
export const PATCH = checked(REST_PATCH(config))
export const PUT = checked(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
