import type { PublicReadsOptions, SanitizedPublicReadsOptions } from '../types'

export const DEFAULT_MAX_LIMIT = 100

const fail = (option: keyof PublicReadsOptions, rule: string, value: unknown): never => {
  throw new Error(`publicReadsPlugin: option \`${option}\` ${rule} (got ${JSON.stringify(value) ?? String(value)}).`)
}

const pathsByCollection = (value: unknown): Record<string, readonly string[]> => {
  if (value === undefined) return {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('hiddenElsewhere', 'must map collection slugs to lists of field paths', value)
  }
  for (const paths of Object.values(value)) {
    if (!Array.isArray(paths) || paths.some((path) => typeof path !== 'string' || !path.trim())) {
      fail('hiddenElsewhere', 'must map collection slugs to lists of field paths', value)
    }
  }
  return Object.fromEntries(Object.entries(value as Record<string, string[]>).map(([slug, paths]) => [slug, Object.freeze([...paths])]))
}

const optionalFunction = <T>(option: 'isTrustedReader' | 'onPublicChange', value: T): T => {
  if (value !== undefined && typeof value !== 'function') fail(option, 'must be a function', value)
  return value
}

/** Resolves every default once and checks each option; checks against the config run in the factory. */
export const sanitizeOptions = (options: PublicReadsOptions = {}): SanitizedPublicReadsOptions => {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new Error('publicReadsPlugin: expects an options object, e.g. `publicReadsPlugin({ onPublicChange })`.')
  }
  const { maxLimit = DEFAULT_MAX_LIMIT } = options
  if (typeof maxLimit !== 'number' || !Number.isInteger(maxLimit) || maxLimit < 1) fail('maxLimit', 'must be a positive integer', maxLimit)
  const onPublicChange = optionalFunction('onPublicChange', options.onPublicChange)
  return Object.freeze({
    hiddenElsewhere: Object.freeze(pathsByCollection(options.hiddenElsewhere)),
    isTrustedReader: optionalFunction('isTrustedReader', options.isTrustedReader) ?? (() => false),
    maxLimit,
    ...(onPublicChange ? { onPublicChange } : {}),
  })
}
