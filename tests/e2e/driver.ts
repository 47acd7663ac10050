/**
 * A thin given/when/then driver over playwright-core and Debian's Chromium: open the built app,
 * wait for the map to settle (its `idle` event), read what is drawn. No fixed sleeps.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import type { WithAutomation } from '../../src/automation';
import type { RenderedKind } from '../../src/map/rendered-count';
import { startServer, type StaticServer } from './server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Software WebGL (SwiftShader) and no background traffic; `npm run bench:coldstart` uses them too. */
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface Session {
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

/** Starts the static server (HTTP/2 over TLS with `http2`: server.ts) and a browser for it. */
export async function startSession(
  extraMounts: [string, string][] = [],
  { http2 = false } = {},
): Promise<Session> {
  const server = await startServer(undefined, extraMounts, { http2 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // The server's certificate is self-signed.
    args: http2 ? [...CHROMIUM_ARGS, '--ignore-certificate-errors'] : CHROMIUM_ARGS,
    headless: true,
  });
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface AppPage {
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
  /** Waits until the map has drawn everything for the current state. */
  idle(): Promise<void>;
  rendered(kind: RenderedKind): Promise<number>;
  state<T>(pick: string): Promise<T>;
  /**
   * The map canvas colour (RGBA, 0–255) at a [lon, lat], `offset` CSS px right and down of it,
   * read back from the drawing buffer (kept by preserveDrawingBuffer).
   */
  colourAt(at: [number, number], offset?: [number, number]): Promise<number[]>;
  /** Moves the app to time t (epoch ms), as the slider does, and waits for the map to draw it. */
  setTime(t: number): Promise<void>;
}

/** Opens the app at `path` (e.g. "/#t=..." or "/?dataset=...") and waits for the first idle map. */
export async function openApp(
  session: Session,
  path = '/',
  viewport = { width: 1280, height: 800 },
  opts: {
    /** Runs before navigation, e.g. to route (hold back) some requests. */
    beforeGoto?: (page: Page) => Promise<unknown>;
    /** Wait for everything to load (default), or only for the map to open. */
    until?: 'ready' | 'mapReady';
    /** A touch screen (for tap()). */
    touch?: boolean;
    /** The browser's language (navigator.languages), e.g. "ar-SY"; default the browser's. */
    locale?: string;
  } = {},
): Promise<AppPage> {
  const page = await session.browser.newPage({
    viewport,
    hasTouch: opts.touch ?? false,
    locale: opts.locale,
  });
  await opts.beforeGoto?.(page);
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(session.server.origin + path);
  // Not `'conflictMap' in window`: a test may define the property early to watch the hook arrive.
  await page.waitForFunction(() => (window as { conflictMap?: unknown }).conflictMap, undefined, {
    timeout: 60_000,
  });
  await page.evaluate(
    (until) => (window as unknown as WithAutomation).conflictMap[until],
    opts.until ?? 'ready',
  );
  const app: AppPage = {
    page,
    errors,
    requests,
    idle: () => page.evaluate(() => (window as unknown as WithAutomation).conflictMap.whenIdle()),
    rendered: (kind) =>
      page.evaluate(
        (k) => (window as unknown as WithAutomation).conflictMap.renderedCount(k),
        kind,
      ),
    state: (pick) =>
      page.evaluate(
        (p) => (window as unknown as WithAutomation).conflictMap.store.getState()[p as 't'],
        pick,
      ) as never,
    colourAt: (at, offset = [0, 0]) =>
      page.evaluate(
        ([at, offset]) => {
          const hook = (window as unknown as WithAutomation).conflictMap;
          const { x, y } = hook.project(at);
          const canvas = document.querySelector('.map canvas') as HTMLCanvasElement;
          const ratio = canvas.width / canvas.clientWidth;
          const copy = document.createElement('canvas');
          copy.width = canvas.width;
          copy.height = canvas.height;
          const ctx = copy.getContext('2d') as CanvasRenderingContext2D;
          ctx.drawImage(canvas, 0, 0);
          const px = Math.round((x + offset[0]) * ratio);
          const py = Math.round((y + offset[1]) * ratio);
          return [...ctx.getImageData(px, py, 1, 1).data];
        },
        [at, offset] as const,
      ),
    setTime: async (t) => {
      await page.evaluate(
        (t) => (window as unknown as WithAutomation).conflictMap.store.getState().setTime(t),
        t,
      );
      await app.idle();
    },
  };
  await app.idle();
  return app;
}

/** The map canvas colour (RGBA) at a [lon, lat] (plus an offset in CSS px), read back from the
 * drawing buffer. */
export const colourAt = (app: AppPage, at: [number, number], offsetPx: [number, number] = [0, 0]) =>
  app.page.evaluate(
    ({ at, offsetPx }) => {
      const hook = (window as unknown as WithAutomation).conflictMap;
      const p = hook.project(at);
      const x = p.x + offsetPx[0];
      const y = p.y + offsetPx[1];
      const canvas = document.querySelector('.map canvas') as HTMLCanvasElement;
      const ratio = canvas.width / canvas.clientWidth;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(canvas, 0, 0);
      return [...ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data];
    },
    { at, offsetPx },
  );
