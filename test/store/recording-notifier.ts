/** A Notifier for tests only: records what it was asked to send, and can be told to fail. */
import type { NotificationMessage, Notifier } from '../../server/runtime/index.ts';

export class RecordingNotifier implements Notifier {
  readonly sent: NotificationMessage[] = [];
  /** Fail the next N sends, as a provider outage would. */
  failNext = 0;

  async send(message: NotificationMessage): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw Object.assign(new Error('provider unavailable'), { code: 'provider_unavailable' });
    }
    this.sent.push(structuredClone(message));
  }

  ids(): string[] {
    return this.sent.map((m) => m.id);
  }
}
