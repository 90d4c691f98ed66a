import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The dev server only serves the UI; sockets and REST go to the API server, on the same PORT
// the server reads. 127.0.0.1, not localhost: the server binds IPv4 and Node may resolve ::1 first.
const api = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/socket.io': { target: api, ws: true },
      '/api': { target: api },
    },
  },
});
