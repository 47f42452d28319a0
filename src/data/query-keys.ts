/** Query keys, in one place so that invalidation is one import. */
export const queryKeys = {
    me: () => ['me'] as const,
    /** Under `me`: invalidated with it */
    user: () => ['me', 'user'] as const,
    config: () => ['dataStore', 'triangulate', 'config'] as const,
    configMeta: () => ['dataStore', 'triangulate', 'config', 'metaData'] as const,
    orgUnitLevels: () => ['organisationUnitLevels'] as const,
    orgUnit: (id: string) => ['organisationUnits', id] as const,
    analytics: (params: Record<string, unknown>) => ['analytics', params] as const,
    itemMetadata: (dataElements: string[], operands: string[], dataSets: string[]) =>
        ['itemMetadata', dataElements, operands, dataSets] as const,
    orgUnitChildren: (id: string) => ['organisationUnits', id, 'children'] as const,
    metadataSearch: (type: string, text: string) => ['metadataSearch', type, text] as const,
    /** The stored config entry as the settings editor reads it (value + lastUpdated) */
    configEntry: () => ['dataStore', 'triangulate', 'config', 'entry'] as const,
    /** The current user's id, name and authorities (who may edit the configuration) */
    meAuthorities: () => ['me', 'authorities'] as const,
    /** Metadata of the ids a configuration refers to, looked up to flag missing ones */
    metadataLookup: (
        dxIds: readonly string[],
        dataSetIds: readonly string[],
        groupSetIds: readonly string[] = []
    ) => ['metadataLookup', [...dxIds], [...dataSetIds], [...groupSetIds]] as const,
    /** The instance's aggregate data elements, for the starter mapping's suggestions */
    suggestCandidates: () => ['suggestCandidates'] as const,
    /** The code of a non-Gregorian calendar, loaded once */
    calendarSupport: (calendar: string) => ['calendarSupport', calendar] as const,
}
