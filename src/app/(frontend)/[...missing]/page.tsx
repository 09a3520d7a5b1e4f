import { notFound } from 'next/navigation'

// Any address no other route serves gets the site's own 404 page, inside this layout (with its
// `lang` and skip link), instead of Next.js's bare default, which has neither.
const Missing = () => notFound()

export default Missing
