import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

// One HTML entry per page; the host maps /login, /designer and /rules to them (Features/Web/WebPages.cs).
export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: resolve(root, '../OrderToCash.Host/wwwroot'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // bpmn-js (modeler, rendering, modelling rules) is one ~1 MB chunk loaded by the designer page only.
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      input: {
        index: resolve(root, 'index.html'),
        login: resolve(root, 'login.html'),
        designer: resolve(root, 'designer.html'),
        rules: resolve(root, 'rules.html'),
        tasks: resolve(root, 'tasks.html'),
        receivables: resolve(root, 'receivables.html'),
        'root-causes': resolve(root, 'root-causes.html'),
        reasons: resolve(root, 'reasons.html'),
        customers: resolve(root, 'customers.html'),
        collections: resolve(root, 'collections.html'),
        sales: resolve(root, 'sales.html'),
        operations: resolve(root, 'operations.html'),
        credit: resolve(root, 'credit.html'),
        kpis: resolve(root, 'kpis.html'),
        'control-tower': resolve(root, 'control-tower.html'),
      },
    },
  },
});
