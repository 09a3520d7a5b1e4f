'use client'

import type { DefaultCellComponentProps, GroupFieldClient } from 'payload'

import { Pill } from '@payloadcms/ui'

import { signalLabels } from './format'

/** The signals column: one pill per signal, a dash for a comment that raised none. */
export const SignalsCell = ({ cellData }: DefaultCellComponentProps<GroupFieldClient>) => {
  const labels = signalLabels(cellData)
  if (!labels.length) return <span>—</span>
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {labels.map((label) => (
        <Pill key={label} pillStyle={label === 'honeypot' ? 'error' : 'warning'} size="small">
          {label}
        </Pill>
      ))}
    </span>
  )
}
