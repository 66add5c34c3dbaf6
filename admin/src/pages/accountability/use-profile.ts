import { useEffect, useState } from 'react';
import { INTERVIEW_GROUNDS } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import type { InterviewGround } from './types';

export interface ActiveProfile {
  name: string;
  label: string;
  /**
   * The interview grounds the active profile lists (`interviewGrounds`: 003 §28 on pingdingshan,
   * 000 §26 on baiyin), overrides applied; null where it records no interviews.
   */
  grounds: readonly InterviewGround[] | null;
}

/** The active regulation profile as the BFF enforces it (GET /api/admin/v1/sla/profile, any staff member). */
export function useActiveProfile(): ActiveProfile | null {
  const [profile, setProfile] = useState<ActiveProfile | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(api.GET('/api/admin/v1/sla/profile'))
      .then(({ profile: p }) => live && setProfile({ name: p.name, label: p.label, grounds: p.interviewGrounds?.value ?? null }))
      // Unreadable: offer every ground; the API refuses the ones the profile does not list.
      .catch(() => live && setProfile({ name: '', label: '', grounds: INTERVIEW_GROUNDS }));
    return () => {
      live = false;
    };
  }, []);
  return profile;
}
