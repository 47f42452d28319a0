export * from './view-state'
export { useViewState } from './use-view-state'
export * from './org-unit-access'
