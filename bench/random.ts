/** The seed every bench starts from, so each run generates (and measures) the same archive. */
export const DEFAULT_SEED = 0x2545f491

/** A small deterministic generator (xorshift32): numbers in [0, 1), the same sequence for the same seed. */
export const seededRandom = (seed = DEFAULT_SEED): (() => number) => {
  let state = seed
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 0x1_0000_0000
  }
}

/**
 * Ranks 1…`ranks` drawn with probability ∝ 1/rank (Zipf, s = 1), the shape of real tag use: with
 * 500 tags, rank 1 is drawn ~15% of the time and rank 500 ~0.03%.
 */
export const zipfSampler = (random: () => number, ranks: number): (() => number) => {
  const cumulative: number[] = []
  let sum = 0
  for (let rank = 1; rank <= ranks; rank++) cumulative.push((sum += 1 / rank))
  return () => {
    const target = random() * sum
    let low = 0
    let high = ranks - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if (cumulative[mid] < target) low = mid + 1
      else high = mid
    }
    return low + 1
  }
}

/** An integer in [min, max], both included. */
export const randomInt = (random: () => number, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1))

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]
