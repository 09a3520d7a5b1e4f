'use client'

import type { Column } from 'payload'

import { Pagination, PerPage, Table, useListQuery, useTranslation } from '@payloadcms/ui'

/** The table, pagination and page size of Payload's versions view, around columns built on the server. */
export const VersionsTable = ({ columns, limits }: { columns: Column[]; limits: number[] | undefined }) => {
  const { data, handlePageChange, handlePerPageChange } = useListQuery()
  const { i18n } = useTranslation()
  if (!data?.totalDocs) return <div className="versions__no-versions">{i18n.t('version:noFurtherVersionsFound')}</div>
  const first = (data.page! - 1) * data.limit + 1
  return (
    <>
      <Table columns={columns} data={data.docs} />
      <div className="versions__page-controls">
        <Pagination
          hasNextPage={data.hasNextPage}
          hasPrevPage={data.hasPrevPage}
          limit={data.limit}
          nextPage={data.nextPage ?? undefined}
          numberOfNeighbors={1}
          onChange={handlePageChange}
          page={data.page}
          prevPage={data.prevPage ?? undefined}
          totalPages={data.totalPages}
        />
        <div className="versions__page-info">
          {first}-{Math.min(first + data.docs.length - 1, data.totalDocs)} {i18n.t('general:of')} {data.totalDocs}
        </div>
        <PerPage handleChange={handlePerPageChange} limit={data.limit} limits={limits ?? [5, 10, 25, 50, 100]} />
      </div>
    </>
  )
}
