import i18n from '@dhis2/d2-i18n'
import {
    Button,
    CircularLoader,
    InputField,
    Modal,
    ModalActions,
    ModalContent,
    ModalTitle,
    OrganisationUnitTree,
} from '@dhis2/ui'
import React, { useRef, useState } from 'react'
import { treeExpandedPaths, treeSelectedPaths } from '../../data/org-unit-paths'
import {
    ORG_UNIT_SEARCH_MIN_LENGTH,
    useOrgUnitSearch,
    type OrgUnitMatch,
} from '../../data/use-org-unit-search'
import { useDebouncedValue } from '../../features/settings/hooks/use-debounced-value'
import { ErrorNotice } from '../../shared/api-errors'
import classes from './OrgUnitTreeModal.module.css'

/** Up/Down move between the search field and the results; Enter/Space choose (native buttons) */
const moveFocus = (list: HTMLElement | null, from: Element | null, step: 1 | -1): boolean => {
    const buttons = Array.from(list?.querySelectorAll('button') ?? [])
    if (buttons.length === 0) return false
    const index = buttons.indexOf(from as HTMLButtonElement)
    const next = index < 0 ? (step === 1 ? 0 : buttons.length - 1) : index + step
    if (next < 0 || next >= buttons.length) return false
    buttons[next]?.focus()
    return true
}

const SearchResults = ({
    text,
    roots,
    onSelect,
    listRef,
    onLeaveUp,
}: {
    text: string
    roots: string[]
    onSelect: (id: string) => void
    listRef: React.RefObject<HTMLUListElement>
    onLeaveUp: () => void
}) => {
    const search = useOrgUnitSearch(text, roots)
    if (search.error) {
        return (
            <ErrorNotice
                error={search.error}
                onRetry={() => void search.refetch()}
                dataTest="orgunit-search-error"
            />
        )
    }
    if (!search.data) return <CircularLoader small dataTest="orgunit-search-loading" />
    const { matches, total } = search.data
    if (matches.length === 0) {
        return (
            <p className={classes.status} role="status" data-test="orgunit-search-empty">
                {i18n.t('No org unit matches “{{text}}”.', {
                    text,
                    interpolation: { escapeValue: false },
                })}
            </p>
        )
    }
    // Only the first page of matches is shown: say so when there are more (no colon in msgids:
    // the i18n extraction takes it for a namespace separator)
    const shown = matches.length
    const countText =
        total > shown
            ? i18n.t(
                  'The first {{shown}} of {{total}} matching org units. Type more to narrow them down.',
                  { shown, total }
              )
            : i18n.t('Matching org units – {{number}}', { number: shown })
    const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
        if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : -1
        if (!moveFocus(listRef.current, document.activeElement, step) && step === -1) onLeaveUp()
    }
    return (
        <>
            <p className={classes.status} role="status" data-test="orgunit-search-count">
                {countText}
            </p>
            <ul
                ref={listRef}
                className={classes.results}
                aria-label={i18n.t('Matching org units')}
                data-test="orgunit-search-results"
                onKeyDown={onKeyDown}
            >
                {matches.map((unit: OrgUnitMatch) => (
                    <li key={unit.id}>
                        <button
                            type="button"
                            className={classes.result}
                            onClick={() => onSelect(unit.id)}
                            data-test="orgunit-search-result"
                        >
                            <span className={classes.resultName}>{unit.displayName}</span>
                            {unit.ancestorNames.length > 0 && (
                                <span className={classes.resultPath}>
                                    {unit.ancestorNames.join(' › ')}
                                </span>
                            )}
                        </button>
                    </li>
                ))}
            </ul>
            {search.isFetching && <CircularLoader extrasmall />}
        </>
    )
}

/**
 * The org unit tree in a modal, from the user's data-view roots (see `OrgUnitPicker`), with a
 * search by name or code for when the unit is deep in a national hierarchy.
 */
export const OrgUnitTreeModal = ({
    roots,
    rootPaths,
    selectedPath,
    onSelect,
    onClose,
}: {
    roots: string[]
    rootPaths: string[]
    selectedPath?: string
    onSelect: (id: string) => void
    onClose: () => void
}) => {
    const [text, setText] = useState('')
    const searchText = useDebouncedValue(text.trim(), 300)
    const searching = text.trim().length >= ORG_UNIT_SEARCH_MIN_LENGTH
    const listRef = useRef<HTMLUListElement>(null)
    const fieldRef = useRef<HTMLDivElement>(null)
    const focusField = () => fieldRef.current?.querySelector('input')?.focus()
    return (
        <Modal onClose={onClose} position="middle" dataTest="orgunit-picker">
            <ModalTitle>{i18n.t('Choose an org unit')}</ModalTitle>
            <ModalContent>
                <div ref={fieldRef} className={classes.search}>
                    <InputField
                        label={i18n.t('Search org units')}
                        name="orgunit-search"
                        placeholder={i18n.t('Name or code')}
                        type="search"
                        autoComplete="off"
                        value={text}
                        onChange={({ value }) => setText(value ?? '')}
                        onKeyDown={(_, event) => {
                            const key = (event as unknown as React.KeyboardEvent).key
                            if (key === 'ArrowDown' && moveFocus(listRef.current, null, 1)) {
                                ;(event as unknown as React.KeyboardEvent).preventDefault()
                            }
                        }}
                        helpText={
                            text.trim().length > 0 && !searching
                                ? i18n.t('Type at least {{number}} characters', {
                                      number: ORG_UNIT_SEARCH_MIN_LENGTH,
                                  })
                                : undefined
                        }
                        initialFocus
                        dense
                        dataTest="orgunit-search"
                    />
                </div>
                {searching &&
                    (searchText.length >= ORG_UNIT_SEARCH_MIN_LENGTH ? (
                        <SearchResults
                            text={searchText}
                            roots={roots}
                            onSelect={onSelect}
                            listRef={listRef}
                            onLeaveUp={focusField}
                        />
                    ) : (
                        <CircularLoader small dataTest="orgunit-search-loading" />
                    ))}
                {/* Kept while searching (hidden), so that clearing the search finds it as it was */}
                <div hidden={searching}>
                    <OrganisationUnitTree
                        roots={roots}
                        singleSelection
                        initiallyExpanded={treeExpandedPaths(selectedPath, rootPaths)}
                        selected={treeSelectedPaths(selectedPath, rootPaths)}
                        onChange={({ id }: { id: string }) => onSelect(id)}
                    />
                </div>
            </ModalContent>
            <ModalActions>
                <Button onClick={onClose}>{i18n.t('Cancel')}</Button>
            </ModalActions>
        </Modal>
    )
}
