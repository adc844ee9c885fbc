import type { ModuleManifest } from '../../platform/module.js';
import { fileRoutes } from './files.routes.js';

export { saveUpload, readFile, assertFilesExist, type StoredFile } from './files.service.js';
export { files } from './files.table.js';

export const filesModule: ModuleManifest = {
  name: 'files',
  prefix: '/api/files',
  routes: fileRoutes,
  permissions: {
    'file.upload': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'member', 'unit_contact', 'resident', 'auditor'],
  },
};
