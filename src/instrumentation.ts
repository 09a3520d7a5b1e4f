// Boots Payload when the Next.js server starts (not on the first request), so that a missing
// setting fails at once, pending migrations apply, and the job runner publishes scheduled stories.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // First, before Payload boots: comment flood control needs each request's real peer address.
    const { installPeerAddressStamp } = await import('./comments/peerAddress')
    installPeerAddressStamp()
    const { startPayload } = await import('./startPayload')
    await startPayload()
  }
}
