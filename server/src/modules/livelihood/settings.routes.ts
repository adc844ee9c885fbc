import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/request-context.js';
import { settingsResponse, updateSettingsBody } from './settings.schema.js';
import { getSettings, updateSettings } from './settings.service.js';

const tags = ['livelihood-settings'];

/** The street's rate definitions: read with the resettlement pages, changed by the street admin. */
export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/settings', { config: { permission: 'livelihood.settings.read' }, schema: { tags, response: { 200: settingsResponse } } }, async (req) => getSettings(requireActor(req.ctx)));
  app.put('/settings', { config: { permission: 'livelihood.settings.write' }, schema: { tags, body: updateSettingsBody, response: { 200: settingsResponse } } }, async (req) =>
    updateSettings(requireActor(req.ctx), req.body),
  );
};
