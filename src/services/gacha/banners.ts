import {
  BANNERS,
  FEATURED_ROTATION_MS,
  type BannerId,
  type PityFamily,
} from '../../core/balance/gacha.ts';
import type { CharacterCatalog } from '../player/catalog.ts';
import type { BannerPools } from './rollPull.ts';

export interface BannerView {
  id: BannerId;
  family: PityFamily;
  /** The featured 5★ character, or null on the standard banner. */
  featuredId: string | null;
  /** When the current featured character rotates out (ISO time), or null. */
  endsAt: string | null;
}

export interface ActiveBanner extends BannerView {
  pools: BannerPools;
}

/**
 * The banners at time `nowMs`. Featured characters follow a fixed schedule from the epoch: in
 * period k, banner slot s features the 5★ character at index (k + s × ⌈n/2⌉) mod n (ids
 * sorted), so the two featured banners differ whenever n ≥ 2 and change every period.
 */
export function activeBanners(catalog: CharacterCatalog, nowMs: number): ActiveBanner[] {
  const characters = catalog.list('character');
  const fiveStars = characters.filter((c) => c.rarity === 5).map((c) => c.id).sort();
  const sixStars = characters.filter((c) => c.rarity === 6).map((c) => c.id).sort();
  const period = Math.floor(nowMs / FEATURED_ROTATION_MS);
  const endsAt = new Date((period + 1) * FEATURED_ROTATION_MS).toISOString();

  return BANNERS.map((banner) => {
    const featuredId = banner.featuredSlot === null
      ? null
      : featuredFor(fiveStars, period, banner.featuredSlot);
    return {
      id: banner.id,
      family: banner.family,
      featuredId,
      endsAt: featuredId === null ? null : endsAt,
      pools: { sixStars, fiveStars, featuredId },
    };
  });
}

/** The banner with id `bannerId` at `nowMs`, or undefined. */
export function findBanner(
  catalog: CharacterCatalog,
  bannerId: string,
  nowMs: number,
): ActiveBanner | undefined {
  return activeBanners(catalog, nowMs).find((banner) => banner.id === bannerId);
}

function featuredFor(fiveStars: readonly string[], period: number, slot: number): string | null {
  if (fiveStars.length === 0) return null;
  const offset = slot * Math.ceil(fiveStars.length / 2);
  return fiveStars[(period + offset) % fiveStars.length] ?? null;
}
