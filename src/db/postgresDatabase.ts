import type { DatabaseAdapterObj } from 'payload'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Pool } from 'pg'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { index } from '@payloadcms/db-postgres/drizzle/pg-core'

import { latestVersionsIndex } from './latestVersionsIndex'
import { sendOnlyPublicReadsToReplicas } from './replicaReads'

export type PostgresDatabaseOptions = {
  /** A transaction left idle this long (ms) is ended by the server, releasing its locks; unset, never. */
  idleInTransactionTimeoutMs?: number
  migrationDir: string
  /** Connections per pool (the primary's, each replica's); node-postgres's default (10) when unset. */
  poolMax?: number
  /** Servers that the public's reads outside a transaction may go to (Payload's `readReplicas`; see replicaReads.ts). */
  replicaURLs?: string[]
  /** The longest a statement may run (ms) before the server cancels it; unset, no limit. */
  statementTimeoutMs?: number
  /** A `postgres://` or `postgresql://` URL. */
  url: string
}

/** The primary's pool and each replica's. */
export const poolsOf = ({ drizzle, pool }: PostgresAdapter): Pool[] => {
  // Drizzle keeps each replica's pool as `$client`; its types leave it out of the replicas' type.
  const replicas = '$replicas' in drizzle ? (drizzle.$replicas as unknown as { $client: Pool }[]) : []
  return [...new Set([pool, ...replicas.map(({ $client }) => $client)])]
}

/**
 * Payload's PostgreSQL adapter, on migrations only. The timeouts are sent as the connection's own
 * settings, so a stuck statement or a forgotten transaction cannot hold locks and connections for ever.
 */
export const postgresDatabase = ({
  idleInTransactionTimeoutMs,
  migrationDir,
  poolMax,
  replicaURLs = [],
  statementTimeoutMs,
  url,
}: PostgresDatabaseOptions): DatabaseAdapterObj => {
  const adapterObj = postgresAdapter({
    afterSchemaInit: [latestVersionsIndex(index)],
    migrationDir,
    pool: {
      connectionString: url,
      idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
      max: poolMax,
      statement_timeout: statementTimeoutMs,
    },
    // Migrations only, never push mode: the schema a database has is always the committed one.
    push: false,
    readReplicas: replicaURLs.length ? replicaURLs : undefined,
    // Payload sends all of an instance's reads to the primary for 2 s after any write it makes, which on a
    // busy newsroom (comments, saves) is nearly always: staff reads go to the primary anyway (replicaReads.ts).
    readReplicasAfterWriteInterval: 0,
  })
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      const { connect } = adapter
      adapter.connect = async (options) => {
        await connect?.call(adapter, options)
        // node-postgres emits an idle connection's failure (a server restart, a failover) on its pool,
        // and an 'error' event without a listener ends the process: log it, the pool reconnects.
        for (const each of poolsOf(adapter)) {
          if (each.listenerCount('error') === 0) {
            each.on('error', (err) => args.payload.logger.error({ err, msg: 'An idle PostgreSQL connection failed' }))
          }
        }
      }
      if (replicaURLs.length) sendOnlyPublicReadsToReplicas(adapter, args.payload)
      return adapter
    },
  }
}
