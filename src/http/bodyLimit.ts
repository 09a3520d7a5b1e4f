import bytes from 'bytes'

import { env } from '@/env'

import { carriesCredentials } from './carriesCredentials'

export type BodyLimit = { bytes: number; variable: string; who: string }

/**
 * How large a body this request may send. The larger limits go to requests that carry credentials:
 * only the header is looked at here, so a forged one gets the staff limit too, and no more, before
 * Payload checks it (and refuses the request) right after. Multipart bodies with credentials to an
 * upload collection are uploads, with their own limit.
 */
export const bodyLimitFor = (request: Request, isUpload: boolean): BodyLimit => {
  if (!carriesCredentials(request)) {
    return { bytes: env.bodyLimits.anonymous, variable: 'BODY_LIMIT_ANONYMOUS', who: 'requests without credentials' }
  }
  if (isUpload) return { bytes: env.bodyLimits.upload, variable: 'BODY_LIMIT_UPLOAD', who: 'uploads' }
  return { bytes: env.bodyLimits.staff, variable: 'BODY_LIMIT_STAFF', who: 'requests with credentials' }
}

export const tooLargeMessage = ({ bytes: limit, variable, who }: BodyLimit): string =>
  `The request body is larger than ${bytes.format(limit)}, the limit for ${who} (${variable}).`
