import { LRUCache } from 'lru-cache'

import type { CachedAnswer, OriginCache } from './types'

export type MemoryOriginCacheOptions = {
  /** Bytes of bodies and headers kept; an answer larger than this is not stored. */
  maxBytes: number
  maxEntries: number
}

const sizeOf = ({ body, headers }: CachedAnswer): number =>
  body.byteLength + headers.reduce((total, [name, value]) => total + name.length + value.length, 0)

/**
 * The origin cache of one instance. G and W are plain numbers: JavaScript runs one callback at a
 * time, so a lookup or a store reads both at one instant. Every bump empties the store, since no
 * answer of an earlier generation can be served again.
 */
export const createMemoryOriginCache = ({ maxBytes, maxEntries }: MemoryOriginCacheOptions): OriginCache => {
  const answers = new LRUCache<string, CachedAnswer>({ max: maxEntries, maxSize: maxBytes, sizeCalculation: sizeOf })
  let generation = 0
  let writes = 0
  const bump = (): void => {
    generation += 1
    answers.clear()
  }
  const beginWrite = async () => {
    writes += 1
    bump()
    let ended = false
    return async () => {
      if (ended) return
      ended = true
      bump()
      writes -= 1
    }
  }
  return {
    beginWrite,
    invalidate: async () => (await beginWrite())(),
    lookup: async (key) => {
      if (writes > 0) return { kind: 'bypass' }
      const answer = answers.get(key)
      return answer ? { answer, kind: 'hit' } : { generation, kind: 'miss' }
    },
    store: async (key, at, answer) => {
      if (writes > 0 || generation !== at || sizeOf(answer) > maxBytes) return false
      answers.set(key, answer)
      return answers.has(key)
    },
  }
}
