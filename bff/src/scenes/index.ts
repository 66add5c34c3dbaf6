/** Public surface of the QR code points for other capabilities (tickets read a scanned point). */
export { findScene, type SceneDoc } from './model';
export { getScene, scanScene } from './service';
export { posterSvg } from './poster';
export { sceneRoutes } from './routes';
