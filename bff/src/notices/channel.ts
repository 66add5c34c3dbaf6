import type { Logger } from '../lib/logger';
import type { StaffNoticeDoc } from './model';

/**
 * A way to push a staff notice beyond the inbox (WeChat work message, SMS…). The inbox record is
 * the notice; a channel only tells people to look, so a failing channel is logged, never retried
 * into the ticket's workflow. No real channel exists yet: the default is `loggedChannel`.
 */
export interface StaffNoticeChannel {
  readonly name: string;
  deliver(notice: StaffNoticeDoc): Promise<void>;
}

/** The default channel: a debug log line per new inbox record, nothing sent. */
export function loggedChannel(logger: Logger): StaffNoticeChannel {
  return {
    name: 'log',
    deliver: async (notice) => {
      logger.debug({ notice: notice._id, to: notice.to, kind: notice.kind, no: notice.ticketNo }, 'staff notice (no push channel configured)');
    },
  };
}
