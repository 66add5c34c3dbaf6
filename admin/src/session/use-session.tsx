import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { StaffRole } from '@mashang/shared';
import { api, unwrap } from '../api/client';
import type { Staff } from '../api/types';
import { onSessionExpired, readToken, writeToken } from './store';

export interface Session {
  staff: Staff | null;
  /** The name of the staff member's unit (handlers), when it has one. */
  unitName: string | null;
  /** true while the stored token is being checked on load. */
  loading: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  has(...roles: StaffRole[]): boolean;
}

const SessionContext = createContext<Session | null>(null);

async function unitNameOf(staff: Staff): Promise<string | null> {
  if (!staff.unit) return null;
  const res = await unwrap(api.GET('/api/admin/v1/units/{id}', { params: { path: { id: staff.unit } } })).catch(() => null);
  return res?.unit.name ?? null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [staff, setStaff] = useState<Staff | null>(null);
  const [unitName, setUnitName] = useState<string | null>(null);
  const [loading, setLoading] = useState(Boolean(readToken()));

  const enter = useCallback(async (s: Staff) => {
    setStaff(s);
    setUnitName(await unitNameOf(s));
  }, []);

  useEffect(() => onSessionExpired(() => setStaff(null)), []);
  useEffect(() => {
    if (!readToken()) return;
    unwrap(api.GET('/api/admin/v1/me'))
      .then((res) => enter(res.staff))
      .catch(() => writeToken(null))
      .finally(() => setLoading(false));
  }, [enter]);

  const login = useCallback(
    async (username: string, password: string) => {
      const res = await unwrap(api.POST('/api/admin/v1/auth/login', { body: { username, password } }));
      writeToken(res.token);
      await enter(res.staff);
    },
    [enter],
  );
  const logout = useCallback(async () => {
    await unwrap(api.POST('/api/admin/v1/auth/logout')).catch(() => undefined);
    writeToken(null);
    setStaff(null);
  }, []);

  const value = useMemo<Session>(
    () => ({ staff, unitName, loading, login, logout, has: (...roles) => Boolean(staff?.roles.some((r) => roles.includes(r as StaffRole))) }),
    [staff, unitName, loading, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
