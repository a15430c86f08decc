export * from './pass-credential';
export * from './offline-verifier';
