/**
 * Runs comparisons off the main thread (compare-worker.ts), one at a time: while one runs, only
 * the latest request waits, so dragging a slider never queues stale work. Falls back to the main
 * thread when no worker can start.
 */
import type { Comparison } from './compare';
import type { CompareReply, CompareRequest } from './compare-worker';
import type { Dataset } from '../types';

export class CompareRunner {
  private worker: Worker | null = null;
  private dataset: Dataset;
  private nextId = 1;
  private busy = false;
  private waiting: { a: number; b: number; done: (c: Comparison | Error) => void } | null = null;
  private current: ((r: CompareReply) => void) | null = null;

  constructor(dataset: Dataset) {
    this.dataset = dataset;
    try {
      this.worker = new Worker(new URL('./compare-worker.ts', import.meta.url), {
        type: 'module',
      });
      this.worker.onmessage = (e: MessageEvent<CompareReply>) => this.current?.(e.data);
      this.send({ type: 'dataset', dataset });
    } catch {
      this.worker = null;
    }
  }

  private send(m: CompareRequest) {
    this.worker?.postMessage(m);
  }

  /** The reports may arrive after the map opened: later comparisons use the new dataset. */
  setDataset(dataset: Dataset) {
    this.dataset = dataset;
    this.send({ type: 'dataset', dataset });
  }

  /**
   * Compares A and B; `done` gets the result or an Error. A request made while another runs
   * replaces any request still waiting (whose `done` is never called).
   */
  request(a: number, b: number, done: (c: Comparison | Error) => void) {
    this.waiting = { a, b, done };
    if (!this.busy) this.runWaiting();
  }

  private async runWaiting() {
    const job = this.waiting;
    if (!job) return;
    this.waiting = null;
    this.busy = true;
    try {
      job.done(await this.compute(job.a, job.b));
    } catch (e) {
      job.done(e instanceof Error ? e : new Error(String(e)));
    } finally {
      this.busy = false;
      this.runWaiting();
    }
  }

  private compute(a: number, b: number): Promise<Comparison> {
    if (!this.worker)
      return import('./compare').then(({ compareMoments }) => compareMoments(this.dataset, a, b));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.current = (r) => {
        if (r.id !== id) return;
        this.current = null;
        if (r.type === 'result') resolve(r.result);
        else reject(new Error(r.message));
      };
      this.send({ type: 'compare', id, a, b });
    });
  }

  dispose() {
    this.worker?.terminate();
    this.worker = null;
  }
}
