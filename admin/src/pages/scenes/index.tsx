export function ScenesPage() {
  return null;
}
