import type { Plugin } from 'payload'

import { rejectMalformedQueries } from './rejectMalformedQueries'

/**
 * Puts `rejectMalformedQueries` in every collection's `beforeOperation` hooks, first: the hooks after
 * it (read clamps, relation guards, flood control) only ever see arguments the database can run.
 * Listed last among the plugins, so that it also covers collections other plugins add.
 */
export const checkQueries: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [rejectMalformedQueries, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })),
})
