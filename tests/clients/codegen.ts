import type { CodegenConfig } from '@graphql-codegen/cli'

/**
 * `npm run generate` runs `graphql-codegen --config tests/clients/codegen.ts` from the project root:
 * typed documents for the operations in tests/clients/, from the committed schema.
 */
const config: CodegenConfig = {
  documents: ['tests/clients/**/*.ts', '!tests/clients/gql/**'],
  generates: {
    'tests/clients/gql/': {
      config: {
        // Plain strings sent with fetch: no GraphQL client library, no AST at run time.
        documentMode: 'string',
        enumsAsTypes: true,
        // Payload sends dates as ISO 8601 strings and rich text as Lexical JSON.
        scalars: { DateTime: 'string', JSON: 'unknown' },
        useTypeImports: true,
      },
      preset: 'client',
      presetConfig: { fragmentMasking: false },
    },
  },
  schema: 'src/generated-schema.graphql',
}

// graphql-codegen reads its config from the default export.
export default config
