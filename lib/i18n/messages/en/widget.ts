/** The embeddable widget's own frame and messages. */
export const widget = {};
