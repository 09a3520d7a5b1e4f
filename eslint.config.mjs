import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/**
 * A plugin under plugins/<name>/ is shaped as a package: it knows only what its options tell it.
 * It never reaches the app through tsconfig.json's path aliases (`@/*`, `@collections/*`,
 * `@payload-config`, `@plugins/*`), bare `src/`/`collections/` paths, or a relative path that
 * leaves its own folder; `depth` is how many folders below plugins/<name>/ the file sits.
 */
const PLUGIN_RULE = 'plugins/ are self-contained packages (plugins/README.md): a plugin imports only its own files and npm packages, never src/, collections/, the payload config or another plugin. Pass what it needs through its options.'
const pluginBoundary = (depth) => ({
  files: [`plugins/*/${'*/'.repeat(depth)}*.{js,jsx,mjs,ts,tsx}`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          { message: PLUGIN_RULE, regex: '^(@/|@collections/|@plugins/|@payload-config$)' },
          { message: PLUGIN_RULE, regex: '^/?(src|collections)(/|$)' },
          { message: PLUGIN_RULE, regex: `^(\\.\\./){${depth + 1},}` },
        ],
      },
    ],
  },
})

/**
 * The reference frontend is a client of the CMS like any other site: it reads over the public
 * REST/GraphQL API (src/frontend/api.ts), so it can show only what the public may read. Type-only
 * imports of `@/payload-types` stay allowed; they carry no code and no rights.
 */
const FRONTEND_RULE = 'The reference frontend reads content only through the public HTTP API (src/frontend/api.ts), as any other site would, so it can never show what the public may not read.'
const frontendBoundary = {
  files: ['src/frontend/**', 'src/app/(frontend)/**'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: [
          {
            importNames: ['getPayload'],
            message: `${FRONTEND_RULE} getPayload is the Local API, which skips access control by default.`,
            name: 'payload',
          },
        ],
        patterns: [
          {
            message: `${FRONTEND_RULE} The payload config is the Local API's entry point.`,
            regex: '^(@payload-config$|@/payload\\.config)|(^\\.{1,2}/(.*/)?payload\\.config)',
          },
          {
            message: `${FRONTEND_RULE} Collection configs are the CMS's server code.`,
            regex: '^(@collections/|@collections$)|^\\.{1,2}/(.*/)?collections(/|$)',
          },
          {
            message: `${FRONTEND_RULE} Access rules belong to the CMS: the API applies them for the frontend.`,
            regex: '^@/access(/|$)|^\\.{1,2}/(.*/)?access(/|$)',
          },
        ],
      },
    ],
  },
}

export default tseslint.config(
  {
    ignores: ['.next/', 'node_modules/', 'src/payload-types.ts', 'src/public-types.ts', 'tests/clients/gql/', 'src/migrations/', 'src/app/(payload)/admin/importMap.js', 'next-env.d.ts', 'bench/baseline/.next/', 'bench/baseline/next-env.d.ts', 'bench/results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['tests/**', 'scripts/**', 'src/seed/**'],
    rules: { 'no-console': 'off' },
  },
  ...Array.from({ length: 10 }, (_, depth) => pluginBoundary(depth)),
  frontendBoundary,
)
