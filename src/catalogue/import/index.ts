/**
 * Import of pages saved from other government sites (`gongkai import pages`): the catalogue metadata and body
 * of each page, ready to become an item.
 */
export { readSavedPage } from './read-saved-page.ts'
export type { SavedPage } from './saved-page.ts'
