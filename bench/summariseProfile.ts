/**
 * Where a server's CPU time went, from a `.cpuprofile` (`npm run bench -- --cpu-prof`), grouped into
 * the categories docs/PERFORMANCE.md ("Where a default read's time goes") reports. Run with
 *
 *   npx tsx bench/summariseProfile.ts bench/results/cpu-profiles/<file>.cpuprofile [--window=10] [--top=30]
 *
 * `--window=S` keeps the busiest S seconds of the profile (default 10: one measured run, without the
 * server's start-up, the equivalence check or the idle time while the baseline is measured); `--window=0`
 * keeps it all. Frames in the production build's chunks are mapped back to their sources through the
 * build's source maps (`.next/server/chunks/*.js.map`), so the categories name source files.
 *
 * Two figures per category, as shares of the busy (non-idle) time:
 * - **self**: each sample goes to the innermost frame that says what the work is for; V8 builtins
 *   without a script (`Array.prototype.map`, RegExp) pass the sample on to their caller, except
 *   JSON, GC and `(program)`, which are categories of their own. The self shares add up to 100%.
 * - **on stack**: the samples with a frame of the category anywhere in their stack. A profile holds
 *   synchronous stacks only: the work a function awaits (a Local API `find` in a hook, after its
 *   first `await`) resumes under the microtask queue, not under that function, so this undercounts
 *   whatever awaits. Measure those levers with request variants instead (docs/PERFORMANCE.md).
 */
import fs from 'fs'
import { SourceMap } from 'module'
import path from 'path'
import { fileURLToPath } from 'url'
import { parseArgs } from 'util'

import { ROOT } from './paths'

type CallFrame = { columnNumber: number; functionName: string; lineNumber: number; url: string }
type ProfileNode = { callFrame: CallFrame; children?: number[]; id: number }
type Profile = { endTime: number; nodes: ProfileNode[]; samples: number[]; startTime: number; timeDeltas: number[] }

/** A frame's place in the sources: a repository-relative path (node_modules included) or a Node/V8 name. */
type Place = { file: string; line: number; name: string }

type Category = { label: string; test: (place: Place) => boolean }

const inFile = (...patterns: RegExp[]) => (place: Place) => patterns.some((pattern) => pattern.test(place.file))
const named = (...names: string[]) => (place: Place) => place.file === '' && names.includes(place.name)

