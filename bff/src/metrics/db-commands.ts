import type { Connection } from 'mongoose';
import type { Metrics } from './metrics';

interface CommandEvent {
  commandName: string;
  duration: number;
}

/**
 * Database latency from the driver's command monitoring (the connection is opened with
 * `monitorCommands: true`, see connectDb): one observation per command, by its name. Returns
 * the function that stops listening.
 */
export function recordDbCommands(db: Connection, metrics: Metrics): () => void {
  const client = db.getClient();
  const observe = (outcome: 'ok' | 'failed') => (e: CommandEvent) => metrics.dbCommandDuration.observe({ command: e.commandName, outcome }, e.duration / 1000);
  const ok = observe('ok');
  const failed = observe('failed');
  client.on('commandSucceeded', ok);
  client.on('commandFailed', failed);
  return () => {
    client.off('commandSucceeded', ok);
    client.off('commandFailed', failed);
  };
}
