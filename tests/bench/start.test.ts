import fs from 'fs'
import path from 'path'
import { describe, expect, it } from 'vitest'

import { PROJECT_NODE_OPTIONS, ROOT } from '../../bench/paths'

describe('the bench serves the project as `npm start` does', () => {
  it('gives its server the V8 flags of the start script, which a user’s NODE_OPTIONS can override', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(scripts.start).toBe(`NODE_OPTIONS="${PROJECT_NODE_OPTIONS.join(' ')} $NODE_OPTIONS" next start`)
  })
})
