import { Type, type Static } from '@sinclair/typebox';
import { DISPLAY_NAME_MAX_LENGTH } from './display-name.ts';

/**
 * Accounts (docs/accounts.md): registration, sign-in, sessions, email links, profiles, roles and
 * the admin's signup settings. The schemas the server validates with, and the types clients use.
 */

export const ACCOUNT_ROLES = ['player', 'creator', 'moderator', 'admin'] as const;
export const AccountRole = Type.Union(ACCOUNT_ROLES.map((role) => Type.Literal(role)));
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export { DISPLAY_NAME_MAX_LENGTH };

/** Usernames: 3-30 letters, digits, `_`, `.` or `-`, starting with a letter or digit. */
export const USERNAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]{2,29}$';
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

const Username = Type.String({ minLength: 1, maxLength: 64 });
const Email = Type.String({ minLength: 1, maxLength: 254 });
const Password = Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH });
const Token = Type.String({ minLength: 1, maxLength: 256 });

export const RegisterRequest = Type.Object(
  {
    username: Username,
    email: Email,
    password: Password,
    /** The display name; the username when left out. */
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: DISPLAY_NAME_MAX_LENGTH })),
    /** Needed while signups are invite-only. */
    inviteCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type RegisterRequest = Static<typeof RegisterRequest>;

/**
 * The `details` of a BAD_REQUEST that refuses several fields at once (a signup): `field` is the
 * first (older clients show the message there), `fields` holds every refused field's sentence,
 * so a form says all of them in one round.
 */
export interface FieldErrorDetails {
  field: string;
  fields: Record<string, string>;
}

export const LoginRequest = Type.Object(
  {
    /** A username or an email address. */
    login: Type.String({ minLength: 1, maxLength: 254 }),
    password: Password,
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

export const EmailRequest = Type.Object({ email: Email }, { additionalProperties: false });
export type EmailRequest = Static<typeof EmailRequest>;

export const TokenRequest = Type.Object({ token: Token }, { additionalProperties: false });
export type TokenRequest = Static<typeof TokenRequest>;

export const ResetPasswordRequest = Type.Object(
  { token: Token, password: Password },
  { additionalProperties: false },
);
export type ResetPasswordRequest = Static<typeof ResetPasswordRequest>;

export const ChangePasswordRequest = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordRequest = Static<typeof ChangePasswordRequest>;

export const DeleteAccountRequest = Type.Object(
  /** Accounts must give their password; a guest (who has none) leaves it out. */
  { password: Type.Optional(Password) },
  { additionalProperties: false },
);
export type DeleteAccountRequest = Static<typeof DeleteAccountRequest>;

/** What a request that must not tell whether an address exists answers. */
export const Accepted = Type.Object({ ok: Type.Literal(true), message: Type.String() });
export type Accepted = Static<typeof Accepted>;

export const Theme = Type.Union([
  Type.Literal('system'),
  Type.Literal('light'),
  Type.Literal('dark'),
]);
export const Preferences = Type.Object(
  {
    theme: Type.Optional(Theme),
    reducedMotion: Type.Optional(Type.Boolean()),
    /** Play sounds at the table. */
    sound: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type Preferences = Static<typeof Preferences>;

export const Profile = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  guest: Type.Boolean(),
  username: Type.Union([Type.String(), Type.Null()]),
  /** The verified address, or the one waiting for its link (see `emailVerified`). */
  email: Type.Union([Type.String(), Type.Null()]),
  emailVerified: Type.Boolean(),
  role: AccountRole,
  /** Served by us: `/api/users/{id}/avatar.svg`. */
  avatarUrl: Type.String(),
  preferences: Preferences,
  createdAt: Type.String(),
});
export type Profile = Static<typeof Profile>;

export const UpdateProfileRequest = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: DISPLAY_NAME_MAX_LENGTH })),
    preferences: Type.Optional(Preferences),
  },
  { additionalProperties: false },
);
export type UpdateProfileRequest = Static<typeof UpdateProfileRequest>;

export const SessionInfo = Type.Object({
  id: Type.String(),
  /** Read from the user agent, e.g. "Firefox on Linux". */
  device: Type.String(),
  ip: Type.String(),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  /** The session the request came from. */
  current: Type.Boolean(),
});
export type SessionInfo = Static<typeof SessionInfo>;

export const SessionList = Type.Object({ sessions: Type.Array(SessionInfo) });
export type SessionList = Static<typeof SessionList>;

export const SIGNUP_MODES = ['open', 'invite', 'metered'] as const;
export const SignupMode = Type.Union(SIGNUP_MODES.map((mode) => Type.Literal(mode)));
export type SignupMode = (typeof SIGNUP_MODES)[number];

export const SignupSettings = Type.Object(
  {
    mode: SignupMode,
    /** Accounts made per day (UTC, rolling 24 hours) while the mode is `metered`. */
    perDay: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);
export type SignupSettings = Static<typeof SignupSettings>;

export const CreateInvitesRequest = Type.Object(
  {
    count: Type.Integer({ minimum: 1, maximum: 100 }),
    usesEach: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  },
  { additionalProperties: false },
);
export type CreateInvitesRequest = Static<typeof CreateInvitesRequest>;

/** Codes are shown once, when made: only their hashes are stored. */
export const InviteCodes = Type.Object({ codes: Type.Array(Type.String()) });
export type InviteCodes = Static<typeof InviteCodes>;

export const SetRoleRequest = Type.Object({ role: AccountRole }, { additionalProperties: false });
export type SetRoleRequest = Static<typeof SetRoleRequest>;

export const UserSummary = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  username: Type.Union([Type.String(), Type.Null()]),
  guest: Type.Boolean(),
  role: AccountRole,
  createdAt: Type.String(),
});
export type UserSummary = Static<typeof UserSummary>;
export const UserList = Type.Object({ users: Type.Array(UserSummary) });
export type UserList = Static<typeof UserList>;

/** Which ways to sign in the server offers (the pages show these). */
export const AuthOptions = Type.Object({
  signup: SignupMode,
  /** True when mail is shown at /dev/mail instead of being sent. */
  devMailbox: Type.Boolean(),
  /** OpenID Connect providers to sign in with: `GET /api/auth/oidc/{id}/start`. */
  providers: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
});
export type AuthOptions = Static<typeof AuthOptions>;

/** A provider linked to my account (OpenID Connect). */
export const LinkedIdentity = Type.Object({
  provider: Type.String(),
  label: Type.String(),
  /** The verified email the provider reported, if any. */
  email: Type.Union([Type.String(), Type.Null()]),
  linkedAt: Type.String(),
});
export type LinkedIdentity = Static<typeof LinkedIdentity>;
export const LinkedIdentities = Type.Object({ identities: Type.Array(LinkedIdentity) });
export type LinkedIdentities = Static<typeof LinkedIdentities>;

export const OidcProviderInfo = Type.Object({ id: Type.String(), label: Type.String() });
export type OidcProviderInfo = Static<typeof OidcProviderInfo>;

export const RedirectUrl = Type.Object({ url: Type.String() });
export type RedirectUrl = Static<typeof RedirectUrl>;

export const HandoffRequest = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export type HandoffRequest = Static<typeof HandoffRequest>;
