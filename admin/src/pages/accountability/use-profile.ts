import { useEffect, useState } from 'react';
import dayjs from 'dayjs';
import { INTERVIEW_GROUNDS, PROFILE_NAMES, PROFILE_SOURCES, type ProfileName } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import type { InterviewGround } from './types';

export interface ActiveProfile {
  name: string;
  label: string;
  /**
   * The interview grounds the active profile lists (`interviewGrounds`: 003 §28 on pingdingshan,
   * 000 §26 on baiyin); null where it records no interviews. A GROUND_NOT_IN_PROFILE refusal
   * (overrides) narrows them to the `allowed` it names.
   */
  grounds: readonly InterviewGround[] | null;
}

const isProfileName = (name: string): name is ProfileName => (PROFILE_NAMES as readonly string[]).includes(name);

function groundsOf(name: string): readonly InterviewGround[] | null {
  if (!isProfileName(name)) return INTERVIEW_GROUNDS;
  return PROFILE_SOURCES[name].interviewGrounds?.value ?? null;
}

/** The active regulation profile, as every staff member may read it (GET /sla/preview names it). */
export function useActiveProfile(): ActiveProfile | null {
  const [profile, setProfile] = useState<ActiveProfile | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(api.GET('/api/admin/v1/sla/preview', { params: { query: { type: 'complaint', start: dayjs().format('YYYY-MM-DD') } } }))
      .then((res) => live && setProfile({ name: res.profile.name, label: res.profile.label, grounds: groundsOf(res.profile.name) }))
      // Unknown profile: offer every ground; the API refuses the ones it does not list.
      .catch(() => live && setProfile({ name: '', label: '', grounds: INTERVIEW_GROUNDS }));
    return () => {
      live = false;
    };
  }, []);
  return profile;
}
