import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import type { Media } from '@/payload-types'

import { getArticlesByAuthor, getAuthor } from '@/frontend/api'
import { ArticleList } from '@/frontend/components/ArticleList'
import { RichText } from '@/frontend/components/RichText'
import { listCanonical, pageAlternates } from '@/frontend/feeds/scope'
import { pageNumber } from '@/frontend/pageNumber'
import { authorPath } from '@/frontend/site'

export const dynamic = 'force-dynamic'

type Args = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> }

export const generateMetadata = async ({ params, searchParams }: Args): Promise<Metadata> => {
  const { slug } = await params
  const author = await getAuthor(slug)
  if (!author) return { title: 'Page not found' }
  const description = author.jobTitle ? `${author.name}, ${author.jobTitle}` : `Stories by ${author.name}.`
  return {
    alternates: pageAlternates(listCanonical(authorPath(slug), pageNumber((await searchParams).page)), {
      name: author.name,
      scope: { kind: 'author', slug },
    }),
    description,
    openGraph: { description, title: author.name, type: 'profile' },
    title: author.name,
  }
}

const AuthorPage = async ({ params, searchParams }: Args) => {
  const { slug } = await params
  const author = await getAuthor(slug)
  if (!author) notFound()
  const result = await getArticlesByAuthor(author.id, pageNumber((await searchParams).page))
  const avatar = typeof author.avatar === 'object' ? (author.avatar as Media | null) : null
  return (
    <>
      <h1>{author.name}</h1>
      {author.jobTitle && <p className="dek">{author.jobTitle}</p>}
      {avatar?.url && <img alt={avatar.alt} height={150} src={avatar.sizes?.thumbnail?.url ?? avatar.url} width={150} />}
      {author.bio && <RichText data={author.bio} />}
      {author.links?.length ? (
        <ul>
          {author.links.map((link) => (
            <li key={link.id ?? link.url}>
              <a href={link.url} rel="noopener noreferrer">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <h2>Stories</h2>
      <ArticleList basePath={`/authors/${slug}`} result={result} />
    </>
  )
}

export default AuthorPage
