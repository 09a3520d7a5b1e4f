import { timingSafeEqual } from 'crypto'
import { cookies, draftMode } from 'next/headers'

import { previewSecretFrom } from '@/utilities/preview'

import { getArticle, getDraftArticle, type PopulatedArticle } from './api'
import { siteOrigin } from './site'

/** Payload's session cookie (the config keeps the default `payload` cookie prefix). */
export const SESSION_COOKIE = 'payload-token'

/**
 * The token preview links must carry, read by the frontend itself as any separate site would;
 * undefined when preview is off (production without PREVIEW_SECRET).
 */
export const frontendPreviewSecret = (): string | undefined => previewSecretFrom(process.env)

/** Compares in constant time, so the answer's timing says nothing about how much of a guess was right. */
export const isPreviewSecret = (given: null | string, secret: string): boolean => {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}

export type StoryRead = { article: null | PopulatedArticle; preview: boolean }

/**
 * The story a page shows: in draft mode with a staff session, its latest draft as that session may
 * read it (uncached); otherwise the published story every reader gets. Draft mode alone (a stale
 * cookie, a logged-out editor) shows nothing more than the public sees.
 */
export const readStory = async (slug: string): Promise<StoryRead> => {
  const token = (await draftMode()).isEnabled ? (await cookies()).get(SESSION_COOKIE)?.value : undefined
  if (!token) return { article: await getArticle(slug), preview: false }
  return { article: await getDraftArticle(slug, token), preview: true }
}

/** The admin's public origin (the site's own, SERVER_URL): Live Preview accepts the editor's form data from there only. */
export const cmsOrigin = (): string => siteOrigin()
