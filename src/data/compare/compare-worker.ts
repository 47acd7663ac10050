/**
 * Comparisons (compare.ts) in a Web Worker: polygon differences over a year of zones can take
 * longer than a frame, and scrubbing must not stutter while they run.
 */
import { type Comparison, compareMoments } from './compare';
import type { Dataset } from '../types';

export type CompareRequest =
  | { type: 'dataset'; dataset: Dataset }
  | { type: 'compare'; id: number; a: number; b: number };
export type CompareReply =
  | { type: 'result'; id: number; result: Comparison; ms: number }
  | { type: 'failed'; id: number; message: string };

let dataset: Dataset | null = null;
const post = (m: CompareReply) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<CompareRequest>) => {
  const m = e.data;
  if (m.type === 'dataset') {
    dataset = m.dataset;
    return;
  }
  try {
    if (!dataset) throw new Error('no dataset yet');
    const t0 = performance.now();
    const result = compareMoments(dataset, m.a, m.b);
    post({ type: 'result', id: m.id, result, ms: performance.now() - t0 });
  } catch (err) {
    post({ type: 'failed', id: m.id, message: err instanceof Error ? err.message : String(err) });
  }
};
