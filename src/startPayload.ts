/** Starts Payload with its job runner; a server that cannot start exits instead of serving errors. */
export const startPayload = async (): Promise<void> => {
  try {
    // Imported here so that a configuration error (a missing variable) is caught below.
    const { default: config } = await import('@payload-config')
    const { getPayload } = await import('payload')
    await getPayload({ config, cron: true })
  } catch (error) {
    console.error(`[newsroom] Cannot start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
