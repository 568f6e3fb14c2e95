// The registry of served models: kind → factory. A new kind of model is one
// implementation of the Recommender contract plus one line here; its model type
// and options are read off the factory's signature.
import type { EaseModel } from '../model/ease';
import { EaseRecommender } from './ease-recommender';
import { mfRecommender } from './mf-recommender';
import { popularityRecommender } from './popularity-recommender';
import type { Recommender, RecommenderContext } from './recommender';

export const RECOMMENDERS = {
  ease: (model: EaseModel, context: RecommenderContext) => new EaseRecommender(model, context.catalog.size),
  mf: mfRecommender,
  popularity: popularityRecommender,
} as const satisfies Record<string, (model: never, context: RecommenderContext, options?: never) => Recommender>;

export type RecommenderKind = keyof typeof RECOMMENDERS;
/** The model value a kind is built from (SvdModel for 'mf', PopularityModel for 'popularity'). */
export type ModelOf<K extends RecommenderKind> = Parameters<(typeof RECOMMENDERS)[K]>[0];
/** The options a kind takes (undefined when it has none). */
export type OptionsOf<K extends RecommenderKind> = Parameters<(typeof RECOMMENDERS)[K]>[2];

export function createRecommender<K extends RecommenderKind>(kind: K, model: ModelOf<K>, context: RecommenderContext, options?: OptionsOf<K>): Recommender {
  const factory = RECOMMENDERS[kind] as (model: ModelOf<K>, context: RecommenderContext, options?: OptionsOf<K>) => Recommender;
  return factory(model, context, options);
}
