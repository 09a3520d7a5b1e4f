import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['.next/', 'node_modules/', 'src/payload-types.ts', 'src/migrations/', 'src/app/(payload)/admin/importMap.js', 'next-env.d.ts', 'bench/baseline/.next/', 'bench/baseline/next-env.d.ts', 'bench/results/'],
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
)
