export { SettingsPage } from './SettingsPage'
export {
    confirmLeavingSettings,
    hasUnsavedChanges,
    leaveSettingsMessage,
    useUnsavedChanges,
} from './unsaved-changes'
export { canEditConfig, CONFIG_AUTHORITY } from './permissions'
export { evaluateSuggestions, suggestPairs } from './suggest'
