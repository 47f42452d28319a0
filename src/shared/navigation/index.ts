export * from './view-state'
export { useViewState } from './use-view-state'
