import { runSubgraph } from '@safety/subgraph-kit';
import { emergencySubgraph } from './subgraph.js';

await runSubgraph(emergencySubgraph);
