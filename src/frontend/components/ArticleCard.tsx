import type { PopulatedArticle } from '../api'

import Link from 'next/link'

import { formatDate } from '../format'
import { Byline } from './Byline'

export const ArticleCard = ({ article }: { article: PopulatedArticle }) => {
  const image = article.heroImage
  const imageURL = image?.sizes?.card?.url ?? image?.url
  return (
    <article className="card">
      {imageURL && (
        // Plain <img>: the API serves ready-made sizes, so Next's optimiser adds nothing here.
        <img
          alt={image?.alt ?? ''}
          height={image?.sizes?.card?.height ?? undefined}
          src={imageURL}
          width={image?.sizes?.card?.width ?? undefined}
        />
      )}
      <h2>
        <Link href={`/articles/${article.slug}`}>{article.title}</Link>
      </h2>
      {article.excerpt && <p className="dek">{article.excerpt}</p>}
      <p className="meta">
        <Byline authors={article.authors} /> ·{' '}
        <time dateTime={article.publishedAt ?? undefined}>{formatDate(article.publishedAt)}</time>
      </p>
    </article>
  )
}
