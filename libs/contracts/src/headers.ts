/** The key every request between Passerelle services carries (the deployment's internal API key). */
export const INTERNAL_API_KEY_HEADER = 'x-passerelle-internal-key';

/** The caller's address, as the gateway saw it; believed only beside the internal key. */
export const CLIENT_ADDRESS_HEADER = 'x-passerelle-client-address';
