import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { getApprovedComments, getReadMore } from '@/frontend/api'
import { CommentForm } from '@/frontend/components/CommentForm'
import { CommentThread } from '@/frontend/components/CommentThread'
import { JsonLd } from '@/frontend/components/JsonLd'
import { LiveStory } from '@/frontend/components/LiveStory'
import { PreviewBanner } from '@/frontend/components/PreviewBanner'
import { ReadMore } from '@/frontend/components/ReadMore'
import { Story } from '@/frontend/components/Story'
import { pageAlternates } from '@/frontend/feeds/scope'
import { cmsOrigin, readStory } from '@/frontend/preview'
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/frontend/structuredData'
import { storyPath } from '@/utilities/preview'

export const dynamic = 'force-dynamic'

type Args = { params: Promise<{ slug: string }> }

export const generateMetadata = async ({ params }: Args): Promise<Metadata> => {
  const { article, preview } = await readStory((await params).slug)
  if (!article) return { title: 'Page not found' }
  const image = article.heroImage?.sizes?.og?.url ?? article.heroImage?.url
  return {
    alternates: pageAlternates(storyPath(article.slug ?? (await params).slug)),
    description: article.excerpt ?? undefined,
    openGraph: {
      description: article.excerpt ?? undefined,
      images: image ? [{ alt: article.heroImage?.alt, url: image }] : undefined,
      publishedTime: article.publishedAt ?? undefined,
      title: article.title,
      type: 'article',
    },
    // A draft is no page of the site: nothing may index it, even if its URL escapes.
    robots: preview ? { follow: false, index: false } : undefined,
    title: article.title,
  }
}

const ArticlePage = async ({ params }: Args) => {
  const { slug } = await params
  const { article, preview } = await readStory(slug)
  if (!article) notFound()
  const [links, comments] = await Promise.all([getReadMore(article.id), getApprovedComments(article.id)])
  return (
    <article className="story">
      {preview ? <PreviewBanner path={storyPath(slug)} /> : <JsonLd data={[newsArticleJsonLd(article), breadcrumbJsonLd(article)]} />}
      {preview ? <LiveStory article={article} serverURL={cmsOrigin()} /> : <Story article={article} />}
      <ReadMore links={links} />
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">
          {comments.totalDocs} {comments.totalDocs === 1 ? 'comment' : 'comments'}
        </h2>
        <CommentThread comments={comments.docs} />
        {preview ? (
          <p>Readers can comment once the story is published.</p>
        ) : article.commentsEnabled ? (
          <CommentForm articleID={article.id} />
        ) : (
          <p>Comments are closed on this story.</p>
        )}
      </section>
    </article>
  )
}

export default ArticlePage
