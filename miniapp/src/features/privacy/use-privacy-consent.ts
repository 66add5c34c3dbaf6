import { useEffect, useState } from 'react';
import { onPrivacyChanged, privacyConsent, type PrivacyConsent } from './consent';

/** The current answer, following changes made on any page. */
export function usePrivacyConsent(): PrivacyConsent {
  const [consent, setConsent] = useState<PrivacyConsent>(privacyConsent);
  useEffect(() => onPrivacyChanged(setConsent), []);
  return consent;
}
