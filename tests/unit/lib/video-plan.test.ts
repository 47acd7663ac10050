import { describe, expect, it } from 'vitest';
import { exportLayout } from '../../../src/lib/export-compose';
import { formatUtcInput, parseUtcInput } from '../../../src/lib/time';
import {
  frameCount,
  frameMoment,
  timeLeftText,
  VIDEO_PRESETS,
  type VideoSpec,
  videoFileName,
  videoSpecProblem,
} from '../../../src/lib/video-plan';

const A = Date.parse('2015-10-01T00:00:00Z');
const B = Date.parse('2015-11-30T00:00:00Z');
const spec: VideoSpec = { from: A, to: B, duration: 10, fps: 30, width: 1080, height: 1080 };

describe('video plan', () => {
  it('has duration × fps frames, the first at moment A and the last at moment B', () => {
    expect(frameCount(spec)).toBe(300);
    expect(frameCount({ duration: 2.5, fps: 24 })).toBe(60);
    expect(frameMoment(spec, 0)).toBe(A);
    expect(frameMoment(spec, 299)).toBe(B);
    // Evenly spaced, whole milliseconds, always moving forward.
    const step = (B - A) / 299;
    for (let i = 1; i < 300; i++) {
      expect(frameMoment(spec, i) - frameMoment(spec, i - 1)).toBeGreaterThan(step - 1);
      expect(Math.abs(frameMoment(spec, i) - (A + i * step))).toBeLessThanOrEqual(0.5);
    }
    // B before A replays backwards.
    const back = { ...spec, from: B, to: A };
    expect(frameMoment(back, 0)).toBe(B);
    expect(frameMoment(back, 299)).toBe(A);
  });

  it('accepts every size the dialog offers, and keeps the overlays inside them', () => {
    for (const p of VIDEO_PRESETS) {
      for (const fps of [24, 30])
        expect(videoSpecProblem({ ...spec, fps, width: p.width, height: p.height })).toBeNull();
      const box = exportLayout(p.width, p.height, 5);
      for (const r of Object.values(box)) expect(r.x + r.w).toBeLessThanOrEqual(p.width);
    }
  });

  it('refuses what cannot be rendered or encoded', () => {
    expect(videoSpecProblem({ ...spec, to: A })).toMatch(/must differ/);
    expect(videoSpecProblem({ ...spec, from: Number.NaN })).toMatch(/must be times/);
    expect(videoSpecProblem({ ...spec, duration: 0.5 })).toMatch(/from 1 to 60 seconds/);
    expect(videoSpecProblem({ ...spec, duration: 61 })).toMatch(/from 1 to 60 seconds/);
    expect(videoSpecProblem({ ...spec, fps: 29.97 })).toMatch(/whole number/);
    expect(videoSpecProblem({ ...spec, fps: 61 })).toMatch(/whole number from 1 to 60/);
    expect(videoSpecProblem({ ...spec, duration: 1, fps: 1 })).toMatch(/two frames/);
    expect(videoSpecProblem({ ...spec, width: 1081 })).toMatch(/even/);
    expect(videoSpecProblem({ ...spec, width: 200 })).toMatch(/at least 300/);
    expect(videoSpecProblem({ ...spec, width: 3900, height: 1000 })).toMatch(/3840/);
  });

  it('names the file after the dataset and both moments', () => {
    expect(videoFileName('Aleppo front, October–November 2015', A, B, 'mp4')).toBe(
      'aleppo-front-october-november-2015_2015-10-01-0000utc_2015-11-30-0000utc.mp4',
    );
    expect(videoFileName('حلب', 0, 90 * 60_000, 'webm')).toBe(
      'map_1970-01-01-0000utc_1970-01-01-0130utc.webm',
    );
  });

  it('says how long is left at the pace so far', () => {
    expect(timeLeftText(0, 300, 0)).toBe('estimating the time left');
    expect(timeLeftText(30, 300, 10_000)).toBe('about 1 min 30 s left');
    expect(timeLeftText(150, 300, 10_000)).toBe('about 10 s left');
    expect(timeLeftText(300, 300, 10_000)).toBe('about 0 s left');
  });

  it('reads and writes datetime-local values as UTC', () => {
    const t = Date.parse('2015-10-23T23:34:00Z');
    expect(formatUtcInput(t)).toBe('2015-10-23T23:34');
    expect(formatUtcInput(t + 5000)).toBe('2015-10-23T23:34:05');
    expect(parseUtcInput('2015-10-23T23:34')).toBe(t);
    expect(parseUtcInput('2015-10-23T23:34:05')).toBe(t + 5000);
    expect(parseUtcInput('')).toBeNull();
    expect(parseUtcInput('2015-10-23')).toBeNull();
    expect(parseUtcInput('2015-02-30T00:00')).toBeNull();
  });
});
