export { describeError } from './describe-error'
export type { ApiErrorKind, DescribedError } from './describe-error'
export { ErrorNotice } from './ErrorNotice'
export { LoadBoundary } from './LoadBoundary'
