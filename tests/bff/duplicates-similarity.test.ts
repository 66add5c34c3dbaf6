import fixture from '../fixtures/duplicates-zh.json';
import { fingerprint, matterSimilarity, SAME_MATTER_THRESHOLD, stripPlaces, normalizeForMatch } from '../../bff/src/duplicates/similarity';
import { decodeGeohash, encodeGeohash, geohashWithNeighbours } from '../../bff/src/duplicates/geohash';

interface Pair {
  same: boolean;
  a: string;
  b: string;
}

function precisionRecall(pairs: readonly Pair[]): { precision: number; recall: number; wrong: string[] } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const wrong: string[] = [];
  for (const p of pairs) {
    const score = matterSimilarity(fingerprint(p.a), fingerprint(p.b));
    const said = score >= SAME_MATTER_THRESHOLD;
    if (said && p.same) tp++;
    if (said && !p.same) fp++;
    if (!said && p.same) fn++;
    if (said !== p.same) wrong.push(`${p.same ? 'missed' : 'false'} ${score.toFixed(2)} ${p.a} | ${p.b}`);
  }
  return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), wrong };
}

describe('duplicate detection on labelled Chinese pairs (000 §23(4)(5))', () => {
  it.each([
    ['pairs', fixture.pairs],
    ['holdout', fixture.holdout],
  ])('when scoring the %s set, then precision ≥ 0.8 and recall ≥ 0.7', (_name, pairs: Pair[]) => {
    const r = precisionRecall(pairs);
    expect({ precision: r.precision >= 0.8, recall: r.recall >= 0.7, wrong: r.wrong }).toEqual({ precision: true, recall: true, wrong: r.wrong });
  });

  it('when the same lamp is reported with 三号楼 and 3号楼, then the place is stripped alike', () => {
    expect(stripPlaces(normalizeForMatch('幸福小区三号楼门口的路灯坏了')).trim()).toBe('门口的路灯坏了');
    expect(stripPlaces(normalizeForMatch('幸福小区3号楼门口的路灯坏了')).trim()).toBe('门口的路灯坏了');
  });

  it('when two requests at one place name different matters (停水 vs 停电), then they stay apart', () => {
    const score = matterSimilarity(fingerprint('红星小区停水两天了，一直没有来水'), fingerprint('红星小区停电两天了，一直没有来电'));
    expect(score).toBeLessThan(SAME_MATTER_THRESHOLD);
  });

  it('when a text is empty of Han characters, then the similarity is 0, not NaN', () => {
    expect(matterSimilarity(fingerprint('123'), fingerprint('456'))).toBe(0);
  });
});

describe('geohash', () => {
  it('when encoding the reference point, then it matches the published geohash', () => {
    // Reference value from the original geohash.org description (57.64911, 10.40744 → u4pruydqqvj).
    expect(encodeGeohash(57.64911, 10.40744, 11)).toBe('u4pruydqqvj');
  });

  it('when decoding, then the point lies within the cell', () => {
    const c = decodeGeohash(encodeGeohash(36.5457, 104.1374));
    expect(Math.abs(c.lat - 36.5457)).toBeLessThanOrEqual(c.latError);
    expect(Math.abs(c.lng - 104.1374)).toBeLessThanOrEqual(c.lngError);
  });

  it('when two points 60 m apart fall into neighbouring cells, then each is among the other\'s neighbours', () => {
    const cell = decodeGeohash(encodeGeohash(36.5457, 104.1374));
    const east = cell.lng + cell.lngError + 0.0003;
    const west = cell.lng + cell.lngError - 0.0003;
    const a = encodeGeohash(cell.lat, west);
    const b = encodeGeohash(cell.lat, east);
    expect(a).not.toBe(b);
    expect(geohashWithNeighbours(a)).toContain(b);
    expect(geohashWithNeighbours(a)).toHaveLength(9);
  });

  it('when the coordinates are out of range, then it throws a RangeError', () => {
    expect(() => encodeGeohash(91, 0)).toThrow(RangeError);
  });
});
