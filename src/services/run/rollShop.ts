import { SHOP } from '../../core/balance/runs.ts';
import type { SeededRng } from '../../core/rng.ts';
import type { ContentLists } from './ContentLists.ts';
import type { ShopOffer } from './RunRecord.ts';
import { rollCardOffer, rollRelicOffer } from './rollRewards.ts';

/** Price of a card or relic: by stars, growing 26 % per pressure point (GAME.md §5). */
export function shopPrice(stars: number, pressure: number): number {
  const base = SHOP.priceByStars[Math.min(Math.max(stars, 1), 5) - 1] ?? SHOP.priceByStars[0];
  return Math.round(base * SHOP.pressureGrowth ** pressure);
}

/** Stocks a shop: two cards the party lacks and up to six relics, priced by stars. */
export function rollShop(
  rng: SeededRng,
  content: ContentLists,
  heldCardIds: readonly string[],
  pressure: number,
  rerolls: number,
): ShopOffer[] {
  const starsOf = new Map<string, number>();
  for (const plugin of [...content.list('card'), ...content.list('relic')]) {
    starsOf.set(`${plugin.kind}:${plugin.id}`, plugin.stars);
  }
  const cards = rollCardOffer(rng, content, heldCardIds, false, SHOP.cards);
  const relics = rollRelicOffer(rng, content, false, SHOP.relics);
  const stock = [
    ...cards.map((id) => ['card', id] as const),
    ...relics.map((id) => ['relic', id] as const),
  ];
  return stock.map(([kind, pluginId], index) => {
    const stars = starsOf.get(`${kind}:${pluginId}`) ?? 1;
    return {
      itemId: `${rerolls}-${index}`,
      kind,
      pluginId,
      stars,
      price: shopPrice(stars, pressure),
      isSold: false,
    };
  });
}
