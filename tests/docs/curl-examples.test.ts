import { execFile } from 'child_process'
import fs from 'fs/promises'
import path from 'path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../..')
const DOCUMENTS = ['README.md', 'docs/PERFORMANCE.md', 'plugins/read-more/README.md']
// Nothing listens on the discard port: a well-formed command fails to connect (7), a malformed URL with 3.
const UNREACHABLE = 'http://127.0.0.1:9'
const CURL_BAD_URL = 3

/** Every `curl` command in a document's sh blocks, continuation lines joined. */
const curlCommands = (markdown: string): string[] =>
  [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap(([, block]) =>
    block
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .filter((line) => /^curl\s/.test(line)),
  )

/** Runs a documented command as a shell does, pointed at a port where nothing answers. */
const runAgainstNothing = (command: string): Promise<{ code: number; stderr: string }> =>
  new Promise((resolve) =>
    execFile(
      'sh',
      ['-c', command.replaceAll('http://localhost:3000', UNREACHABLE)],
      { env: { ...process.env, TOKEN: 'token' }, timeout: 30_000 },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    ),
  )

describe('curl examples in the documentation', () => {
  it.each(DOCUMENTS)('%s: every curl command is one curl accepts as written', async (document) => {
    const commands = curlCommands(await fs.readFile(path.join(root, document), 'utf-8'))
    for (const command of commands) {
      expect(command, `${document}: a curl example for the server of the README`).toContain('http://localhost:3000')
      const { code, stderr } = await runAgainstNothing(command)
      expect(code, `${command}\n${stderr}`).not.toBe(CURL_BAD_URL)
      expect(stderr).not.toMatch(/bad range|malformed/i)
    }
  })

  it('finds the README examples it checks', async () => {
    const commands = curlCommands(await fs.readFile(path.join(root, 'README.md'), 'utf-8'))
    expect(commands.some((command) => command.includes('where[tags.slug]'))).toBe(true)
    expect(commands.some((command) => command.includes('/api/graphql'))).toBe(true)
  })
})
