import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { getArticlesByTag, getTag } from '@/frontend/api'
import { ArticleList } from '@/frontend/components/ArticleList'
import { listCanonical, pageAlternates } from '@/frontend/feeds/scope'
import { pageNumber } from '@/frontend/pageNumber'
import { tagPath } from '@/frontend/site'

export const dynamic = 'force-dynamic'

type Args = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> }

export const generateMetadata = async ({ params, searchParams }: Args): Promise<Metadata> => {
  const { slug } = await params
  const tag = await getTag(slug)
  if (!tag) return { title: 'Page not found' }
  const description = tag.description ?? `Stories about ${tag.name}.`
  return {
    alternates: pageAlternates(listCanonical(tagPath(slug), pageNumber((await searchParams).page)), { name: tag.name, scope: { kind: 'tag', slug } }),
    description,
    openGraph: { description, title: tag.name, type: 'website' },
    title: tag.name,
  }
}

const TagPage = async ({ params, searchParams }: Args) => {
  const { slug } = await params
  const tag = await getTag(slug)
  if (!tag) notFound()
  const result = await getArticlesByTag(tag.id, pageNumber((await searchParams).page))
  return (
    <>
      <h1>{tag.name}</h1>
      {tag.description && <p className="dek">{tag.description}</p>}
      <ArticleList basePath={`/tags/${slug}`} result={result} />
    </>
  )
}

export default TagPage
