// Boots Payload when the Next.js server starts (not on the first request), so that a missing
// setting fails at once, pending migrations apply, and the job runner publishes scheduled stories.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startPayload } = await import('./startPayload')
    await startPayload()
  }
}
