/**
 * The archive both benchmark databases are filled with, generated from a fixed seed: the project
 * and the bare-Payload baseline serve exactly the same stories, tags, authors and comments.
 */
import type { Block } from '@/seed/lexical'

import { richText } from '@/seed/lexical'

import { randomInt, seededRandom, zipfSampler } from './random'
import { countWords, headline, personName, sentence, slugOf, words } from './text'

/**
 * What an archive holds. `newsroom` is this bench's own (a large tag vocabulary with internal tags,
 * ~300-word bodies, drafts and comments); `client` is the one issue 16's independent client measured
 * with: 2,000 published stories, each with 3 of 30 tags, 1 of 5 authors and a short body, no drafts,
 * no comments. Chosen with `--archive` (BENCH_ARCHIVE, read by the fill processes too).
 */
export type ArchiveShape = {
  authorCount: number
  /** Words per body, at least. */
  bodyWords: number
  /** Comments on a published story at most (0: none). */
  commentsPerStory: number
  /** Drafts on top of the published stories: 0.1 means 2,000 published stories come with 200 drafts. */
  draftShare: number
  /** A few mid-popularity tags are internal (staff-only): the project hides them, the baseline cannot. */
  internalTagRanks: ReadonlySet<number>
  tagCount: number
  /** Tags per story, drawn by popularity (Zipf) when `zipfTags`, else uniformly. */
  tagsPerStory: readonly [number, number]
  twoAuthorsShare: number
  zipfTags: boolean
}

export const ARCHIVES = {
  client: {
    authorCount: 5,
    bodyWords: 30,
    commentsPerStory: 0,
    draftShare: 0,
    internalTagRanks: new Set<number>(),
    tagCount: 30,
    tagsPerStory: [3, 3],
    twoAuthorsShare: 0,
    zipfTags: false,
  },
  newsroom: {
    authorCount: 50,
    bodyWords: 300,
    commentsPerStory: 8,
    draftShare: 0.1,
    internalTagRanks: new Set(Array.from({ length: 10 }, (_, i) => 21 + i)),
    tagCount: 500,
    tagsPerStory: [2, 4],
    twoAuthorsShare: 0.3,
    zipfTags: true,
  },
} as const satisfies Record<string, ArchiveShape>

export type ArchiveName = keyof typeof ARCHIVES
export const ARCHIVE_NAMES = Object.keys(ARCHIVES) as ArchiveName[]

/** The shape BENCH_ARCHIVE names (`run.ts` sets it from `--archive` for itself and the fills). */
export const archiveShape = (): ArchiveShape => {
  const name = process.env.BENCH_ARCHIVE || 'newsroom'
  if (!(name in ARCHIVES)) throw new Error(`BENCH_ARCHIVE must be one of ${ARCHIVE_NAMES.join(', ')}, not "${name}".`)
  return ARCHIVES[name as ArchiveName]
}

/** Of the comments on a story, this share is approved; the rest wait for moderation. */
export const APPROVED_SHARE = 0.85
const START = Date.UTC(2021, 0, 1)
const HOUR = 3_600_000

/** Tag ids are their popularity ranks (id 1 is the most used tag), so a rank can be named by id. */
export const tagIDOfRank = (rank: number): number => rank

export type GeneratedTag = { id: number; internal: boolean; name: string; slug: string }
export type GeneratedAuthor = { id: number; jobTitle: string; name: string; slug: string }
export type GeneratedComment = {
  articleID: number
  authorEmail: string
  authorName: string
  body: string
  createdAt: string
  id: number
  status: 'approved' | 'pending'
}
export type GeneratedArticle = {
  authorIDs: number[]
  /** Lexical editor state, as JSON text. */
  content: string
  createdAt: string
  excerpt: string
  id: number
  publishedAt: null | string
  slug: string
  status: 'draft' | 'published'
  tagIDs: number[]
  title: string
  updatedAt: string
}

