/**
 * `npm run bench:steps`: what each read optimisation changed, before/after on the same run. For each
 * size, fills one scratch database (as `npm run bench` does), then starts from Payload's defaults
 * and adds the optimisations one at a time, timing the home and tag-page reads after each
 * (bench/stepsMeasure.ts). Prints a table of median milliseconds per read; lower is better.
 *
 *   BENCH_SIZES=2000,20000 (default)   published articles per archive
 */
import fs from 'fs/promises'
import os from 'os'
import path from 'path'

import { fill, runDatabaseScript } from './fill'

type StepResult = { home: number; label: string; tag: number }

const sizes = (process.env.BENCH_SIZES ?? '2000,20000').split(',').map(Number)

const measureSize = async (published: number): Promise<StepResult[]> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-steps-'))
  try {
    const file = path.join(dir, 'project.db')
    console.error(`[steps] ${published.toLocaleString('en-US')} articles: filling ${file}`)
    await fill('fillProject.ts', `file:${file}`, published)
    console.error(`[steps] ${published.toLocaleString('en-US')} articles: measuring`)
    const { code, output } = await runDatabaseScript('stepsMeasure.ts', `file:${file}`, published)
    if (code !== 0) throw new Error(`bench/stepsMeasure.ts exited with ${code}:\n${output.slice(-8000)}`)
    return JSON.parse(output.trim().split('\n').at(-1)!) as StepResult[]
  } finally {
    await fs.rm(dir, { force: true, recursive: true })
  }
}

const results = new Map<number, StepResult[]>()
for (const published of sizes) results.set(published, await measureSize(published))

const [first] = results.values()
const header = ['step', ...sizes.flatMap((size) => [`home ms @${size}`, `tag page ms @${size}`])]
const rows = first.map(({ label }, i) => [label, ...sizes.flatMap((size) => {
  const step = results.get(size)![i]
  return [step.home.toFixed(1), step.tag.toFixed(1)]
})])
const line = (cells: string[]) => `| ${cells.join(' | ')} |`
process.stdout.write(`${[line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')}\n`)
process.stdout.write(`\nMedian of 60 reads after 10 warm-up reads, one at a time, anonymous, through the Local API; node ${process.version}, ${os.cpus().length} cores.\n`)
