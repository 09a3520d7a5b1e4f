/** The test's environment minus what vitest adds (NODE_ENV=test, VITEST_*): a developer's shell has neither. */
export const developerShell = (): NodeJS.ProcessEnv => {
  const env = { ...process.env }
  for (const name of Object.keys(env)) if (name === 'NODE_ENV' || name.startsWith('VITEST')) delete env[name]
  return env
}
