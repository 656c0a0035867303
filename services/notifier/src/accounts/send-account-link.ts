// The console asked for an activation or a password-reset email: send its one-time link, never after it expires.
import type { EventOf } from '@lianxin/contracts';
import type { Deps } from '../shared/deps.ts';

type AccountLinkEvent =
  EventOf<'account.activation_requested'> | EventOf<'account.password_reset_requested'>;

export async function sendAccountLink(deps: Deps, event: AccountLinkEvent): Promise<void> {
  const d = event.data;
  const expiresAt = new Date(d.link.expiresAt);
  if (deps.now() >= expiresAt) return; // a dead link helps no one; the console will issue a new one
  await deps.deliveries.plan(
    [
      {
        key: event.id,
        eventId: event.id,
        eventType: event.type,
        content: {
          template: event.type === 'account.activation_requested' ? 'activation' : 'password_reset',
          data: { name: d.name, role: d.role, url: d.link.url, expiresAt: d.link.expiresAt },
        },
        recipient: { email: d.email, name: d.name },
        language: d.language,
        dueAt: deps.now(),
        notAfter: expiresAt,
      },
    ],
    deps.now(),
  );
  deps.wake();
}
