/**
 * Time filters on numeric `t0`/`t1` properties against the style's global state `t` (epoch ms).
 * Changing time is one `setGlobalStateProperty('t', ms)` call; the data stays where it is.
 */
import type { ExpressionSpecification } from 'maplibre-gl';

/** Name of the global-state property that holds the current time, epoch ms. */
export const TIME_STATE = 't';

const NOW: ExpressionSpecification = ['global-state', TIME_STATE];

/** Active at t: t0 <= t < t1. */
export const ACTIVE_AT_T: ExpressionSpecification = [
  'all',
  ['<=', ['get', 't0'], NOW],
  ['>', ['get', 't1'], NOW],
];

/** Known at t: t0 <= t (reports, by reported_at). */
export const KNOWN_AT_T: ExpressionSpecification = ['<=', ['get', 't0'], NOW];
