import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { type Router } from 'express';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>PALM Chat: client not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>PALM Chat is running, but the web client is not built</h1>
<p>Build it with <code>npm run build:client</code> (or start with <code>npm start</code>, which builds it first), then reload this page.</p>
<p>The server itself works: see <a href="/api/health">/api/health</a>.</p>
</body></html>`;

/**
 * Serves the built client with a single-page-app fallback (any non-API GET that accepts HTML
 * gets index.html, so deep links survive a reload). The build is looked up per page request,
 * so building the client while the server runs works after a reload, as the fallback page says.
 */
export function staticClient(clientDir: string | undefined): Router {
  const router = express.Router();
  const index = clientDir === undefined ? undefined : resolve(clientDir, 'index.html');
  if (clientDir !== undefined) router.use(express.static(clientDir, { index: false }));
  router.use((req, res, next) => {
    const wantsPage = (req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api/') && req.accepts('html') !== false;
    if (!wantsPage) next();
    else if (index !== undefined && existsSync(index)) res.sendFile(index);
    else res.status(503).type('html').send(NOT_BUILT_PAGE);
  });
  return router;
}

