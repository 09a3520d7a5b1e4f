import type { ReadMoreOptions, SanitizedReadMoreOptions } from '../types'

/** The most links one document may curate, and the most one request may ask for. */
export const MAX_LINKS_LIMIT = 20

export const defaultOptions = {
  auto: true,
  collections: ['articles'],
  disabled: false,
  excludeTags: [],
  label: 'Read more about',
  maxLinks: 5,
  minScore: 0,
  relationTo: ['tags', 'articles'],
  tagsField: 'tags',
} as const

const fail = (option: keyof ReadMoreOptions, rule: string, value: unknown): never => {
  throw new Error(`readMorePlugin: option \`${option}\` ${rule} (got ${JSON.stringify(value) ?? String(value)}).`)
}

const slugList = (option: 'collections' | 'relationTo', value: unknown, fallback: readonly string[]): string[] => {
  if (value === undefined) return [...fallback]
  if (!Array.isArray(value) || value.length === 0) return fail(option, 'must be a non-empty array of collection slugs', value)
  for (const slug of value) {
    if (typeof slug !== 'string' || !slug.trim()) fail(option, 'must contain only non-empty strings', value)
  }
  if (new Set(value).size !== value.length) fail(option, 'must not list a collection twice', value)
  return [...(value as string[])]
}

const slugsOf = (value: unknown): string[] => {
  if (value === undefined) return []
  if (!Array.isArray(value) || value.some((slug) => typeof slug !== 'string' || !slug.trim())) {
    return fail('excludeTags', 'must be an array of topic slugs', value)
  }
  return [...new Set(value as string[])]
}

const optionalDays = (value: unknown): number | undefined => {
  if (value === undefined) return undefined
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : fail('maxAgeDays', 'must be a whole number of days, at least 1', value)
}

const score = (value: unknown): number => {
  if (value === undefined) return defaultOptions.minScore
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fail('minScore', 'must be a number of at least 0', value)
}

const titleFieldsOf = (value: unknown): Readonly<Record<string, string>> => {
  if (value === undefined) return Object.freeze({})
  const entries = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : null
  if (!entries || entries.some(([, field]) => typeof field !== 'string' || !field.trim())) {
    return fail('titleFields', 'must map collection slugs to field names, e.g. `{ tags: "name" }`', value)
  }
  return Object.freeze(Object.fromEntries(entries) as Record<string, string>)
}

const flag = (option: 'auto' | 'disabled', value: unknown, fallback: boolean): boolean => {
  if (value === undefined) return fallback
  return typeof value === 'boolean' ? value : fail(option, 'must be true or false', value)
}

/**
 * Resolves every default once and checks each option on its own. Checks that need the config
 * (do the slugs exist, is `tagsField` a relationship) run in `validateAgainstConfig`.
 */
export const sanitizeOptions = (options: ReadMoreOptions = {}): SanitizedReadMoreOptions => {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new Error('readMorePlugin: expects an options object, e.g. `readMorePlugin({ collections: ["articles"] })`.')
  }
  const { maxLinks = defaultOptions.maxLinks, label = defaultOptions.label, tagsField = defaultOptions.tagsField } = options
  if (typeof maxLinks !== 'number' || !Number.isInteger(maxLinks) || maxLinks < 1 || maxLinks > MAX_LINKS_LIMIT) {
    fail('maxLinks', `must be an integer from 1 to ${MAX_LINKS_LIMIT}`, maxLinks)
  }
  if (typeof label !== 'string' || !label.trim()) fail('label', 'must be a non-empty string', label)
  if (typeof tagsField !== 'string' || !tagsField.trim()) fail('tagsField', 'must be a field name', tagsField)
  if (options.fields !== undefined && typeof options.fields !== 'function') {
    fail('fields', 'must be a function `({ defaultFields }) => Field[]`', options.fields)
  }
  if (options.similarText !== undefined && typeof options.similarText !== 'function') {
    fail('similarText', 'must be a function `({ collection, id, exclude, limit, payload }) => Promise<id[]>`', options.similarText)
  }
  const maxAgeDays = optionalDays(options.maxAgeDays)
  return Object.freeze({
    auto: flag('auto', options.auto, defaultOptions.auto),
    collections: Object.freeze(slugList('collections', options.collections, defaultOptions.collections)),
    disabled: flag('disabled', options.disabled, defaultOptions.disabled),
    excludeTags: Object.freeze(slugsOf(options.excludeTags)),
    ...(options.fields ? { fields: options.fields } : {}),
    label,
    ...(maxAgeDays ? { maxAgeDays } : {}),
    maxLinks,
    minScore: score(options.minScore),
    relationTo: Object.freeze(slugList('relationTo', options.relationTo, defaultOptions.relationTo)),
    ...(options.similarText ? { similarText: options.similarText } : {}),
    tagsField,
    titleFields: titleFieldsOf(options.titleFields),
  })
}
