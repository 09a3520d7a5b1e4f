'use client'

import { useConfig, useField } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

/**
 * Under a story's tags: which of the chosen tags are internal, since the picker shows only names
 * and an internal tag is never shown to readers (nor counts for "Read more about").
 */
export const InternalTagsNote = ({ path = 'tags' }: { path?: string }) => {
  const { value } = useField<(number | { id: number })[]>({ path })
  const {
    config: { routes, serverURL },
  } = useConfig()
  const [internal, setInternal] = useState<string[]>([])
  const ids = (Array.isArray(value) ? value : []).map((tag) => (typeof tag === 'object' ? tag.id : tag))
  const key = ids.join(',')

  useEffect(() => {
    if (!key) return setInternal([])
    const query = `where[id][in]=${key}&where[internal][equals]=true&select[name]=true&depth=0&limit=100`
    const controller = new AbortController()
    fetch(`${serverURL}${routes.api}/tags?${query}`, { credentials: 'include', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((list: null | { docs: { name: string }[] }) => setInternal(list?.docs.map(({ name }) => name) ?? []))
      .catch(() => undefined)
    return () => controller.abort()
  }, [key, routes.api, serverURL])

  if (!internal.length) return null
  return (
    <div className="field-description internal-tags-note">
      Internal, never shown to readers:{' '}
      <strong>{internal.join(', ')}</strong>
    </div>
  )
}
