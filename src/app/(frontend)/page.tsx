import type { Metadata } from 'next'

import { getLatestArticles } from '@/frontend/api'
import { ArticleList } from '@/frontend/components/ArticleList'
import { listCanonical, pageAlternates } from '@/frontend/feeds/scope'
import { pageNumber } from '@/frontend/pageNumber'

export const dynamic = 'force-dynamic'

type Args = { searchParams: Promise<{ page?: string }> }

export const generateMetadata = async ({ searchParams }: Args): Promise<Metadata> => ({
  alternates: pageAlternates(listCanonical('/', pageNumber((await searchParams).page))),
  description: 'The latest published stories.',
  openGraph: { description: 'The latest published stories.', title: 'Newsroom', type: 'website' },
  title: 'Latest stories',
})

const HomePage = async ({ searchParams }: Args) => {
  const result = await getLatestArticles(pageNumber((await searchParams).page))
  return (
    <>
      <h1>Latest stories</h1>
      <ArticleList basePath="/" result={result} />
    </>
  )
}

export default HomePage
