/** The designer's pages (loaded on first use by DesignerRoute), first match wins. */
import type { Component } from 'svelte';
import { matchRoute, type Route } from '../lib/route-match.ts';
import './designer.css';
import CheckChangesPage from './pages/CheckChangesPage.svelte';
import DefinitionsPage from './pages/DefinitionsPage.svelte';
import FormPage from './pages/FormPage.svelte';
import FormsPage from './pages/FormsPage.svelte';
import MapPage from './pages/MapPage.svelte';
import VersionsPage from './pages/VersionsPage.svelte';
import WhatIfPage from './pages/WhatIfPage.svelte';

type Page = Component<{ params: Record<string, string> }>;

const routes: Route<Page>[] = [
  { path: '/designer', page: DefinitionsPage },
  { path: '/designer/:id', page: MapPage },
  { path: '/designer/:id/forms', page: FormsPage },
  { path: '/designer/:id/forms/:formId', page: FormPage },
  { path: '/designer/:id/what-if', page: WhatIfPage },
  { path: '/designer/:id/versions', page: VersionsPage },
  { path: '/designer/:id/publish', page: CheckChangesPage },
];

export const matchDesignerPage = (path: string) => matchRoute(routes, path);
