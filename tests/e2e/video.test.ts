import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WithAutomation } from '../../src/automation';
import { formatUtcInput } from '../../src/lib/time';
import { videoFileName } from '../../src/lib/video-plan';
import { type AppPage, openApp, type Session, startSession } from './driver';
import { compareEndFrames, readVideo } from './video';

const ROOT = resolve(import.meta.dirname, '../..');
const T = '2015-10-23T23:34:00Z';
const MOMENT = `#t=${T}&c=37.2,36.05&z=9&l=zones,places,reports`;
const manifest = JSON.parse(await readFile(join(ROOT, 'data/dataset.json'), 'utf8'));
const posts: { published_at: string }[] = JSON.parse(
  await readFile(join(ROOT, 'data', manifest.posts), 'utf8'),
).posts;
// Small and short: software WebGL draws every frame on the CPU of a shared machine.
const SMALL = { duration: 2, fps: 5, width: 320, height: 320 };

let session: Session;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'video-'));
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Keeps every VideoEncoder the page creates (real encoders, only counted) in window.encoders. */
function trackEncoders() {
  const w = window as unknown as { encoders: VideoEncoder[] };
  w.encoders = [];
  const Real = VideoEncoder;
  window.VideoEncoder = class extends Real {
    constructor(init: VideoEncoderInit) {
      super(init);
      w.encoders.push(this);
    }
  };
}

const hook = (app: AppPage) => app.page.evaluate(() => 'conflictMap' in window);

/** The PNG export of moment t at the test's size, after the map has moved there. */
async function pngAt(app: AppPage, t: number): Promise<Buffer> {
  await app.page.evaluate(
    (at) => (window as unknown as WithAutomation).conflictMap.store.getState().setTime(at),
    t,
  );
  await app.idle();
  const url = await app.page.evaluate(
    (s) => (window as unknown as WithAutomation).conflictMap.exportImage(s),
    { width: SMALL.width, height: SMALL.height, pixelRatio: 1 },
  );
  return Buffer.from(url.split(',')[1], 'base64');
}

