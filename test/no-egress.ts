/**
 * Loaded before every test file: any attempt to open a socket to a non-loopback address fails the test that made
 * it. Plateau makes no network call at run time; this keeps it so.
 */
import net from 'node:net';

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;
const connect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function guarded(this: net.Socket, ...args: unknown[]) {
  const first = args[0];
  const opts = (typeof first === 'object' && first !== null ? first : {}) as { host?: string; path?: string; port?: number };
  const host = typeof first === 'object' && first !== null ? opts.host : (typeof args[1] === 'string' ? args[1] : undefined);
  if (!opts.path && host !== undefined && !LOOPBACK.test(host)) {
    throw new Error(`network egress attempted to ${host}: Plateau must not open connections off this machine`);
  }
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
