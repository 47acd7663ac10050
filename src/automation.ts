/**
 * `window.conflictMap`: a small, documented hook for browser tests and newsroom scripts to read
 * the app's state and wait for the map to finish drawing (see docs/architecture.md).
 */
import type { RenderedKind } from './map/rendered-count';
import type { ExportSize } from './lib/export-compose';
import type { VideoExportHooks, VideoExportResult, VideoSpec } from './lib/video-plan';
import type { AppStore } from './state/store';

export interface AutomationHook {
  store: AppStore;
  /** Resolves when the map's style and layers are in place and every file has loaded. */
  ready: Promise<void>;
  /** Resolves when the map has opened, possibly before the report files have all arrived. */
  mapReady: Promise<void>;
  /** Resolves at the map's next `idle` event after `mapReady`: what the state asks is drawn. */
  whenIdle(): Promise<void>;
  /** How many distinct features of a kind are drawn in the viewport now. */
  renderedCount(kind: RenderedKind): number;
  /** Screen position (CSS px, relative to the map) of a [lon, lat]. */
  project(at: [number, number]): { x: number; y: number };
  /**
   * The PNG "Download PNG" would save for the current moment and view, as a data: URL
   * (`npm run snapshot` writes it to a file).
   */
  exportImage(size: ExportSize): Promise<string>;
  /**
   * The video "Download video" would save for the current view and layers (spec: moments A and
   * B, duration, fps, size), as a data: URL with its file name, format and where the time went
   * (`npm run snapshot` writes it to a file). `container` asks for MP4 or WebM only.
   */
  exportVideo(
    spec: VideoSpec,
    opts?: Pick<VideoExportHooks, 'container' | 'onProgress'>,
  ): Promise<AutomationVideo>;
}

export interface AutomationVideo extends Omit<VideoExportResult, 'blob'> {
  dataUrl: string;
}

export type WithAutomation = { conflictMap: AutomationHook };

export function exposeAutomation(hook: AutomationHook) {
  (window as unknown as WithAutomation).conflictMap = hook;
}

/** A Blob as a data: URL (what crosses from the page to a test or script). */
export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((res, rej) => {
    const reader = new FileReader();
    reader.onload = () => res(String(reader.result));
    reader.onerror = () => rej(reader.error);
    reader.readAsDataURL(blob);
  });
}