describe('video export', () => {
  it('makes MP4 (H.264, where the browser encodes it) and WebM files whose frames are the PNG exports from A to B', async () => {
    const app = await openApp(session, `/${MOMENT}`);
    expect(await hook(app)).toBe(true);
    const [start, end] = await app.state<[number, number]>('domain');
    const spec = { ...SMALL, from: start, to: end };
    const h264 = await app.page.evaluate(async () => {
      const r = await VideoEncoder.isConfigSupported({
        codec: 'avc1.42e01f',
        width: 320,
        height: 320,
      }).catch(() => null);
      return Boolean(r?.supported);
    });
    // Debian's Chromium encodes H.264 (OpenH264) today; if a build does not, MP4 is not made.
    const containers = h264 ? (['mp4', 'webm'] as const) : (['webm'] as const);
    const first = await pngAt(app, start);
    const last = await pngAt(app, end);
    for (const container of containers) {
      const made = await app.page.evaluate(
        ({ s, c }) =>
          (window as unknown as WithAutomation).conflictMap.exportVideo(s, { container: c }),
        { s: spec, c: container },
      );
      expect(made.container).toBe(container);
      expect(made.fileName).toBe(videoFileName(manifest.title, start, end, container));
      // Every frame drawn once: one map render per time step, none twice.
      expect(made.stats.frames).toBe(10);
      expect(made.stats.mapRenders).toBe(9);
      const video = await readVideo(Buffer.from(made.dataUrl.split(',')[1], 'base64'));
      expect(video.mimeType).toMatch(container === 'mp4' ? /^video\/mp4/ : /^video\/webm/);
      expect(video.codec).toBe(
        container === 'mp4' ? 'avc' : made.label.includes('VP9') ? 'vp9' : 'vp8',
      );
      expect({ width: video.width, height: video.height }).toEqual({ width: 320, height: 320 });
      expect(Math.abs(video.frames - SMALL.duration * SMALL.fps)).toBeLessThanOrEqual(1);
      expect(Math.abs(video.duration - SMALL.duration)).toBeLessThanOrEqual(1 / SMALL.fps);
      const d = await compareEndFrames(app.page, video, { first, last });
      expect(d.decoded).toBe(video.frames);
      // Each end matches its own moment's PNG closely (lossy compression, YUV colour), and
      // matches it better than the other end's.
      expect(d.firstVsFirst, container).toBeLessThan(4);
      expect(d.lastVsLast, container).toBeLessThan(4);
      expect(d.firstVsFirst).toBeLessThan(d.firstVsLast);
      expect(d.lastVsLast).toBeLessThan(d.lastVsFirst);
    }
    expect(app.errors).toEqual([]);
    await app.page.close();
  }, 240_000);

  it('the dialog says the format; the page stays usable while it renders; Cancel leaves no file and no encoder', async () => {
    const app = await openApp(session, `/${MOMENT}`, undefined, {
      beforeGoto: async (page) => {
        await page.addInitScript(trackEncoders);
      },
    });
    const downloads: Download[] = [];
    app.page.on('download', (d) => downloads.push(d));
    await app.page.getByRole('button', { name: 'Share / export' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Share this moment' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // Defaults: the previous post to the current time, 10 s, 30 fps, 1080 × 1080.
    const t = Date.parse(T);
    const previous = Math.max(...posts.map((p) => Date.parse(p.published_at)).filter((p) => p < t));
    expect(await app.page.getByLabel('From (moment A, UTC)').inputValue()).toBe(
      formatUtcInput(previous),
    );
    expect(await app.page.getByLabel('To (moment B, UTC)').inputValue()).toBe(formatUtcInput(t));
    expect(await app.page.getByLabel('Duration (s)').inputValue()).toBe('10');
    expect(await app.page.getByLabel('Frames per second').inputValue()).toBe('30');
    const format = app.page.locator('.video-format');
    await expect
      .poll(() => format.innerText(), { timeout: 20_000 })
      .toMatch(/^You will get (MP4 \(H\.264\)|WebM \(VP9\)|WebM \(VP8\)): /);
    const text = await format.innerText();
    expect(text).toContain(
      videoFileName(manifest.title, previous, t, text.includes('MP4') ? 'mp4' : 'webm'),
    );

    await app.page.getByRole('button', { name: 'Download video' }).click();
    const progress = app.page.getByRole('progressbar', { name: 'Video export' });
    await expect
      .poll(async () => Number(await progress.getAttribute('value')), { timeout: 90_000 })
      .toBeGreaterThanOrEqual(2);
    expect(await progress.getAttribute('max')).toBe('300');
    expect(await dialog.innerText()).toMatch(/\d+ of 300 frames, (about .* left|estimating)/);
    // Close the dialog: the video goes on, and the page answers while it renders.
    await app.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    const beside = app.page.locator('.video-job');
    await expect.poll(() => beside.innerText()).toMatch(/Video: \d+ of 300 frames/);
    const [, end] = await app.state<[number, number]>('domain');
    await app.page.getByRole('slider', { name: 'Time' }).press('End');
    await expect.poll(() => app.state('t')).toBe(end);
    await app.page.getByRole('button', { name: 'Cancel video' }).click();
    await expect
      .poll(() => beside.innerText(), { timeout: 60_000 })
      .toContain('Video cancelled: no file was saved.');
    const encoders = await app.page.evaluate(() =>
      (window as unknown as { encoders: VideoEncoder[] }).encoders.map((e) => e.state),
    );
    expect(encoders.length).toBeGreaterThan(0);
    expect(encoders.every((s) => s === 'closed')).toBe(true);
    // The offscreen map is gone too: only the page's own map is left.
    expect(await app.page.locator('.maplibregl-map').count()).toBe(1);
    expect(downloads).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.page.close();
  }, 240_000);

  it('Download video saves the chosen size and length, named with the dataset and both moments', async () => {
    const app = await openApp(session, `/${MOMENT}`);
    await app.page.getByRole('button', { name: 'Share / export' }).click();
    // The lightest choice the dialog offers: 1280 × 720, 5 s at 24 fps (120 frames). The
    // duration is typed first and the field left only at the end: the other choices re-render
    // the dialog (and start a new format check) meanwhile, which must not undo the typing.
    const durationField = app.page.getByLabel('Duration (s)');
    await durationField.fill('5');
    await app.page
      .getByRole('combobox', { name: 'Video size' })
      .selectOption({ label: '1280 × 720 (landscape)' });
    await app.page.getByRole('combobox', { name: 'Frames per second' }).selectOption('24');
    expect(await durationField.inputValue()).toBe('5');
    await durationField.press('Tab');
    const format = app.page.locator('.video-format');
    await expect.poll(() => format.innerText(), { timeout: 20_000 }).toMatch(/^You will get /);
    const [download] = await Promise.all([
      // Software WebGL draws every frame on the CPU: allow it time.
      app.page.waitForEvent('download', { timeout: 400_000 }),
      app.page.getByRole('button', { name: 'Download video' }).click(),
    ]);
    const t = Date.parse(T);
    const previous = Math.max(...posts.map((p) => Date.parse(p.published_at)).filter((p) => p < t));
    const container = (await format.innerText()).includes('MP4') ? 'mp4' : 'webm';
    expect(download.suggestedFilename()).toBe(
      videoFileName(manifest.title, previous, t, container),
    );
    const video = await readVideo(await readFile(await download.path()));
    expect({ width: video.width, height: video.height }).toEqual({ width: 1280, height: 720 });
    expect(Math.abs(video.frames - 120)).toBeLessThanOrEqual(1);
    await expect
      .poll(() => app.page.getByRole('dialog').innerText())
      .toContain(`Saved ${download.suggestedFilename()}`);
    expect(app.errors).toEqual([]);
    await app.page.close();
  }, 480_000);

  it('without WebCodecs the Video part says so instead of offering a button; comparing sets A and B', async () => {
    const a = '2015-10-10T12:00:00Z';
    const app = await openApp(session, `/#a=${a}&b=${T}&c=37.2,36.05&z=9`, undefined, {
      beforeGoto: async (page) => {
        await page.addInitScript(() => {
          delete (window as { VideoEncoder?: unknown }).VideoEncoder;
        });
      },
    });
    await app.page.getByRole('button', { name: 'Share / export' }).click();
    expect(await app.page.getByLabel('From (moment A, UTC)').inputValue()).toBe(
      formatUtcInput(Date.parse(a)),
    );
    expect(await app.page.getByLabel('To (moment B, UTC)').inputValue()).toBe(
      formatUtcInput(Date.parse(T)),
    );
    await expect
      .poll(() => app.page.locator('.video-format').innerText())
      .toMatch(/^This browser cannot make videos: it has no WebCodecs video encoder\./);
    expect(await app.page.getByRole('button', { name: 'Download video' }).count()).toBe(0);
    expect(app.errors).toEqual([]);
    await app.page.close();
  });

  it('npm run snapshot writes a video through the same code, and refuses bad arguments with the usage', async () => {
    const run = promisify(execFile);
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const out = join(dir, 'aleppo.webm');
    const args = [
      'scripts/snapshot.ts',
      '--from',
      '2015-10-01T00:00:00Z',
      '--to',
      '2015-11-30T00:00:00Z',
      '--center',
      '37.2,36.05',
      '--zoom',
      '9',
    ];
    const ok = await run(
      tsx,
      [...args, '--duration', '1', '--fps', '4', '--size', '320x320', '--out', out],
      { cwd: ROOT },
    );
    expect(ok.stdout).toMatch(
      /wrote .*aleppo\.webm \(WebM \(VP[89]\), 320x320, 4 frames at 4 fps\)/,
    );
    const video = await readVideo(await readFile(out));
    expect(video.mimeType).toMatch(/^video\/webm/);
    expect(video).toMatchObject({ width: 320, height: 320, frames: 4 });

    const bad = await run(tsx, [...args, '--fps', '29.97', '--out', join(dir, 'bad.mp4')], {
      cwd: ROOT,
    }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad?.code).toBe(2);
    expect(bad?.stderr).toContain('snapshot: --fps "29.97" must be a whole number');
    expect(bad?.stderr).toContain('usage: npm run snapshot');
    await expect(stat(join(dir, 'bad.mp4'))).rejects.toThrow();
  }, 240_000);
});
