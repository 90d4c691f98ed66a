import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The dev server only serves the UI; sockets and REST go to the running API server.
// PALM_DEV_API lets a developer point the proxy elsewhere without editing this file.
const api = process.env.PALM_DEV_API ?? 'http://localhost:3000';

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
