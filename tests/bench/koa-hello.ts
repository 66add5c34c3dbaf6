/**
 * The framework ceiling: a bare Koa app answering `{"hello":"world"}`, in its own process like
 * the BFF, so the ratio BFF ÷ hello shows what our middleware, validation and database cost.
 * Prints `listening <port>` once ready.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';

const app = new Koa();
app.use((ctx) => {
  ctx.body = { hello: 'world' };
});
const server = http.createServer(app.callback());
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
