/** Types of services.mjs, the local layout of the platform. */
export interface LocalService {
  name: string;
  dir: string;
  port: number;
  title?: string;
}
export declare const REGISTRY: LocalService;
export declare const SUBGRAPHS: LocalService[];
export declare const GATEWAY: LocalService;
export declare const DEPARTMENT_APPS: Array<{ name: string; port: number; title: string }>;
export declare const WEB: { name: string; port: number };
export declare const FEDERATED_QUERY: string;
