import Link from 'next/link'

import type { PopulatedArticle } from '../api'

import { formatDate } from '../format'
import { Byline } from './Byline'
import { Corrections } from './Corrections'
import { RichText } from './RichText'

/**
 * A story's own content: headline, dek, byline, hero, body, corrections and topics. Plain markup,
 * so the page renders it on the server and Live Preview re-renders it in the browser as the editor types.
 */
export const Story = ({ article }: { article: PopulatedArticle }) => {
  const hero = article.heroImage
  return (
    <>
      <h1>{article.title}</h1>
      {article.excerpt && <p className="dek">{article.excerpt}</p>}
      <p className="meta">
        <Byline authors={article.authors ?? []} /> · <time dateTime={article.publishedAt ?? undefined}>{formatDate(article.publishedAt)}</time>
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
    </>
  )
}
