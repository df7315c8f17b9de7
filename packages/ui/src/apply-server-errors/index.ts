export {
  type ApplyServerErrorsOptions,
  applyServerErrors,
  type GraphQLErrorLike,
  type ServerErrorLike,
  toNamePath,
} from './apply-server-errors.js';
export { type Violation, ViolationMessage, violationMessage } from './violation-message.js';
