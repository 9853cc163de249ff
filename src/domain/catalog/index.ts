export * from './sourced';
export * from './coolingTypes';
export * from './rackProfiles';
export * from './tiers';
export * from './network';
export * from './plant';
export * from './hallLayout';
