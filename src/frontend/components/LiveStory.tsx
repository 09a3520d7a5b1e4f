'use client'

import { useLivePreview } from '@payloadcms/live-preview-react'

import type { PopulatedArticle } from '../api'

import { Story } from './Story'

/**
 * The story under preview, redrawn from the admin's form as the editor types (Payload Live
 * Preview). Messages are taken only from the admin's origin (`serverURL`); the hook populates
 * relations at `depth=1` through the API with the editor's own session cookie.
 */
export const LiveStory = ({ article, serverURL }: { article: PopulatedArticle; serverURL: string }) => {
  const { data } = useLivePreview<PopulatedArticle>({ depth: 1, initialData: article, serverURL })
  return <Story article={data} />
}