/** First match wins, so the narrow categories come before the broad ones (Payload, Next.js, Node). */
export const CATEGORIES: Category[] = [
  { label: 'GC', test: named('(garbage collector)') },
  { label: 'V8 / native, unattributed ((program))', test: named('(program)') },
  {
    label: 'JSON.stringify (response bodies: Response.json)',
    test: (place) => named('stringify')(place) || place.name === 'serializeJavascriptValueToJSONString',
  },
  { label: 'JSON.parse (stored JSON columns, rich text)', test: named('parse') },
  { label: 'origin-cache wrapper (src/http/withOriginCache.ts, src/originCache)', test: inFile(/^src\/http\/withOriginCache\.ts/, /^src\/originCache\//) },
  {
    label: 'public caching: ETag hashing, headers (src/http/publicCache.ts, etag, crypto)',
    test: inFile(/^src\/http\/publicCache\.ts/, /node_modules\/(etag|fresh)\//, /^node:internal\/crypto/, /^node:crypto/),
  },
  { label: 'request checks (src/http/withCheckedRequests.ts, replica switch)', test: inFile(/^src\/http\//) },
  {
    label: 'access control (src/access, payload auth/executeAccess, sanitizeJoinQuery)',
    test: inFile(/^src\/access\//, /^collections\/.*\/access/, /payload\/(dist|src)\/auth\/(executeAccess|getAccessResults)/, /payload\/(dist|src)\/database\/sanitizeJoinQuery/),
  },
  { label: 'hook: relation hiding, readableIDs (plugins/public-reads)', test: inFile(/^plugins\/public-reads\//) },
  { label: 'hook: read-more links (plugins/read-more)', test: inFile(/^plugins\/read-more\//) },
  { label: 'hook: rich-text internal links (src/fields/richText)', test: inFile(/^src\/fields\/richText\//) },
  { label: 'query checks (src/queries)', test: inFile(/^src\/queries\//) },
  { label: 'other project code (src, collections, plugins)', test: inFile(/^(src|collections|plugins)\//) },
  { label: 'Lexical rich-text hooks (@payloadcms/richtext-lexical)', test: inFile(/node_modules\/@payloadcms\/richtext-lexical\//) },
  {
    label: 'population, depth=1 (relationshipPopulationPromise, dataloader)',
    test: inFile(/payload\/(dist|src)\/fields\/hooks\/afterRead\/relationshipPopulationPromise/, /payload\/(dist|src)\/collections\/dataloader/, /node_modules\/dataloader\//),
  },
  { label: 'joins (comments join: drizzle join queries, Payload join sanitising)', test: inFile(/drizzle\/(dist|src)\/find\/.*[Jj]oin/, /payload\/(dist|src)\/.*[Jj]oin/) },
  { label: 'Payload afterRead field traversal', test: inFile(/payload\/(dist|src)\/fields\/hooks\/afterRead\//) },
  {
    label: 'Payload DB adapter (@payloadcms/drizzle, drizzle-orm: SQL building, row to document)',
    // Turbopack names drizzle-orm's own sources (its published source maps) `node_modules/src/…`.
    test: inFile(/node_modules\/(@payloadcms\/(drizzle|db-sqlite)|drizzle-orm)\//, /^node_modules\/src\//),
  },
  { label: 'SQL driver (@libsql/client, libsql)', test: inFile(/node_modules\/(@libsql|libsql)\//) },
  { label: "Payload's REST handler and operations (payload, @payloadcms/next)", test: inFile(/node_modules\/(payload|@payloadcms\/next)\//) },
  { label: 'Next.js routing and rendering (next)', test: inFile(/node_modules\/next\//, /^\.next\//) },
  // Node 20's AsyncLocalStorage (Next.js, Payload) tracks every promise through async_hooks.
  { label: 'async_hooks promise tracking (AsyncLocalStorage on Node 20)', test: inFile(/^node:(internal\/)?async_hooks/) },
  { label: 'Node core (http, streams, microtasks, Web Request/Response)', test: inFile(/^node:/) },
  { label: 'other node_modules', test: inFile(/node_modules\//) },
]

// V8 builtins without a script: their time belongs to whoever called them.
const isTransparent = (place: Place): boolean =>
  place.file === '' && !['(garbage collector)', '(program)', 'parse', 'stringify'].includes(place.name)

const IDLE = '(idle)'

/** Maps generated positions in the build's chunks back to source files, one source map per chunk. */
const sourceMaps = new Map<string, SourceMap | null>()

const sourceMapOf = (file: string): SourceMap | null => {
  if (!sourceMaps.has(file)) {
    let map: SourceMap | null = null
    try {
      map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')))
    } catch {
      // No map (a file Node loads itself): the generated place is the source.
    }
    sourceMaps.set(file, map)
  }
  return sourceMaps.get(file)!
}

// Turbopack names sources relative to the chunk (`../../../src/…`, scoped packages as `%40payloadcms`) or as
// `turbopack:///[project]/…`.
const repositoryPath = (source: string): string =>
  decodeURIComponent(source)
    .replace(/^turbopack:\/\/\/\[project\]\//, '')
    .replace(/^webpack:\/\/[^/]*\//, '')
    .replace(/^file:\/\//, '')
    .replace(/^(\.\.\/)+/, '')
    .replace(`${ROOT}/`, '')
    .replace(/^\[project\]\//, '')

const placeOf = ({ columnNumber, functionName, lineNumber, url }: CallFrame): Place => {
  if (!url) return { file: '', line: 0, name: functionName }
  if (!url.startsWith('file://')) return { file: url, line: lineNumber + 1, name: functionName }
  const file = fileURLToPath(url)
  // Only the build's chunks: a package's own map (next/dist) names its sources relative to itself.
  const bundled = file.startsWith(path.join(ROOT, '.next') + path.sep)
  const entry = (bundled ? sourceMapOf(file) : null)?.findEntry(lineNumber, columnNumber) as
    | { name?: string; originalLine?: number; originalSource?: string }
    | undefined
  if (entry?.originalSource) {
    return { file: repositoryPath(entry.originalSource), line: (entry.originalLine ?? 0) + 1, name: entry.name ?? functionName }
  }
  return { file: path.relative(ROOT, file), line: lineNumber + 1, name: functionName }
}

const categoryOf = (place: Place): string => CATEGORIES.find(({ test }) => test(place))?.label ?? 'other'

/** The samples (index range) of the busiest `seconds`, by non-idle time; all of them for 0. */
const busiestWindow = (profile: Profile, weights: number[], idle: boolean[], seconds: number): [number, number] => {
  if (seconds <= 0) return [0, profile.samples.length]
  const span = seconds * 1e6
  const times: number[] = []
  let at = profile.startTime
  for (const delta of profile.timeDeltas) times.push((at += delta))
  let best: [number, number] = [0, 0]
  let bestBusy = -1
  let busy = 0
  let start = 0
  for (let end = 0; end < times.length; end++) {
    if (!idle[end]) busy += weights[end]
    while (times[end] - times[start] > span) {
      if (!idle[start]) busy -= weights[start]
      start++
    }
    if (busy > bestBusy) [bestBusy, best] = [busy, [start, end + 1]]
  }
  return best
}

const pct = (part: number, whole: number): string => `${((100 * part) / Math.max(whole, 1e-9)).toFixed(1)}%`
const ms = (microseconds: number): string => (microseconds / 1000).toFixed(0)

export const summariseProfile = (profile: Profile, { top = 30, window = 10 } = {}): string => {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const parents = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id)
  const places = new Map(profile.nodes.map((node) => [node.id, placeOf(node.callFrame)]))

  // Each sample stands for the time until the next one (as Chrome DevTools counts it).
  const weights = profile.samples.map((_, i) => profile.timeDeltas[i + 1] ?? 0)
  const idle = profile.samples.map((id) => nodes.get(id)!.callFrame.functionName === IDLE)
  const [from, to] = busiestWindow(profile, weights, idle, window)

  const self = new Map<string, number>()
  const onStack = new Map<string, number>()
  const frames = new Map<string, { category: string; time: number }>()
  let busy = 0
  let elapsed = 0
  for (let i = from; i < to; i++) {
    elapsed += weights[i]
    if (idle[i]) continue
    busy += weights[i]
    const seen = new Set<string>()
    let owner: Place | undefined
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parents.get(id)) {
      const place = places.get(id)!
      if (isTransparent(place) || place.name === '(root)') continue
      owner ??= place
      seen.add(categoryOf(place))
    }
    owner ??= { file: '', line: 0, name: '(program)' }
    const category = categoryOf(owner)
    self.set(category, (self.get(category) ?? 0) + weights[i])
    for (const label of seen) onStack.set(label, (onStack.get(label) ?? 0) + weights[i])
    const key = owner.file ? `${owner.file}:${owner.line} ${owner.name || '(anonymous)'}` : owner.name
    const frame = frames.get(key) ?? { category, time: 0 }
    frame.time += weights[i]
    frames.set(key, frame)
  }

  const lines = [
    `window: ${ms(elapsed)} ms of the profile's ${ms(profile.endTime - profile.startTime)} ms, ${ms(busy)} ms busy (${pct(busy, elapsed)} of one core)`,
    '',
    '| category | self ms | self | on stack |',
    '| --- | ---: | ---: | ---: |',
  ]
  const labels = [...CATEGORIES.map(({ label }) => label), 'other']
  for (const label of labels.filter((item) => self.has(item) || onStack.has(item)).sort((a, b) => (self.get(b) ?? 0) - (self.get(a) ?? 0))) {
    lines.push(`| ${label} | ${ms(self.get(label) ?? 0)} | ${pct(self.get(label) ?? 0, busy)} | ${pct(onStack.get(label) ?? 0, busy)} |`)
  }
  lines.push('', `Top ${top} frames by self time (source place, function, category):`, '')
  for (const [key, { category, time }] of [...frames].sort((a, b) => b[1].time - a[1].time).slice(0, top)) {
    lines.push(`${pct(time, busy).padStart(6)}  ${key}  [${category}]`)
  }
  return `${lines.join('\n')}\n`
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string' }, window: { type: 'string' } },
  })
  if (!positionals.length) {
    console.error('usage: npx tsx bench/summariseProfile.ts <file.cpuprofile>… [--window=10] [--top=30]')
    process.exit(2)
  }
  for (const file of positionals) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile
    process.stdout.write(`## ${path.relative(process.cwd(), file)}\n\n`)
    process.stdout.write(summariseProfile(profile, { top: Number(values.top ?? 30), window: Number(values.window ?? 10) }))
  }
}
