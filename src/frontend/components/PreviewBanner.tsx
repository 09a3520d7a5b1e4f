import { EXIT_PREVIEW_ROUTE } from '@/utilities/preview'

/**
 * Tells the editor the page shows a draft, which readers cannot see. A plain link, not next/link:
 * a prefetch of the exit route would end the preview on its own.
 */
export const PreviewBanner = ({ path }: { path: string }) => (
  <aside aria-label="Preview" className="preview-banner" role="status">
    <strong>Preview:</strong> you are seeing the latest draft, as your account may read it. Readers see the published story only.{' '}
    <a href={`${EXIT_PREVIEW_ROUTE}?${new URLSearchParams({ path })}`}>Exit preview</a>
  </aside>
)
