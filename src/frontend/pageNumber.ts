/** `?page=` as a positive integer; anything else is the first page. */
export const pageNumber = (value: string | undefined): number => {
  const page = Number(value)
  return Number.isInteger(page) && page > 0 ? page : 1
}
