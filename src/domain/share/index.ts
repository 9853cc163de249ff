export * from './base64url';
export * from './share';
