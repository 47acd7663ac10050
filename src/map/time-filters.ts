/**
 * Time filters on numeric `t0`/`t1` feature properties (epoch ms) against a global-state value.
 * Every time filter is built here and marked, so strategies can find and rewrite them
 * (time-strategy.ts).
 */
import type { ExpressionSpecification } from 'maplibre-gl';

/** The global-state property holding the current time, epoch ms (plain strategies). */
export const TIME_STATE = 't';

const marked = new WeakSet<object>();
const mark = (e: ExpressionSpecification) => {
  marked.add(e);
  return e;
};

/** Active at the time in global state `key`: t0 <= t < t1. */
export function activeAt(key: string = TIME_STATE): ExpressionSpecification {
  const now: ExpressionSpecification = ['global-state', key];
  return mark(['all', ['<=', ['get', 't0'], now], ['>', ['get', 't1'], now]]);
}

/** Known at the time in global state `key`: t0 <= t (reports, by reported_at). */
export function knownAt(key: string = TIME_STATE): ExpressionSpecification {
  return mark(['<=', ['get', 't0'], ['global-state', key]]);
}

/** Whether an expression is one of the time filters built above. */
export function isTimeFilter(e: unknown): e is ExpressionSpecification {
  return typeof e === 'object' && e !== null && marked.has(e);
}

export const ACTIVE_AT_T = activeAt();
export const KNOWN_AT_T = knownAt();
