import type { StoryPage } from '../api'

import { ArticleCard } from './ArticleCard'
import { Pagination } from './Pagination'

export const ArticleList = ({ basePath, result }: { basePath: string; result: StoryPage }) => (
  <>
    {result.docs.length ? (
      result.docs.map((article) => <ArticleCard article={article} key={article.id} />)
    ) : (
      <p>{result.page > 1 ? 'No older stories.' : 'No stories yet.'}</p>
    )}
    <Pagination basePath={basePath} hasOlder={result.hasOlder} page={result.page} />
  </>
)
