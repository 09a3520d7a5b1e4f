import type { Metadata } from 'next'

import { getLatestArticles } from '@/frontend/api'
import { ArticleList } from '@/frontend/components/ArticleList'
import { pageNumber } from '@/frontend/pageNumber'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  description: 'The latest published stories.',
  openGraph: { description: 'The latest published stories.', title: 'Newsroom', type: 'website' },
  title: 'Latest stories',
}

type Args = { searchParams: Promise<{ page?: string }> }

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
