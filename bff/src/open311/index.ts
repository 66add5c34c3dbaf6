/** Open311 GeoReport v2 (issue 15): the public API, its admin routes and the demo client. */
import type { AppDeps } from '../app';
import type { RouteKit } from '../http/route';
import { open311AdminRoutes } from './admin-routes';
import { open311Routes } from './routes';

export function open311(kit: RouteKit, deps: AppDeps): void {
  open311AdminRoutes(kit, deps);
  open311Routes(kit, deps);
}

export { seedDemoOpen311Client } from './demo-seed';
