export { EmptyState, type EmptyStateAction, type EmptyStateProps } from './empty-state.js';
