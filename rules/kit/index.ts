export * from './types';
export * from './rule';
export * from './checks';
export * from './citations';
export * from './lookups';
export * from './order';
