import type { Metadata } from 'next'

import Link from 'next/link'
import { notFound } from 'next/navigation'

import { getApprovedComments, getArticle, getReadMore } from '@/frontend/api'
import { Byline } from '@/frontend/components/Byline'
import { CommentForm } from '@/frontend/components/CommentForm'
import { CommentThread } from '@/frontend/components/CommentThread'
import { Corrections } from '@/frontend/components/Corrections'
import { ReadMore } from '@/frontend/components/ReadMore'
import { RichText } from '@/frontend/components/RichText'
import { formatDate } from '@/frontend/format'

export const dynamic = 'force-dynamic'

type Args = { params: Promise<{ slug: string }> }

export const generateMetadata = async ({ params }: Args): Promise<Metadata> => {
  const article = await getArticle((await params).slug)
  if (!article) return { title: 'Page not found' }
  const image = article.heroImage?.sizes?.og?.url ?? article.heroImage?.url
  return {
    description: article.excerpt ?? undefined,
    openGraph: {
      description: article.excerpt ?? undefined,
      images: image ? [{ alt: article.heroImage?.alt, url: image }] : undefined,
      publishedTime: article.publishedAt ?? undefined,
      title: article.title,
      type: 'article',
    },
    title: article.title,
  }
}

const ArticlePage = async ({ params }: Args) => {
  const article = await getArticle((await params).slug)
  if (!article) notFound()
  const [links, comments] = await Promise.all([getReadMore(article.id), getApprovedComments(article.id)])
  const hero = article.heroImage
  return (
    <article className="story">
      <h1>{article.title}</h1>
      {article.excerpt && <p className="dek">{article.excerpt}</p>}
      <p className="meta">
        <Byline authors={article.authors} /> · <time dateTime={article.publishedAt ?? undefined}>{formatDate(article.publishedAt)}</time>
      </p>
      {hero?.url && (
        <figure className="hero">
          <img alt={hero.alt} height={hero.sizes?.hero?.height ?? hero.height ?? undefined} src={hero.sizes?.hero?.url ?? hero.url} width={hero.sizes?.hero?.width ?? hero.width ?? undefined} />
          {hero.caption && <figcaption>{hero.caption}</figcaption>}
        </figure>
      )}
      {article.content && <RichText className="body" data={article.content} />}
      <Corrections corrections={article.corrections} />
      {article.tags?.length ? (
        <ul aria-label="Topics" className="tags">
          {article.tags.map((tag) => (
            <li key={tag.id}>
              <Link href={`/tags/${tag.slug}`}>{tag.name}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      <ReadMore links={links} />
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">
          {comments.totalDocs} {comments.totalDocs === 1 ? 'comment' : 'comments'}
        </h2>
        <CommentThread comments={comments.docs} />
        {article.commentsEnabled ? <CommentForm articleID={article.id} /> : <p>Comments are closed on this story.</p>}
      </section>
    </article>
  )
}

export default ArticlePage
