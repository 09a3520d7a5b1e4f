/** Refuses everyone: for operations that only trusted system work, through the Local API, may perform. */
export const nobody = (): boolean => false
