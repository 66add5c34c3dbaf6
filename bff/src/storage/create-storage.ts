import type { Config } from '../config/config';
import type { Secrets } from '../config/dev-secrets';
import type { Clock } from '../lib/clock';
import { deriveLocalStorageKey, LocalStorage } from './local-storage';
import { OssStorage } from './oss-storage';
import type { MediaStorage } from './types';

/** OSS when its four variables are set (config validates they come together), else local disk. */
export function createStorage(config: Config, secrets: Secrets, clock: Clock): MediaStorage {
  if (config.storage === 'oss') {
    return new OssStorage({
      region: config.OSS_REGION!,
      bucket: config.OSS_BUCKET!,
      accessKeyId: config.OSS_ACCESS_KEY_ID!,
      accessKeySecret: config.OSS_ACCESS_KEY_SECRET!,
      endpoint: config.OSS_ENDPOINT,
      clock,
    });
  }
  return new LocalStorage({ dataDir: config.dataDir, signingKey: deriveLocalStorageKey(secrets.dataKey), clock, publicBaseUrl: config.PUBLIC_BASE_URL });
}
