/**
 * Open requests on the same matter at the same place (000 §23(4)(5)): at the same QR code point,
 * or within the nine geohash cells around the point (≈ 450 m), or — without either — requests
 * whose text names the same place. Candidates come from plain indexed queries; the matter
 * similarity is scored here (similarity.ts).
 */
import type { Connection, QueryFilter } from 'mongoose';
import { OPEN_STATUSES, type TicketType } from '@mashang/shared';
import { ticketModel, type TicketDoc } from '../tickets/model';
import { decodeGeohash, encodeGeohash, geohashWithNeighbours } from './geohash';
import { DUPLICATE_DEFAULTS, type DuplicateOptions } from './defaults';
import { fingerprint, matterSimilarity, normalizeForMatch, placesIn, SAME_MATTER_THRESHOLD } from './similarity';

export interface SimilarQuery {
  type: TicketType;
  content: string;
  scene?: string | null;
  location?: { lat?: number; lng?: number; address?: string; name?: string } | null;
}

export type PlaceMatch = 'scene' | 'nearby' | 'text';

export interface SimilarMatch {
  ticket: TicketDoc;
  score: number;
  place: PlaceMatch;
}

const DAY_MS = 86_400_000;

function bigramsOf(key: string): string[] {
  const chars = [...key];
  return chars.slice(1).map((c, i) => chars[i] + c);
}

interface Area {
  cells: Set<string>;
  box: { lat: { $gte: number; $lte: number }; lng: { $gte: number; $lte: number } };
}

/** The 3 × 3 geohash cells around the point and their bounding box (a range query on stored lat/lng). */
function areaAround(lat: number, lng: number): Area {
  const cells = geohashWithNeighbours(encodeGeohash(lat, lng));
  const decoded = cells.map(decodeGeohash);
  const lats = decoded.flatMap((c) => [c.lat - c.latError, c.lat + c.latError]);
  const lngs = decoded.flatMap((c) => [c.lng - c.lngError, c.lng + c.lngError]);
  return { cells: new Set(cells), box: { lat: { $gte: Math.min(...lats), $lte: Math.max(...lats) }, lng: { $gte: Math.min(...lngs), $lte: Math.max(...lngs) } } };
}

function inArea(t: TicketDoc, area: Area | null): boolean {
  const lat = t.location?.lat;
  const lng = t.location?.lng;
  return Boolean(area && typeof lat === 'number' && typeof lng === 'number' && area.cells.has(encodeGeohash(lat, lng)));
}

function candidateFilter(q: SimilarQuery, area: Area | null, textPlaces: string[], since: Date, excludeNo?: string): QueryFilter<TicketDoc> | null {
  const where: QueryFilter<TicketDoc>[] = [];
  if (q.scene) where.push({ scene: q.scene });
  if (area) where.push({ 'location.lat': area.box.lat, 'location.lng': area.box.lng } as QueryFilter<TicketDoc>);
  // Tickets store the character bigrams of their Han text (search-tokens.ts): a place key's bigrams all present ≈ it is named.
  if (!where.length) for (const key of textPlaces) where.push({ tokens: { $all: bigramsOf(key) } });
  if (!where.length) return null;
  return {
    status: { $in: [...OPEN_STATUSES] },
    createdAt: { $gte: since },
    type: { $ne: 'consultation' },
    ...(excludeNo ? { no: { $ne: excludeNo } } : {}),
    // Never a request whose citizen asked for secrecy, nor a 举报; one confidential only by default (no consent given) is offered, redacted.
    $and: [{ $or: [{ confidential: { $ne: true } }, { confidentialByDefault: true }] }, { $or: where }],
  } as QueryFilter<TicketDoc>;
}

function placeOf(t: TicketDoc, q: SimilarQuery, area: Area | null, textPlaces: ReadonlySet<string>): PlaceMatch | null {
  if (q.scene && t.scene === q.scene) return 'scene';
  if (inArea(t, area)) return 'nearby';
  if (!q.scene && !area && placesIn(normalizeForMatch(t.content)).some((p) => textPlaces.has(p))) return 'text';
  return null;
}

/**
 * Open requests on the same matter nearby, best first. Consultations are questions, not
 * matters at a place (the knowledge base answers them), so they neither ask nor are offered.
 * Requests kept secret at the citizen's request, and reports, are never offered to others.
 */
export async function findSimilarOpenTickets(deps: { db: Connection }, q: SimilarQuery, now: Date, options: DuplicateOptions = {}): Promise<SimilarMatch[]> {
  if (q.type === 'consultation') return [];
  const lat = q.location?.lat;
  const lng = q.location?.lng;
  const area = typeof lat === 'number' && typeof lng === 'number' ? areaAround(lat, lng) : null;
  const textPlaces = placesIn(normalizeForMatch([q.content, q.location?.name, q.location?.address].filter(Boolean).join(' ')));
  const since = new Date(now.getTime() - (options.windowDays ?? DUPLICATE_DEFAULTS.windowDays) * DAY_MS);
  const filter = candidateFilter(q, area, textPlaces, since, options.excludeNo);
  if (!filter) return [];
  const candidates = await ticketModel(deps.db).find(filter).sort({ createdAt: -1 }).limit(options.maxCandidates ?? DUPLICATE_DEFAULTS.maxCandidates).lean<TicketDoc[]>();
  const mine = fingerprint(q.content);
  const places = new Set(textPlaces);
  const threshold = options.threshold ?? SAME_MATTER_THRESHOLD;
  const out: SimilarMatch[] = [];
  for (const ticket of candidates) {
    const place = placeOf(ticket, q, area, places);
    if (!place) continue;
    const score = matterSimilarity(mine, fingerprint(ticket.content));
    if (score >= threshold) out.push({ ticket, score: Math.round(score * 1000) / 1000, place });
  }
  return out.sort((a, b) => b.score - a.score || b.ticket.createdAt.getTime() - a.ticket.createdAt.getTime());
}
