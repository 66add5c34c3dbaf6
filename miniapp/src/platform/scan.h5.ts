/** Browsers have no QR scanner API worth its weight: the citizen types the number printed under the code. */
export const CAN_SCAN = false;

export async function scanScene(): Promise<string | undefined> {
  return undefined;
}
