import Link from 'next/link'

const NotFound = () => (
  <>
    <h1>Page not found</h1>
    <p>
      There is no published page at this address. <Link href="/">Read the latest stories</Link>.
    </p>
  </>
)

export default NotFound
