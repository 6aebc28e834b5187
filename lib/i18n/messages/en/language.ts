/** The language choice on the account page. */
export const language = {
  heading: "Language",
  description: "The language of these pages and of the codes we send you.",
  label: "Language",
  browser: "Same as my browser",
  save: "Save language",
  saved: "Language saved.",
  invalid: "Choose one of the languages in the list.",
};
