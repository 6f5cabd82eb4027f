// open311: the GeoReport v2 interface over the reports module. Categories are services, reports are service
// requests (the same rows staff work on), and Open311 clients file reports with an api_key (scope open311).
import type { Module } from '../module.ts';
import { open311Routes } from './open311.routes.ts';

export const open311Module: Module = {
  name: 'open311',
  routes: open311Routes,
};
