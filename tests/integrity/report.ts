import { stripVTControlCharacters } from 'util'

import { KINDS, type Kind, type Outcome, VERIFIED_KINDS } from './load'
import type { Verdict } from './verify'

export type Row = {
  acknowledged: number
  /** 4xx answers by status. */
  clientErrors: Map<number, number>
  kind: 'total' | Kind
  lost: number
  network: number
  sent: number
  /** 5xx answers by status. */
  serverErrors: Map<number, number>
  stored: number
}

const emptyRow = (kind: Row['kind']): Row => ({
  acknowledged: 0,
  clientErrors: new Map(),
  kind,
  lost: 0,
  network: 0,
  sent: 0,
  serverErrors: new Map(),
  stored: 0,
})

const bump = (counts: Map<number, number>, status: number) => counts.set(status, (counts.get(status) ?? 0) + 1)

const sum = (counts: Map<number, number>) => [...counts.values()].reduce((total, count) => total + count, 0)

/** One row per kind, and a total: what was sent, answered, stored and lost. */
export const summarize = (outcomes: Outcome[], verdicts: Map<Outcome, Verdict>) => {
  const rows = new Map<Row['kind'], Row>(KINDS.map((kind) => [kind, emptyRow(kind)]))
  const total = emptyRow('total')
  for (const outcome of outcomes) {
    for (const row of [rows.get(outcome.kind)!, total]) {
      row.sent += 1
      if (outcome.status === null) row.network += 1
      else if (outcome.status < 300) row.acknowledged += 1
      else if (outcome.status < 500) bump(row.clientErrors, outcome.status)
      else bump(row.serverErrors, outcome.status)
      const verdict = verdicts.get(outcome)
      if (verdict === 'stored') row.stored += 1
      else if (verdict) row.lost += 1
    }
  }
  return { rows: [...rows.values()], total: { ...total, serverErrorCount: sum(total.serverErrors) } }
}

const byStatus = (counts: Map<number, number>) =>
  [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}×${count}`)
    .join(' ') || '0'

/** The rows as a plain-text table; stored and lost are blank for kinds that are not looked up. */
export const formatTable = (rows: Row[]): string => {
  const header = ['kind', 'sent', '2xx', 'stored', 'lost', '4xx', '5xx', 'net err']
  const lines = rows.map((row) => {
    const verified = row.kind === 'total' || VERIFIED_KINDS.includes(row.kind)
    return [
      row.kind,
      String(row.sent),
      String(row.acknowledged),
      verified ? String(row.stored) : '-',
      verified ? String(row.lost) : '-',
      byStatus(row.clientErrors),
      byStatus(row.serverErrors),
      String(row.network),
    ]
  })
  const widths = header.map((_, column) => Math.max(...[header, ...lines].map((line) => line[column].length)))
  const format = (line: string[]) =>
    line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')
  return [format(header), ...lines.map(format)].join('\n')
}

/** Each distinct (kind, status, message) of the 5xx answers, most frequent first. */
export const serverErrorMessages = (outcomes: Outcome[]): string[] => {
  const counts = new Map<string, number>()
  for (const { error, kind, status } of outcomes) {
    if (status === null || status < 500) continue
    const key = `${kind} ${status}: ${error ?? '(no message)'}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts].sort(([, a], [, b]) => b - a).map(([key, count]) => `${count}× ${key}`)
}

/** What went missing, for the failure message: kind, status and the row that was expected. */
export const describeLost = (verdicts: Map<Outcome, Verdict>, limit = 10): string[] =>
  [...verdicts]
    .filter(([, verdict]) => verdict !== 'stored')
    .slice(0, limit)
    .map(([outcome, verdict]) => `${verdict} ${outcome.kind} ${JSON.stringify(outcome.expected)}`)

/** The server's error log lines (ERROR entries and their causes), distinct and counted, most frequent first. */
export const serverLogErrors = (output: string, limit = 12): string[] => {
  const counts = new Map<string, number>()
  for (const raw of stripVTControlCharacters(output).split('\n')) {
    // Without the time stamp, so that repeats of one message count together.
    const line = raw.replace(/^\[[\d:.]+\]\s*/, '').trim()
    if (!/^ERROR:|^caused by:/.test(line)) continue
    const key = line.slice(0, 240)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts]
    .sort(([, a], [, b]) => b - a)
    .slice(0, limit)
    .map(([line, count]) => `${count}× ${line}`)
}
