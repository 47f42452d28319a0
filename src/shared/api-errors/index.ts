export { describeError, isRetryable, statusOfError } from './describe-error'
export type { ApiErrorKind, DescribedError, ErrorAction } from './describe-error'
export { ErrorNotice } from './ErrorNotice'
export { LoadBoundary } from './LoadBoundary'
