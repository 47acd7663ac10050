import { describe, expect, it } from 'vitest';
import { parseSnapshotArgs } from '../../../scripts/lib/snapshot-args';

const ok = (argv: string[]) => {
  const r = parseSnapshotArgs(argv);
  if (!r.ok) throw new Error(r.error);
  return r.args;
};
const error = (argv: string[]) => {
  const r = parseSnapshotArgs(argv);
  if (r.ok) throw new Error('expected an error');
  return r.error;
};
const base = ['--t', '2015-10-23T23:34:00Z', '--out', 'out.png'];

describe('npm run snapshot arguments', () => {
  it('reads the moment, view, size and output', () => {
    expect(
      ok([...base, '--center', '37.2,36.05', '--zoom', '9', '--size', '1080x1080', '--scale', '2']),
    ).toEqual({
      kind: 'image',
      t: Date.parse('2015-10-23T23:34:00Z'),
      center: [37.2, 36.05],
      zoom: 9,
      width: 1080,
      height: 1080,
      scale: 2,
      out: 'out.png',
    });
    expect(ok(base)).toMatchObject({ width: 1200, height: 675, scale: 1 });
    expect(ok([...base, '--layers', 'zones,places']).layers).toEqual(['zones', 'places']);
  });

  it('says what is wrong with each bad argument', () => {
    expect(error(['--out', 'a.png'])).toBe(
      '--t (an image) or --from and --to (a video) is required',
    );
    expect(error(['--t', '2015-10-23', '--out', 'a.png'])).toMatch(/not an ISO time with a zone/);
    expect(error(['--t', '2015-10-23T23:34:00Z'])).toBe('--out is required');
    expect(error([...base.slice(0, 2), '--out', 'a.jpg'])).toMatch(/must name a .png file/);
    expect(error([...base, '--center', '37.2'])).toMatch(/--center "37.2" must be lon,lat/);
    expect(error([...base, '--center', '200,36'])).toMatch(/--center/);
    expect(error([...base, '--zoom', 'near'])).toMatch(/--zoom "near" must be a number from 0/);
    expect(error([...base, '--zoom', '23'])).toMatch(/--zoom/);
    expect(error([...base, '--size', '1200'])).toMatch(/must be <width>x<height>/);
    expect(error([...base, '--size', '100x100'])).toMatch(/at least 300/);
    expect(error([...base, '--size', '3000x1000', '--scale', '2'])).toMatch(/4096/);
    expect(error([...base, '--scale', '1.5'])).toMatch(/--scale/);
    expect(error([...base, '--layers', 'zones,roads'])).toMatch(/"roads" is not one of/);
    expect(error([...base, '--zoom'])).toBe('--zoom needs a value');
    expect(error([...base, 'extra'])).toBe('unknown argument "extra"');
    expect(error([...base, '--width', '3'])).toBe('unknown argument "--width"');
    expect(error([...base, '--fps', '30'])).toBe('--fps is for a video (--from and --to)');
  });

  const video = [
    '--from',
    '2015-10-01T00:00:00Z',
    '--to',
    '2015-11-30T00:00:00Z',
    '--out',
    'aleppo.mp4',
  ];

  it('reads a video: moments A and B, duration, frame rate, size and the container', () => {
    expect(ok([...video, '--duration', '10', '--fps', '30', '--size', '1080x1080'])).toEqual({
      kind: 'video',
      from: Date.parse('2015-10-01T00:00:00Z'),
      to: Date.parse('2015-11-30T00:00:00Z'),
      duration: 10,
      fps: 30,
      width: 1080,
      height: 1080,
      container: 'mp4',
      out: 'aleppo.mp4',
    });
    expect(ok(video)).toMatchObject({ duration: 10, fps: 30, width: 1080, height: 1080 });
    const webm = ok([...video.slice(0, 4), '--out', 'a.WEBM', '--size', '1080x1920']);
    expect(webm).toMatchObject({ container: 'webm', width: 1080, height: 1920 });
    expect(ok([...video, '--center', '37.2,36.05', '--layers', 'zones'])).toMatchObject({
      center: [37.2, 36.05],
      layers: ['zones'],
    });
  });

  it('says what is wrong with a bad video request', () => {
    expect(error(video.slice(2))).toBe('--from is required');
    expect(error(video.slice(0, 2).concat(video.slice(4)))).toBe('--to is required');
    expect(error([...video, '--t', '2015-10-23T23:34:00Z'])).toMatch(/not both/);
    expect(error([...video.slice(0, 4), '--out', 'a.png'])).toMatch(/must name a .mp4 or .webm/);
    expect(error([...video.slice(0, 4), '--out', 'a.gif'])).toMatch(/must name a .mp4 or .webm/);
    expect(error([...video, '--duration', '0.5'])).toMatch(/--duration "0.5" must be a number/);
    expect(error([...video, '--duration', '61'])).toMatch(/from 1 to 60/);
    expect(error([...video, '--duration', 'ten'])).toMatch(/--duration "ten"/);
    expect(error([...video, '--fps', '29.97'])).toMatch(/--fps "29.97" must be a whole number/);
    expect(error([...video, '--fps', '0'])).toMatch(/frame rate/);
    expect(error([...video, '--scale', '2'])).toMatch(/--scale is for an image/);
    expect(error([...video, '--size', '1081x1080'])).toMatch(/even/);
    expect(error([...video, '--size', '4000x2000'])).toMatch(/3840/);
    expect(
      error(['--from', '2015-10-01T00:00:00Z', '--to', '2015-10-01T00:00:00Z', '--out', 'a.mp4']),
    ).toMatch(/must differ/);
    expect(error(['--from', '1 Oct', '--to', '2015-10-02T00:00:00Z', '--out', 'a.mp4'])).toMatch(
      /--from "1 Oct" is not an ISO time/,
    );
  });
});
