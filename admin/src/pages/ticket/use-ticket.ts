import { useCallback, useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError, messageOf } from '../../api/errors';
import type { StaffTicket } from '../../api/types';

export interface TicketState {
  ticket: StaffTicket | null;
  error: string | null;
  notFound: boolean;
  reload(): Promise<void>;
  replace(t: StaffTicket): void;
}

/** One ticket as the signed-in staff member may see it (404 also when it is not theirs to see). */
export function useTicket(no: string): TicketState {
  const [ticket, setTicket] = useState<StaffTicket | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notFound, setNotFound] = useState(false);

  const reload = useCallback(async () => {
    try {
      const res = await unwrap(api.GET('/api/admin/v1/tickets/{no}', { params: { path: { no } } }));
      setTicket(res.ticket);
      setError(null);
    } catch (err) {
      setNotFound(err instanceof ApiError && (err.status === 404 || err.status === 400));
      setError(messageOf(err));
    }
  }, [no]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ticket, error, notFound, reload, replace: setTicket };
}

/** The loose extras of the staff view, read with their shapes. */
export interface InternalNote {
  text: string;
  at: string;
  by?: { name?: string; unit?: string };
}
export interface CoResultView {
  unit: string;
  result: string;
  at: string;
}

export const unitNamesOf = (t: StaffTicket): Record<string, string> => (t.units as Record<string, string> | undefined) ?? {};
export const notesOf = (t: StaffTicket): InternalNote[] => (t.internalNotes as InternalNote[] | undefined) ?? [];
export const coResultsOf = (t: StaffTicket): CoResultView[] => (t.coResults as CoResultView[] | undefined) ?? [];
