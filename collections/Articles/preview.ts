import type { CollectionAdminOptions } from 'payload'

import { previewURL } from '@/utilities/preview'

type PreviewSettings = {
  /** PREVIEW_SECRET; undefined when preview is off. */
  secret: string | undefined
  /** SERVER_URL, the public origin the frontend is served on. */
  serverURL: string
}

/**
 * The admin's Preview button and Live Preview on articles, both opening the reference frontend's
 * draft route. Without PREVIEW_SECRET in production preview is off, and neither is offered.
 */
export const articlePreview = ({ secret, serverURL }: PreviewSettings): Pick<CollectionAdminOptions, 'livePreview' | 'preview'> => {
  if (!secret) return {}
  // The frontend's draft route for a story; none before the story has a slug.
  const previewURLOf = (slug: unknown): null | string => (typeof slug === 'string' && slug ? previewURL({ secret, serverURL, slug }) : null)
  return {
    livePreview: {
      breakpoints: [
        { name: 'mobile', height: 667, label: 'Mobile', width: 375 },
        { name: 'tablet', height: 1024, label: 'Tablet', width: 768 },
        { name: 'desktop', height: 900, label: 'Desktop', width: 1440 },
      ],
      url: ({ data }) => previewURLOf(data?.slug),
    },
    preview: (doc) => previewURLOf(doc.slug),
  }
}
