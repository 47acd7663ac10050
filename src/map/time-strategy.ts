/**
 * How a change of time reaches the map. The style is written once with time filters; this
 * module rewrites it for the strategy in use, so the benchmark can compare them on equal terms
 * (docs/performance.md):
 * - `gpu` (default): pins and zones are drawn by custom WebGL layers, each uploaded once
 *   (pin-layer.ts: time as a uniform; zone-layer.ts: zones triangulated once, the ranges active
 *   at t drawn); places as in `keyed`, their dots coloured by feature state.
 * - `tiled`: as `gpu`, but zones come from one map source whose filter reads a snapped key, so
 *   a step that crosses a zone version re-tiles them (the default until the third session).
 * - `perday`: as `tiled`, but zones are one source per version (validity interval) with layers
 *   whose layout visibility is toggled as t crosses versions.
 * - `keyed`: each source's filter reads its own global-state key, set to t snapped to
 *   that source's boundaries, and pins come in time buckets (time-plan.ts): a step re-tiles only
 *   the sources whose visible set changes.
 * - `filter`: every time filter reads the plain global state `t`; a change reloads every
 *   time-filtered source's tiles in the worker.
 * - `paint`: no time filters; opacity is 0 for features not active at `t` (global state in
 *   paint), so a change re-evaluates paint values without re-tiling.
 * - `setdata`: the naive baseline; no time filters, and each change sends the features active
 *   at `t` to the sources with setData.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { isTimeFilter } from './time-filters';

export type TimeStrategy = 'gpu' | 'tiled' | 'perday' | 'keyed' | 'filter' | 'paint' | 'setdata';
export const TIME_STRATEGIES: readonly TimeStrategy[] = [
  'gpu',
  'tiled',
  'perday',
  'keyed',
  'filter',
  'paint',
  'setdata',
];

const OPACITY: Partial<Record<LayerSpecification['type'], string[]>> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['text-opacity', 'icon-opacity'],
};

/** Splits a layer filter into its time part and the rest. */
function splitFilter(filter: unknown): { time: ExpressionSpecification | null; rest: unknown } {
  if (isTimeFilter(filter)) return { time: filter as ExpressionSpecification, rest: undefined };
  if (Array.isArray(filter) && filter[0] === 'all') {
    const time = filter.find((f) => isTimeFilter(f)) as ExpressionSpecification | undefined;
    if (!time) return { time: null, rest: filter };
    const others = filter.slice(1).filter((f) => f !== time);
    return { time, rest: others.length === 1 ? others[0] : ['all', ...others] };
  }
  return { time: null, rest: filter };
}

/** A layer without the time part of its filter. */
export function withoutTimeFilter(layer: LayerSpecification): LayerSpecification {
  if (!('filter' in layer) || layer.filter === undefined) return layer;
  const { time, rest } = splitFilter(layer.filter);
  if (!time) return layer;
  const out = { ...layer } as LayerSpecification & { filter?: unknown };
  if (rest === undefined) delete out.filter;
  else out.filter = rest;
  return out as LayerSpecification;
}

/** The layers rewritten for a strategy (the input is not changed). */
export function layersFor(
  layers: LayerSpecification[],
  strategy: TimeStrategy,
): LayerSpecification[] {
  if (strategy !== 'paint' && strategy !== 'setdata') return layers;
  return layers.map((layer) => {
    const time = 'filter' in layer ? splitFilter(layer.filter).time : null;
    if (!time) return layer;
    const out = withoutTimeFilter(layer) as LayerSpecification & {
      paint?: Record<string, unknown>;
    };
    if (strategy === 'paint') {
      const paint: Record<string, unknown> = { ...(layer.paint ?? {}) };
      for (const prop of OPACITY[layer.type] ?? []) {
        if (prop === 'icon-opacity') continue;
        const base = paint[prop] ?? 1;
        paint[prop] = ['case', time, base, 0];
      }
      out.paint = paint;
    }
    return out as LayerSpecification;
  });
}

/** Strategies that draw pins with the GPU pin layer (and places by feature state). */
export function pinsOnGpu(strategy: TimeStrategy): boolean {
  return strategy === 'gpu' || strategy === 'tiled' || strategy === 'perday';
}
