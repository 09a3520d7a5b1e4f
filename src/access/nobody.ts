/**
 * Refuses everyone: for what only hooks or trusted system work through the Local API may do (a
 * field written by hooks, running the job queue).
 */
export const nobody = (): boolean => false
