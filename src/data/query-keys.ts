/** Query keys, in one place so that invalidation is one import. */
export const queryKeys = {
    me: () => ['me'] as const,
    config: () => ['dataStore', 'triangulate', 'config'] as const,
    configMeta: () => ['dataStore', 'triangulate', 'config', 'metaData'] as const,
    orgUnitLevels: () => ['organisationUnitLevels'] as const,
    orgUnit: (id: string) => ['organisationUnits', id] as const,
    analytics: (params: Record<string, unknown>) => ['analytics', params] as const,
    metadataSearch: (type: string, text: string) => ['metadataSearch', type, text] as const,
}