export const generateTags = (shape = archiveShape()): GeneratedTag[] =>
  Array.from({ length: shape.tagCount }, (_, i) => {
    const rank = i + 1
    const name = `Topic ${rank}`
    return { id: tagIDOfRank(rank), internal: shape.internalTagRanks.has(rank), name, slug: slugOf(name) }
  })

export const generateAuthors = (shape = archiveShape()): GeneratedAuthor[] => {
  const random = seededRandom(0x51ed270b)
  return Array.from({ length: shape.authorCount }, (_, i) => {
    const name = `${personName(random)} ${i + 1}`
    return { id: i + 1, jobTitle: random() < 0.5 ? 'Reporter' : 'Correspondent', name, slug: slugOf(name) }
  })
}

const body = (random: () => number, bodyWords: number): string => {
  const blocks: Block[] = []
  let total = 0
  while (total < bodyWords) {
    if (blocks.length === 3) blocks.push({ heading: sentence(random, 3, 6).slice(0, -1), tag: 'h2' })
    const paragraph = Array.from({ length: randomInt(random, 2, 4) }, () => sentence(random)).join(' ')
    blocks.push(paragraph)
    total += countWords(paragraph)
  }
  return JSON.stringify(richText(blocks))
}

const distinct = (count: number, draw: () => number): number[] => {
  const chosen = new Set<number>()
  while (chosen.size < count) chosen.add(draw())
  return [...chosen]
}

/**
 * The stories, oldest first, each with its comments. Drafts are spread evenly among the published
 * stories; publication times step about 3 hours with jitter, so `-publishedAt` order is close to,
 * but not the same as, id order (as with backdated stories).
 */
export function* generateArticles(
  published: number,
  shape = archiveShape(),
): Generator<{ article: GeneratedArticle; comments: GeneratedComment[] }> {
  const random = seededRandom()
  const tagRank = shape.zipfTags ? zipfSampler(random, shape.tagCount) : () => randomInt(random, 1, shape.tagCount)
  const drafts = Math.floor(published * shape.draftShare)
  const total = published + drafts
  let commentID = 0
  for (let id = 1; id <= total; id++) {
    const isDraft = Math.floor((id * drafts) / total) > Math.floor(((id - 1) * drafts) / total)
    const slot = START + id * 3 * HOUR + Math.floor(random() * 4 * HOUR)
    const createdAt = slot - Math.floor(random() * 48 * HOUR)
    const title = headline(random)
    const article: GeneratedArticle = {
      authorIDs: distinct(random() < 1 - shape.twoAuthorsShare ? 1 : 2, () => randomInt(random, 1, shape.authorCount)),
      content: body(random, shape.bodyWords),
      createdAt: new Date(createdAt).toISOString(),
      excerpt: `${words(random, randomInt(random, 18, 30)).join(' ')}.`,
      id,
      publishedAt: isDraft ? null : new Date(slot).toISOString(),
      // The id keeps slugs unique, as an editor would when two stories share a headline.
      slug: `${slugOf(title)}-${id}`,
      status: isDraft ? 'draft' : 'published',
      tagIDs: distinct(randomInt(random, ...shape.tagsPerStory), () => tagIDOfRank(tagRank())),
      title,
      updatedAt: new Date(isDraft ? createdAt : slot).toISOString(),
    }
    // Most stories get a few comments, some none, a few many: readers comment on published stories only.
    const commentTotal = isDraft ? 0 : Math.floor(random() ** 2 * (shape.commentsPerStory + 1))
    const comments = Array.from({ length: commentTotal }, (): GeneratedComment => {
      const authorName = personName(random)
      commentID++
      return {
        articleID: id,
        authorEmail: `reader-${commentID}@example.com`,
        authorName,
        body: Array.from({ length: randomInt(random, 1, 3) }, () => sentence(random)).join(' '),
        createdAt: new Date(slot + Math.floor(random() * 72 * HOUR)).toISOString(),
        id: commentID,
        status: random() < APPROVED_SHARE ? 'approved' : 'pending',
      }
    })
    yield { article, comments }
  }
}
