import type { Principal } from './tokens.ts';

/**
 * Whether a user has an account (rated play needs one; guests play casual). The one place that
 * decides it: the token's guest flag, which signing up or upgrading a guest clears.
 */
export const isRegistered = (user: Pick<Principal, 'guest'>): boolean => !user.guest;
