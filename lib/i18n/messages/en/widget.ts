/** The embeddable widget's own frame and messages. */
export const widget = {
  title: "Devices",
  opening: "Opening your devices…",
  unreachable: "We could not reach the server. Check your connection and try again.",
  notEmbeddable: "This page cannot be embedded here. Ask the site owner to allow its origin.",
  invalidRequest: "That widget request is not valid.",
  linkSpent: "This widget link has expired or was already used. Reload the page to open it again.",
  result: {
    cancelled: "Cancelled. You can close this window.",
    done: "All done. You can close this window.",
    failed: "Something went wrong.",
  },
  demo: {
    heading: "Result received by the host page",
    outcome: "Outcome: {value}",
    noResult: "(no result yet)",
  },
};
