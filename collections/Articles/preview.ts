import type { CollectionAdminOptions } from 'payload'

import { env } from '@/env'
import { previewURL } from '@/utilities/preview'

/** The frontend's draft route for a story; none before the story has a slug. */
const previewURLOf = (secret: string, slug: unknown): null | string =>
  typeof slug === 'string' && slug ? previewURL({ secret, serverURL: env.serverURL, slug }) : null

/**
 * The admin's Preview button and Live Preview on articles, both opening the reference frontend's
 * draft route. Without PREVIEW_SECRET in production preview is off, and neither is offered.
 */
export const articlePreview = (secret: string | undefined = env.previewSecret): Pick<CollectionAdminOptions, 'livePreview' | 'preview'> =>
  secret
    ? {
        livePreview: {
          breakpoints: [
            { name: 'mobile', height: 667, label: 'Mobile', width: 375 },
            { name: 'tablet', height: 1024, label: 'Tablet', width: 768 },
            { name: 'desktop', height: 900, label: 'Desktop', width: 1440 },
          ],
          url: ({ data }) => previewURLOf(secret, data?.slug),
        },
        preview: (doc) => previewURLOf(secret, doc.slug),
      }
    : {}
