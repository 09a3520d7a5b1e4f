import type { CollectionConfig } from 'payload'

export const TOPIC_COUNTS_SLUG = 'read-more-topic-counts'

/** The `topic` value of the row that counts every published document of a collection. */
export const ALL_TOPICS = '*'

const nobody = () => false

/**
 * How many published documents of each collection carry each topic: the document frequencies
 * behind the ranking's IDF weights. Counting them per request walks the whole posting list of a
 * common topic, so they are kept here and recounted when a document is saved or deleted.
 * Only the plugin writes it, with SQL; no person reads or writes it through any API. A new object
 * per call: Payload's sanitising marks field objects, so two configs must not share them.
 */
export const topicCountsCollection = (): CollectionConfig => ({
  slug: TOPIC_COUNTS_SLUG,
  access: {
    create: nobody,
    delete: nobody,
    read: nobody,
    update: nobody,
  },
  admin: {
    hidden: true,
  },
  fields: [
    {
      name: 'collectionSlug',
      type: 'text',
      required: true,
    },
    {
      name: 'topic',
      type: 'text',
      admin: {
        description: `A topic's id, or "${ALL_TOPICS}" for every published document of the collection.`,
      },
      required: true,
    },
    {
      name: 'documents',
      type: 'number',
      defaultValue: 0,
      required: true,
    },
  ],
  graphQL: false,
  indexes: [{ fields: ['collectionSlug', 'topic'], unique: true }],
  lockDocuments: false,
  timestamps: false,
})
