import Link from 'next/link'

export const Pagination = ({ basePath, page, totalPages }: { basePath: string; page: number; totalPages: number }) =>
  totalPages > 1 ? (
    <nav aria-label="Pages" className="pagination">
      {page > 1 && <Link href={`${basePath}?page=${page - 1}`}>Newer stories</Link>}
      <span>
        Page {page} of {totalPages}
      </span>
      {page < totalPages && <Link href={`${basePath}?page=${page + 1}`}>Older stories</Link>}
    </nav>
  ) : null
