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
    expect(error(['--out', 'a.png'])).toBe('--t is required');
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
  });
});
