import Link from 'next/link'

export const Pagination = ({ basePath, hasOlder, page }: { basePath: string; hasOlder: boolean; page: number }) =>
  page > 1 || hasOlder ? (
    <nav aria-label="Pages" className="pagination">
      {page > 1 && <Link href={`${basePath}?page=${page - 1}`}>Newer stories</Link>}
      <span>Page {page}</span>
      {hasOlder && <Link href={`${basePath}?page=${page + 1}`}>Older stories</Link>}
    </nav>
  ) : null
