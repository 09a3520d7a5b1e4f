import type { CollectionConfig } from 'payload'

import { createDraftUnlessAuthor, deleteOwnDraftOrEditors, updateOwnArticleOrEditors } from '@/access/articleAccess'
import { authorFieldOnly } from '@/access/fieldAccess'
import { publishedOrStaff } from '@/access/publishedOrStaff'
import { staffOnly } from '@/access/staffOnly'
import { env } from '@/env'
import { createdByField } from '@/fields/createdBy'
import { readOnlyNotice } from '@/fields/readOnlyNotice'
import { newsroomSlugField } from '@/fields/slug'
import { validateRelationship, validateUpload } from '@/fields/validateRelationExists'

import { correctionsField } from './fields/corrections'
import { allowOwnBylineOnly } from './hooks/allowOwnBylineOnly'
import { commentsJoinWhenAsked } from './hooks/commentsJoinWhenAsked'
import { deleteComments } from './hooks/deleteComments'
import { followTitleUntilPublished } from './hooks/followTitleUntilPublished'
import { omitCommentsFromDraftReads } from './hooks/omitCommentsFromDraftReads'
import { setPublishedAt } from './hooks/setPublishedAt'
import { articlePreview } from './preview'
import { reviewFields } from './review/fields'
import { closeReviewOnPublish } from './review/hooks/closeReviewOnPublish'
import { notifyEditorsOfReview } from './review/hooks/notifyEditorsOfReview'

export const Articles: CollectionConfig<'articles'> = {
  slug: 'articles',
  access: {
    create: createDraftUnlessAuthor,
    delete: deleteOwnDraftOrEditors,
    read: publishedOrStaff,
    readVersions: staffOnly,
    update: updateOwnArticleOrEditors,
  },
  admin: {
    ...articlePreview({ secret: env.previewSecret, serverURL: env.serverURL }),
    components: {
      edit: {
        beforeDocumentControls: [
          '@collections/Articles/components/ViewOnSite#ViewOnSite',
          '@collections/Articles/review/components/ReviewActions#ReviewActions',
        ],
      },
      beforeList: ['@collections/Articles/review/components/ReviewQueueLink#ReviewQueueLink'],
    },
    defaultColumns: ['title', 'authors', '_status', 'workflow', 'publishedAt', 'scheduled', 'updatedAt'],
    useAsTitle: 'title',
  },
  // A story populated into another document (a read-more target, a comment's article) carries what
  // a link or card shows, never its body: a list at depth=1 would otherwise embed every target's text.
  defaultPopulate: { _status: true, excerpt: true, heroImage: true, publishedAt: true, slug: true, title: true },
  defaultSort: '-publishedAt',
  fields: [
    readOnlyNotice(),
    {
      name: 'title',
      type: 'text',
      maxLength: 200,
      required: true,
    },
    newsroomSlugField(),
    {
      name: 'excerpt',
      type: 'textarea',
      admin: {
        description: 'The dek: one or two plain sentences under the headline.',
      },
      maxLength: 320,
    },
    {
      name: 'heroImage',
      type: 'upload',
      relationTo: 'media',
      validate: validateUpload,
    },
    {
      name: 'content',
      type: 'richText',
    },
    {
      name: 'authors',
      type: 'relationship',
      admin: {
        position: 'sidebar',
      },
      hasMany: true,
      hooks: { beforeValidate: [allowOwnBylineOnly] },
      index: true,
      minRows: 1,
      relationTo: 'authors',
      required: true,
      validate: validateRelationship,
    },
    {
      name: 'tags',
      type: 'relationship',
      // Internal tags are marked "(internal)" in the picker and chips by their title (`adminTitle`).
      admin: { position: 'sidebar' },
      hasMany: true,
      index: true,
      relationTo: 'tags',
      validate: validateRelationship,
    },
    {
      name: 'publishedAt',
      type: 'date',
      access: {
        // Contributors cannot write it, so an empty value reliably means "never published".
        create: authorFieldOnly,
        update: authorFieldOnly,
      },
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        position: 'sidebar',
      },
      index: true,
    },
    {
      // A list column only: when the story is queued to be published or unpublished.
      name: 'scheduled',
      type: 'ui',
      admin: {
        components: { Cell: '@/desk/ScheduledCell#ScheduledCell' },
      },
      label: 'Scheduled',
    },
    {
      name: 'commentsEnabled',
      type: 'checkbox',
      admin: {
        position: 'sidebar',
      },
      defaultValue: true,
    },
    ...reviewFields(),
    correctionsField(),
    createdByField(),
    {
      // Lists what the reader may read of the comments: for the public and staff below editor, the
      // approved ones only. No `where` on status here: Payload checks a join's `where` against the
      // reader's field access, and `status` is editors-only, so every public read would fail.
      // Over REST it is computed only when asked (`?joins[comments][limit]=10`, see
      // commentsJoinWhenAsked); `?joins[comments][count]=true` (GraphQL `comments(count: true,
      // limit: 0)`) adds the count.
      name: 'comments',
      type: 'join',
      admin: {
        // A document not yet saved has no comments: no empty "No Results" table.
        condition: (data) => data?.id !== undefined,
        defaultColumns: ['authorName', 'body', 'status', 'createdAt'],
      },
      collection: 'comments',
      defaultLimit: 10,
      defaultSort: 'createdAt',
      on: 'article',
    },
  ],
  hooks: {
    afterChange: [notifyEditorsOfReview],
    beforeChange: [closeReviewOnPublish, setPublishedAt, followTitleUntilPublished],
    beforeDelete: [deleteComments],
    beforeOperation: [commentsJoinWhenAsked, omitCommentsFromDraftReads],
  },
  // Public lists filter on `_status` and sort newest first, with `createdAt` as Payload's tie-break:
  // this index serves the list in order, so a page reads ten index entries, never the archive.
  indexes: [{ fields: ['_status', 'publishedAt', 'createdAt'] }],
  versions: {
    drafts: {
      schedulePublish: true,
      // Drafts are validated too, so a draft with an unknown author or tag is a 400, never a 500.
      validate: true,
    },
    maxPerDoc: 50,
  },
}
