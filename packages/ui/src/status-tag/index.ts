export { StatusTag, type StatusTagProps, type StatusVariant, type StatusVariants } from './status-tag.js';
