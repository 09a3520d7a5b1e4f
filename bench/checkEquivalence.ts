import type { RunningServer } from './servers'
import type { Side } from './scenarios'
import type { Targets } from './targets'

import {
  articlePath,
  countPath,
  defaultListPath,
  graphqlQuery,
  homePath,
  readMorePath,
  storyByIDPath,
  tagPath,
} from './scenarios'

type Story = { comments?: { docs?: ({ id: number } | number)[]; totalDocs?: number }; id: number }
type Page = { docs: Story[]; totalDocs: number }

const json = async <T>(server: RunningServer, path: string, init?: RequestInit): Promise<T> => {
  const response = await fetch(`${server.url}${path}`, init)
  const text = await response.text()
  if (!response.ok)
    throw new Error(
      `${server.label}: ${init?.method ?? 'GET'} ${path} answered ${response.status}: ${text.slice(0, 500)}`,
    )
  return JSON.parse(text) as T
}

const graphqlIDs = async (server: RunningServer, side: Side): Promise<number[]> => {
  const body = await json<{ data?: { Articles: { docs: { id: number }[] } }; errors?: unknown[] }>(
    server,
    '/api/graphql',
    {
      body: JSON.stringify({ query: graphqlQuery(side) }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    },
  )
  if (body.errors?.length || !body.data)
    throw new Error(`${server.label}: GraphQL answered ${JSON.stringify(body).slice(0, 500)}`)
  return body.data.Articles.docs.map(({ id }) => id)
}

const summary = ({ docs, totalDocs }: Page) => ({ ids: docs.map(({ id }) => id).join(','), totalDocs })

/**
 * Before anything is measured: the baseline's queries must find the same documents as the
 * project's (home, every tag page, GraphQL, a few stories with their comment counts), or the
 * comparison would measure different work. Throws, naming every difference.
 */
export const checkEquivalence = async (
  servers: Record<Side, RunningServer>,
  targets: Targets,
  published: number,
): Promise<void> => {
  const differences: string[] = []
  const compare = (what: string, project: unknown, baseline: unknown) => {
    if (JSON.stringify(project) !== JSON.stringify(baseline)) {
      differences.push(`${what}: project ${JSON.stringify(project)}, baseline ${JSON.stringify(baseline)}`)
    }
  }
  const both = <T>(read: (server: RunningServer, side: Side) => Promise<T>) =>
    Promise.all([read(servers.project, 'project'), read(servers.baseline, 'baseline')])

  const [home, baseHome] = await both((server, side) => json<Page>(server, homePath(side)))
  compare('home', summary(home), summary(baseHome))
  // The lists skip counting (`pagination=false`): the totals come from the count endpoint.
  const [defaultList, baseDefaultList] = await both((server, side) => json<Page>(server, defaultListPath(side)))
  compare('default list', summary(defaultList), summary(baseDefaultList))
  const [count, baseCount] = await both((server, side) => json<{ totalDocs: number }>(server, countPath(side)))
  compare('published stories', count.totalDocs, baseCount.totalDocs)
  if (count.totalDocs !== published) differences.push(`count: ${count.totalDocs} published stories, expected ${published}`)
  for (const tagID of targets.tagIDs) {
    const [tag, baseTag] = await both((server, side) => json<Page>(server, tagPath(side, tagID)))
    compare(`tag ${tagID}`, summary(tag), summary(baseTag))
  }
  const [graphql, baseGraphql] = await both(graphqlIDs)
  compare('GraphQL', graphql, baseGraphql)
  compare('GraphQL and REST home', graphql, summary(home).ids.split(',').map(Number))
  for (const { slug } of targets.articles.slice(0, 10)) {
    const [story, baseStory] = await both((server, side) => json<Page>(server, articlePath(side, slug)))
    const shape = ({ docs }: Page) => ({ comments: docs[0]?.comments?.totalDocs, id: docs[0]?.id })
    compare(`article ${slug}`, shape(story), shape(baseStory))
    if (typeof shape(story).comments !== 'number') differences.push(`article ${slug}: no comment count in the answer`)
  }
  for (const { id } of targets.articles.slice(0, 10)) {
    // The project computes a story's comments join over REST only when asked (commentsJoinWhenAsked).
    const [story, baseStory] = await both((server, side) =>
      json<Story>(server, side === 'project' ? `${storyByIDPath(id)}&joins[comments][limit]=10` : storyByIDPath(id)),
    )
    // The comments join's first page, as ids (populated at depth=1 on both sides).
    const shape = ({ comments, id: storyID }: Story) => ({
      comments: comments?.docs?.map((comment) => (typeof comment === 'number' ? comment : comment.id)),
      id: storyID,
    })
    compare(`story ${id}`, shape(story), shape(baseStory))
  }
  await json(servers.project, readMorePath(targets.articles[0].id))
  if (differences.length) {
    throw new Error(`The baseline does not answer like the project:\n  ${differences.join('\n  ')}`)
  }
}
