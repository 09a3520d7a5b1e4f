import { NextResponse } from 'next/server'

/**
 * The bare-Payload baseline has no proxy of its own work: this one passes every request through.
 * Without it, Next.js 16 (its Turbopack root is the repository root) picks up the project's
 * `src/proxy.ts`, whose `@/` imports this app does not resolve, and the build fails.
 */
export const proxy = () => NextResponse.next()

// Matches nothing: no request pays for a proxy the baseline does not need.
export const config = { matcher: ['/__baseline-proxy-never-matches'] }
