export { type DeadlineState, type DeadlineUrgency, deadlineState } from './deadline.js';
export { DEADLINE_VARIANTS, DeadlineBadge, type DeadlineBadgeProps } from './deadline-badge.js';
