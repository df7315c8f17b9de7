export { StatusTimeline, type StatusTimelineProps, type StatusTransition } from './status-timeline.js';
