export {
  type AppBreadcrumb,
  AppLayout,
  type AppLayoutProps,
  type AppModule,
  type AppUser,
  visibleModules,
} from './app-layout.js';
