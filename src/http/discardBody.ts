/** How long the rest of a refused body is read and dropped before the connection is cut. */
const LINGER_MS = 5_000

/**
 * Reads and drops what is left of a body refused unread. Cancelling it at once closes the
 * connection with the client's bytes still unread, and the reset can reach the client before the
 * refusal does; like a web server's lingering close, this reads on for a while, keeping nothing,
 * so that the client gets the answer and stops sending, and cuts the connection only then.
 */
export const discardBody = (body: ReadableStream<Uint8Array>): void => {
  const reader = body.getReader()
  const timer = setTimeout(() => void reader.cancel().catch(() => undefined), LINGER_MS)
  const drop = async () => {
    while (!(await reader.read()).done) {
      // Nothing is kept.
    }
  }
  void drop()
    .catch(() => undefined)
    .finally(() => clearTimeout(timer))
}
