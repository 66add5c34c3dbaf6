/** The browser has no WeChat phone verification: the citizen types the number. */
export function PhoneButton(_props: { onPhone: (phone: string) => void }) {
  return null;
}
