import type { Principal } from './tokens.ts';

/**
 * Whether a user has an account (rated play needs one; guests play casual). The one place that
 * decides it: today the token model's guest flag, later whatever accounts say.
 */
export const isRegistered = (user: Pick<Principal, 'guest'>): boolean => !user.guest;
