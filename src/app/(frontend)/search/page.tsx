import type { Metadata } from 'next'

import Link from 'next/link'

import { pageNumber } from '@/frontend/pageNumber'
import { searchStories } from '@/frontend/search'

export const dynamic = 'force-dynamic'

type Args = { searchParams: Promise<{ page?: string; q?: string }> }

export const generateMetadata = async ({ searchParams }: Args): Promise<Metadata> => {
  const { q } = await searchParams
  // Result pages are not worth indexing: each query would be a page of its own.
  return { robots: { follow: true, index: false }, title: q ? `Search: ${q}` : 'Search' }
}

const pageLink = (q: string, page: number) => `/search?${new URLSearchParams({ page: String(page), q })}`

const SearchPage = async ({ searchParams }: Args) => {
  const params = await searchParams
  const q = (params.q ?? '').trim()
  const answer = q ? await searchStories(q, pageNumber(params.page)) : undefined
  return (
    <>
      <h1>Search</h1>
      <form action="/search" className="search-form" method="get" role="search">
        <label htmlFor="search-q">Search the stories</label>
        <input defaultValue={q} id="search-q" maxLength={200} name="q" type="search" />
        <button type="submit">Search</button>
      </form>
      {answer && 'error' in answer && <p role="alert">{answer.error}</p>}
      {answer && 'result' in answer && (
        <>
          <p className="meta">
            {answer.result.totalDocs === 1 ? '1 story' : `${answer.result.totalDocs} stories`} found for “{q}”
          </p>
          {answer.result.docs.map((hit) => (
            <article className="card" key={hit.id}>
              <h2>
                <Link href={`/articles/${hit.slug}`}>{hit.title}</Link>
              </h2>
              {/* The API escapes the story's text: the only markup in a snippet is <mark>. */}
              <p className="snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
            </article>
          ))}
          {(answer.result.hasPrevPage || answer.result.hasNextPage) && (
            <nav aria-label="Pages" className="pagination">
              {answer.result.hasPrevPage && <Link href={pageLink(q, answer.result.page - 1)}>Previous results</Link>}
              <span>
                Page {answer.result.page} of {answer.result.totalPages}
              </span>
              {answer.result.hasNextPage && <Link href={pageLink(q, answer.result.page + 1)}>More results</Link>}
            </nav>
          )}
        </>
      )}
    </>
  )
}

export default SearchPage
