export function UnitsPage() {
  return null;
}
