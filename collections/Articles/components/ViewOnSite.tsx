'use client'

import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { storyPath } from '@/utilities/preview'

/**
 * "View on site" beside the document controls of a published story: the page readers see. It
 * links to the published version's slug, which a newer draft may have changed, so it asks the API
 * for the published document (no `draft=true`) after every save.
 */
export const ViewOnSite = () => {
  const { hasPublishedDoc, id, savedDocumentData } = useDocumentInfo()
  const {
    config: { routes, serverURL },
  } = useConfig()
  const [slug, setSlug] = useState<null | string>(null)

  useEffect(() => {
    if (!hasPublishedDoc || id === undefined) return setSlug(null)
    const controller = new AbortController()
    fetch(`${serverURL}${routes.api}/articles/${id}?depth=0&select[slug]=true&select[_status]=true`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((doc: null | { _status?: string; slug?: null | string }) => setSlug(doc?._status === 'published' && doc.slug ? doc.slug : null))
      .catch(() => undefined)
    return () => controller.abort()
  }, [hasPublishedDoc, id, routes.api, savedDocumentData, serverURL])

  if (!slug) return null
  return (
    <Button buttonStyle="secondary" el="anchor" margin={false} newTab size="medium" url={storyPath(slug)}>
      View on site
    </Button>
  )
}
