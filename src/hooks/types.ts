import type { CollectionSlug } from 'payload'

/** A relationship or join field whose targets some readers may not see (drafts, internal tags, hidden comments). */
export type PrivateRelation = { name: string; relationTo: CollectionSlug }
