/** The account overview page. */
export const account = {
  title: "Your account",
  hello: "Hello, {name}",
  security: {
    heading: "Two-step verification",
    status: "{on, select, true {On} other {Off}} · {active} active {active, plural, one {device} other {devices}}",
    manage: "Manage devices",
  },
  activity: {
    heading: "Recent security activity",
    empty: "Nothing yet.",
    what: "What",
    when: "When",
    from: "From",
    unknown: "unknown",
  },
};
