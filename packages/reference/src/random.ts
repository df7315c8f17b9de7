import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';

/** The one fixed seed of the demo data (architecture §6). */
export const DEMO_SEED = 620621;

export interface Random {
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** A seeded generator; each consumer derives its own stream from a label so streams do not shift each other. */
export function createRandom(label: string, seed = DEMO_SEED): Random {
  let hash = seed;
  for (const char of label) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  const rng = xoroshiro128plus(hash);
  const int = (min: number, max: number) => unsafeUniformIntDistribution(min, max, rng);
  return {
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    chance: (probability) => int(0, 9999) < probability * 10000,
  };
}
