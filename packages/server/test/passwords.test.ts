import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../src/auth/passwords.ts';
import { GOOD_PASSWORD } from './helpers/accounts.ts';

describe('passwordProblem', () => {
  it('refuses a common word dressed up with digits, symbols and look-alikes', () => {
    for (const weak of [
      'password12',
      'Password!2024',
      'p@ssw0rd99',
      'qwerty12345',
      'Tru5tno1!',
      '2024golf!!',
    ]) {
      expect(passwordProblem(weak), weak).toMatch(/common/);
    }
  });

  it('still refuses the exact common passwords, short ones and the account name', () => {
    expect(passwordProblem('password123')).toMatch(/most common/);
    expect(passwordProblem('short1')).toMatch(/too short/);
    expect(passwordProblem('anna-plays-42', { username: 'anna' })).toMatch(/username/);
  });

  it('accepts passwords that only contain a common word among others', () => {
    for (const strong of [
      GOOD_PASSWORD,
      'my password is 42 long',
      'golfing with 4 friends',
      'dragon fruit 7 pies',
    ]) {
      expect(passwordProblem(strong), strong).toBeNull();
    }
  });
});
