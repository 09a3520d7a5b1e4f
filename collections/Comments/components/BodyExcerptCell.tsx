'use client'

import type { DefaultCellComponentProps, TextareaFieldClient } from 'payload'

import { DefaultCell } from '@payloadcms/ui'

import { excerptOf } from './format'

/** The comments list's body column: an excerpt, linked to the comment like the default first column. */
export const BodyExcerptCell = (props: DefaultCellComponentProps<TextareaFieldClient>) => (
  <DefaultCell {...props} cellData={excerptOf(props.cellData)} />
)
