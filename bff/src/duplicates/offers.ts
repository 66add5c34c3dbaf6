/**
 * Follow offers: a citizen may follow another citizen's request only after the similar-requests
 * check offered it to them (000 §23(4)(5)), so ticket numbers cannot be probed through follow
 * and throwaway accounts cannot pile up as supporters of a request they were never shown. An
 * offer is an HMAC over (ticket, citizen, expiry) with a key derived from DATA_KEY; it lives
 * OFFER_TTL_MS, enough to read the offers and decide.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const OFFER_TTL_MS = 30 * 60_000;

const offerKey = (dataKey: Buffer): Buffer => createHmac('sha256', dataKey).update('mashang/follow-offer/v1').digest();

function mac(dataKey: Buffer, no: string, citizenId: string, exp: number): string {
  return createHmac('sha256', offerKey(dataKey)).update(`${no}|${citizenId}|${exp}`).digest('base64url');
}

/** `<expiry seconds>.<mac>`: opaque to the client. */
export function signOffer(dataKey: Buffer, no: string, citizenId: string, now: Date): string {
  const exp = Math.floor((now.getTime() + OFFER_TTL_MS) / 1000);
  return `${exp}.${mac(dataKey, no, citizenId, exp)}`;
}

/** Whether `offer` was made to `citizenId` for `no` and has not expired. */
export function isValidOffer(dataKey: Buffer, offer: string, no: string, citizenId: string, now: Date): boolean {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(offer);
  if (!m) return false;
  const exp = Number(m[1]);
  if (exp * 1000 < now.getTime()) return false;
  const expected = Buffer.from(mac(dataKey, no, citizenId, exp));
  const given = Buffer.from(m[2]);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
