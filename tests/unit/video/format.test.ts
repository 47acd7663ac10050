import { describe, expect, it } from 'vitest';
import { VIDEO_PRESETS } from '../../../src/lib/video-plan';
import {
  avcLevel,
  candidateFormats,
  chooseVideoFormat,
  videoBitrate,
  vp9Level,
} from '../../../src/video/format';

describe('video formats', () => {
  it('picks the lowest H.264 and VP9 level that holds the size and rate', () => {
    // 1080 × 1080 at 30 fps: 4,624 macroblocks, 138,720 a second: level 3.2.
    expect(avcLevel(1080, 1080, 30)).toBe('20');
    // 1920 × 1080 and 1080 × 1920 at 30 fps: 8,160 macroblocks, 244,800 a second: level 4.0.
    expect(avcLevel(1920, 1080, 30)).toBe('28');
    expect(avcLevel(1080, 1920, 30)).toBe('28');
    expect(avcLevel(1280, 720, 24)).toBe('1f');
    expect(avcLevel(3840, 2160, 60)).toBe('34');
    expect(avcLevel(3840, 3840, 30)).toBeNull();
    expect(vp9Level(1920, 1080, 30)).toBe('40');
    expect(vp9Level(320, 320, 5)).toBe('21');
  });

  it('tries H.264 in MP4 first, then VP9 and VP8 in WebM, or only the container asked for', () => {
    const all = candidateFormats(1080, 1080, 30);
    expect(all.map((f) => f.config.codec)).toEqual([
      'avc1.640020',
      'avc1.4d0020',
      'avc1.42e020',
      'vp09.00.40.08',
      'vp8',
    ]);
    expect(all[0]).toMatchObject({ container: 'mp4', label: 'MP4 (H.264)', mimeType: 'video/mp4' });
    expect(all[0].config).toMatchObject({ width: 1080, height: 1080, framerate: 30 });
    expect(candidateFormats(1080, 1080, 30, 'mp4').every((f) => f.codec === 'avc')).toBe(true);
    expect(candidateFormats(1080, 1080, 30, 'webm').map((f) => f.label)).toEqual([
      'WebM (VP9)',
      'WebM (VP8)',
    ]);
    for (const p of VIDEO_PRESETS)
      for (const fps of [24, 30]) expect(avcLevel(p.width, p.height, fps)).not.toBeNull();
  });

  it('spends about 0.1 bit per pixel per frame, within 1 to 12 Mbit/s', () => {
    expect(videoBitrate(1080, 1080, 30)).toBe(3_499_200);
    expect(videoBitrate(320, 320, 5)).toBe(1e6);
    expect(videoBitrate(3840, 2160, 60)).toBe(12e6);
  });

  it('says so where there is no WebCodecs (as in Node)', async () => {
    const r = await chooseVideoFormat(1080, 1080, 30);
    expect(r).toEqual({ problem: expect.stringMatching(/no WebCodecs video encoder/) });
  });
});
