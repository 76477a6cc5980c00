import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config.ts';
import { memoryRateLimits } from '../rate-limit.ts';
import { redisRateLimits } from '../rate-limit-redis.ts';
import { registerAccountRoutes } from '../routes/account.ts';
import { registerAdminRoutes } from '../routes/admin.ts';
import { registerAuthRoutes } from '../routes/auth.ts';
import { registerDevMailbox } from '../routes/dev-mail.ts';
import { registerOidcRoutes } from '../routes/oidc.ts';
import type { Database } from '../store/database.ts';
import { AccountData } from './account-data.ts';
import { AccountService } from './accounts.ts';
import { bootstrapAdmin } from './bootstrap-admin.ts';
import { EmailLinks } from './email-links.ts';
import { AuthLimits } from './limits.ts';
import { MailSender } from './mail.ts';
import { OidcService } from './oidc.ts';
import { roleGuard, type RoleGuard } from './roles.ts';
import { SessionService } from './sessions.ts';
import { SignupPolicy } from './signup-policy.ts';
import { TokenService } from './tokens.ts';

export interface Accounts {
  tokens: TokenService;
  mail: MailSender;
  requireRole: RoleGuard;
  /** Registers the auth, account, admin (and, without SMTP, dev mailbox) routes. */
  register(app: FastifyInstance): void;
  close(): Promise<void>;
}

/** Wires accounts together: sessions, tokens, mail, limits, signups and the bootstrap admin. */
export async function startAccounts(
  db: Database,
  config: ServerConfig,
  log: Logger,
  publicUrl: () => string,
  redis: Redis | null,
): Promise<Accounts> {
  const settings = config.accounts;
  const sessions = new SessionService(db, settings.sessionCheckMs, settings.sessionsPerUser);
  const tokens = await TokenService.create(
    db,
    {
      secret: config.tokenSecret,
      accessTokenTtlSeconds: config.accessTokenTtlSeconds,
      refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
    },
    sessions,
  );
  await bootstrapAdmin(db, settings.admin, log);
  const mail = new MailSender(db, settings.mail, settings.mailFrom, log);
  const backend = redis ? redisRateLimits(redis, config.redisKeyPrefix) : memoryRateLimits();
  const limits = new AuthLimits(backend, settings);
  const signups = new SignupPolicy(db, {
    mode: settings.signupMode,
    perDay: settings.signupsPerDay,
  });
  const links = new EmailLinks(db, {
    publicUrl,
    ttlSeconds: { verify: settings.verifyTokenTtlSeconds, reset: settings.resetTokenTtlSeconds },
  });
  const accounts = new AccountService(db, tokens, links, signups, settings, () => void mail.kick());
  const data = new AccountData(db, sessions);
  const oidc = new OidcService(db, settings.oidc, signups, publicUrl);
  const requireRole = roleGuard(db);
  return {
    tokens,
    mail,
    requireRole,
    register(app) {
      registerAuthRoutes(app, {
        tokens,
        accounts,
        limits,
        signups,
        devMailbox: mail.devMailbox,
        providers: () => oidc.list(),
      });
      registerOidcRoutes(app, { oidc, tokens, limits, publicUrl });
      registerAccountRoutes(app, { accounts, data, limits });
      registerAdminRoutes(app, { db, signups, requireRole });
      if (mail.devMailbox) registerDevMailbox(app, mail);
    },
    async close() {
      await mail.stop();
      await backend.close();
    },
  };
}
