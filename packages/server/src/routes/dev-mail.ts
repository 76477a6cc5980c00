import type { FastifyInstance } from 'fastify';
import type { MailSender } from '../auth/mail.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Links in a mail's text become clickable (the text is escaped first). */
const linkify = (html: string) =>
  html.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

/**
 * `/dev/mail`: what the server "sent" while no SMTP is configured (the dev mailbox), newest first;
 * `/dev/mail.json` the same as JSON. Registered only in that mode: with SMTP it does not exist.
 */
export function registerDevMailbox(app: FastifyInstance, mail: MailSender): void {
  const hidden = { schema: { hide: true } };
  app.get('/dev/mail.json', hidden, async () => {
    await mail.kick();
    return { mail: await mail.devMail() };
  });
  app.get('/dev/mail', hidden, async (_request, reply) => {
    await mail.kick();
    const items = (await mail.devMail())
      .map(
        (m) =>
          `<article><h2>${escape(m.subject)}</h2><p class="meta">To ${escape(m.to)} · ${escape(m.createdAt)}</p>` +
          `<pre>${linkify(escape(m.body))}</pre></article>`,
      )
      .join('');
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dev mailbox</title>` +
          `<style>body{font:16px/1.5 system-ui,sans-serif;background:#fff;color:#111;max-width:50rem;margin:2rem auto;padding:0 1rem}` +
          `article{border:1px solid #888;border-radius:6px;padding:0 1rem;margin:1rem 0}.meta{color:#333}` +
          `pre{white-space:pre-wrap}a{color:#0645ad}</style></head><body>` +
          `<h1>Dev mailbox</h1><p>Mail the server would have sent. Shown only while no SMTP server is configured.</p>` +
          (items || '<p>No mail yet.</p>') +
          `</body></html>`,
      );
  });
}
