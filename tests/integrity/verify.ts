import { type Client, createClient } from '@libsql/client'

import type { Expected, Outcome } from './load'

/**
 * `stored`: the row is there. `missing`: it is not. `stale`: its version row is there, but the
 * article's own row was left older than this last acknowledged save to it, as if it had been undone.
 */
export type Verdict = 'missing' | 'stale' | 'stored'

type ArticleWrite = Outcome & { expected: Extract<Expected, { type: 'article' }> }

const exists = async (db: Client, sql: string, args: (number | string)[]): Promise<boolean> =>
  (await db.execute({ args, sql })).rows.length > 0

const isStored = async (db: Client, expected: Expected): Promise<boolean> => {
  if (expected.type === 'comment') {
    return exists(db, 'SELECT 1 FROM comments WHERE id = ? AND body = ?', [expected.id, expected.body])
  }
  if (expected.type === 'session') {
    return exists(db, 'SELECT 1 FROM users_sessions WHERE id = ? AND _parent_id = ?', [expected.sid, expected.userID])
  }
  // Every create, save, autosave and publish adds a version row (the collection has no `drafts.autosave`,
  // so Payload never updates an autosave version in place), stamped with the updatedAt it answered.
  const published = (column: string) => (expected.published ? ` AND ${column} = 'published'` : '')
  const version = await exists(
    db,
    `SELECT 1 FROM _articles_v WHERE parent_id = ? AND version_title = ? AND version_updated_at = ?${published('version__status')}`,
    [expected.id, expected.title, expected.updatedAt],
  )
  if (version || !expected.mainRow) return version
  return exists(db, `SELECT 1 FROM articles WHERE id = ? AND title = ? AND updated_at = ?${published('_status')}`, [
    expected.id,
    expected.title,
    expected.updatedAt,
  ])
}

/**
 * Looks every acknowledged write up in the SQLite file itself, not through the app. Then, per
 * article, its own row must hold the last acknowledged write to it (a create, save or publish; a
 * draft save writes only a version) or a later one: a write whose answer never arrived (a timeout,
 * the kill) may have been committed after it. A later save may unpublish: Payload merges a PATCH
 * into the latest version, a draft when one was saved since the publish.
 */
export const checkStored = async (databaseFile: string, outcomes: Outcome[]): Promise<Map<Outcome, Verdict>> => {
  const db = createClient({ url: `file:${databaseFile}` })
  const verdicts = new Map<Outcome, Verdict>()
  try {
    const lastWrites = new Map<number, ArticleWrite>()
    for (const outcome of outcomes) {
      if (!outcome.expected) continue
      verdicts.set(outcome, (await isStored(db, outcome.expected)) ? 'stored' : 'missing')
      const { expected } = outcome
      if (expected.type !== 'article' || !expected.mainRow) continue
      const last = lastWrites.get(expected.id)
      if (!last || last.expected.updatedAt <= expected.updatedAt) lastWrites.set(expected.id, outcome as ArticleWrite)
    }
    for (const [id, write] of lastWrites) {
      if (verdicts.get(write) !== 'stored') continue
      const { rows } = await db.execute({
        args: [id],
        sql: 'SELECT title, updated_at, _status FROM articles WHERE id = ?',
      })
      const row = rows[0]
      if (!row) {
        verdicts.set(write, 'missing')
        continue
      }
      const updatedAt = String(row.updated_at)
      const later = updatedAt > write.expected.updatedAt
      const same =
        updatedAt === write.expected.updatedAt &&
        row.title === write.expected.title &&
        (!write.expected.published || row._status === 'published')
      if (!later && !same) verdicts.set(write, 'stale')
    }
  } finally {
    db.close()
  }
  return verdicts
}

/** `PRAGMA integrity_check`: `['ok']` for a sound file, else the problems SQLite found. */
export const integrityCheck = async (databaseFile: string): Promise<string[]> => {
  const db = createClient({ url: `file:${databaseFile}` })
  try {
    return (await db.execute('PRAGMA integrity_check')).rows.map((row) => String(row[0]))
  } finally {
    db.close()
  }
}
