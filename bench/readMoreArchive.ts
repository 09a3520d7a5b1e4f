import type { Row } from './sql'

import { randomInt, seededRandom, zipfSampler } from './random'
import { insertStatement } from './sql'

/**
 * A deterministic archive for the read-more ranking, written with bulk SQL into the tables Payload
 * made (its migrations ran first), on SQLite or PostgreSQL: the same rows on both, only booleans
 * written differently. Used by `npm run bench:read-more` and PostgreSQL's query-plan test.
 */
export type ArchiveDialect = 'postgres' | 'sqlite'

export const ARCHIVE_TAGS = 500
const AUTHORS = 20
const BATCH = 2_000
const DRAFT_SHARE = 0.05
/** Tag ranks 21–30, mid-frequency: internal tags must never carry an automatic link. */
const isInternalRank = (rank: number) => rank > 20 && rank <= 30
const START = Date.parse('2020-01-01T00:00:00Z')
/** Distinct title words, drawn Zipf-skewed like the words of real headlines. */
const VOCABULARY = 2_000
const SYLLABLES = ['ka', 'lor', 'mi', 'ren', 'tu', 'vos', 'dar', 'pel', 'sin', 'gor', 'fa', 'ne', 'bru', 'hol', 'qui', 'zet']

/** The publication time of story `id`: ten minutes after the one before. */
export const archiveDate = (id: number): string => new Date(START + id * 600_000).toISOString()

/** A made-up word of three syllables for each rank, the same on every run. */
const wordOf = (rank: number): string =>
  [0, 1, 2].map((place) => SYLLABLES[Math.floor(rank / SYLLABLES.length ** place) % SYLLABLES.length]).join('')

/** PostgreSQL refuses 1 and 0 for a boolean column; quoted 'true' and 'false' it takes. */
const forDialect = (dialect: ArchiveDialect, rows: Row[]): Row[] =>
  dialect === 'sqlite'
    ? rows
    : rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'boolean' ? String(value) : value])))

export type ArchiveTarget = {
  dialect: ArchiveDialect
  /** Runs one statement as written (no parameters). */
  execute: (statement: string) => Promise<unknown>
}

/**
 * Writes 500 tags (ids = Zipf ranks) and 20 authors, then `grow(size)` adds articles up to `size`
 * stories in all: 5% drafts, one author each, 2–4 distinct tags drawn with probability ∝ 1/rank
 * (tag 1 is on ~40% of stories, tag 500 on ~0.1%), publication times ten minutes apart, titles of
 * 4–7 made-up words from a Zipf-skewed vocabulary (for the text-similarity signal).
 */
export const readMoreArchive = ({ dialect, execute }: ArchiveTarget) => {
  const random = seededRandom()
  const zipf = zipfSampler(random, ARCHIVE_TAGS)
  // A generator of its own: the tags drawn stay those of the archives measured before titles had words.
  const words = seededRandom(0x1b873593)
  const word = zipfSampler(words, VOCABULARY)
  const insert = (table: string, rows: Row[]) => execute(insertStatement(table, forDialect(dialect, rows)))
  const stamp = archiveDate
  let written = 0

  /** Tags or authors: ids 1…count, a name and a slug each. */
  const namedRows = (count: number, name: string, extra: (id: number) => Row = () => ({})): Row[] =>
    Array.from({ length: count }, (_, i) => ({
      created_at: stamp(0),
      generate_slug: false,
      id: i + 1,
      name: `${name} ${i + 1}`,
      slug: `${name.toLowerCase()}-${i + 1}`,
      updated_at: stamp(0),
      ...extra(i + 1),
    }))

  const writeTopicsAndAuthors = async () => {
    await insert('tags', namedRows(ARCHIVE_TAGS, 'Topic', (rank) => ({ internal: isInternalRank(rank) })))
    await insert('authors', namedRows(AUTHORS, 'Writer'))
  }

  const grow = async (size: number) => {
    while (written < size) {
      const articles: Row[] = []
      const rels: Row[] = []
      const count = Math.min(BATCH, size - written)
      for (let i = 0; i < count; i++) {
        const id = ++written
        const draft = random() < DRAFT_SHARE
        articles.push({
          _status: draft ? 'draft' : 'published',
          created_at: stamp(id),
          generate_slug: false,
          id,
          published_at: draft ? null : stamp(id),
          slug: `story-${id}`,
          title: Array.from({ length: randomInt(words, 4, 7) }, () => wordOf(word())).join(' '),
          updated_at: stamp(id),
        })
        const relation = (order: number, field: 'authors' | 'tags', value: number): Row => ({
          authors_id: field === 'authors' ? value : null,
          order,
          parent_id: id,
          path: field,
          tags_id: field === 'tags' ? value : null,
        })
        rels.push(relation(1, 'authors', 1 + (id % AUTHORS)))
        const tags = new Set<number>()
        const wanted = 2 + Math.floor(random() * 3)
        while (tags.size < wanted) tags.add(zipf())
        ;[...tags].forEach((tag, index) => rels.push(relation(index + 1, 'tags', tag)))
      }
      await insert('articles', articles)
      await insert('articles_rels', rels)
    }
  }

  return { grow, random, writeTopicsAndAuthors }
}
