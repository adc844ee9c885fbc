import type { FeatureManifest } from './feature-manifest';
import account from '../features/account';
import administration from '../features/administration';
import audit from '../features/audit';
import dashboard from '../features/dashboard';
import enterprises from '../features/enterprises';
import grid from '../features/grid';
import home from '../features/home';
import livelihood from '../features/livelihood';
import members from '../features/members';
import orgs from '../features/orgs';
import partyWork from '../features/party-work';
import points from '../features/points';
import tenants from '../features/tenants';

/**
 * Every feature of the web app, in menu order. To add one: create web/src/features/<name>/index.ts
 * default-exporting defineFeature({...}) and add it here. Nothing else in the shell changes.
 */
export const features: readonly FeatureManifest[] = [
  home,
  orgs,
  members,
  points,
  partyWork,
  grid,
  enterprises,
  livelihood,
  dashboard,
  audit,
  tenants,
  administration,
  account,
];

export const featureCatalogues = features.map((feature) => feature.messages);
