export { encryptPii, decryptPii, encryptOptional, decryptOptional, PiiDecryptError } from './pii';
export { phoneHash, normalizePhone } from './lookup-hash';
export { maskName, maskPhone } from './mask';
