import type { Column, DocumentViewServerProps, PaginatedDocs, TypeWithVersion } from 'payload'

import { Gutter, ListQueryProvider, Pill, SetDocumentStepNav } from '@payloadcms/ui'
import { formatDate } from '@payloadcms/ui/shared'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'

import { relationID } from '@/utilities/relationID'

import { VersionsTable } from './VersionsTable'

type Stamped = { _status?: 'draft' | 'published'; updatedBy?: unknown }

const text = (name: string) => ({ name, type: 'text' as const })

/** The names of the accounts that made these versions, as far as the reader may read those accounts. */
const namesOf = async (versions: TypeWithVersion<Stamped>[], { payload, user }: DocumentViewServerProps['initPageResult']['req']) => {
  const ids = [...new Set(versions.flatMap(({ version }) => relationID(version.updatedBy) ?? []))]
  if (ids.length === 0) return new Map<string, string>()
  const { docs } = await payload.find({
    collection: 'users',
    depth: 0,
    overrideAccess: false,
    pagination: false,
    select: { name: true },
    user,
    where: { id: { in: ids } },
  })
  return new Map(docs.map(({ id, name }) => [String(id), name]))
}

/**
 * Payload's versions view with a "By" column: who saved each version (the audit trail's `updatedBy`).
 * Payload builds its version columns inside its own view, so this one lists the versions itself,
 * with Payload's table, pagination and step nav, read with the editor's own access.
 */
export async function VersionsView({ initPageResult: { collectionConfig, docID, req }, searchParams = {} }: DocumentViewServerProps) {
  if (!collectionConfig || docID === undefined) return notFound()
  const { defaultLimit, limits } = collectionConfig.admin.pagination ?? {}
  const { i18n, payload } = req
  const { admin: adminRoute } = payload.config.routes
  const limit = Number(searchParams.limit) || defaultLimit || 10
  const sort = typeof searchParams.sort === 'string' ? searchParams.sort : '-updatedAt'
  const versions = (await payload.findVersions({
    collection: collectionConfig.slug,
    depth: 0,
    limit,
    overrideAccess: false,
    page: Number(searchParams.page) || 1,
    req,
    sort,
    user: req.user,
    where: { parent: { equals: docID } },
  })) as PaginatedDocs<TypeWithVersion<Stamped>>
  const names = await namesOf(versions.docs, req)
  const linkTo = (versionID: number | string) =>
    formatAdminURL({ adminRoute, path: `/collections/${collectionConfig.slug}/${docID}/versions/${versionID}` })

  const columns: Column[] = [
    {
      accessor: 'updatedAt',
      active: true,
      field: { ...text('updatedAt'), type: 'date' },
      Heading: i18n.t('general:updatedAt'),
      renderedCells: versions.docs.map(({ id, updatedAt }) => (
        <Link href={linkTo(id)} key={id} prefetch={false}>
          {formatDate({ date: updatedAt, i18n, pattern: payload.config.admin.dateFormat })}
        </Link>
      )),
    },
    {
      accessor: 'updatedBy',
      active: true,
      field: text('updatedBy'),
      Heading: 'By',
      renderedCells: versions.docs.map(({ id, version }) => {
        const account = relationID(version.updatedBy)
        // Versions saved before the audit trail, by the system (jobs, seed), or by an account the reader may not read.
        return <span key={id}>{(account !== undefined && names.get(String(account))) || '—'}</span>
      }),
    },
    {
      accessor: '_status',
      active: true,
      field: text('_status'),
      Heading: i18n.t('version:status'),
      renderedCells: versions.docs.map(({ id, version }) => (
        <Pill key={id} pillStyle={version._status === 'published' ? 'success' : 'light'} size="small">
          {version._status === 'published' ? i18n.t('version:published') : i18n.t('version:draft')}
        </Pill>
      )),
    },
  ]

  return (
    <>
      <SetDocumentStepNav collectionSlug={collectionConfig.slug} id={docID} pluralLabel={collectionConfig.labels.plural} useAsTitle={collectionConfig.admin.useAsTitle} view={i18n.t('version:versions')} />
      <main className="versions">
        <Gutter className="versions__wrap">
          <ListQueryProvider data={versions} modifySearchParams query={{ limit, sort }}>
            <VersionsTable columns={columns} limits={limits} />
          </ListQueryProvider>
        </Gutter>
      </main>
    </>
  )
}
