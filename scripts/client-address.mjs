// Preloaded into each `npm start` worker (scripts/start.mjs): every request's X-Forwarded-For
// becomes the socket's address before Next sees it. `next start` only fills the header in when
// it is missing, so a client could otherwise name any address and dodge the per-address limits
// (lib/http/client-address.ts). Behind a reverse proxy of your own that *sets* the header (not
// appends to it), start with TRUST_PROXY=1 to keep the proxy's value.
import http from 'node:http';

if (process.env.TRUST_PROXY !== '1') {
  const createServer = http.createServer;
  http.createServer = function (...args) {
    const server = createServer.apply(this, args);
    server.prependListener('request', (req) => {
      req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    });
    return server;
  };
}
