import type { CollectionConfig } from 'payload'

import type { PublicReadsCollectionSettings } from '@plugins/public-reads'

import { anyone } from '@/access/anyone'
import { approvedOrEditors } from '@/access/approvedOrEditors'
import { editorsOnly } from '@/access/editorsOnly'
import { editorFieldOnly } from '@/access/fieldAccess'
import { nobody } from '@/access/nobody'
import { validateRelationship } from '@/fields/validateRelationExists'

import { validateBody } from './fields/validateBody'
import { validateParent } from './fields/validateParent'
import { checkFloodLimits, type FloodLimitsOptions } from './hooks/checkFloodLimits'
import { consumeFloodAllowance } from './hooks/consumeFloodAllowance'
import { forcePendingStatus } from './hooks/forcePendingStatus'
import { notifyModerators } from './hooks/notifyModerators'
import { recordSignals } from './hooks/recordSignals'
import { refuseClosedArticles } from './hooks/refuseClosedArticles'
import { setThreadLevel } from './hooks/setThreadLevel'
import { startSubmission } from './hooks/startSubmission'
import { trimWhitespace } from './hooks/trimWhitespace'

/** Reader comments, counted by the flood control the config creates once (src/rateLimits). */
export const Comments = ({ clientAddress, floodControl }: FloodLimitsOptions): CollectionConfig<'comments'> => ({
  slug: 'comments',
  access: {
    create: anyone,
    delete: editorsOnly,
    read: approvedOrEditors,
    update: editorsOnly,
  },
  admin: {
    components: {
      beforeList: ['@collections/Comments/components/ModerationFilter#ModerationFilter'],
      beforeListTable: ['@collections/Comments/components/ModerationActions#ModerationActions'],
    },
    defaultColumns: ['body', 'article', 'authorName', 'signals', 'status', 'createdAt'],
    description: 'Readers’ comments. New ones wait as pending until an editor approves them.',
    // Not authorEmail: staff below editor may not query it, and their search would fail.
    listSearchableFields: ['body', 'authorName'],
    useAsTitle: 'authorName',
  },
  custom: {
    publicReads: {
      // Only approved comments reach a page. A status the writer may not read is stripped from `doc`: unknown, so it counts.
      isPublicDocument: ({ status }) => status === undefined || status === 'approved',
    } satisfies PublicReadsCollectionSettings,
  },
  defaultSort: '-createdAt',
  // A comment is one reader's words; a copy made through the duplicate endpoint would skip the submission checks.
  disableDuplicate: true,
  fields: [
    {
      name: 'article',
      type: 'relationship',
      index: true,
      relationTo: 'articles',
      required: true,
      validate: validateRelationship,
    },
    {
      name: 'parent',
      type: 'relationship',
      index: true,
      relationTo: 'comments',
      validate: validateParent,
    },
    {
      name: 'authorName',
      type: 'text',
      hooks: { beforeValidate: [trimWhitespace] },
      maxLength: 80,
      required: true,
    },
    {
      name: 'authorEmail',
      type: 'email',
      access: {
        // Commenters give their address to the newsroom, not to other readers.
        read: editorFieldOnly,
      },
      hooks: { beforeValidate: [trimWhitespace] },
      required: true,
    },
    {
      name: 'body',
      type: 'textarea',
      admin: {
        components: {
          // An escaped plain-text excerpt: a comment is never rendered as markup.
          Cell: '@collections/Comments/components/BodyExcerptCell#BodyExcerptCell',
        },
      },
      hooks: { beforeValidate: [trimWhitespace] },
      maxLength: 5000,
      required: true,
      validate: validateBody,
    },
    {
      // The honeypot: hidden from people by the frontend, filled in by bots. Never stored or returned.
      name: 'website',
      type: 'text',
      access: {
        read: nobody,
        update: nobody,
      },
      admin: {
        disableBulkEdit: true,
        disableListColumn: true,
        disableListFilter: true,
        hidden: true,
      },
      virtual: true,
    },
    {
      name: 'status',
      type: 'select',
      access: {
        // Whatever a reader sends, only moderators decide what is published.
        create: editorFieldOnly,
        read: editorFieldOnly,
        update: editorFieldOnly,
      },
      admin: {
        position: 'sidebar',
      },
      defaultValue: 'pending',
      index: true,
      options: [
        { label: 'Pending', value: 'pending' },
        { label: 'Approved', value: 'approved' },
        { label: 'Spam', value: 'spam' },
        { label: 'Rejected', value: 'rejected' },
      ],
      required: true,
    },
    {
      name: 'signals',
      type: 'group',
      access: {
        // Set by the pipeline when the comment arrives; what it says about a sender is for moderators only.
        create: nobody,
        read: editorFieldOnly,
        update: nobody,
      },
      admin: {
        components: {
          Cell: '@collections/Comments/components/SignalsCell#SignalsCell',
        },
        description: 'What the comment looked like when it arrived.',
        position: 'sidebar',
        readOnly: true,
      },
      fields: [
        {
          name: 'honeypot',
          type: 'checkbox',
          admin: { description: 'A bot filled the hidden form field.' },
          defaultValue: false,
        },
        {
          name: 'links',
          type: 'number',
          admin: { description: 'Links in the text; more than 2 files the comment as spam.' },
          defaultValue: 0,
        },
        {
          name: 'flood',
          type: 'number',
          admin: { description: 'Comments from the same address or email in the hour before this one.' },
          defaultValue: 0,
        },
      ],
      label: 'Signals',
    },
    {
      // An HMAC of the sender's address: it matches their other comments, and cannot be turned back into the address.
      name: 'ipHash',
      type: 'text',
      access: {
        create: nobody,
        read: editorFieldOnly,
        update: nobody,
      },
      admin: {
        description: 'Salted hash of the sender’s IP address: equal hashes, same sender.',
        position: 'sidebar',
        readOnly: true,
      },
      index: true,
      label: 'IP hash',
    },
    {
      // 0 for a comment on the article, 1 for a reply to it, and so on; a parent id alone would need a walk up the thread.
      name: 'level',
      type: 'number',
      access: {
        create: nobody,
        read: editorFieldOnly,
        update: nobody,
      },
      admin: {
        hidden: true,
      },
      defaultValue: 0,
    },
  ],
  hooks: {
    // A comment is counted against its sender's allowance before anyone is told about it.
    afterChange: [consumeFloodAllowance(floodControl), notifyModerators],
    beforeChange: [forcePendingStatus, recordSignals, setThreadLevel],
    // A fresh submission, then closed articles, then floods: both refused before anything is validated or written.
    beforeOperation: [startSubmission, refuseClosedArticles, checkFloodLimits({ clientAddress, floodControl })],
  },
  indexes: [
    // A moderation queue: one status, newest first.
    { fields: ['status', 'createdAt'] },
    // An article's approved comments in order, and their count: the join frontends read.
    { fields: ['article', 'status', 'createdAt'] },
  ],
})
