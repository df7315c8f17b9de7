// Module Federation remotes, resolved at run time from their remoteEntry.js (see vite.config.ts).
// Each exposes `./routes`: a component taking DepartmentRoutesProps (packages/client/src/app-shell).
declare module 'responsibility/routes' {
  const Routes: import('react').ComponentType<import('@safety/client').DepartmentRoutesProps>;
  export default Routes;
}
declare module 'hazard/routes' {
  const Routes: import('react').ComponentType<import('@safety/client').DepartmentRoutesProps>;
  export default Routes;
}
declare module 'supervision/routes' {
  const Routes: import('react').ComponentType<import('@safety/client').DepartmentRoutesProps>;
  export default Routes;
}
declare module 'training/routes' {
  const Routes: import('react').ComponentType<import('@safety/client').DepartmentRoutesProps>;
  export default Routes;
}
declare module 'emergency/routes' {
  const Routes: import('react').ComponentType<import('@safety/client').DepartmentRoutesProps>;
  export default Routes;
}
declare module 'admin/routes' {
  const Routes: import('react').ComponentType<import('@safety/client').DepartmentRoutesProps>;
  export default Routes;
}
