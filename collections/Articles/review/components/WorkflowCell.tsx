'use client'

import type { DefaultCellComponentProps, SelectFieldClient } from 'payload'

import { DefaultCell } from '@payloadcms/ui'

import { WORKFLOW_OPTIONS } from '../workflow'

/** The Review column: the state's label, "In review" stressed so the stories waiting stand out. */
export const WorkflowCell = (props: DefaultCellComponentProps<SelectFieldClient>) => {
  const label = WORKFLOW_OPTIONS.find(({ value }) => value === props.cellData)?.label ?? ''
  return <DefaultCell {...props} cellData={props.cellData === 'inReview' ? `● ${label}` : label} />
}
