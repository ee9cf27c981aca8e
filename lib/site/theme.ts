/** Where the reader's light/dark choice is kept (localStorage), read before first paint and written by the toggle. */
export const THEME_STORAGE_KEY = "yuedu-theme";

export type Theme = "light" | "dark";
