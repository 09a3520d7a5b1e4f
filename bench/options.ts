import { parseArgs } from 'util'

import type { ArchiveName } from './content'
import type { ScenarioName } from './scenarios'

import { ARCHIVE_NAMES } from './content'
import { SCENARIO_NAMES } from './scenarios'

export type BenchOptions = {
  /** The archive's shape (bench/content.ts, ARCHIVES). */
  archive: ArchiveName
  build: boolean
  connections: number
  /** Profile the project's server (`node --cpu-prof`), written to bench/results/cpu-profiles when it stops. */
  cpuProf: boolean
  duration: number
  /** How many `next start` instances share the load in the PostgreSQL runs, one run each. */
  instances: number[]
  /** Only the SQLite runs, or only the PostgreSQL ones; both when unset. */
  only?: 'postgres' | 'sqlite'
  /** Published articles in the PostgreSQL archive. */
  postgresSize: number
  rounds: number
  scenarios: ScenarioName[]
  sizes: number[]
  warmup: number
}

const numbers = (name: string, value: string): number[] => {
  const list = value.split(',').map((item) => Number(item.trim().replaceAll('_', '')))
  if (!list.length || list.some((item) => !Number.isFinite(item) || item <= 0)) {
    throw new Error(
      `--${name} (or BENCH_${name.toUpperCase().replaceAll('-', '_')}) must be positive numbers, not "${value}".`,
    )
  }
  return list
}

const integer = (name: string, value: string): number => {
  const [number] = numbers(name, value)
  if (!Number.isInteger(number)) throw new Error(`--${name} must be a whole number, not "${value}".`)
  return number
}

/** Flags win over the environment (BENCH_SIZES, …), which wins over the defaults. */
export const readOptions = (argv = process.argv.slice(2)): BenchOptions => {
  const { values } = parseArgs({
    args: argv,
    options: {
      archive: { type: 'string' },
      build: { type: 'boolean' },
      connections: { type: 'string' },
      'cpu-prof': { type: 'boolean' },
      duration: { type: 'string' },
      instances: { type: 'string' },
      only: { type: 'string' },
      'postgres-size': { type: 'string' },
      rounds: { type: 'string' },
      scenarios: { type: 'string' },
      sizes: { type: 'string' },
      warmup: { type: 'string' },
    },
  })
  const env = process.env
  const scenarios = (values.scenarios ?? env.BENCH_SCENARIOS ?? SCENARIO_NAMES.join(','))
    .split(',')
    .map((name) => name.trim())
  const unknown = scenarios.filter((name) => !(SCENARIO_NAMES as readonly string[]).includes(name))
  if (unknown.length) {
    throw new Error(`Unknown scenario ${unknown.join(', ')}: choose from ${SCENARIO_NAMES.join(', ')}.`)
  }
  const warmup = Number(values.warmup ?? env.BENCH_WARMUP ?? 3)
  if (!Number.isFinite(warmup) || warmup < 0) throw new Error(`--warmup must be 0 or more seconds, not "${warmup}".`)
  const only = values.only ?? env.BENCH_ONLY
  if (only !== undefined && only !== 'postgres' && only !== 'sqlite') {
    throw new Error(`--only must be "sqlite" or "postgres", not "${only}".`)
  }
  const archive = values.archive ?? env.BENCH_ARCHIVE ?? 'newsroom'
  if (!(ARCHIVE_NAMES as string[]).includes(archive)) {
    throw new Error(`--archive must be one of ${ARCHIVE_NAMES.join(', ')}, not "${archive}".`)
  }
  return {
    archive: archive as ArchiveName,
    build: values.build ?? ['1', 'true'].includes(env.BENCH_BUILD ?? ''),
    connections: integer('connections', values.connections ?? env.BENCH_CONNECTIONS ?? '20'),
    cpuProf: values['cpu-prof'] ?? ['1', 'true'].includes(env.BENCH_CPU_PROF ?? ''),
    duration: numbers('duration', values.duration ?? env.BENCH_DURATION ?? '10')[0],
    instances: numbers('instances', values.instances ?? env.BENCH_INSTANCES ?? '1,2').map((count) => {
      if (!Number.isInteger(count)) throw new Error(`--instances must be whole numbers, not "${count}".`)
      return count
    }),
    only,
    postgresSize: integer('postgres-size', values['postgres-size'] ?? env.BENCH_POSTGRES_SIZE ?? '20000'),
    rounds: integer('rounds', values.rounds ?? env.BENCH_ROUNDS ?? '2'),
    scenarios: scenarios as ScenarioName[],
    sizes: numbers('sizes', values.sizes ?? env.BENCH_SIZES ?? '2000,20000').map((size) => {
      if (!Number.isInteger(size)) throw new Error(`--sizes must be whole numbers of articles, not "${size}".`)
      return size
    }),
    warmup,
  }
}
