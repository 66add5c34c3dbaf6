/**
 * Geohash (base-32, interleaved longitude/latitude bits): nearby points share a prefix, so
 * "near this point" is an equality match on a stored prefix — no geo index needed (FerretDB
 * has none). A point near a cell edge is close to points of the neighbouring cell, so a search
 * covers the cell and its eight neighbours.
 */
const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

/** Precision 7 ≈ 153 m × 153 m: a block, the scale of "the same lamp post / the same gate". */
export const NEARBY_PRECISION = 7;

export function encodeGeohash(lat: number, lng: number, precision = NEARBY_PRECISION): string {
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) throw new RangeError('latitude/longitude out of range');
  const lat0 = [-90, 90];
  const lng0 = [-180, 180];
  let hash = '';
  let bits = 0;
  let value = 0;
  let even = true;
  while (hash.length < precision) {
    const range = even ? lng0 : lat0;
    const v = even ? lng : lat;
    const mid = (range[0] + range[1]) / 2;
    value = (value << 1) | (v >= mid ? 1 : 0);
    if (v >= mid) range[0] = mid;
    else range[1] = mid;
    even = !even;
    if (++bits === 5) {
      hash += BASE32[value];
      bits = 0;
      value = 0;
    }
  }
  return hash;
}

export interface GeohashCell {
  lat: number;
  lng: number;
  latError: number;
  lngError: number;
}

/** Centre of a cell and half its height/width. */
export function decodeGeohash(hash: string): GeohashCell {
  const lat = [-90, 90];
  const lng = [-180, 180];
  let even = true;
  for (const ch of hash) {
    const idx = BASE32.indexOf(ch);
    if (idx < 0) throw new RangeError(`not a geohash character: ${ch}`);
    for (let bit = 4; bit >= 0; bit--) {
      const range = even ? lng : lat;
      const mid = (range[0] + range[1]) / 2;
      if ((idx >> bit) & 1) range[0] = mid;
      else range[1] = mid;
      even = !even;
    }
  }
  return { lat: (lat[0] + lat[1]) / 2, lng: (lng[0] + lng[1]) / 2, latError: (lat[1] - lat[0]) / 2, lngError: (lng[1] - lng[0]) / 2 };
}

/** The cell and its (up to) eight neighbours, at the cell's precision. */
export function geohashWithNeighbours(hash: string): string[] {
  const c = decodeGeohash(hash);
  const out = new Set<string>();
  for (const dy of [-1, 0, 1]) {
    for (const dx of [-1, 0, 1]) {
      const lat = c.lat + dy * 2 * c.latError;
      if (Math.abs(lat) > 90) continue;
      let lng = c.lng + dx * 2 * c.lngError;
      if (lng > 180) lng -= 360;
      if (lng < -180) lng += 360;
      out.add(encodeGeohash(lat, lng, hash.length));
    }
  }
  return [...out];
}
