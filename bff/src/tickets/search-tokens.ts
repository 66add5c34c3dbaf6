/** Search tokens of a ticket (indexed `tokens`, queried with `$all`), on the shared Chinese tokenizer. */
import { tokenize, uniqueTokens } from '../text';
import type { TicketLocation } from './model';

/** Enough for a 2000-character request; keeps the multikey index bounded. */
const MAX_TOKENS = 400;

export function ticketTokens(content: string, location?: TicketLocation | null): string[] {
  const text = [content, location?.name, location?.address].filter(Boolean).join(' ');
  return uniqueTokens(tokenize(text, { bigrams: true }).map((t) => t.toLowerCase())).slice(0, MAX_TOKENS);
}

/** Terms a query must all match: its words, or the bigrams when it has no word of its own. */
export function queryTokens(q: string): string[] {
  const words = uniqueTokens(tokenize(q).map((t) => t.toLowerCase()));
  return words.length ? words : uniqueTokens(tokenize(q, { bigrams: true }).map((t) => t.toLowerCase()));
}
