import type { Paginated, PopulatedArticle } from '../api'

import { ArticleCard } from './ArticleCard'
import { Pagination } from './Pagination'

export const ArticleList = ({ basePath, result }: { basePath: string; result: Paginated<PopulatedArticle> }) => (
  <>
    {result.docs.length ? (
      result.docs.map((article) => <ArticleCard article={article} key={article.id} />)
    ) : (
      <p>No stories yet.</p>
    )}
    <Pagination basePath={basePath} page={result.page} totalPages={result.totalPages} />
  </>
)
