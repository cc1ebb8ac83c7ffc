import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The web workbench: built into web/dist, which the API server serves at `/`. */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run dev:web` beside `npm start`: the API stays on its own port.
    proxy: { '/api': { target: process.env.VIGIL_API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
