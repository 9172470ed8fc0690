/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'

// `npm run dev` proxies the API to a locally running service (Quarkus dev mode listens on 8080).
const apiTarget = process.env.API_TARGET ?? 'http://localhost:8080'

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/q': apiTarget,
    },
  },
  build: {
    // The page budget is 150 KB of JavaScript gzip; keep an eye on the size report.
    reportCompressedSize: true,
    // One chunk by design (~430 KB raw, ~137 KB gzip); the gzip figure is the one that counts.
    chunkSizeWarningLimit: 500,
  },
  test: {
    globals: true,
    environment: 'happy-dom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
})
