/**
 * The deepest nesting of arrays and objects accepted in JSON: a rich-text story nests a few dozen
 * levels at most, and Payload walks parsed data recursively (10,000 levels overflow its stack).
 */
export const MAX_JSON_NESTING = 64

/** Whether JSON text nests arrays and objects deeper than `max`, found in one pass before it is parsed. */
export const nestsDeeperThan = (text: string, max: number): boolean => {
  let depth = 0
  let inString = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (inString) {
      if (char === '\\') index++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{' || char === '[') {
      if (++depth > max) return true
    } else if (char === '}' || char === ']') depth--
  }
  return false
}

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`

/**
 * Why `text` is not a JSON object Payload can take as `what` (e.g. "the request body"), or
 * undefined when it is one. Payload itself parses such text without these checks, and answers a
 * `null` body or 10,000 nested arrays with a 500.
 */
export const jsonObjectProblem = (text: string, what: string): string | undefined => {
  const What = `${what[0].toUpperCase()}${what.slice(1)}`
  if (nestsDeeperThan(text, MAX_JSON_NESTING)) {
    return `${What} nests arrays and objects more than ${MAX_JSON_NESTING} levels deep, past the limit of ${MAX_JSON_NESTING}.`
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return `Invalid JSON in ${what}: ${(error as Error).message}.`
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `${What} must be a JSON object, not ${kindOf(value)}.`
  }
  return undefined
}
