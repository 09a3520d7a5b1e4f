'use client'

import type { ClientCollectionConfig } from 'payload'

import { useConfig, useRowLabel } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { ReadMoreRow } from '../types'

import { relationID } from '../utilities/relationID'

/**
 * A curated row labelled by where it leads, instead of Payload's "Link 01": the linked document's
 * title (read with the editor's own session), or an external link's title or URL.
 */
export const LinkRowLabel = () => {
  const { data, rowNumber } = useRowLabel<ReadMoreRow>()
  const { config, getEntityConfig } = useConfig()
  const relationTo = data?.type === 'internal' ? data.doc?.relationTo : undefined
  const id = relationID(data?.doc?.value)
  const [title, setTitle] = useState<null | string>(null)

  useEffect(() => {
    setTitle(null)
    if (!relationTo || id === undefined) return
    const collection = getEntityConfig({ collectionSlug: relationTo }) as ClientCollectionConfig | undefined
    const field = collection?.admin?.useAsTitle ?? 'id'
    const controller = new AbortController()
    fetch(`${config.serverURL}${config.routes.api}/${relationTo}/${id}?depth=0&select[${field}]=true`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((doc: null | Record<string, unknown>) => setTitle(typeof doc?.[field] === 'string' ? (doc[field] as string) : null))
      .catch(() => undefined)
    return () => controller.abort()
  }, [config.routes.api, config.serverURL, getEntityConfig, id, relationTo])

  const fallback = `Link ${String((rowNumber ?? 0) + 1).padStart(2, '0')}`
  const label = data?.type === 'external' ? data.title?.trim() || data.url || fallback : (title ?? fallback)
  return <span className="read-more-row-label">{label}</span>
}
