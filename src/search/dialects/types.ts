import type { Payload, PayloadRequest } from 'payload'

/** One published story as the index holds it: the words a reader may search, public topics only. */
export type IndexRow = { body: string; excerpt: string; id: number | string; title: string; topics: string }

export type SearchHit = { id: number | string; snippet: string }

export type SearchPage = { hits: SearchHit[]; total: number }

/** Where a statement runs: `req` joins it to the request's transaction, so the index changes with the story. */
export type Target = { payload: Payload; req?: Partial<PayloadRequest> }

/** The search index written for one database adapter: `search_index`, made by the dialect's migration. */
export type SearchDialect = {
  /** The adapter's `payload.db.name`. */
  adapterName: string
  /** True once any story is indexed. */
  hasRows: (target: Target) => Promise<boolean>
  remove: (target: Target, id: number | string) => Promise<void>
  /** The indexed title and excerpt of a story; undefined when it is not indexed (not published). */
  readSummary: (target: Target, id: number | string) => Promise<undefined | { excerpt: string; title: string }>
  /**
   * Stories whose title, excerpt or topics hold any of `terms`, best first, none of `exclude`:
   * the read-more plugin's text-similarity signal.
   */
  rankByAnyTerm: (target: Target, args: { exclude: (number | string)[]; limit: number; terms: string[] }) => Promise<(number | string)[]>
  /** Ranked hits for every term (the last one also as a prefix), snippets marked with MARK_START/MARK_END. */
  search: (target: Target, args: { limit: number; offset: number; terms: string[] }) => Promise<SearchPage>
  upsert: (target: Target, row: IndexRow) => Promise<void>
}
