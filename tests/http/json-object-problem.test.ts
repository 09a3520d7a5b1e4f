import { describe, expect, it } from 'vitest'

import { jsonObjectProblem, MAX_JSON_NESTING, nestsDeeperThan } from '@/http/jsonObjectProblem'

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

describe('nestsDeeperThan', () => {
  it('counts arrays and objects, up to the limit and past it', () => {
    expect(nestsDeeperThan(`{"a":${nested(MAX_JSON_NESTING - 1)}}`, MAX_JSON_NESTING)).toBe(false)
    expect(nestsDeeperThan(`{"a":${nested(MAX_JSON_NESTING)}}`, MAX_JSON_NESTING)).toBe(true)
  })

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ body: `${'['.repeat(500)} a \\" quote ${'{'.repeat(500)}` })
    expect(nestsDeeperThan(text, MAX_JSON_NESTING)).toBe(false)
  })
})

describe('jsonObjectProblem', () => {
  it('accepts an object', () => {
    expect(jsonObjectProblem('{"title":"Hello"}', 'the request body')).toBeUndefined()
  })

  it.each([
    ['null', 'The request body must be a JSON object, not null.'],
    ['"text"', 'The request body must be a JSON object, not a string.'],
    ['[{}]', 'The request body must be a JSON object, not an array.'],
    ['{"title":', /^Invalid JSON in the request body: /],
    [nested(100), 'The request body nests arrays and objects more than 64 levels deep, past the limit of 64.'],
  ])('names the problem with %s', (text, problem) => {
    expect(jsonObjectProblem(text, 'the request body')).toMatch(problem)
  })
})
