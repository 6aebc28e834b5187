/** The flow host every flow page and the widget share: progress, live updates, generic actions (components/flows/*.tsx). */
export const flows = {};
