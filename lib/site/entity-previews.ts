/**
 * Readers can turn entity previews (the hover cards) off, as Wikipedia and GitHub allow. The choice is kept in
 * localStorage and mirrored on <html> as `data-entity-previews="off"` before first paint (by ThemeScript), so
 * entity links look plain from the start and the hover-card island can follow it without talking to the toggle.
 */
export const ENTITY_PREVIEWS_STORAGE_KEY = "yuedu-entity-previews";
export const ENTITY_PREVIEWS_ATTRIBUTE = "data-entity-previews";
