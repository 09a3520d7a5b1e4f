import type { BenchDatabase } from './database'

/** Acknowledged writes of one kind, and how many of them the database holds afterwards. */
export type StoredCheck = { accepted: number; lost: number; stored: number }

/** How many of the accepted comments are rows in the database: a 201 must mean the comment is stored. */
export const checkStoredComments = async (database: BenchDatabase, accepted: number[]): Promise<StoredCheck> => {
  let stored = 0
  for (let i = 0; i < accepted.length; i += 500) {
    const ids = accepted.slice(i, i + 500)
    const rows = await database.rows(
      `SELECT count(*) AS n FROM comments WHERE id IN (${ids.map(() => '?').join(',')})`,
      ids,
    )
    stored += Number(rows[0].n)
  }
  return { accepted: accepted.length, lost: accepted.length - stored, stored }
}

/** A story's excerpt as one acknowledged save set it; no other save writes the same text. */
export type ExcerptSave = { articleID: number; excerpt: string }

/**
 * How many acknowledged saves the database holds: the story still has the excerpt the save wrote
 * (no later save touches that story) and has a version with it, as every save of a story with
 * versions makes.
 */
export const checkStoredSaves = async (database: BenchDatabase, saves: ExcerptSave[]): Promise<StoredCheck> => {
  let stored = 0
  for (const { articleID, excerpt } of saves) {
    const rows = await database.rows(
      `SELECT (SELECT count(*) FROM articles WHERE id = ? AND excerpt = ?)
              * (SELECT count(*) FROM _articles_v WHERE parent_id = ? AND version_excerpt = ?) AS n`,
      [articleID, excerpt, articleID, excerpt],
    )
    if (Number(rows[0].n) > 0) stored++
  }
  return { accepted: saves.length, lost: saves.length - stored, stored }
}
